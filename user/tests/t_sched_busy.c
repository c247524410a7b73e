/* Wake-ups among busy loops: a task that sleeps while endless loops hold
 * every CPU must get a CPU back soon after its wake-up, however long the
 * loops ran alone. Stress case for a lost reschedule: three processes
 * calling sched_yield, then 1 to 5 busy processes while this one sleeps,
 * wakes and calls getpid (the bench scenario that once never ran again).
 *   usage: t_sched_busy [MS]
 * With MS, each 20 ms sleep must end within 20 + MS ms: meant for a boot
 * under -icount, whose clock counts guest instructions, so host load cannot
 * stretch it (a wake-up that waits behind the busy loops' 30 ms slices, as
 * round robin did, can). Without MS the sleep need only end: a lost
 * reschedule hangs here, and the QEMU case's timeout reports it. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define MAX_BUSY 5
#define SLEEP_MS 20

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

static int yield_for_50ms(void *arg)
{
	long long end = now_ms() + 50;

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

int main(int argc, char **argv)
{
	long bound_ms = argc > 1 ? atol(argv[1]) : -1;
	pid_t yielders[3], busy[MAX_BUSY];
	char name[80];
	int i, n;

	for (i = 0; i < 3; i++)
		yielders[i] = spawn(yield_for_50ms, NULL);
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
		sleep_ms(SLEEP_MS);
		slept = now_ms() - t0;
		for (calls = 0; calls < 1000; calls++)
			getpid();
		if (bound_ms < 0) {
			snprintf(name, sizeof(name), "with %d busy loop%s, a %d ms sleep ends", n,
				 n > 1 ? "s" : "", SLEEP_MS);
			check_result(slept >= SLEEP_MS, name, "slept %lld ms", slept);
		} else {
			snprintf(name, sizeof(name),
				 "with %d busy loop%s, a %d ms sleep ends within %ld ms", n,
				 n > 1 ? "s" : "", SLEEP_MS, SLEEP_MS + bound_ms);
			check_result(slept >= SLEEP_MS && slept <= SLEEP_MS + bound_ms, name,
				     "slept %lld ms", slept);
		}
	}
	for (i = 0; i < MAX_BUSY; i++)
		kill(busy[i], SIGKILL);
	for (i = 0; i < MAX_BUSY; i++) {
		int status = reap(busy[i]);

		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "a busy loop is killed");
	}
	return check_done("t_sched_busy");
}
