/* The load averages of /proc/loadavg (Linux's kernel/sched/loadavg.c):
 * every LOAD_FREQ ticks each CPU folds the change in its count of active
 * tasks (runnable, or asleep in TASK_UNINTERRUPTIBLE) into calc_load_tasks
 * (calc_global_load_tick, from its tick), and ten ticks later the tick CPU
 * moves avenrun[] one step towards that count (calc_global_load).
 * Simplified: Linux also folds idle CPUs' counts early under NO_HZ, which
 * we do not have (every CPU ticks). */
#include <linux/sched/loadavg.h>
#include "sched.h"

static long calc_load_tasks; /* the CPUs' active counts, summed */
unsigned long calc_load_update; /* jiffies of the next sample (sched_init sets it) */
unsigned long avenrun[3];

/**
 * get_avenrun - get the load average array
 * @loads: pointer to dest load array
 * @offset: offset to add
 * @shift: shift count to shift the result left
 *
 * These values are estimates at best, so no need for locking.
 */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	loads[0] = (READ_ONCE(avenrun[0]) + offset) << shift;
	loads[1] = (READ_ONCE(avenrun[1]) + offset) << shift;
	loads[2] = (READ_ONCE(avenrun[2]) + offset) << shift;
}

/* This CPU's share of the active count, less what it folded last time.
 * Its nr_uninterruptible alone may be negative (a task that slept on
 * another CPU was woken here); the shares add up. CONTEXT: rq->lock. */
static long calc_load_fold_active(struct rq *this_rq, long adjust)
{
	long nr_active, delta = 0;

	nr_active = this_rq->nr_running - adjust;
	nr_active += (long)this_rq->nr_uninterruptible;
	if (nr_active != this_rq->calc_load_active) {
		delta = nr_active - this_rq->calc_load_active;
		this_rq->calc_load_active = nr_active;
	}
	return delta;
}

/*
 * calc_global_load - update the avenrun load estimates 10 ticks after the
 * CPUs have updated calc_load_tasks.
 *
 * CONTEXT: the tick CPU's timer interrupt (Linux's do_timer).
 */
void calc_global_load(unsigned long ticks)
{
	unsigned long sample_window;
	long active;

	sample_window = READ_ONCE(calc_load_update);
	if (time_before(jiffies, sample_window + 10))
		return;

	active = __atomic_load_n(&calc_load_tasks, __ATOMIC_RELAXED);
	active = active > 0 ? active * FIXED_1 : 0;

	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);

	WRITE_ONCE(calc_load_update, sample_window + LOAD_FREQ);
}

/*
 * Called from scheduler_tick() to periodically update this CPU's
 * active count.
 */
void calc_global_load_tick(struct rq *this_rq)
{
	long delta;

	if (time_before(jiffies, this_rq->calc_load_update))
		return;

	delta = calc_load_fold_active(this_rq, 0);
	if (delta)
		__atomic_fetch_add(&calc_load_tasks, delta, __ATOMIC_RELAXED);

	this_rq->calc_load_update += LOAD_FREQ;
}
