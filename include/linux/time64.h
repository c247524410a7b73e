/* A time in seconds and nanoseconds that does not run out in 2038
 * (Linux's include/linux/time64.h): what the kernel keeps file times and
 * the wall clock in. */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

typedef s64 time64_t;

struct timespec64 {
	time64_t tv_sec; /* seconds */
	long tv_nsec; /* nanoseconds, 0 .. 999,999,999 */
};

#endif
