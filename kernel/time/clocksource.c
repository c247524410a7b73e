/* Cycle-to-nanosecond conversion for the ARM generic timer's counter
 * (Linux's clocks_calc_mult_shift in kernel/time/clocksource.c). Pure
 * arithmetic, unit-tested on the host. */
#include <linux/clocksource.h>
#include <linux/compiler.h>

void clocks_calc_mult_shift(struct cyc2ns *c, u32 freq)
{
	u32 shift;

	/* The largest shift whose mult still fits in 32 bits is the most
	 * precise; at most 31, as cyc2ns_convert() needs. Shift 1 fits any
	 * freq >= 1. */
	for (shift = 31; shift > 1; shift--)
		if ((1000000000ULL << shift) / freq <= 0xffffffffULL)
			break;
	c->mult = (1000000000ULL << shift) / freq;
	c->shift = shift;
}
