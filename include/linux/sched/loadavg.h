/* The load averages (Linux's include/linux/sched/loadavg.h): avenrun[] in
 * fixed point, FSHIFT bits of fraction, sampled every LOAD_FREQ ticks. */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

#include <linux/time.h>

extern unsigned long avenrun[3]; /* Load averages */

#define FSHIFT 11		/* nr of bits of precision */
#define FIXED_1 (1 << FSHIFT)	/* 1.0 as fixed-point */
#define LOAD_FREQ (5 * HZ + 1)	/* 5 sec intervals */
#define EXP_1 1884		/* 1/exp(5sec/1min) as fixed-point */
#define EXP_5 2014		/* 1/exp(5sec/5min) */
#define EXP_15 2037		/* 1/exp(5sec/15min) */

#define SI_LOAD_SHIFT 16	/* struct sysinfo's loads[]: 16 bits of fraction */

#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

/*
 * a1 = a0 * e + a * (1 - e): one step of an exponential moving average.
 * Rounded up while the load grows, so that a steady load is reached.
 */
static inline unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload;

	newload = load * exp + active * (FIXED_1 - exp);
	if (active >= load)
		newload += FIXED_1 - 1;

	return newload / FIXED_1;
}

void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
/* Every LOAD_FREQ: fold the CPUs' counts into avenrun[] (tick CPU). */
void calc_global_load(unsigned long ticks);

#endif
