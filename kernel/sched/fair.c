/* The Completely Fair Scheduler (Linux 4.19's kernel/sched/fair.c, the
 * SCHED_NORMAL class, without group scheduling, load tracking or load
 * balancing beyond idle_balance() in core.c).
 *
 * Each task accumulates vruntime, its CPU time scaled by NICE_0_LOAD over
 * its weight, and the task with the least vruntime runs next. The tick
 * preempts a task that ran its share of the latency period (sched_slice);
 * a task that wakes up is placed at most half a latency period before the
 * queue's min_vruntime (a sleeper's credit, place_entity) and preempts the
 * running task if that one is ahead by more than the wake-up granularity
 * (check_preempt_wakeup): a task that slept runs soon, however many busy
 * loops share its CPU. CONTEXT: everything under the rq's lock. */
#include <linux/smp.h>
#include "sched.h"

/* Linux's defaults, scaled by 1 + ilog2(CPUs) in sched_init_granularity(). */
static unsigned int sysctl_sched_latency = 6000000;
static unsigned int sysctl_sched_min_granularity = 750000;
static unsigned int sysctl_sched_wakeup_granularity = 1000000;
/* sched_latency / sched_min_granularity: more tasks stretch the period. */
static const unsigned int sched_nr_latency = 8;

void sched_init_granularity(void)
{
	unsigned int cpus = num_online_cpus(), factor = 1;

	while (cpus >>= 1)
		factor++;
	sysctl_sched_latency *= factor;
	sysctl_sched_min_granularity *= factor;
	sysctl_sched_wakeup_granularity *= factor;
}

static inline struct task_struct *task_of(struct sched_entity *se)
{
	return container_of(se, struct task_struct, se);
}

static inline struct rq *rq_of(struct cfs_rq *cfs_rq)
{
	return container_of(cfs_rq, struct rq, cfs);
}

static inline u64 max_vruntime(u64 max_vruntime, u64 vruntime)
{
	if ((s64)(vruntime - max_vruntime) > 0)
		max_vruntime = vruntime;
	return max_vruntime;
}

static inline u64 min_vruntime(u64 min_vruntime, u64 vruntime)
{
	if ((s64)(vruntime - min_vruntime) < 0)
		min_vruntime = vruntime;
	return min_vruntime;
}

static inline int entity_before(struct sched_entity *a, struct sched_entity *b)
{
	return (s64)(a->vruntime - b->vruntime) < 0;
}

/* delta scaled by NICE_0_LOAD / weight. Linux multiplies by a precomputed
 * inverse of the weight; a division does the same for the rare niced task. */
static inline u64 calc_delta_fair(u64 delta, struct sched_entity *se)
{
	if (se->load.weight != NICE_0_LOAD)
		delta = delta * NICE_0_LOAD / se->load.weight;
	return delta;
}

void init_cfs_rq(struct cfs_rq *cfs_rq)
{
	INIT_LIST_HEAD(&cfs_rq->tasks_timeline);
	cfs_rq->min_vruntime = cfs_rq->min_vruntime_copy = (u64)(-(1LL << 20));
}

static struct sched_entity *__pick_first_entity(struct cfs_rq *cfs_rq)
{
	if (list_empty(&cfs_rq->tasks_timeline))
		return NULL;
	return list_first_entry(&cfs_rq->tasks_timeline, struct sched_entity, run_node);
}

static struct sched_entity *__pick_next_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	if (list_is_last(&se->run_node, &cfs_rq->tasks_timeline))
		return NULL;
	return list_next_entry(se, run_node);
}

static inline void update_min_vruntime(struct cfs_rq *cfs_rq)
{
	struct sched_entity *curr = cfs_rq->curr, *left = __pick_first_entity(cfs_rq);
	u64 vruntime = cfs_rq->min_vruntime;

	if (curr) {
		if (curr->on_rq)
			vruntime = curr->vruntime;
		else
			curr = NULL;
	}
	if (left) {
		if (!curr)
			vruntime = left->vruntime;
		else
			vruntime = min_vruntime(vruntime, left->vruntime);
	}
	/* ensure we never gain time by being placed backwards (Linux stores
	 * max_vruntime() even when unchanged). A 64-bit value is two stores
	 * here: the copy lets a reader on another CPU see a torn value
	 * (migrate_task_rq_fair). */
	if ((s64)(vruntime - cfs_rq->min_vruntime) > 0) {
		cfs_rq->min_vruntime = vruntime;
		smp_wmb();
		cfs_rq->min_vruntime_copy = vruntime;
	}
}

/*
 * Put se on the timeline, after the entities whose vruntime is not larger
 * (equal keys stay in arrival order, as in Linux's rbtree). Its place is
 * looked for from both ends at once, a step at each in turn: a task put
 * back after its slice belongs near the end; a woken task, or one a
 * wake-up preempted, near the start. The common cases cost a few steps
 * however many tasks are queued, the worst n; Linux's rbtree costs
 * O(log n) always.
 */
