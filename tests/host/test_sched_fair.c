/* sources: kernel/sched/fair.c */
/* Tests of the CFS policy on a simulated CPU: the timeline's order, fair
 * shares among busy loops (by nice weight), a woken sleeper preempting
 * busy loops at once, a new task not preempting its parent, sched_yield,
 * the tick preempting a task that ran alone before another joined, a
 * task keeping its lag when it wakes on another CPU, and a waking task
 * placed only on a CPU its affinity mask allows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/string.h>
#include "../../kernel/sched/sched.h"

#define NR_TASKS 104
#define MS 1000000ULL

DEFINE_PER_CPU(struct rq, runqueues);
static u64 now;
static struct thread_info tis[NR_TASKS + NR_CPUS], *current_ti;
static struct task_struct tasks[NR_TASKS], idle[NR_CPUS];

u64 local_clock(void)
{
	return now;
}

const struct cpumask __cpu_possible_mask = CPU_MASK_ALL;
struct cpumask __cpu_online_mask = { { 1 } };

int idle_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return rq->curr == rq->idle && rq->nr_running == 0;
}

struct thread_info *current_thread_info(void)
{
	return current_ti;
}

void resched_curr(struct rq *rq)
{
	set_tsk_need_resched(rq->curr);
}

static void init_task_on(struct task_struct *p, struct thread_info *ti, int cpu)
{
	memset(p, 0, sizeof(*p));
	memset(ti, 0, sizeof(*ti));
	p->stack = ti;
	ti->task = p;
	ti->cpu = cpu;
	p->static_prio = p->prio = DEFAULT_PRIO;
	set_load_weight(p, false);
	INIT_LIST_HEAD(&p->se.run_node);
}

static int setup(void **state)
{
	int cpu, i;

	now = 1000 * MS;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		memset(rq, 0, sizeof(*rq));
		init_cfs_rq(&rq->cfs);
		rq->cpu = cpu;
		init_task_on(&idle[cpu], &tis[NR_TASKS + cpu], cpu);
		rq->curr = rq->idle = &idle[cpu];
	}
	for (i = 0; i < NR_TASKS; i++)
		init_task_on(&tasks[i], &tis[i], 0);
	current_ti = task_thread_info(&idle[0]);
	return 0;
}

/* __schedule() of core.c, reduced to the policy: prev sleeps (if
 * @prev_sleeps) or stays queued; the next task runs. */
static struct task_struct *schedule_cpu(struct rq *rq, bool prev_sleeps)
{
	struct task_struct *prev = rq->curr, *next;

	update_rq_clock(rq);
	clear_tsk_need_resched(prev);
	if (prev_sleeps && prev != rq->idle) {
		dequeue_task_fair(rq, prev, DEQUEUE_SLEEP);
		prev->on_rq = 0;
	}
	next = pick_next_task_fair(rq, prev);
	rq->curr = next ? next : rq->idle;
	current_ti = task_thread_info(rq->curr);
	return rq->curr;
}

/* A task becomes runnable on rq: new (fork) or waking up. */
static void activate(struct rq *rq, struct task_struct *p, int flags)
{
	update_rq_clock(rq);
	enqueue_task_fair(rq, p, flags);
	p->on_rq = 1;
	check_preempt_wakeup(rq, p);
}

/* Let CPU 0 run for @ns, ticking at HZ and switching when told to. */
static void run_for(u64 ns)
{
	struct rq *rq = cpu_rq(0);
	u64 end = now + ns;

	while (now < end) {
		now += TICK_NSEC;
		update_rq_clock(rq);
		if (rq->curr != rq->idle)
			task_tick_fair(rq, rq->curr);
		if (test_tsk_thread_flag(rq->curr, TIF_NEED_RESCHED))
			schedule_cpu(rq, false);
	}
}

static void start_busy(int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		activate(cpu_rq(0), &tasks[i], 0);
	schedule_cpu(cpu_rq(0), false);
}

