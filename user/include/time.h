/* newlib's <time.h> with Linux's clock ids and the clock calls declared
 * (newlib numbers CLOCK_MONOTONIC 4, Linux 1). time_t is newlib's 64-bit
 * one; the library converts to the kernel's 32-bit timespec. */
#ifndef _USER_TIME_H
#define _USER_TIME_H

#include_next <time.h>

#undef CLOCK_REALTIME
#undef CLOCK_MONOTONIC
#undef CLOCK_PROCESS_CPUTIME_ID
#undef CLOCK_THREAD_CPUTIME_ID
#undef CLOCK_MONOTONIC_RAW
#undef CLOCK_REALTIME_COARSE
#undef CLOCK_MONOTONIC_COARSE
#undef CLOCK_BOOTTIME
#undef CLOCK_REALTIME_ALARM
#undef CLOCK_BOOTTIME_ALARM
#undef TIMER_ABSTIME

/* include/uapi/linux/time.h */
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_REALTIME_ALARM		8
#define CLOCK_BOOTTIME_ALARM		9
#define TIMER_ABSTIME			0x01

int clock_gettime(clockid_t clock, struct timespec *tp);
int clock_settime(clockid_t clock, const struct timespec *tp);
int clock_getres(clockid_t clock, struct timespec *res);
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
		    struct timespec *rem);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