static void __enqueue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	struct list_head *head = &cfs_rq->tasks_timeline, *front = head->next, *back = head->prev;

	for (;;) {
		/* back is the last entity not after se: se goes behind it */
		if (back == head || !entity_before(se, list_entry(back, struct sched_entity, run_node)))
			break;
		back = back->prev;
		/* front is the first entity after se: se goes before it */
		if (entity_before(se, list_entry(front, struct sched_entity, run_node))) {
			back = front->prev;
			break;
		}
		front = front->next;
	}
	list_add(&se->run_node, back);
}

static void __dequeue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	list_del_init(&se->run_node);
}

/*
 * The period in which every runnable task runs once: the latency target,
 * stretched when more than sched_nr_latency tasks share it.
 */
static u64 __sched_period(unsigned long nr_running)
{
	if (nr_running > sched_nr_latency)
		return (u64)nr_running * sysctl_sched_min_granularity;
	return sysctl_sched_latency;
}

/* se's share of the period, by weight (its wall-time slice). */
static u64 sched_slice(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	u64 slice = __sched_period(cfs_rq->nr_running + !se->on_rq);
	unsigned long load = cfs_rq->load.weight;

	if (!se->on_rq)
		load += se->load.weight;
	return slice * se->load.weight / load;
}

/* The slice in vruntime: how far a new task starts behind the others. */
static u64 sched_vslice(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	return calc_delta_fair(sched_slice(cfs_rq, se), se);
}

/* Charge the running task for the time since it was last charged. */
static void update_curr(struct cfs_rq *cfs_rq)
{
	struct sched_entity *curr = cfs_rq->curr;
	u64 now = rq_of(cfs_rq)->clock;
	u64 delta_exec;

	if (!curr)
		return;
	delta_exec = now - curr->exec_start;
	if ((s64)delta_exec <= 0)
		return;
	curr->exec_start = now;
	curr->sum_exec_runtime += delta_exec;
	curr->vruntime += calc_delta_fair(delta_exec, curr);
	update_min_vruntime(cfs_rq);
}

/*
 * Where a task joins the timeline: a new one (initial) a slice after the
 * others, so that forking does not buy CPU time (Linux's START_DEBIT); a
 * woken one no further back than half a latency period before
 * min_vruntime (GENTLE_FAIR_SLEEPERS), so that sleeping earns a prompt
 * turn but never a long run ahead of the others.
 */
static void place_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, int initial)
{
	u64 vruntime = cfs_rq->min_vruntime;

	if (initial)
		vruntime += sched_vslice(cfs_rq, se);
	else
		vruntime -= sysctl_sched_latency >> 1;
	/* ensure we never gain time by being placed backwards. */
	se->vruntime = max_vruntime(se->vruntime, vruntime);
}

static void account_entity_enqueue(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	cfs_rq->load.weight += se->load.weight;
	cfs_rq->nr_running++;
}

static void account_entity_dequeue(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	cfs_rq->load.weight -= se->load.weight;
	cfs_rq->nr_running--;
}

/*
 * A task that is not waking up on the CPU it slept on carries a vruntime
 * relative to its old queue's min_vruntime (dequeue_entity, task_fork_fair,
 * migrate_task_rq_fair): make it absolute on this queue.
 */
static void enqueue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, int flags)
{
	bool renorm = !(flags & ENQUEUE_WAKEUP) || (flags & ENQUEUE_MIGRATED);
	bool curr = cfs_rq->curr == se;

	if (renorm && curr)
		se->vruntime += cfs_rq->min_vruntime;
	update_curr(cfs_rq);
	if (renorm && !curr)
		se->vruntime += cfs_rq->min_vruntime;
	account_entity_enqueue(cfs_rq, se);
	if (flags & ENQUEUE_WAKEUP)
		place_entity(cfs_rq, se, 0);
	if (!curr)
		__enqueue_entity(cfs_rq, se);
	se->on_rq = 1;
}

static void clear_buddies(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	if (cfs_rq->skip == se)
		cfs_rq->skip = NULL;
}

static void dequeue_entity(struct cfs_rq *cfs_rq, struct sched_entity *se, int flags)
{
	update_curr(cfs_rq);
	clear_buddies(cfs_rq, se);
	if (se != cfs_rq->curr)
		__dequeue_entity(cfs_rq, se);
	se->on_rq = 0;
	account_entity_dequeue(cfs_rq, se);
	/* A task that moves keeps its place relative to min_vruntime; one
	 * that sleeps keeps its absolute vruntime for place_entity(). */
	if (!(flags & DEQUEUE_SLEEP))
		se->vruntime -= cfs_rq->min_vruntime;
	update_min_vruntime(cfs_rq);
}

