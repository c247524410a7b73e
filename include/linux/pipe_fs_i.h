/* Pipes (Linux's include/linux/pipe_fs_i.h): a ring of bytes between
 * writers and readers, with the wait queue both sides sleep on. */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

/* A new pipe holds 16 pages, as Linux's (PIPE_DEF_BUFFERS). */
#define PIPE_DEF_BUFFERS 16
/* Writes up to PIPE_BUF bytes are atomic (POSIX). */
#define PIPE_BUF 4096

struct file;

/* Linux keeps an array of page buffers, each with its own offset and
 * length; here the bytes run through the pages in order, a ring of
 * nr_pages pages (a power of two), byte p in pages[(p / PAGE_SIZE) %
 * nr_pages]. A page is allocated when first written. */
struct pipe_inode_info {
	spinlock_t lock; /* all below, and the copies in and out */
	wait_queue_head_t wait; /* readers wait for data, writers for room */
	unsigned int head, tail; /* free-running byte counters: len = head - tail */
	unsigned int nr_pages; /* the ring's size in pages: F_GETPIPE_SZ */
	unsigned int readers, writers; /* open ends */
	char **pages; /* nr_pages pointers, NULL until first written */
};

/* fcntl's F_SETPIPE_SZ and F_GETPIPE_SZ. RETURNS: the pipe's size in bytes,
 * -EBADF if @file is not a pipe, -EINVAL, -EPERM, -EBUSY, -ENOMEM. */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);

#endif
