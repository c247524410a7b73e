/* The timekeeper: the clock's value at the last tick, from which the vDSO
 * computes the time in user space (Linux's include/linux/timekeeper_internal.h,
 * the fields Linux 4.19's ARM update_vsyscall reads). */
#ifndef _LINUX_TIMEKEEPER_INTERNAL_H
#define _LINUX_TIMEKEEPER_INTERNAL_H

#include <linux/clocksource.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/types.h>

/* The clocksource's reading at the last update: the time then is
 * xtime_sec seconds and xtime_nsec >> shift nanoseconds, and a later
 * reading adds ((now - cycle_last) & mask) * mult >> shift. */
struct tk_read_base {
	struct clocksource *clock;
	u64 mask;
	u64 cycle_last;
	u32 mult;
	u32 shift;
	u64 xtime_nsec; /* shifted nanoseconds within xtime_sec */
};

struct timekeeper {
	struct tk_read_base tkr_mono;
	u64 xtime_sec; /* CLOCK_REALTIME's seconds */
	/* CLOCK_MONOTONIC - CLOCK_REALTIME: 0 here, where both count from
	 * reset (nothing sets the time of day) */
	struct timespec wall_to_monotonic;
};

/* The time at the last update, to the nanosecond (Linux's tk_xtime). */
static inline struct timespec64 tk_xtime(const struct timekeeper *tk)
{
	struct timespec64 ts;

	ts.tv_sec = tk->xtime_sec;
	ts.tv_nsec = (long)(tk->tkr_mono.xtime_nsec >> tk->tkr_mono.shift);
	return ts;
}

/* Publish @tk to the vDSO (kernel/arm/vdso.c). CONTEXT: the tick CPU,
 * interrupts off: the only writer. */
void update_vsyscall(struct timekeeper *tk);

#endif
