/* Deferred work run by a kernel thread (Linux's include/linux/workqueue.h,
 * reduced to one unbound pool with one worker, "kworker/u8:0"). An IRQ
 * handler queues a work item; the worker runs its function in process
 * context, where it may take locks that sleep or send signals. */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/list.h>
#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	unsigned long data; /* WORK_STRUCT_PENDING while queued */
	struct list_head entry;
	work_func_t func;
};

#define WORK_STRUCT_PENDING 1UL

#define __WORK_INITIALIZER(n, f) { .data = 0, .entry = LIST_HEAD_INIT((n).entry), .func = (f) }

static inline void INIT_WORK(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}

struct workqueue_struct;
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_unbound_wq;

/* Queue @work unless it is already queued. CONTEXT: any, IRQs included.
 * RETURNS: true if it was queued now. */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}
/* Start the worker thread (Linux's workqueue_init()); work queued before
 * runs then. CONTEXT: process context, once fork works. */
void workqueue_init(void);

#endif
