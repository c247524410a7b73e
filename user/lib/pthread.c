/* POSIX threads on clone() and futex() (what glibc's nptl does, much
 * reduced): a thread is a task made with CLONE_THREAD on an mmap()ed stack
 * whose top holds its control block; the kernel writes its id there
 * (CLONE_PARENT_SETTID) and clears it and wakes a futex at exit
 * (CLONE_CHILD_CLEARTID): pthread_join waits for that, on a shared futex
 * as glibc's does, since the kernel's wake is a shared one. The TLS register
 * (CLONE_SETTLS) points at the block: pthread_self. Mutexes are Drepper's
 * three-state futex locks ("Futexes Are Tricky"), condition variables a
 * sequence number waited on with FUTEX_WAIT. No attributes are honoured. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/futex.h>
#include "syscall.h"

#define PTHREAD_STACK_SIZE (256 * 1024)

struct pthread {
	volatile int tid; /* 0 once the thread has exited */
	void *(*start)(void *);
	void *arg;
	void *result;
	size_t map_size; /* stack and this block, one mapping */
};

/* The initial thread's block, made the first time it is asked for. */
static struct pthread main_thread;

static long futex_wait(volatile void *uaddr, unsigned int val)
{
	return SYSCALL_RAW(__NR_futex, uaddr, FUTEX_WAIT_PRIVATE, val, NULL);
}

/* The wait for a thread's exit: the kernel wakes it with a shared
 * FUTEX_WAKE, which no FUTEX_WAIT_PRIVATE waiter sees. */
static long futex_wait_shared(volatile void *uaddr, unsigned int val)
{
	return SYSCALL_RAW(__NR_futex, uaddr, FUTEX_WAIT, val, NULL);
}

static long futex_wake(volatile void *uaddr, int nr)
{
	return SYSCALL_RAW(__NR_futex, uaddr, FUTEX_WAKE_PRIVATE, nr);
}

pthread_t pthread_self(void)
{
	unsigned long tp;

	__asm__("mrc p15, 0, %0, c13, c0, 3" : "=r"(tp));
	if (!tp) {
		main_thread.tid = SYSCALL_RAW(__NR_gettid);
		tp = (unsigned long)&main_thread;
	}
	return (pthread_t)tp;
}

int pthread_equal(pthread_t t1, pthread_t t2)
{
	return t1 == t2;
}

static int start_thread(void *arg)
{
	struct pthread *self = arg;

	self->result = self->start(self->arg);
	return 0;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *),
		   void *arg)
{
	const int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			  CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
			  CLONE_CHILD_CLEARTID;
	size_t size = PTHREAD_STACK_SIZE;
	char *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
			 -1, 0);
	struct pthread *t;
	int tid;

	if (map == MAP_FAILED)
		return EAGAIN;
	t = (struct pthread *)(map + size) - 1;
	t->start = start;
	t->arg = arg;
	t->map_size = size;
	/* the stack grows down from just below the block, 8-byte aligned */
	tid = clone(start_thread, (void *)((unsigned long)t & ~7UL), flags, t, &t->tid, t, &t->tid);
	if (tid < 0) {
		int err = errno;

		munmap(map, size);
		return err;
	}
	*thread = (pthread_t)t;
	return 0;
}

int pthread_join(pthread_t thread, void **retval)
{
	struct pthread *t = (struct pthread *)thread;
	int tid;

	if (thread == pthread_self())
		return EDEADLK;
	while ((tid = t->tid) != 0)
		futex_wait_shared(&t->tid, tid);
	if (retval)
		*retval = t->result;
	munmap((char *)(t + 1) - t->map_size, t->map_size);
	return 0;
}

int pthread_kill(pthread_t thread, int sig)
{
	struct pthread *t = (struct pthread *)thread;
	long pid = SYSCALL_RAW(__NR_getpid);
	long ret = SYSCALL_RAW(__NR_tgkill, pid, t->tid, sig);

	return ret < 0 ? -ret : 0;
}

/* Like sigprocmask, but the error is returned, not put in errno. */
int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset)
{
	long ret = SYSCALL_RAW(__NR_rt_sigprocmask, how, set, oldset, 8);

	return ret < 0 ? -ret : 0;
}

/* Mutex states: 0 unlocked, 1 locked, 2 locked with waiters; newlib's
 * static initializer (all ones) also means unlocked. */
static inline unsigned int cmpxchg(pthread_mutex_t *m, unsigned int old, unsigned int new)
{
	__atomic_compare_exchange_n(m, &old, new, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
	return old;
}

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr)
{
	__atomic_store_n(mutex, 0, __ATOMIC_RELEASE);
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *mutex)
{
	return *mutex == 0 || *mutex == _PTHREAD_MUTEX_INITIALIZER ? 0 : EBUSY;
}

int pthread_mutex_trylock(pthread_mutex_t *mutex)
{
	cmpxchg(mutex, _PTHREAD_MUTEX_INITIALIZER, 0);
	return cmpxchg(mutex, 0, 1) == 0 ? 0 : EBUSY;
}

int pthread_mutex_lock(pthread_mutex_t *mutex)
{
	unsigned int c;

	cmpxchg(mutex, _PTHREAD_MUTEX_INITIALIZER, 0);
	if ((c = cmpxchg(mutex, 0, 1)) == 0)
		return 0;
	do {
		if (c == 2 || cmpxchg(mutex, 1, 2) != 0)
			futex_wait(mutex, 2);
	} while ((c = cmpxchg(mutex, 0, 2)) != 0);
	return 0;
}

int pthread_mutex_unlock(pthread_mutex_t *mutex)
{
	if (__atomic_fetch_sub(mutex, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(mutex, 0, __ATOMIC_RELEASE);
		futex_wake(mutex, 1);
	}
	return 0;
}

int pthread_cond_init(pthread_cond_t *cond, const pthread_condattr_t *attr)
{
	*cond = 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *cond)
{
	return 0;
}

/* Wait until the sequence number moves on from the one seen while the
 * mutex was held: a signal in between is never lost. */
int pthread_cond_wait(pthread_cond_t *cond, pthread_mutex_t *mutex)
{
	unsigned int seq = __atomic_load_n(cond, __ATOMIC_ACQUIRE);

	pthread_mutex_unlock(mutex);
	futex_wait(cond, seq);
	/* others may be waiting too: take the mutex as contended */
	while (cmpxchg(mutex, 0, 2) != 0)
		futex_wait(mutex, 2);
	return 0;
}

int pthread_cond_signal(pthread_cond_t *cond)
{
	__atomic_fetch_add(cond, 1, __ATOMIC_RELEASE);
	futex_wake(cond, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *cond)
{
	__atomic_fetch_add(cond, 1, __ATOMIC_RELEASE);
	futex_wake(cond, INT_MAX);
	return 0;
}
