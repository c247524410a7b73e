/* Pipes (Linux's include/linux/pipe_fs_i.h): a ring of bytes between
 * writers and readers, with the wait queue both sides sleep on. */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

/* One page of buffer, as Linux's PIPE_DEF_BUFFERS pages hold at least. */
#define PIPE_BUF_SIZE 4096
/* Writes up to PIPE_BUF bytes are atomic (POSIX). */
#define PIPE_BUF 4096

struct pipe_inode_info {
	spinlock_t lock; /* all below, and the copies in and out */
	wait_queue_head_t wait; /* readers wait for data, writers for room */
	unsigned int head, tail; /* free-running byte counters: len = head - tail */
	unsigned int readers, writers; /* open ends */
	char *buf; /* PIPE_BUF_SIZE bytes */
};

#endif
