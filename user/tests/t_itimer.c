/* alarm and setitimer(ITIMER_REAL): SIGALRM after the time, periodic
 * timers, getitimer, cancelling, SIGALRM's default action; and the timer
 * runs on the CPU that armed it, wherever the process went since: the
 * trace shows it_real_fn expiring on CPU 2 for a process that armed it
 * there and moved to CPU 3 (with one CPU, that check is skipped). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms++;
}

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

static int die_by_alarm(void *unused)
{
	signal(SIGALRM, SIG_DFL);
	alarm(1);
	for (;;)
		pause();
	return 0;
}

#define TRACING "/sys/kernel/tracing/"

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd >= 0) {
		write(fd, text, strlen(text));
		close(fd);
	}
}

/* Our ITIMER_REAL is a timer_list (timer:timer_expire_entry), Linux's an
 * hrtimer (timer:hrtimer_expire_entry): both print function=it_real_fn. */
static void expire_events(const char *on)
{
	write_file(TRACING "events/timer/timer_expire_entry/enable", on);
	write_file(TRACING "events/timer/hrtimer_expire_entry/enable", on);
}

static int getcpu(void)
{
	unsigned int cpu = ~0u;

	syscall(__NR_getcpu, &cpu, NULL, NULL);
	return cpu;
}

static long pin(unsigned long mask)
{
	return syscall(__NR_sched_setaffinity, 0, sizeof(mask), &mask);
}

/* Pinned to CPU 2, arm a 50 ms ITIMER_REAL, move to CPU 3 and wait for
 * the SIGALRM: the timer stays on CPU 2's base (it is not stranded there:
 * the signal comes), so the trace's it_real_fn expiry lines (one at
 * least) are all in the CPU column [002]. (With its timers on one list
 * run by CPU 0, this kernel showed them on [000].) */
static void alarm_expires_on_arming_cpu(void)
{
	struct itimerval once = { { 0, 0 }, { 0, 50000 } };
	static char trace[32768];
	int on_cpu2 = 0, elsewhere = 0, moved;
	long long start;
	char *line;

	if (pin(1 << 2) && errno == EINVAL) {
		printf("t_itimer: no CPU 2, the CPU-2 check is skipped\n");
		return;
	}
	alarms = 0;
	write_file(TRACING "trace", "");
	expire_events("1");
	start = now_ms();
	setitimer(ITIMER_REAL, &once, NULL);
	moved = pin(1 << 3) == 0 && getcpu() == 3;
	while (alarms < 1)
		pause();
	expire_events("0");
	CHECK(moved && now_ms() - start >= 40, "armed on CPU 2, SIGALRM reaches the task moved to CPU 3");
	read_text(TRACING "trace", trace, sizeof(trace));
	for (line = strtok(trace, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strstr(line, "expire_entry:") || !strstr(line, "function=it_real_fn"))
			continue;
		if (strstr(line, "[002]") && strstr(line, "[002]") < strstr(line, "expire_entry:"))
			on_cpu2++;
		else
			elsewhere++;
	}
	check_result(on_cpu2 >= 1 && !elsewhere, "and the timer expired on CPU 2 (trace)",
		     "it_real_fn expired %d times on [002], %d elsewhere", on_cpu2, elsewhere);
	write_file(TRACING "trace", "");
	pin(0xf);
}

int main(void)
{
	struct itimerval it = { { 0, 100000 }, { 0, 100000 } }, cur, zero = { { 0, 0 }, { 0, 0 } };
	long long start;
	int st;

	signal(SIGALRM, on_alarm);
	start = now_ms();
	CHECK_EQ(alarm(1), 0, "alarm(1), none before");
	CHECK_ERR(pause(), EINTR, "pause until SIGALRM");
	CHECK(alarms == 1 && now_ms() - start >= 900, "SIGALRM after about a second");

	CHECK_EQ(alarm(5), 0, "alarm(5)");
	CHECK_EQ(alarm(0), 5, "alarm(0) cancels and returns the seconds left");

	alarms = 0;
	start = now_ms();
	CHECK_EQ(setitimer(ITIMER_REAL, &it, NULL), 0, "setitimer 100 ms periodic");
	CHECK(getitimer(ITIMER_REAL, &cur) == 0 && cur.it_interval.tv_usec == 100000 &&
	      cur.it_value.tv_usec <= 100000, "getitimer");
	while (alarms < 3)
		pause();
	CHECK(now_ms() - start >= 290, "three periods took 300 ms");
	setitimer(ITIMER_REAL, &zero, NULL);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0 && cur.it_value.tv_sec == 0 &&
	      cur.it_value.tv_usec == 0, "cancelled");
	CHECK_ERR(setitimer(9, &it, NULL), EINVAL, "unknown timer -> EINVAL");
	alarm_expires_on_arming_cpu();
	st = reap(spawn(die_by_alarm, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM, "SIGALRM's default action kills");
	return check_done("t_itimer");
}
