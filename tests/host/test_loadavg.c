/* sources: kernel/sched/loadavg.c */
/* Tests of the load averages: calc_load's steps (a busy task's first
 * sample reads 0.08, a minute of it 0.63, an idle minute decays by 1/e),
 * and the two-stage flow: each CPU folds its count at its own tick once
 * LOAD_FREQ has passed, the tick CPU averages ten ticks later, and
 * /proc/loadavg's rounding; tasks in TASK_UNINTERRUPTIBLE count, summed
 * over CPUs whose own shares may be negative. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/sched/loadavg.h>
#include "../../kernel/sched/sched.h"

volatile unsigned long jiffies;

/* avenrun[i] as /proc/loadavg prints it */
static void show(char *buf, int i)
{
	unsigned long loads[3];

	get_avenrun(loads, FIXED_1 / 200, 0);
	snprintf(buf, 24, "%lu.%02lu", LOAD_INT(loads[i]), LOAD_FRAC(loads[i]));
}

/* A sample: both CPUs fold at their tick at @when, the tick CPU averages
 * ten ticks later. */
static void sample(struct rq *cpu0, struct rq *cpu1, unsigned long when)
{
	jiffies = when;
	calc_global_load_tick(cpu0);
	calc_global_load_tick(cpu1);
	jiffies += 10;
	calc_global_load(1);
}

static void test_calc_load_steps(void **state)
{
	unsigned long load = 0;
	int i;

	assert_int_equal(calc_load(0, EXP_1, FIXED_1), 164);		/* 0.08 */
	for (i = 0; i < 12; i++)					/* a minute */
		load = calc_load(load, EXP_1, FIXED_1);
	assert_int_equal(load, 1299);					/* 0.63 */
	assert_int_equal(calc_load(FIXED_1, EXP_1, 0), 1884);		/* decays */
	/* rounding up while it grows: a steady load is reached, not 0.99 */
	for (i = 0; i < 200; i++)
		load = calc_load(load, EXP_1, FIXED_1);
	assert_int_equal(load, FIXED_1);
}

static void test_fold_then_average(void **state)
{
	struct rq rq0 = { .nr_running = 2 }, rq1 = { .nr_running = 1 };
	unsigned long load;
	char buf[24];
	int i;

	jiffies = 1000;
	calc_load_update = jiffies + LOAD_FREQ;	/* as sched_init() */
	rq0.calc_load_update = rq1.calc_load_update = calc_load_update;
	/* before LOAD_FREQ: nothing is folded, nothing averaged */
	jiffies = 1000 + LOAD_FREQ - 1;
	calc_global_load_tick(&rq0);
	calc_global_load(1);
	assert_int_equal(avenrun[0], 0);
	/* each CPU folds at its tick; the average waits ten ticks more */
	jiffies = 1000 + LOAD_FREQ;
	calc_global_load_tick(&rq0);
	calc_global_load_tick(&rq1);
	for (i = 0; i < 10; i++, jiffies++)
		calc_global_load(1);
	assert_int_equal(avenrun[0], 0);
	calc_global_load(1);
	assert_int_equal(avenrun[0], calc_load(0, EXP_1, 3 * FIXED_1));
	assert_int_equal(avenrun[1], calc_load(0, EXP_5, 3 * FIXED_1));
	assert_int_equal(avenrun[2], calc_load(0, EXP_15, 3 * FIXED_1));
	show(buf, 0);
	assert_string_equal(buf, "0.24");
	/* once per window: the next tick changes nothing */
	jiffies++;
	calc_global_load(1);
	assert_int_equal(avenrun[0], calc_load(0, EXP_1, 3 * FIXED_1));
	/* a CPU whose tasks went to sleep folds its change at the next window */
	rq0.nr_running = 0;
	sample(&rq0, &rq1, 1000 + 2 * LOAD_FREQ);
	load = calc_load(calc_load(0, EXP_1, 3 * FIXED_1), EXP_1, 1 * FIXED_1);
	assert_int_equal(avenrun[0], load);
	/* CPU 1's task sleeps in TASK_UNINTERRUPTIBLE: still active */
	rq1.nr_running = 0;
	rq1.nr_uninterruptible = 1;
	sample(&rq0, &rq1, 1000 + 3 * LOAD_FREQ);
	load = calc_load(load, EXP_1, 1 * FIXED_1);
	assert_int_equal(avenrun[0], load);
	/* woken onto CPU 0, which counts it down (its share goes below zero),
	 * while a second task sleeps in D on CPU 1: two active */
	rq0.nr_uninterruptible--;
	rq0.nr_running = 1;
	rq1.nr_uninterruptible++;
	sample(&rq0, &rq1, 1000 + 4 * LOAD_FREQ);
	assert_int_equal(avenrun[0], calc_load(load, EXP_1, 2 * FIXED_1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calc_load_steps),
		cmocka_unit_test(test_fold_then_average),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
