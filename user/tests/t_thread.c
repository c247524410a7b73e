/* Threads (clone with CLONE_THREAD): shared memory and pid, distinct tids,
 * futex wait/wake and the CLONE_CHILD_CLEARTID join, exit of one thread,
 * a tgkill aimed at one thread, exit_group from a thread. */
#include <signal.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include "check.h"

static volatile int counter, thread_pid, thread_tid, gate, handled_tid;

static int adder(void *arg)
{
	int i;

	for (i = 0; i < 10000; i++)
		__atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
	return 0;
}

static int report_ids(void *arg)
{
	thread_pid = getpid();
	thread_tid = gettid();
	return 0;
}

static int wait_gate(void *arg)
{
	while (__atomic_load_n(&gate, __ATOMIC_SEQ_CST) == 0)
		futex(&gate, FUTEX_WAIT, 0, NULL);
	return 0;
}

static void on_usr1(int sig)
{
	handled_tid = gettid();
}

static int wait_for_signal(void *arg)
{
	while (!handled_tid)
		pause();
	return 0;
}

static int group_exit_from_thread(void *arg)
{
	syscall(__NR_exit_group, 7);
	return 0;
}

static int process_with_exiting_thread(void *unused)
{
	struct thread t;

	thread_start(&t, group_exit_from_thread, NULL);
	for (;;)
		pause();
	return 0;
}

int main(void)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	struct thread a, b;
	int tid;

	CHECK(thread_start(&a, adder, NULL) > 0 && thread_start(&b, adder, NULL) > 0, "start two threads");
	CHECK(thread_join(&a) == 0 && thread_join(&b) == 0, "join both");
	adder(NULL);
	CHECK_EQ(counter, 30000, "shared memory: 3 x 10000 atomic increments");

	tid = thread_start(&a, report_ids, NULL);
	thread_join(&a);
	CHECK_EQ(thread_pid, getpid(), "a thread's getpid is the process's");
	CHECK(thread_tid == tid && tid != getpid(), "its gettid is its own, as clone returned");
	CHECK_EQ(a.tid, 0, "CLONE_CHILD_CLEARTID cleared the tid word at exit");

	thread_start(&a, wait_gate, NULL);
	nanosleep(&tick, NULL);
	CHECK(a.tid != 0, "the thread waits on the futex");
	__atomic_store_n(&gate, 1, __ATOMIC_SEQ_CST);
	CHECK(futex(&gate, FUTEX_WAKE, 1, NULL) >= 0, "FUTEX_WAKE");
	CHECK_EQ(thread_join(&a), 0, "the woken thread exits");
	CHECK_ERR(futex(&gate, FUTEX_WAIT, 0, NULL), EAGAIN, "FUTEX_WAIT on a changed value -> EAGAIN");

	signal(SIGUSR1, on_usr1);
	tid = thread_start(&a, wait_for_signal, NULL);
	nanosleep(&tick, NULL);
	CHECK_EQ(tgkill(getpid(), tid, SIGUSR1), 0, "tgkill to the thread");
	thread_join(&a);
	CHECK_EQ(handled_tid, tid, "the handler ran in that thread");

	CHECK_EQ(reap(spawn(process_with_exiting_thread, NULL)), 0x700,
		 "exit_group(7) from a thread ends the whole process");
	return check_done("t_thread");
}
