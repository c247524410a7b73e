/* Clocks, sleeps and interval timers over the kernel's 32-bit time calls
 * (clock_gettime NR 263, nanosleep NR 162, ...), converting to newlib's
 * 64-bit time_t records. No vDSO: every call enters the kernel. */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "kernel_time.h"
#include "syscall.h"

int clock_gettime(clockid_t clock, struct timespec *tp)
{
	struct old_timespec32 k;
	long r = SYSCALL(__NR_clock_gettime, clock, &k);

	if (r == 0)
		timespec_from_old(tp, &k);
	return r;
}

int clock_settime(clockid_t clock, const struct timespec *tp)
{
	struct old_timespec32 k;

	timespec_to_old(&k, tp);
	return SYSCALL(__NR_clock_settime, clock, &k);
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	struct old_timespec32 k;
	long r = SYSCALL(__NR_clock_getres, clock, res ? &k : NULL);

	if (r == 0 && res)
		timespec_from_old(res, &k);
	return r;
}

/* clock_nanosleep returns the error number, it does not set errno (POSIX) */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
		    struct timespec *rem)
{
	struct old_timespec32 kreq, krem;
	long r;

	timespec_to_old(&kreq, req);
	r = SYSCALL_RAW(__NR_clock_nanosleep, clock, flags, &kreq, rem ? &krem : NULL);
	if (r == -EINTR && rem)
		timespec_from_old(rem, &krem);
	return -r;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct old_timespec32 kreq, krem;
	long r;

	timespec_to_old(&kreq, req);
	r = SYSCALL(__NR_nanosleep, &kreq, rem ? &krem : NULL);
	if (r < 0 && errno == EINTR && rem)
		timespec_from_old(rem, &krem);
	return r;
}

int gettimeofday(struct timeval *tv, void *tz)
{
	struct old_timeval32 k;
	long r = SYSCALL(__NR_gettimeofday, tv ? &k : NULL, tz);

	if (r == 0 && tv)
		timeval_from_old(tv, &k);
	return r;
}

int setitimer(int which, const struct itimerval *value, struct itimerval *ovalue)
{
	struct old_itimerval32 k, ok;
	long r;

	timeval_to_old(&k.it_interval, &value->it_interval);
	timeval_to_old(&k.it_value, &value->it_value);
	r = SYSCALL(__NR_setitimer, which, &k, ovalue ? &ok : NULL);
	if (r == 0 && ovalue) {
		timeval_from_old(&ovalue->it_interval, &ok.it_interval);
		timeval_from_old(&ovalue->it_value, &ok.it_value);
	}
	return r;
}

int getitimer(int which, struct itimerval *value)
{
	struct old_itimerval32 k;
	long r = SYSCALL(__NR_getitimer, which, &k);

	if (r == 0) {
		timeval_from_old(&value->it_interval, &k.it_interval);
		timeval_from_old(&value->it_value, &k.it_value);
	}
	return r;
}

/* alarm - ARM EABI has no alarm system call: glibc uses ITIMER_REAL too.
 * RETURNS: seconds left on the previous alarm, rounded up. */
unsigned alarm(unsigned seconds)
{
	struct itimerval it = { .it_value = { .tv_sec = seconds } }, old = { 0 };

	if (setitimer(ITIMER_REAL, &it, &old) < 0)
		return 0;
	return old.it_value.tv_sec + (old.it_value.tv_usec > 0);
}

unsigned sleep(unsigned seconds)
{
	struct timespec req = { .tv_sec = seconds }, rem = { 0 };

	if (nanosleep(&req, &rem) < 0)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { .tv_sec = usec / 1000000,
				.tv_nsec = (usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}

clock_t times(struct tms *buf)
{
	return SYSCALL(__NR_times, buf);
}

time_t time(time_t *t)
{
	struct timeval tv;

	if (gettimeofday(&tv, NULL) != 0)
		return -1;
	if (t)
		*t = tv.tv_sec;
	return tv.tv_sec;
}