static void test_timeline_in_vruntime_order(void **state)
{
	static const int order[] = { 3, 0, 4, 1, 2 };
	struct rq *rq = cpu_rq(0);
	struct sched_entity *se;
	u64 last = 0;
	int i, n = 0;

	/* New tasks carry a vruntime relative to min_vruntime. */
	for (i = 0; i < 5; i++) {
		tasks[order[i]].se.vruntime = order[i] * MS;
		enqueue_task_fair(rq, &tasks[order[i]], 0);
	}
	list_for_each_entry(se, &rq->cfs.tasks_timeline, run_node) {
		assert_true(n == 0 || (s64)(se->vruntime - last) >= 0);
		assert_ptr_equal(se, &tasks[n].se);
		last = se->vruntime;
		n++;
	}
	assert_int_equal(n, 5);
	assert_int_equal(rq->nr_running, 5);
}

/* 100 tasks queued in a scrambled order, keys repeating: the timeline
 * holds them by vruntime, equal keys in the order they came, wherever
 * each had to go (first, last, or anywhere between). */
static void test_timeline_keeps_equal_keys_in_arrival_order(void **state)
{
	struct rq *rq = cpu_rq(0);
	struct sched_entity *se, *prev = NULL;
	int i, n = 0;

	for (i = 0; i < 100; i++) {
		tasks[i].se.vruntime = (u64)((i * 37) % 23) * MS;
		enqueue_task_fair(rq, &tasks[i], 0);
	}
	list_for_each_entry(se, &rq->cfs.tasks_timeline, run_node) {
		if (prev) {
			s64 d = se->vruntime - prev->vruntime;

			assert_true(d > 0 || (d == 0 && se > prev));
		}
		prev = se;
		n++;
	}
	assert_int_equal(n, 100);
}

static void test_busy_loops_share_fairly(void **state)
{
	int i;

	start_busy(3);
	run_for(3000 * MS);
	for (i = 0; i < 3; i++) {
		assert_true(tasks[i].se.sum_exec_runtime >= 990 * MS);
		assert_true(tasks[i].se.sum_exec_runtime <= 1010 * MS);
	}
}

/* Nice 5's weight (335) against nice 0's (1024): about a quarter of the CPU. */
static void test_nice_weights_the_shares(void **state)
{
	u64 a, b;

	tasks[1].static_prio = DEFAULT_PRIO + 5;
	set_load_weight(&tasks[1], false);
	start_busy(2);
	run_for(4000 * MS);
	a = tasks[0].se.sum_exec_runtime;
	b = tasks[1].se.sum_exec_runtime;
	assert_true(a + b == 4000 * MS);
	assert_true(b * 1024 >= a * 335 - 20 * MS * 1024);
	assert_true(b * 1024 <= a * 335 + 20 * MS * 1024);
}

/* A task that slept runs as soon as it wakes, whatever number of busy
 * loops share its CPU. */
static void test_woken_sleeper_preempts_busy_loops(void **state)
{
	struct rq *rq = cpu_rq(0);
	struct task_struct *sleeper = &tasks[100];

	activate(rq, sleeper, 0);
	start_busy(100);
	run_for(2000 * MS);
	while (rq->curr != sleeper)
		run_for(TICK_NSEC);
	schedule_cpu(rq, true);
	run_for(1000 * MS);
	activate(rq, sleeper, ENQUEUE_WAKEUP);
	assert_true(test_tsk_thread_flag(rq->curr, TIF_NEED_RESCHED));
	assert_ptr_equal(schedule_cpu(rq, false), sleeper);
}

static void test_new_task_does_not_preempt_parent(void **state)
{
	struct rq *rq = cpu_rq(0);
	struct task_struct *parent = &tasks[0], *child = &tasks[1];

	start_busy(1);
	run_for(50 * MS);
	task_fork_fair(child);
	activate(rq, child, 0);
	assert_false(test_tsk_thread_flag(parent, TIF_NEED_RESCHED));
	assert_true((s64)(child->se.vruntime - parent->se.vruntime) > 0);
}

