/* Threads for the test programs: clone() with CLONE_THREAD and a futex
 * join on the CLONE_CHILD_CLEARTID word, as glibc's pthread_create and
 * pthread_join do underneath (no pthread library here). */
#ifndef _USER_THREAD_H
#define _USER_THREAD_H

#include <sys/types.h>

struct thread {
	volatile int tid;	/* set by the kernel at clone, cleared at exit */
	void *stack;
	size_t stack_size;
};

/* thread_start - run fn(arg) in a new thread of this process.
 * RETURNS: the thread id, or -1 with errno set. */
int thread_start(struct thread *t, int (*fn)(void *), void *arg);

/* thread_join - wait until the thread has exited, then free its stack.
 * RETURNS: 0, or -1 with errno set. */
int thread_join(struct thread *t);

int futex(volatile int *uaddr, int op, int val, const struct timespec *timeout);

#endif
