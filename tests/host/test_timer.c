/* sources: kernel/time/timer.c */
/* Tests of the per-CPU timer bases on simulated CPUs: a timer runs from
 * the tick of the CPU that armed it (or that add_timer_on named), in
 * expiry order and not before it is due; re-armed from another CPU it
 * moves there, unless its function is running (then it stays, and
 * try_to_del_timer_sync says so); a due timer deleted by the function
 * before it never runs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <linux/tracepoint.h>

/* What timer.c uses from the rest of the kernel. */
volatile unsigned long jiffies;
static struct thread_info ti;

struct thread_info *current_thread_info(void)
{
	return &ti;
}

void scheduler_tick(void)
{
}

void run_posix_cpu_timers(struct task_struct *tsk)
{
}

int wake_up_process(struct task_struct *p)
{
	return 1;
}

void schedule(void)
{
}

void __warn(const char *file, int line)
{
	fail_msg("WARN_ON at %s:%d", file, line);
}

/* The timer events, never enabled here. */
struct tracepoint __tracepoint_timer_start, __tracepoint_timer_expire_entry,
	__tracepoint_timer_expire_exit;
void __traceiter_timer_start(struct timer_list *timer, unsigned long expires, unsigned int flags)
{
}
void __traceiter_timer_expire_entry(struct timer_list *timer)
{
}
void __traceiter_timer_expire_exit(struct timer_list *timer)
{
}

/* A timer that records the CPU and order of its runs. */
struct probe {
	struct timer_list timer;
	int ran_on;
	int order;
	void (*also)(struct probe *p); /* done from inside the function */
};

static int runs;

static void probe_fn(struct timer_list *t)
{
	struct probe *p = container_of(t, struct probe, timer);

	p->ran_on = smp_processor_id();
	p->order = ++runs;
	if (p->also)
		p->also(p);
}

static void probe_init(struct probe *p)
{
	memset(p, 0, sizeof(*p));
	p->ran_on = -1;
	timer_setup(&p->timer, probe_fn, 0);
}

static void tick_on(int cpu)
{
	ti.cpu = cpu;
	run_local_timers();
}

static int setup(void **state)
{
	static int initialised;

	if (!initialised)
		init_timers();
	initialised = 1;
	jiffies = 1000;
	runs = 0;
	ti.cpu = 0;
	return 0;
}

/* Armed on CPU 2: queued there (flags), not run by CPU 0's tick, run by
 * CPU 2's once due and not before. */
static void test_runs_on_arming_cpu(void **state)
{
	struct probe p;

	ti.cpu = 2;
	probe_init(&p);
	assert_int_equal(mod_timer(&p.timer, jiffies + 3), 0);
	assert_int_equal(p.timer.flags & TIMER_CPUMASK, 2);
	jiffies += 2;
	tick_on(2);
	assert_int_equal(p.ran_on, -1);
	jiffies++;
	tick_on(0);
	tick_on(1);
	tick_on(3);
	assert_int_equal(p.ran_on, -1);
	assert_true(timer_pending(&p.timer));
	tick_on(2);
	assert_int_equal(p.ran_on, 2);
	assert_false(timer_pending(&p.timer));
}

/* Timers of one base run in expiry order, however they were armed; one
 * due later waits. */
static void test_expiry_order(void **state)
{
	struct probe a, b, c;

	probe_init(&a);
	probe_init(&b);
	probe_init(&c);
	mod_timer(&a.timer, jiffies + 5);
	mod_timer(&b.timer, jiffies + 2);
	mod_timer(&c.timer, jiffies + 3);
	jiffies += 3;
	tick_on(0);
	assert_int_equal(b.order, 1);
	assert_int_equal(c.order, 2);
	assert_int_equal(a.order, 0);
	jiffies += 2;
	tick_on(0);
	assert_int_equal(a.order, 3);
}

/* add_timer_on puts a timer on the named CPU's base. */
static void test_add_timer_on(void **state)
{
	struct probe p;

	probe_init(&p);
	p.timer.expires = jiffies + 1;
	add_timer_on(&p.timer, 3);
	assert_int_equal(p.timer.flags & TIMER_CPUMASK, 3);
	jiffies++;
	tick_on(0);
	assert_int_equal(p.ran_on, -1);
	tick_on(3);
	assert_int_equal(p.ran_on, 3);
}

/* A pending timer re-armed from CPU 3 leaves CPU 1's base for CPU 3's;
 * re-armed for the same expiry it stays where it is. */
static void test_rearmed_timer_moves(void **state)
{
	struct probe p;

	ti.cpu = 1;
	probe_init(&p);
	mod_timer(&p.timer, jiffies + 4);
	ti.cpu = 3;
	assert_int_equal(mod_timer(&p.timer, jiffies + 4), 1);
	assert_int_equal(p.timer.flags & TIMER_CPUMASK, 1);
	assert_int_equal(mod_timer(&p.timer, jiffies + 2), 1);
	assert_int_equal(p.timer.flags & TIMER_CPUMASK, 3);
	jiffies += 2;
	tick_on(1);
	assert_int_equal(p.ran_on, -1);
	tick_on(3);
	assert_int_equal(p.ran_on, 3);
}

static int del_while_running;

/* From inside the function (running on CPU 1), as CPU 2 would: delete
 * (refused: it is running), re-arm (it stays on CPU 1's base). */
static void rearm_from_cpu2(struct probe *p)
{
	int cpu = ti.cpu;

	ti.cpu = 2;
	del_while_running = try_to_del_timer_sync(&p->timer);
	mod_timer(&p->timer, jiffies + 1);
	ti.cpu = cpu;
}

static void test_running_timer_stays(void **state)
{
	struct probe p;

	ti.cpu = 1;
	probe_init(&p);
	p.also = rearm_from_cpu2;
	mod_timer(&p.timer, jiffies + 1);
	jiffies++;
	tick_on(1);
	assert_int_equal(p.ran_on, 1);
	assert_int_equal(del_while_running, -1);
	assert_true(timer_pending(&p.timer));
	assert_int_equal(p.timer.flags & TIMER_CPUMASK, 1);
	/* no longer running: CPU 2 may delete it */
	ti.cpu = 2;
	assert_int_equal(try_to_del_timer_sync(&p.timer), 1);
	assert_false(timer_pending(&p.timer));
	assert_int_equal(del_timer_sync(&p.timer), 0);
}

static struct probe *victim;

static void delete_victim(struct probe *p)
{
	assert_int_equal(del_timer_sync(&victim->timer), 1);
}

/* Two timers due at one tick: the first deletes the second, which was
 * already taken off the base to run, and it does not run. */
static void test_due_timer_deleted_by_the_one_before(void **state)
{
	struct probe a, b;

	probe_init(&a);
	probe_init(&b);
	a.also = delete_victim;
	victim = &b;
	mod_timer(&a.timer, jiffies + 1);
	mod_timer(&b.timer, jiffies + 2);
	jiffies += 2;
	tick_on(0);
	assert_int_equal(a.order, 1);
	assert_int_equal(b.ran_on, -1);
	assert_false(timer_pending(&b.timer));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_runs_on_arming_cpu, setup),
		cmocka_unit_test_setup(test_expiry_order, setup),
		cmocka_unit_test_setup(test_add_timer_on, setup),
		cmocka_unit_test_setup(test_rearmed_timer_moves, setup),
		cmocka_unit_test_setup(test_running_timer_stays, setup),
		cmocka_unit_test_setup(test_due_timer_deleted_by_the_one_before, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
