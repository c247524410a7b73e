/* The clocks a trace can be stamped with (Linux's kernel/trace/trace_clock.c),
 * chosen in trace_clock. The ARM generic timer every CPU reads is one
 * counter, so local and global are the same clock here (Linux makes
 * global monotonic across CPUs with a lock). */
#include <linux/time.h>
#include "trace.h"

/* ns since boot, on this CPU. */
u64 trace_clock_local(void)
{
	return local_clock();
}

/* ns since boot, in order across CPUs. */
u64 trace_clock_global(void)
{
	return local_clock();
}

/* Not time: a count that goes up by one at each record, in order across
 * CPUs (Linux's trace_clock_counter). */
u64 trace_clock_counter(void)
{
	static u64 trace_counter;

	return __atomic_add_fetch(&trace_counter, 1, __ATOMIC_RELAXED);
}

/* Ticks since boot (Linux's "uptime" clock, trace_clock_jiffies). */
u64 trace_clock_jiffies(void)
{
	return jiffies;
}

/* perf's clock (Linux's trace_clock, local_clock underneath). */
u64 trace_clock(void)
{
	return local_clock();
}

/* CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW and CLOCK_BOOTTIME: this kernel
 * counts all three from boot and never suspends. */
u64 trace_clock_mono(void)
{
	return ktime_get_ns();
}
