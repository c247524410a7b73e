/* The stop class (Linux's kernel/sched/stop_task.c): a CPU's stopper
 * thread, migration/N (kernel/stop_machine.c), runs before every other
 * task of its CPU and is never preempted. Linux reaches the class through
 * p->sched_class; with CFS the only other class, core.c tests for
 * rq->stop where Linux dispatches. */
#include "sched.h"

void enqueue_task_stop(struct rq *rq, struct task_struct *p, int flags)
{
	rq->nr_running++;
}

void dequeue_task_stop(struct rq *rq, struct task_struct *p, int flags)
{
	rq->nr_running--;
}

/*
 * The stop task is queued (core.c calls this only then): it runs next,
 * once prev is put back where its class keeps it: a CFS task on the
 * timeline; the idle task and the stop task itself are on none. Linux's
 * version also returns NULL when the stop task is not queued, and stamps
 * its exec_start for put_prev_task_stop's runtime accounting, which the
 * stop task does without here. CONTEXT: rq->lock held, IRQs off.
 */
struct task_struct *pick_next_task_stop(struct rq *rq, struct task_struct *prev)
{
	if (prev != rq->idle && prev != rq->stop)
		put_prev_task_fair(rq, prev);
	return rq->stop;
}
