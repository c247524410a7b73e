/* Cycle-to-nanosecond conversion for the ARM generic timer's counter
 * (Linux's clocks_calc_mult_shift in kernel/time/clocksource.c). Pure
 * arithmetic, unit-tested on the host. */
#include <linux/clocksource.h>
#include <linux/compiler.h>

void clocks_calc_mult_shift(struct cyc2ns *c, u32 freq)
{
	u32 shift;

	/* The largest shift whose mult still fits in 32 bits is the most precise. */
	for (shift = 32; shift > 0; shift--) {
		u64 mult = (1000000000ULL << shift) / freq;
		if (mult <= 0xffffffffULL) {
			c->mult = (u32)mult;
			c->shift = shift;
			return;
		}
	}
	c->mult = 1000000000U / freq;
	c->shift = 0;
}

u64 notrace cyc2ns_convert(const struct cyc2ns *c, u64 cyc)
{
	u64 hi = cyc >> 32, lo = cyc & 0xffffffffULL;

	/* (hi * 2^32 + lo) * mult >> shift, split so no product exceeds 64 bits. */
	return ((hi * c->mult) << (32 - c->shift)) + ((lo * c->mult) >> c->shift);
}
