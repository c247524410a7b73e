/* A task's descriptor table (Linux's include/linux/fdtable.h, with the
 * table embedded in files_struct at a fixed NR_OPEN_DEFAULT entries, as
 * Linux's own initial table is, only larger). Tasks forked with
 * CLONE_FILES share one; `count` says how many do. */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/bitops.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define NR_OPEN_DEFAULT 256

struct file;
struct task_struct;

struct files_struct {
	int count; /* tasks sharing it; atomic */
	spinlock_t file_lock; /* everything below */
	unsigned int next_fd; /* no free descriptor below it */
	/* Reserved or in use; a table is copied and closed only up to its
	 * last word with a bit set (Linux's count_open_files). */
	unsigned long open_fds[BITS_TO_LONGS(NR_OPEN_DEFAULT)];
	unsigned long close_on_exec[BITS_TO_LONGS(NR_OPEN_DEFAULT)];
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
