/* What the proc files share (Linux's fs/proc/internal.h). */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/kernel_stat.h>

/* A file or symlink directly in /proc (Linux's proc_dir_entry, reduced). */
struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, void *v);
};

struct inode *proc_make_inode(struct super_block *sb, umode_t mode);
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry, pid_t tgid);
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first);
extern const struct inode_operations proc_self_inode_operations;

int meminfo_proc_show(struct seq_file *m, void *v);
int cpuinfo_proc_show(struct seq_file *m, void *v);
int cmdline_proc_show(struct seq_file *m, void *v);
int loadavg_proc_show(struct seq_file *m, void *v);
int stat_proc_show(struct seq_file *m, void *v);
int proc_mounts_show(struct seq_file *m, void *v); /* kernel/fs/namespace.c */
int kallsyms_show(struct seq_file *m, void *v);
int proc_pid_maps(struct seq_file *m, pid_t tgid);
int proc_pid_statm(struct seq_file *m, pid_t tgid);
extern const struct inode_operations proc_pid_link_inode_operations;
int show_interrupts(struct seq_file *m, void *v);
int uptime_proc_show(struct seq_file *m, void *v);
int version_proc_show(struct seq_file *m, void *v);

#endif
