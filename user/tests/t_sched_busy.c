/* Wake-ups among busy loops: a task that sleeps while endless loops hold
 * every CPU must get a CPU back soon after its wake-up, however long the
 * loops ran alone. Stress case for a lost reschedule: three processes
 * calling sched_yield, then 1 to 5 busy processes while this one sleeps,
 * wakes and calls getpid (the bench scenario that once never ran again). */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define MAX_BUSY 5

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static int yield_for_100ms(void *arg)
{
	long long end = now_ms() + 100;

	while (now_ms() < end)
		sched_yield();
	return 0;
}

static int spin(void *arg)
{
	for (;;)
		__asm__ __volatile__("" ::: "memory");
	return 0;
}

int main(void)
{
	pid_t yielders[3], busy[MAX_BUSY];
	char name[64];
	int i, n;

	for (i = 0; i < 3; i++)
		yielders[i] = spawn(yield_for_100ms, NULL);
	for (i = 0; i < 3; i++)
		CHECK_EQ(reap(yielders[i]), 0, "a sched_yield loop ends");
	/* One more busy loop each round: with as many loops as CPUs, every
	 * loop runs alone on its CPU for the whole sleep (many ticks), then
	 * the woken sleeper must take a CPU from one of them. */
	for (n = 1; n <= MAX_BUSY; n++) {
		long long slept, t0;
		int calls;

		busy[n - 1] = spawn(spin, NULL);
		t0 = now_ms();
		sleep_ms(60);
		slept = now_ms() - t0;
		for (calls = 0; calls < 1000; calls++)
			getpid();
		snprintf(name, sizeof(name), "with %d busy loop%s, a 60 ms sleep ends within 2 s", n,
			 n > 1 ? "s" : "");
		check_result(slept >= 60 && slept < 2000, name, "slept %lld ms", slept);
	}
	for (i = 0; i < MAX_BUSY; i++)
		kill(busy[i], SIGKILL);
	for (i = 0; i < MAX_BUSY; i++) {
		int status = reap(busy[i]);

		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "a busy loop is killed");
	}
	return check_done("t_sched_busy");
}