static void test_yield_lets_the_other_run(void **state)
{
	struct rq *rq = cpu_rq(0);

	start_busy(2);
	assert_ptr_equal(rq->curr, &tasks[0]);
	yield_task_fair(rq);
	assert_ptr_equal(schedule_cpu(rq, false), &tasks[1]);
	/* Alone, a task that yields runs on. */
	schedule_cpu(rq, true);
	assert_ptr_equal(rq->curr, &tasks[0]);
	yield_task_fair(rq);
	assert_ptr_equal(schedule_cpu(rq, false), &tasks[0]);
}

/* The bench hang: a busy loop alone for a long time must still give the
 * CPU to a task that joins its queue, at the next tick at the latest. */
static void test_lone_busy_loop_is_preempted_later(void **state)
{
	struct rq *rq = cpu_rq(0);

	start_busy(1);
	run_for(5000 * MS);
	tasks[1].se.vruntime = 0;
	activate(rq, &tasks[1], 0); /* moved here by idle_balance: no sleeper credit */
	run_for(2 * TICK_NSEC);
	assert_true(tasks[1].se.sum_exec_runtime > 0);
}

/* A task waking on another CPU keeps its place relative to min_vruntime. */
static void test_migration_keeps_lag(void **state)
{
	struct rq *rq0 = cpu_rq(0), *rq1 = cpu_rq(1);
	struct task_struct *p = &tasks[2];

	rq1->cfs.min_vruntime = rq1->cfs.min_vruntime_copy = 500 * MS;
	start_busy(2);
	run_for(100 * MS);
	activate(rq0, p, 0);
	dequeue_task_fair(rq0, p, DEQUEUE_SLEEP);
	p->se.vruntime = rq0->cfs.min_vruntime + 2 * MS;
	/* try_to_wake_up() chose CPU 1 */
	migrate_task_rq_fair(p);
	task_thread_info(p)->cpu = 1;
	activate(rq1, p, ENQUEUE_WAKEUP | ENQUEUE_MIGRATED);
	assert_true(p->se.vruntime == 502 * MS);
}

/* select_task_rq_fair: an idle allowed CPU first (its last one if idle),
 * else the least loaded allowed one; never a CPU outside cpus_allowed,
 * however idle, nor an offline one. */
static void test_select_honours_cpus_allowed(void **state)
{
	struct task_struct *p = &tasks[0];
	struct cpumask saved = __cpu_online_mask;

	__cpu_online_mask = CPU_MASK_ALL;
	cpumask_clear(&p->cpus_allowed);
	cpumask_set_cpu(0, &p->cpus_allowed);
	cpumask_set_cpu(2, &p->cpus_allowed);
	/* CPU 0 busy, 1 and 2 idle: 2, not the idle but forbidden 1 */
	activate(cpu_rq(0), &tasks[1], 0);
	schedule_cpu(cpu_rq(0), false);
	assert_int_equal(select_task_rq_fair(p, 1), 2);
	assert_int_equal(select_task_rq_fair(p, 0), 2);
	/* its last CPU when that one is idle and allowed */
	assert_int_equal(select_task_rq_fair(p, 2), 2);
	/* 0 and 2 both busy, 2 more so: 0 */
	cpu_rq(2)->nr_running = 2;
	assert_int_equal(select_task_rq_fair(p, 3), 0);
	/* 2 offline: never chosen, however idle */
	cpu_rq(2)->nr_running = 0;
	cpumask_clear_cpu(2, &__cpu_online_mask);
	assert_int_equal(select_task_rq_fair(p, 2), 0);
	__cpu_online_mask = saved;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_timeline_in_vruntime_order, setup),
		cmocka_unit_test_setup(test_timeline_keeps_equal_keys_in_arrival_order, setup),
		cmocka_unit_test_setup(test_busy_loops_share_fairly, setup),
		cmocka_unit_test_setup(test_nice_weights_the_shares, setup),
		cmocka_unit_test_setup(test_woken_sleeper_preempts_busy_loops, setup),
		cmocka_unit_test_setup(test_new_task_does_not_preempt_parent, setup),
		cmocka_unit_test_setup(test_yield_lets_the_other_run, setup),
		cmocka_unit_test_setup(test_lone_busy_loop_is_preempted_later, setup),
		cmocka_unit_test_setup(test_migration_keeps_lag, setup),
		cmocka_unit_test_setup(test_select_honours_cpus_allowed, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
