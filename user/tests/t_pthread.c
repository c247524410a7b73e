/* POSIX threads of our C runtime: create and join with a result,
 * pthread_self, a mutex shared by four threads, a condition variable,
 * pthread_kill to one thread, pthread_sigmask; and the kernel's wake-up at
 * a thread's exit (CLONE_CHILD_CLEARTID) is a shared futex wake, which a
 * FUTEX_WAIT_PRIVATE waiter does not see. The same on Linux. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "check.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static volatile long counter;
static volatile int ready, got_sig;
static pthread_t seen_self;

static void *add(void *arg)
{
	for (int i = 0; i < 20000; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return arg;
}

static void *wait_ready(void *arg)
{
	pthread_mutex_lock(&lock);
	while (!ready)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	seen_self = pthread_self();
	return (void *)42;
}

static void on_usr1(int sig)
{
	got_sig = sig;
}

static void *wait_signal(void *arg)
{
	while (!got_sig)
		sched_yield();
	return (void *)(long)gettid();
}

static volatile int exit_tid; /* CLONE_PARENT_SETTID, CLONE_CHILD_CLEARTID */
static char thread_stack[16384] __attribute__((aligned(8)));

static int short_life(void *arg)
{
	usleep(50000);
	return 0;
}

/* Wait with @op for a 50 ms thread's exit to clear its tid.
 * RETURNS: the futex call's errno, 0 if it was woken. */
static int wait_exit(int op)
{
	const int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
			  CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	struct { long tv_sec, tv_nsec; } limit = { 0, 300000000 }; /* the kernel's timespec */
	int tid = clone(short_life, thread_stack + sizeof(thread_stack), flags, NULL, &exit_tid,
			NULL, &exit_tid);

	errno = 0;
	if (syscall(__NR_futex, &exit_tid, op, tid, &limit, NULL, 0) == 0)
		errno = 0;
	while (exit_tid)
		sched_yield();
	return errno;
}

int main(void)
{
	pthread_t t[4];
	void *ret;
	sigset_t set, old;
	int i, ok = 1;

	for (i = 0; i < 4; i++)
		ok &= pthread_create(&t[i], NULL, add, (void *)(long)i) == 0;
	CHECK(ok, "pthread_create x4");
	for (i = 0; i < 4; i++) {
		ok &= pthread_join(t[i], &ret) == 0 && ret == (void *)(long)i;
	}
	CHECK(ok, "pthread_join returns each thread's result");
	CHECK_EQ(counter, 80000, "4 x 20000 increments under one mutex");
	CHECK_EQ(pthread_mutex_trylock(&lock), 0, "trylock of a free mutex");
	CHECK_EQ(pthread_mutex_trylock(&lock), EBUSY, "trylock of a held one -> EBUSY");
	pthread_mutex_unlock(&lock);

	pthread_create(&t[0], NULL, wait_ready, NULL);
	usleep(20000);
	pthread_mutex_lock(&lock);
	ready = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	CHECK(pthread_join(t[0], &ret) == 0 && ret == (void *)42, "condition variable: woken");
	CHECK(pthread_equal(seen_self, t[0]) && !pthread_equal(seen_self, pthread_self()),
	      "pthread_self in the thread is its pthread_t");
	CHECK_EQ(pthread_join(pthread_self(), NULL), EDEADLK, "joining oneself -> EDEADLK");

	/* the thread starts with SIGUSR1 unblocked; then this one blocks it */
	signal(SIGUSR1, on_usr1);
	pthread_create(&t[0], NULL, wait_signal, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_EQ(pthread_sigmask(SIG_BLOCK, &set, &old), 0, "pthread_sigmask blocks SIGUSR1 here");
	CHECK_EQ(pthread_kill(t[0], SIGUSR1), 0, "pthread_kill");
	CHECK(pthread_join(t[0], &ret) == 0 && (long)ret != gettid() && got_sig == SIGUSR1,
	      "the other thread took the signal");
	CHECK_EQ(pthread_sigmask(SIG_SETMASK, &old, NULL), 0, "pthread_sigmask restores");
	CHECK_EQ(pthread_sigmask(99, &set, NULL), EINVAL, "pthread_sigmask(99) -> EINVAL, not -1");

	CHECK_EQ(wait_exit(FUTEX_WAIT), 0, "a thread's exit wakes a FUTEX_WAIT on its tid");
	CHECK_EQ(wait_exit(FUTEX_WAIT_PRIVATE), ETIMEDOUT,
		 "but not a FUTEX_WAIT_PRIVATE (the exit's wake is shared) -> ETIMEDOUT");
	return check_done("t_pthread");
}