/* se starts running: it leaves the timeline while it runs. */
static void set_next_entity(struct cfs_rq *cfs_rq, struct sched_entity *se)
{
	if (se->on_rq)
		__dequeue_entity(cfs_rq, se);
	se->exec_start = rq_of(cfs_rq)->clock;
	cfs_rq->curr = se;
	se->prev_sum_exec_runtime = se->sum_exec_runtime;
}

/*
 * Should curr give way to se? 1 if se is behind by more than the wake-up
 * granularity (in se's vruntime), -1 if se is not behind at all, else 0.
 */
static int wakeup_preempt_entity(struct sched_entity *curr, struct sched_entity *se)
{
	s64 gran, vdiff = curr->vruntime - se->vruntime;

	if (vdiff <= 0)
		return -1;
	gran = calc_delta_fair(sysctl_sched_wakeup_granularity, se);
	if (vdiff > gran)
		return 1;
	return 0;
}

/* The leftmost entity, unless it just yielded and the next is close. */
static struct sched_entity *pick_next_entity(struct cfs_rq *cfs_rq)
{
	struct sched_entity *left = __pick_first_entity(cfs_rq), *se = left, *second;

	if (cfs_rq->skip == se) {
		second = __pick_next_entity(cfs_rq, se);
		if (second && wakeup_preempt_entity(second, left) < 1)
			se = second;
	}
	clear_buddies(cfs_rq, se);
	return se;
}

/* The running task stops running: back on the timeline if still queued. */
static void put_prev_entity(struct cfs_rq *cfs_rq, struct sched_entity *prev)
{
	if (prev->on_rq) {
		update_curr(cfs_rq);
		__enqueue_entity(cfs_rq, prev);
	}
	cfs_rq->curr = NULL;
}

/*
 * The tick: preempt the running task once it has had its slice, or once
 * it is ahead of the leftmost task by more than a slice (but never before
 * it ran the minimum granularity).
 */
static void check_preempt_tick(struct cfs_rq *cfs_rq, struct sched_entity *curr)
{
	u64 ideal_runtime = sched_slice(cfs_rq, curr), delta_exec;
	struct sched_entity *se;
	s64 delta;

	delta_exec = curr->sum_exec_runtime - curr->prev_sum_exec_runtime;
	if (delta_exec > ideal_runtime) {
		resched_curr(rq_of(cfs_rq));
		clear_buddies(cfs_rq, curr);
		return;
	}
	if (delta_exec < sysctl_sched_min_granularity)
		return;
	se = __pick_first_entity(cfs_rq);
	delta = curr->vruntime - se->vruntime;
	if (delta < 0)
		return;
	if (delta > (s64)ideal_runtime)
		resched_curr(rq_of(cfs_rq));
}

void enqueue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	enqueue_entity(&rq->cfs, &p->se, flags);
	rq->nr_running++;
}

void dequeue_task_fair(struct rq *rq, struct task_struct *p, int flags)
{
	dequeue_entity(&rq->cfs, &p->se, flags);
	rq->nr_running--;
}

/* sched_yield: let the next task go first if it is close enough. */
void yield_task_fair(struct rq *rq)
{
	struct cfs_rq *cfs_rq = &rq->cfs;

	if (unlikely(rq->nr_running == 1))
		return;
	clear_buddies(cfs_rq, cfs_rq->curr);
	update_rq_clock(rq);
	update_curr(cfs_rq);
	cfs_rq->skip = cfs_rq->curr;
}

/*
 * p was just queued on rq: preempt rq's running task if p has run less by
 * more than the wake-up granularity. A running task that is not CFS's is
 * on no timeline: the idle task always gives way, the stop task never
 * (in Linux, check_preempt_curr's class compare sees to both).
 * CONTEXT: rq->lock held and rq's clock updated by the caller, which has
 * just enqueued p (as in Linux, no second clock read here).
 */
void check_preempt_wakeup(struct rq *rq, struct task_struct *p)
{
	struct sched_entity *se = &rq->curr->se;

	if (unlikely(!se->on_rq)) {
		if (rq->curr == rq->idle)
			resched_curr(rq);
		return;
	}
	if (test_tsk_thread_flag(rq->curr, TIF_NEED_RESCHED))
		return;
	update_curr(&rq->cfs);
	if (wakeup_preempt_entity(se, &p->se) == 1)
		resched_curr(rq);
}

/*
 * Where a waking or new task with more than one allowed CPU should run
 * (Linux's select_task_rq_fair, whose select_idle_sibling and
 * find_idlest_cpu reduce here to): its last CPU if idle (its cache may
 * still be warm), else any idle CPU, else the least loaded one; only
 * online CPUs of p->cpus_allowed. CONTEXT: p->pi_lock held; the runqueues
 * are read without their locks, as Linux reads them.
 */
