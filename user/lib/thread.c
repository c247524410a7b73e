/* Test threads (see user/include/thread.h): a 64 KiB mmap()ed stack per
 * thread, CLONE_PARENT_SETTID/CLONE_CHILD_CLEARTID on t->tid, futex join. */
#include <errno.h>
#include <sched.h>
#include <sys/mman.h>
#include <thread.h>
#include <time.h>
#include <linux/futex.h>
#include "kernel_time.h"
#include "syscall.h"

#define THREAD_STACK_SIZE (64 * 1024)

int futex(volatile int *uaddr, int op, int val, const struct timespec *timeout)
{
	struct old_timespec32 kts;

	if (timeout)
		timespec_to_old(&kts, timeout);
	return SYSCALL(__NR_futex, uaddr, op, val, timeout ? &kts : NULL);
}

int thread_start(struct thread *t, int (*fn)(void *), void *arg)
{
	const int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
			  CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID |
			  CLONE_CHILD_CLEARTID;
	int tid;

	t->stack_size = THREAD_STACK_SIZE;
	t->stack = mmap(NULL, t->stack_size, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
	if (t->stack == MAP_FAILED)
		return -1;
	tid = clone(fn, (char *)t->stack + t->stack_size, flags, arg,
		    &t->tid, NULL, &t->tid);
	if (tid < 0) {
		munmap(t->stack, t->stack_size);
		return -1;
	}
	return tid;
}

int thread_join(struct thread *t)
{
	int tid;

	while ((tid = t->tid) != 0)
		if (futex(&t->tid, FUTEX_WAIT, tid, NULL) < 0 &&
		    errno != EAGAIN && errno != EINTR)
			return -1;
	return munmap(t->stack, t->stack_size);
}
