/* A task's root and working directory and its umask (Linux's
 * include/linux/fs_struct.h). Tasks forked with CLONE_FS share one;
 * `users` says how many do. */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/fs.h>

struct task_struct;

struct fs_struct {
	int users; /* under lock */
	spinlock_t lock; /* root, pwd, umask */
	int umask;
	struct path root, pwd;
};

/* The swapper's: root = pwd = "/" once mnt_init() has made the rootfs. */
extern struct fs_struct init_fs;

/* fork without CLONE_FS. RETURNS: a copy, or NULL if out of memory. */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
/* do_exit: detach tsk->fs and drop it. */
void exit_fs(struct task_struct *tsk);
void free_fs_struct(struct fs_struct *fs);
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
/* Copies with a reference (path_put them). */
void get_fs_root_and_pwd(struct fs_struct *fs, struct path *root, struct path *pwd);

#endif
