/* Converting counter cycles to nanoseconds with a multiply and a shift
 * (Linux's include/linux/clocksource.h and kernel/time/clocksource.c). */
#ifndef _LINUX_CLOCKSOURCE_H
#define _LINUX_CLOCKSOURCE_H

#include <linux/types.h>

struct cyc2ns {
	u32 mult;
	u32 shift;
};

/* Choose mult/shift so that ns = cyc * mult >> shift, as precisely as a
 * 32-bit mult allows, for a counter running at freq Hz. */
void clocks_calc_mult_shift(struct cyc2ns *c, u32 freq);

/* Nanoseconds for a 64-bit cycle count, without overflow for any count
 * a 64-bit result can hold. */
u64 cyc2ns_convert(const struct cyc2ns *c, u64 cyc);

#endif
