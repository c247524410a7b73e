/* sources: kernel/time/tick-common.c kernel/sched/loadavg.c */
/* Tests of the tick: jiffies follow the clock when timer interrupts come
 * late or are lost (as when QEMU's host is busy), and every tick period an
 * interrupt stood for is charged to the running task. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/sched.h>
#include <linux/time.h>
#include <linux/timer.h>

/* What the tick code uses from the rest of the kernel. */
volatile unsigned long jiffies;
static u64 now_ns;
static int irq_work_runs, process_ticks, wall_updates;
static struct thread_info ti;

struct thread_info *current_thread_info(void)
{
	return &ti;
}

u64 local_clock(void)
{
	return now_ns;
}

void irq_work_tick(void)
{
	irq_work_runs++;
}

void update_wall_time(void)
{
	wall_updates++;
}

void update_process_times(void)
{
	process_ticks++;
}

static int setup(void **state)
{
	jiffies = 0;
	now_ns = 5 * NSEC_PER_SEC + 3000; /* the counter runs from reset */
	irq_work_runs = process_ticks = wall_updates = 0;
	ti.cpu = 0;
	tick_init();
	return 0;
}

/* Interrupts on time: one jiffy each. */
static void test_ticks_on_time(void **state)
{
	int i;

	for (i = 1; i <= 5; i++) {
		now_ns += TICK_NSEC;
		tick_handle_periodic(1);
		assert_int_equal(jiffies, i);
	}
	assert_int_equal(process_ticks, 5);
}

/* An interrupt 7.5 periods late: jiffies jump by 7, the next on-time
 * interrupt completes the 8th; all 8 periods are charged. */
static void test_late_interrupt_catches_up(void **state)
{
	now_ns += 7 * TICK_NSEC + TICK_NSEC / 2;
	tick_handle_periodic(7);
	assert_int_equal(jiffies, 7);
	now_ns += TICK_NSEC / 2 + 100;
	tick_handle_periodic(1);
	assert_int_equal(jiffies, 8);
	assert_int_equal(process_ticks, 8);
	assert_int_equal(irq_work_runs, 2); /* the irq works run once per interrupt */
}

/* A thirteen-second sleep measured in jiffies ends after thirteen seconds
 * of clock, even if only one interrupt in four arrives. */
static void test_lost_interrupts_do_not_stretch_time(void **state)
{
	unsigned long deadline = jiffies + 13 * HZ;
	u64 start = now_ns;

	while ((long)(jiffies - deadline) < 0) {
		now_ns += 4 * TICK_NSEC;
		tick_handle_periodic(4);
	}
	assert_true(now_ns - start <= 13 * NSEC_PER_SEC + 4 * TICK_NSEC);
}

/* Only the tick CPU moves jiffies, updates the timekeeper (for the vDSO)
 * and runs the irq works; every CPU charges its own ticks
 * (update_process_times, which runs its timers). */
static void test_other_cpus(void **state)
{
	ti.cpu = 2;
	now_ns += 3 * TICK_NSEC;
	tick_handle_periodic(3);
	assert_int_equal(jiffies, 0);
	assert_int_equal(irq_work_runs, 0);
	assert_int_equal(wall_updates, 0);
	assert_int_equal(process_ticks, 3);
	ti.cpu = 0;
	tick_handle_periodic(1);
	assert_int_equal(jiffies, 3);
	assert_int_equal(irq_work_runs, 1);
	assert_int_equal(wall_updates, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ticks_on_time, setup),
		cmocka_unit_test_setup(test_late_interrupt_catches_up, setup),
		cmocka_unit_test_setup(test_lost_interrupts_do_not_stretch_time, setup),
		cmocka_unit_test_setup(test_other_cpus, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
