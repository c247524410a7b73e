/* Completions (Linux's include/linux/completion.h): one task waits until
 * another says "done". Unlike a bare flag with a wait queue, the waiter
 * takes the completion's lock again before it returns, so complete() has
 * let go of the completion by then: it may live on the waiter's stack
 * (vfork's does). */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/* Signal one waiter (or the next one to wait) that the event happened.
 * CONTEXT: any. */
void complete(struct completion *x);

/* Sleep until complete(x), whatever signals come (state D). */
void wait_for_completion(struct completion *x);

/* Sleep until complete(x), or a fatal signal.
 * RETURNS: -ERESTARTSYS if killed, else a positive value. */
int wait_for_completion_killable(struct completion *x);

#endif
