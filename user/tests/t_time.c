/* Clocks and sleeping: clock_gettime (raw NR 263), clock_getres,
 * gettimeofday, nanosleep and clock_nanosleep durations, times, bad args. */
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void)
{
	struct timespec a, b, req = { .tv_nsec = 50 * 1000 * 1000 }, res;
	struct timeval tv;
	struct tms tms;
	long kts[2];

	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0, "clock_gettime MONOTONIC");
	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &b), 0, "again");
	CHECK(ns(&b) >= ns(&a), "monotonic does not go back");
	CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000, "tv_nsec in range");
	CHECK_EQ(syscall(__NR_clock_gettime, CLOCK_MONOTONIC, kts), 0, "raw clock_gettime (32-bit timespec)");
	CHECK(kts[1] >= 0 && kts[1] < 1000000000, "raw tv_nsec in range");
	CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0 && ns(&res) > 0 && ns(&res) <= 10000000,
	      "clock_getres: 1 ns .. 10 ms");
	CHECK_ERR(clock_gettime(1234, &a), EINVAL, "unknown clock -> EINVAL");

	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_EQ(nanosleep(&req, NULL), 0, "nanosleep 50 ms");
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK(ns(&b) - ns(&a) >= 50000000LL, "slept at least 50 ms");
	CHECK(ns(&b) - ns(&a) < 5000000000LL, "and less than 5 s");
	req.tv_nsec = 1000000000;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL, "tv_nsec = 1e9 -> EINVAL");
	req.tv_sec = -1;
	req.tv_nsec = 0;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL, "negative tv_sec -> EINVAL");

	clock_gettime(CLOCK_MONOTONIC, &a);
	a.tv_nsec += 20 * 1000 * 1000;
	if (a.tv_nsec >= 1000000000) {
		a.tv_sec++;
		a.tv_nsec -= 1000000000;
	}
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &a, NULL), 0,
		 "clock_nanosleep TIMER_ABSTIME");
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK(ns(&b) >= ns(&a), "woke after the absolute time");

	CHECK_EQ(gettimeofday(&tv, NULL), 0, "gettimeofday");
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec in range");
	clock_gettime(CLOCK_REALTIME, &a);
	CHECK(a.tv_sec - tv.tv_sec >= 0 && a.tv_sec - tv.tv_sec <= 1,
	      "CLOCK_REALTIME agrees with gettimeofday");
	CHECK(times(&tms) != (clock_t)-1 || errno == 0, "times");
	CHECK_EQ(sleep(0), 0, "sleep(0)");
	return check_done("t_time");
}
