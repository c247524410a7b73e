/* A task's descriptor table (Linux's include/linux/fdtable.h, with the
 * table embedded in files_struct at a fixed NR_OPEN_DEFAULT entries, as
 * Linux's own initial table is, only larger). Tasks forked with
 * CLONE_FILES share one; `count` says how many do. */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/spinlock.h>
#include <linux/types.h>

#define NR_OPEN_DEFAULT 256
#define FD_BITS 32
#define FD_WORDS (NR_OPEN_DEFAULT / FD_BITS)

struct file;
struct task_struct;

struct files_struct {
	int count; /* tasks sharing it; atomic */
	spinlock_t file_lock; /* everything below */
	unsigned int next_fd; /* no free descriptor below it */
	u32 open_fds[FD_WORDS]; /* reserved or in use */
	u32 close_on_exec[FD_WORDS];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

/* The swapper's table: empty. */
extern struct files_struct init_files;

/* fork without CLONE_FILES: a copy sharing the open files.
 * RETURNS: the copy, or NULL with *errorp = -ENOMEM. */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
/* Drop a reference; the last closes every descriptor. */
void put_files_struct(struct files_struct *files);
/* do_exit: detach tsk->files and drop it. */
void exit_files(struct task_struct *tsk);
/* exec: close the descriptors marked close-on-exec. */
void do_close_on_exec(struct files_struct *files);
/* The file behind fd, no reference taken. CONTEXT: file_lock held. */
struct file *fcheck_files(struct files_struct *files, unsigned int fd);

#endif
