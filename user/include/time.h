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

#include <linux/time.h> /* Linux's clock ids: include/uapi/linux/time.h */

int clock_gettime(clockid_t clock, struct timespec *tp);
int clock_settime(clockid_t clock, const struct timespec *tp);
int clock_getres(clockid_t clock, struct timespec *res);
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req,
		    struct timespec *rem);
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
