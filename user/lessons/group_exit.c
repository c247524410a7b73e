/* group_exit: two CLONE_THREAD threads block in pause(); main calls
 * exit_group(0), which kills them (zap_other_threads: SIGKILL straight
 * into each thread's pending set, no signal_generate event). */
#include <sched.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <thread.h>

static volatile int ready;

static int thread_fn(void *arg)
{
	printf("thread: tid=%d blocking in pause()\n", gettid());
	__atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
	while (pause() < 0)	/* only exit_group's SIGKILL ends it */
		;
	return 0;
}

int main(void)
{
	static struct thread threads[2];
	const struct timespec settle = { .tv_nsec = 50 * 1000 * 1000 };
	int i, tid;

	printf("main: pid=%d tid=%d\n", getpid(), gettid());
	for (i = 0; i < 2; i++) {
		tid = thread_start(&threads[i], thread_fn, NULL);
		if (tid < 0) {
			perror("clone");
			return 1;
		}
		printf("main: clone -> tid %d\n", tid);
		while (__atomic_load_n(&ready, __ATOMIC_SEQ_CST) <= i)
			sched_yield();
		nanosleep(&settle, NULL);	/* let it reach pause() */
	}
	printf("main: calling exit_group(0)\n");
	syscall(__NR_exit_group, 0);
	return 1;
}
