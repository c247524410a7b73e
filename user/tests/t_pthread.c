/* POSIX threads of our C runtime: create and join with a result,
 * pthread_self, a mutex shared by four threads, a condition variable,
 * pthread_kill to one thread, pthread_sigmask; and the kernel's wake-up at
 * a thread's exit (CLONE_CHILD_CLEARTID) is a shared futex wake, which a
 * FUTEX_WAIT_PRIVATE waiter does not see; a process-directed signal that
 * the main thread blocks again (ppoll's mask) before taking it goes to
 * another thread (retarget_shared_pending). The same on Linux. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "check.h"

#define POLLIN 0x0001
struct pollfd { int fd; short events, revents; }; /* the kernel's, as <poll.h> */

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


/* retarget: A sleeps in pause() with SIGUSR1 unblocked; C sends it */
static volatile int a_ready, a_woke, c_go, usr1_tid;
static int retarget_pipe[2];

static void on_usr1_at(int sig)
{
	usr1_tid = gettid();
}

static void *pause_unblocked(void *arg)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	a_ready = 1;
	pause();
	a_woke = gettid();
	return NULL;
}

/* Make the pipe readable, then send SIGUSR1 to the process while the main
 * thread, woken by the byte, is still scanning its ppoll array. */
static void *send_after_write(void *arg)
{
	while (!c_go)
		sched_yield();
	usleep(50000);
	write(retarget_pipe[1], "x", 1);
	kill(getpid(), SIGUSR1);
	return NULL;
}

/* The main thread (the leader, which complete_signal asks first) unblocks
 * SIGUSR1 only inside ppoll. The signal comes while it sleeps there, so it
 * is the one told to take it; but the pipe is ready, so ppoll returns the
 * ready count and puts SIGUSR1 back in the mask without taking it.
 * __set_task_blocked must then wake A (retarget_shared_pending), or the
 * signal waits for nobody. Whether the byte or the signal reaches the main
 * thread first is a race, so five rounds: without the retarget one of
 * them strands the signal all but surely.
 * RETURNS: the rounds in which A took the signal. */
static int block_before_taking(int *ppoll_ready)
{
	static struct pollfd fds[1024]; /* a long scan after the wake-up */
	unsigned long kmask[2] = { 0, 0 }; /* the kernel's sigset_t */
	pthread_t a, c;
	sigset_t set;
	char byte;
	int i, round;

	signal(SIGUSR1, on_usr1_at);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL); /* A and C start with it blocked */
	pipe(retarget_pipe);
	for (i = 0; i < 1024; i++) {
		fds[i].fd = retarget_pipe[0];
		fds[i].events = POLLIN;
	}
	*ppoll_ready = 1;
	for (round = 0; round < 5; round++) {
		a_ready = a_woke = c_go = usr1_tid = 0;
		pthread_create(&a, NULL, pause_unblocked, NULL);
		while (!a_ready)
			sched_yield();
		usleep(20000);
		pthread_create(&c, NULL, send_after_write, NULL);
		c_go = 1;
		*ppoll_ready &= syscall(__NR_ppoll, fds, 1024, NULL, kmask, sizeof(kmask)) == 1024;
		for (i = 0; i < 200 && !a_woke; i++)
			usleep(10000);
		pthread_join(c, NULL);
		if (!a_woke || usr1_tid != a_woke)
			break; /* A may sleep on: the process's exit ends it */
		pthread_join(a, NULL);
		read(retarget_pipe[0], &byte, 1);
	}
	close(retarget_pipe[0]);
	close(retarget_pipe[1]);
	return round;
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

	int ppoll_ready;
	CHECK_EQ(block_before_taking(&ppoll_ready), 5,
		 "a process's SIGUSR1 that the main thread blocks again before taking it "
		 "goes to the thread that sleeps with it unblocked, 5 rounds of 5");
	CHECK(ppoll_ready, "ppoll with SIGUSR1 unblocked returns the ready pipe");

	CHECK_EQ(wait_exit(FUTEX_WAIT), 0, "a thread's exit wakes a FUTEX_WAIT on its tid");
	CHECK_EQ(wait_exit(FUTEX_WAIT_PRIVATE), ETIMEDOUT,
		 "but not a FUTEX_WAIT_PRIVATE (the exit's wake is shared) -> ETIMEDOUT");
	return check_done("t_pthread");
}
