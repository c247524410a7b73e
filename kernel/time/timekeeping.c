/* Timekeeping: the clocks' reading at each tick, handed to the vDSO and
 * kept for the coarse readers (Linux's kernel/time/timekeeping.c
 * timekeeping_init, update_wall_time, ktime_get_coarse_real_ts64).
 * Simplified: Linux accumulates the counter into the timekeeper interval
 * by interval; here CLOCK_REALTIME and CLOCK_MONOTONIC are local_clock(),
 * the counter scaled from reset, so each tick re-bases the timekeeper on
 * the counter's value, and the vDSO computes exactly the nanosecond the
 * system call would. */
#include <linux/percpu.h>
#include <linux/seqlock.h>
#include <linux/time.h>
#include <linux/timekeeper_internal.h>
#include <linux/timekeeping.h>

/* The timekeeper, written by the tick CPU under seq, read anywhere. */
static struct {
	seqcount_t seq;
	struct timekeeper timekeeper;
} tk_core ____cacheline_aligned;

/* Read the clocks from @clock from now on (Linux's timekeeping_init and
 * change_clocksource). CONTEXT: boot, before the tick. */
void timekeeping_init(struct clocksource *clock)
{
	struct tk_read_base *tkr = &tk_core.timekeeper.tkr_mono;

	tkr->clock = clock;
	tkr->mask = clock->mask;
	tkr->mult = clock->mult;
	tkr->shift = clock->shift;
}

/**
 * update_wall_time - re-base the timekeeper on the counter now
 *
 * xtime_sec and xtime_nsec are local_clock()'s value at cycle_last, with
 * the bits of cycle_last * mult that its shift drops kept below xtime_nsec's
 * nanoseconds, so that (cycles - cycle_last) * mult + xtime_nsec is exactly
 * cycles * mult less xtime_sec's seconds. Then the vDSO learns it (Linux:
 * timekeeping_advance -> timekeeping_update -> update_vsyscall).
 *
 * CONTEXT: the tick CPU's timer interrupt (tick_handle_periodic): the one
 * writer, with IRQs off.
 */
void update_wall_time(void)
{
	struct timekeeper *tk = &tk_core.timekeeper;
	struct tk_read_base *tkr = &tk->tkr_mono;
	struct cyc2ns c = { .mult = tkr->mult, .shift = tkr->shift };
	u64 cycles, ns;
	u32 rem;

	cycles = tkr->clock->read() & tkr->mask;
	ns = cyc2ns_convert(&c, cycles);
	write_seqcount_begin(&tk_core.seq);
	tkr->cycle_last = cycles;
	tk->xtime_sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);
	tkr->xtime_nsec = ((u64)rem << tkr->shift) |
			  (((u64)(u32)cycles * tkr->mult) & ((1ULL << tkr->shift) - 1));
	update_vsyscall(tk);
	write_seqcount_end(&tk_core.seq);
}

/**
 * ktime_get_coarse_real_ts64 - CLOCK_REALTIME as of the last tick
 * @ts: where to put it
 *
 * The timekeeper's copy, tk_xtime(): no counter read, no division, so it
 * lags the clock by up to a tick. CONTEXT: any but the tick CPU's own
 * update (a reader there would wait for itself).
 */
void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	struct timekeeper *tk = &tk_core.timekeeper;
	unsigned seq;

	do {
		seq = read_seqcount_begin(&tk_core.seq);
		*ts = tk_xtime(tk);
	} while (read_seqcount_retry(&tk_core.seq, seq));
}
