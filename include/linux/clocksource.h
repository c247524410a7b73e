/* Converting counter cycles to nanoseconds with a multiply and a shift,
 * and the clocksource timekeeping reads them from (Linux's
 * include/linux/clocksource.h and kernel/time/clocksource.c). */
#ifndef _LINUX_CLOCKSOURCE_H
#define _LINUX_CLOCKSOURCE_H

#include <linux/types.h>

struct cyc2ns {
	u32 mult;
	u32 shift;
};

#define CLOCKSOURCE_MASK(bits) ((bits) < 64 ? (1ULL << (bits)) - 1 : ~0ULL)

/* The counter the clocks are read from (Linux's struct clocksource, the
 * fields timekeeping and the vDSO use): ns = (cycles * mult) >> shift. */
struct clocksource {
	u64 (*read)(void); /* Linux passes the clocksource */
	u64 mask;
	u32 mult;
	u32 shift;
	const char *name;
};

/* Choose mult/shift so that ns = cyc * mult >> shift, as precisely as a
 * 32-bit mult allows, for a counter running at freq Hz; 0 < shift < 32. */
void clocks_calc_mult_shift(struct cyc2ns *c, u32 freq);

/* Nanoseconds for a 64-bit cycle count, without overflow for any count
 * a 64-bit result can hold. Inline: sched_clock() runs it on every pass
 * through the scheduler. */
static inline u64 cyc2ns_convert(const struct cyc2ns *c, u64 cyc)
{
	/* cyc * mult is 96 bits, w2:w1:w0; no product or sum here exceeds
	 * 64 bits, and each word shifts by less than 32. */
	u64 lo = (u64)(u32)cyc * c->mult;
	u64 mid = (lo >> 32) + (cyc >> 32) * c->mult;
	u32 w0 = lo, w1 = mid, w2 = mid >> 32, s = c->shift;

	return (u64)(w1 >> s | w2 << (32 - s)) << 32 | (w0 >> s | w1 << (32 - s));
}

#endif
