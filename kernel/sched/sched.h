/* Scheduler-internal definitions (Linux's kernel/sched/sched.h): the
 * per-CPU runqueue with its CFS queue, and the interface between the core
 * (core.c) and the one scheduling class, CFS (fair.c). Linux reaches a
 * class through struct sched_class; with one class, core.c calls fair.c's
 * functions directly, under the same names. */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>
#include <linux/time.h>

#define NICE_0_LOAD 1024 /* the weight of nice 0 */

/* The runnable tasks of one CPU, ordered by vruntime (Linux's struct
 * cfs_rq). Linux keeps tasks_timeline in an rbtree; here it is a list
 * kept sorted, see __enqueue_entity(). CONTEXT: rq->lock. */
struct cfs_rq {
	struct load_weight load; /* of the queued tasks, curr included */
	unsigned int nr_running;
	u64 min_vruntime; /* never decreases: where tasks (re)join the queue */
	u64 min_vruntime_copy; /* written after min_vruntime: a lockless reader's check */
	struct list_head tasks_timeline; /* waiting tasks, smallest vruntime first */
	struct sched_entity *curr; /* the running task's entity, off the timeline */
	struct sched_entity *skip; /* yielded: passed over once if another is close */
};

/* One CPU's runqueue. CONTEXT: every field is under rq->lock. Cache-line
 * aligned, as Linux's DEFINE_PER_CPU_SHARED_ALIGNED runqueues: no CPU's
 * lock shares a line with another's, and cpu_rq() indexes by a shift. */
struct rq {
	spinlock_t lock;
	unsigned int nr_running; /* queued tasks, the running one included, idle not */
	/* Tasks that went to sleep here in TASK_UNINTERRUPTIBLE, less those
	 * woken onto this runqueue: a task is counted up on the CPU it slept
	 * on and down on the CPU that wakes it, so only the sum over all CPUs
	 * means anything (loadavg.c folds each CPU's share). */
	unsigned long nr_uninterruptible;
	struct cfs_rq cfs;
	struct task_struct *curr, *idle;
	struct task_struct *stop; /* migration/N, the stop class's one task */
	u64 clock; /* sched_clock() at the last update_rq_clock() */
	int cpu;
	u64 nr_switches;
	/* idle_balance() found only tasks that may not run here: it tries
	 * again at next_balance, balance_interval ticks later, an interval
	 * that doubles while that lasts (Linux keeps both per sched domain) */
	unsigned long next_balance;
	unsigned int balance_interval;
	/* loadavg.c: when this CPU next folds its count, and the count
	 * it folded last */
	unsigned long calc_load_update;
	long calc_load_active;
} ____cacheline_aligned;

extern unsigned long calc_load_update;
void calc_global_load_tick(struct rq *this_rq);

DECLARE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu) (&per_cpu(runqueues, (cpu)))
#define this_rq() cpu_rq(smp_processor_id())
#define task_rq(p) cpu_rq(task_cpu(p))

/* task_struct::on_rq: queued, or between two queues (move_queued_task). */
#define TASK_ON_RQ_QUEUED 1
#define TASK_ON_RQ_MIGRATING 2

static inline int task_on_rq_queued(struct task_struct *p)
{
	return p->on_rq == TASK_ON_RQ_QUEUED;
}

static inline int task_on_rq_migrating(struct task_struct *p)
{
	return READ_ONCE(p->on_rq) == TASK_ON_RQ_MIGRATING;
}

/* Running, or still switching out (Linux's task_running on SMP). */
static inline int task_running(struct rq *rq, struct task_struct *p)
{
	return p->on_cpu;
}

/* enqueue_task()/dequeue_task() flags, Linux's values. */
#define DEQUEUE_SLEEP 0x01 /* the task goes to sleep (else it moves) */
#define ENQUEUE_WAKEUP 0x01 /* the task wakes up (else it moved or is new) */
#define ENQUEUE_MIGRATED 0x40 /* it wakes up on another CPU than it slept on */

static inline void update_rq_clock(struct rq *rq)
{
	rq->clock = sched_clock();
}

void resched_curr(struct rq *rq);

/* kernel/sched/fair.c: the CFS class. CONTEXT: rq->lock held, IRQs off,
 * except where said. */
void init_cfs_rq(struct cfs_rq *cfs_rq);
void sched_init_granularity(void);
void enqueue_task_fair(struct rq *rq, struct task_struct *p, int flags);
void dequeue_task_fair(struct rq *rq, struct task_struct *p, int flags);
void yield_task_fair(struct rq *rq);
void check_preempt_wakeup(struct rq *rq, struct task_struct *p);
/* CONTEXT: p->pi_lock held, no rq lock. */
int select_task_rq_fair(struct task_struct *p, int prev_cpu);
struct task_struct *pick_next_task_fair(struct rq *rq, struct task_struct *prev);
void task_tick_fair(struct rq *rq, struct task_struct *curr);
/* CONTEXT: the parent's rq->lock held; p is not visible yet. */
void task_fork_fair(struct task_struct *p);
/* p wakes on another CPU: its vruntime leaves the old queue's reference.
 * CONTEXT: p->pi_lock only (Linux's migrate_task_rq_fair). */
void migrate_task_rq_fair(struct task_struct *p);
void set_load_weight(struct task_struct *p, bool update_load);

/* prev stops running: back on the timeline if still queued (Linux's
 * put_prev_task_fair). */
void put_prev_task_fair(struct rq *rq, struct task_struct *prev);

/* kernel/sched/stop_task.c: the stop class. CONTEXT: rq->lock held, IRQs off. */
void enqueue_task_stop(struct rq *rq, struct task_struct *p, int flags);
void dequeue_task_stop(struct rq *rq, struct task_struct *p, int flags);
struct task_struct *pick_next_task_stop(struct rq *rq, struct task_struct *prev);

int idle_balance(void);
struct task_struct *fork_idle(int cpu);

#endif
