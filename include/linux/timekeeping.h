/* Reading the wall clock the tick keeps (Linux's include/linux/timekeeping.h,
 * the coarse readers): no counter read, no division, the time of the last
 * tick. kernel/time/timekeeping.c keeps it. */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/time64.h>

void ktime_get_coarse_real_ts64(struct timespec64 *ts);

/* CLOCK_REALTIME as of the last tick (Linux 4.19's current_kernel_time64). */
static inline struct timespec64 current_kernel_time64(void)
{
	struct timespec64 ts;

	ktime_get_coarse_real_ts64(&ts);
	return ts;
}

#endif
