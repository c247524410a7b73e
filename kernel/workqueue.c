/* Work queues: functions queued from any context, even an interrupt, and
 * run later by a kernel thread (Linux's kernel/workqueue.c, reduced to one
 * unbound pool served by one worker, "kworker/u8:0", for every queue). */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <uapi/linux/sched.h>

/* The queued work and the worker's bed (Linux's struct worker_pool). */
struct worker_pool {
	spinlock_t lock; /* worklist, each work's PENDING bit; irqsave */
	int cpu; /* -1: unbound */
	struct list_head worklist;
	wait_queue_head_t wait;
};

static struct worker_pool unbound_pool = {
	.lock = __SPIN_LOCK_UNLOCKED(unbound_pool.lock),
	.cpu = -1,
	.worklist = LIST_HEAD_INIT(unbound_pool.worklist),
	.wait = __WAIT_QUEUE_HEAD_INITIALIZER(unbound_pool.wait),
};

/* A queue's link to the pool that serves it (Linux's struct
 * pool_workqueue; one per queue here, all to the unbound pool). */
struct pool_workqueue {
	struct worker_pool *pool;
	struct workqueue_struct *wq;
};

struct workqueue_struct {
	const char *name;
	struct pool_workqueue pwq;
};

#define CREATE_TRACE_POINTS
#include <trace/events/workqueue.h>

static struct workqueue_struct system_wq_struct = {
	"events", { &unbound_pool, &system_wq_struct } };
static struct workqueue_struct system_unbound_wq_struct = {
	"events_unbound", { &unbound_pool, &system_unbound_wq_struct } };
struct workqueue_struct *system_wq = &system_wq_struct;
struct workqueue_struct *system_unbound_wq = &system_unbound_wq_struct;

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	struct worker_pool *pool = &unbound_pool;
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&pool->lock, flags);
	if (!(work->data & WORK_STRUCT_PENDING)) {
		work->data |= WORK_STRUCT_PENDING;
		/* Linux's queue_work() asks for WORK_CPU_UNBOUND (NR_CPUS) */
		trace_workqueue_queue_work(NR_CPUS, &wq->pwq, work);
		list_add_tail(&work->entry, &pool->worklist);
		queued = true;
	}
	spin_unlock_irqrestore(&pool->lock, flags);
	if (queued)
		wake_up(&pool->wait);
	return queued;
}

/* The work is off the list and no longer pending before it runs, so it
 * may queue itself again (Linux's process_one_work; out of line, as there,
 * so that stack traces from work items show it). */
static noinline __noclone void process_one_work(struct work_struct *work)
{
	work_func_t func = work->func;

	trace_workqueue_execute_start(work);
	func(work);
	/* the work may be freed by now: only its address is recorded */
	trace_workqueue_execute_end(work);
}

static bool pool_has_work(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist);
}

/* The worker: sleep (state I, as Linux's idle workers) until there is
 * work, run it all, sleep again (Linux's worker_thread). */
static int worker_thread(void *arg)
{
	struct worker_pool *pool = arg;

	set_task_comm(current, "kworker/u8:0");
	ignore_signals(current);
	for (;;) {
		unsigned long flags;

		___wait_event(pool->wait, READ_ONCE(pool->worklist.next) != &pool->worklist,
			      TASK_IDLE);
		spin_lock_irqsave(&pool->lock, flags);
		while (pool_has_work(pool)) {
			struct work_struct *work =
				list_first_entry(&pool->worklist, struct work_struct, entry);

			list_del_init(&work->entry);
			work->data &= ~WORK_STRUCT_PENDING;
			spin_unlock_irqrestore(&pool->lock, flags);
			process_one_work(work);
			spin_lock_irqsave(&pool->lock, flags);
		}
		spin_unlock_irqrestore(&pool->lock, flags);
	}
	return 0;
}

/* Start the worker. It gets a copy of the caller's descriptor table: call
 * this before console_on_rootfs() so that the copy is empty. */
void workqueue_init(void)
{
	pid_t pid = kernel_thread(worker_thread, &unbound_pool, CLONE_FS);

	if (pid < 0)
		panic("workqueue: cannot start kworker: error %d", pid);
}