int select_task_rq_fair(struct task_struct *p, int prev_cpu)
{
	int cpu, best = -1;

	if (cpumask_test_cpu(prev_cpu, &p->cpus_allowed) && cpu_online(prev_cpu)) {
		if (idle_cpu(prev_cpu))
			return prev_cpu;
		best = prev_cpu;
	}
	for_each_cpu_and(cpu, &p->cpus_allowed, cpu_online_mask) {
		if (cpu == prev_cpu)
			continue; /* tested above */
		if (idle_cpu(cpu))
			return cpu;
		if (best < 0 || cpu_rq(cpu)->nr_running < cpu_rq(best)->nr_running)
			best = cpu;
	}
	return best;
}

/*
 * prev stops running and is put back if still queued (the idle task is
 * not CFS's: nothing to put back); the task with the least vruntime runs
 * next. RETURNS: it, or NULL if no task is runnable.
 */
struct task_struct *pick_next_task_fair(struct rq *rq, struct task_struct *prev)
{
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se;

	/* prev is the only runnable task: it runs on (what putting it back
	 * and picking again would give, without the timeline work). The idle
	 * task is never queued (se.on_rq 0). */
	if (prev->se.on_rq && cfs_rq->nr_running == 1) {
		se = &prev->se;
		clear_buddies(cfs_rq, se);
		update_curr(cfs_rq);
		se->prev_sum_exec_runtime = se->sum_exec_runtime;
		return prev;
	}
	/* The stop task (stop_task.c) comes here as prev only when it goes
	 * to sleep: its entity is on no timeline, and cfs_rq->curr was
	 * cleared when it started, so this changes nothing for it. */
	if (prev != rq->idle)
		put_prev_entity(cfs_rq, &prev->se);
	if (!cfs_rq->nr_running)
		return NULL;
	se = pick_next_entity(cfs_rq);
	set_next_entity(cfs_rq, se);
	return task_of(se);
}

void put_prev_task_fair(struct rq *rq, struct task_struct *prev)
{
	put_prev_entity(&rq->cfs, &prev->se);
}

void task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	struct cfs_rq *cfs_rq = &rq->cfs;

	update_curr(cfs_rq);
	if (cfs_rq->nr_running > 1)
		check_preempt_tick(cfs_rq, &curr->se);
}

/*
 * A new task starts where its parent is, a slice later; its vruntime is
 * kept relative to min_vruntime until wake_up_new_task() queues it,
 * maybe on another CPU.
 */
void task_fork_fair(struct task_struct *p)
{
	struct rq *rq = this_rq();
	struct cfs_rq *cfs_rq = &rq->cfs;
	struct sched_entity *se = &p->se, *curr = cfs_rq->curr;

	update_rq_clock(rq);
	if (curr) {
		update_curr(cfs_rq);
		se->vruntime = curr->vruntime;
	}
	place_entity(cfs_rq, se, 1);
	se->vruntime -= cfs_rq->min_vruntime;
}

void migrate_task_rq_fair(struct task_struct *p)
{
	struct cfs_rq *cfs_rq = &task_rq(p)->cfs;
	u64 min_vruntime, copy;

	/* Without the old rq's lock: retry until both halves agree. */
	do {
		copy = READ_ONCE(cfs_rq->min_vruntime_copy);
		smp_rmb();
		min_vruntime = READ_ONCE(cfs_rq->min_vruntime);
	} while (min_vruntime != copy);
	p->se.vruntime -= min_vruntime;
}

/* Linux's sched_prio_to_weight: each nice level is about 10% more or
 * less CPU than the next (kernel/sched/core.c). */
static const int sched_prio_to_weight[40] = {
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */ 9548,  7620,  6100,  4904,  3906,
	/*  -5 */ 3121,  2501,  1991,  1586,  1277,
	/*   0 */ 1024,  820,   655,   526,   423,
	/*   5 */ 335,   272,   215,   172,   137,
	/*  10 */ 110,   87,    70,    56,    45,
	/*  15 */ 36,    29,    23,    18,    15,
};

/*
 * Give p the weight of its nice value. @update_load: p may be queued (a
 * nice change), so its queue's total load follows. CONTEXT: with
 * update_load, task_rq(p)->lock held.
 */
void set_load_weight(struct task_struct *p, bool update_load)
{
	unsigned long weight = sched_prio_to_weight[p->static_prio - DEFAULT_PRIO + 20];
	struct cfs_rq *cfs_rq = &task_rq(p)->cfs;
	struct sched_entity *se = &p->se;

	if (update_load && se->on_rq) {
		if (cfs_rq->curr == se)
			update_curr(cfs_rq);
		cfs_rq->load.weight += weight - se->load.weight;
	}
	se->load.weight = weight;
}
