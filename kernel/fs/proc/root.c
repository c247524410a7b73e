/* The proc file system and its root directory: the system-wide files,
 * "self", and one directory per process (Linux's fs/proc/root.c and
 * generic.c). One superblock serves every mount of it. */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static const struct proc_entry proc_root_entries[] = {
	{ "self", S_IFLNK | 0777, NULL },
	{ "cmdline", S_IFREG | 0444, cmdline_proc_show },
	{ "cpuinfo", S_IFREG | 0444, cpuinfo_proc_show },
	{ "interrupts", S_IFREG | 0444, show_interrupts },
	{ "kallsyms", S_IFREG | 0400, kallsyms_show },
	{ "loadavg", S_IFREG | 0444, loadavg_proc_show },
	{ "meminfo", S_IFREG | 0444, meminfo_proc_show },
	{ "mounts", S_IFLNK | 0777, NULL },
	{ "slabinfo", S_IFREG | 0400, slabinfo_show },
	{ "stat", S_IFREG | 0444, stat_proc_show },
	{ "uptime", S_IFREG | 0444, uptime_proc_show },
	{ "version", S_IFREG | 0444, version_proc_show },
};

/* /proc/mounts: a symlink to self/mounts, as in Linux since 2.6.25. */
static const char *proc_mounts_get_link(struct dentry *dentry, char *buf, size_t size)
{
	return "self/mounts";
}

static const struct inode_operations proc_mounts_link_inode_operations = {
	.get_link = proc_mounts_get_link,
};

/* Readdir positions: ".", "..", the entries above, then the processes.
 * Entries made up on the spot report their position as d_ino: never 0,
 * which some readdir()s skip as a deleted entry. */
#define FIRST_PROCESS_ENTRY (2 + ARRAY_SIZE(proc_root_entries))

struct inode *proc_make_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (inode)
		inode->i_mode = mode;
	return inode;
}

static int proc_root_file_open(struct inode *inode, struct file *file)
{
	const struct proc_entry *entry = inode->i_private;

	return single_open(file, entry->show, NULL);
}

static const struct file_operations proc_root_file_operations = {
	.open = proc_root_file_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* A decimal pid with no sign or leading zero. RETURNS: it, or -1. */
static long name_to_int(const struct qstr *q)
{
	long n = 0;
	unsigned int i;

	if (!q->len || q->len > 9 || q->name[0] == '0')
		return -1;
	for (i = 0; i < q->len; i++) {
		if (q->name[i] < '0' || q->name[i] > '9')
			return -1;
		n = n * 10 + q->name[i] - '0';
	}
	return n;
}

/* CONTEXT: dcache_lock held. */
static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	long tgid = name_to_int(&dentry->d_name);
	struct inode *inode;
	unsigned int i;

	if (tgid > 0)
		return proc_pid_lookup(dir, dentry, tgid);
	for (i = 0; i < ARRAY_SIZE(proc_root_entries); i++) {
		const struct proc_entry *e = &proc_root_entries[i];

		if (strlen(e->name) != dentry->d_name.len ||
		    memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = proc_make_inode(dir->i_sb, e->mode);
		if (!inode)
			return ERR_PTR(-ENOMEM);
		inode->i_private = (void *)e;
		if (S_ISLNK(e->mode))
			inode->i_op = strcmp(e->name, "self") ? &proc_mounts_link_inode_operations
							      : &proc_self_inode_operations;
		else
			inode->i_fop = &proc_root_file_operations;
		d_add(dentry, inode);
		return NULL;
	}
	d_add(dentry, NULL);
	return NULL;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (!dir_emit_dots(file, ctx))
		return 0;
	while (ctx->pos < FIRST_PROCESS_ENTRY) {
		const struct proc_entry *e = &proc_root_entries[ctx->pos - 2];

		if (!dir_emit(ctx, e->name, strlen(e->name), ctx->pos, S_DT(e->mode)))
			return 0;
		ctx->pos++;
	}
	return proc_pid_readdir(file, ctx, FIRST_PROCESS_ENTRY);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.llseek = generic_file_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_root_readdir,
};

static int proc_fill_super(struct super_block *sb)
{
	struct inode *root;

	sb->s_time_gran = 1;
	root = proc_make_inode(sb, S_IFDIR | 0555);
	if (root) {
		root->i_op = &proc_root_inode_operations;
		root->i_fop = &proc_root_operations;
		root->i_nlink = 2;
	}
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct super_block *proc_sb;

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_single(fs_type, PROC_SUPER_MAGIC, &proc_sb, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
};

void proc_root_init(void)
{
	register_filesystem(&proc_fs_type);
}
