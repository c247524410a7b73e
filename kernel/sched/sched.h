/* Scheduler-internal definitions (Linux's kernel/sched/sched.h). */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

/* One CPU's runqueue. CONTEXT: every field is under rq->lock. */
struct rq {
	spinlock_t lock;
	struct list_head queue; /* runnable tasks, round-robin order */
	unsigned int nr_running; /* tasks on queue (not counting idle) */
	struct task_struct *curr, *idle;
	int cpu;
	u64 nr_switches;
};

DECLARE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu) (&per_cpu(runqueues, (cpu)))
#define this_rq() cpu_rq(smp_processor_id())
#define task_rq(p) cpu_rq(task_cpu(p))

int idle_balance(void);
struct task_struct *fork_idle(int cpu);

#endif
