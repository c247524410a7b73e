/* alarm and setitimer(ITIMER_REAL): SIGALRM after the time, periodic
 * timers, getitimer, cancelling, SIGALRM's default action. */
#include <signal.h>
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
	st = reap(spawn(die_by_alarm, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM, "SIGALRM's default action kills");
	return check_done("t_itimer");
}
