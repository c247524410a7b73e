/* Time keeping: the monotonic clock from the ARM generic timer, the tick,
 * and 64-bit division helpers (Linux's include/linux/sched/clock.h,
 * jiffies.h, math64.h). */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

#define HZ 100
#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_USEC 1000L
#define USEC_PER_SEC 1000000L
#define TICK_NSEC (NSEC_PER_SEC / HZ)

/* Ticks since boot, advanced by CPU 0's tick. */
extern volatile unsigned long jiffies;
/* a is before b, across the counter's wrap (Linux's include/linux/jiffies.h). */
#define time_before(a, b) ((long)((a) - (b)) < 0)

/* Nanoseconds since reset, from the generic timer's counter; valid from
 * the first instruction, on every CPU (the counter is shared). */
u64 local_clock(void);
#define sched_clock() local_clock()
#define ktime_get_ns() local_clock()
/* The counter's frequency, read from CNTFRQ. */
extern u32 arch_timer_rate;

/* Start this CPU's periodic tick (HZ per second). */
void arch_timer_starting_cpu(void);
void time_init(void);
void sched_clock_init(void);
void udelay(unsigned long us);
struct clocksource;
/* kernel/time/timekeeping.c: the clocks from @clock (boot); the tick CPU
 * re-bases them on every tick and tells the vDSO. */
void timekeeping_init(struct clocksource *clock);
void update_wall_time(void);

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

#endif
