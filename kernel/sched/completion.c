/* Completions (Linux's kernel/sched/completion.c: the plain and killable
 * waits). done counts complete() calls not yet consumed by a waiter; both
 * sides work under the wait queue's lock. */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/signal.h>

#define UINT_MAX (~0U)

/**
 * complete: - signals a single thread waiting on this completion
 * @x:  holds the state of this particular completion
 *
 * This will wake up a single thread waiting on this completion. Threads will be
 * awakened in the same order in which they were queued.
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* CONTEXT: x->wait.lock held with IRQs off, released while asleep. */
static long __sched do_wait_for_common(struct completion *x, int state)
{
	long ret = 1;

	if (!x->done) {
		struct wait_queue_entry wait = {
			.flags = WQ_FLAG_EXCLUSIVE,
			.private = current,
			.func = default_wake_function,
		};

		list_add_tail(&wait.entry, &x->wait.head);
		do {
			if (signal_pending_state(state, current)) {
				ret = -ERESTARTSYS;
				break;
			}
			__set_current_state(state);
			spin_unlock_irq(&x->wait.lock);
			schedule();
			spin_lock_irq(&x->wait.lock);
		} while (!x->done);
		list_del(&wait.entry);
		if (!x->done)
			return ret;
	}
	if (x->done != UINT_MAX)
		x->done--;
	return ret;
}

/**
 * wait_for_completion: - waits for completion of a task
 * @x:  holds the state of this particular completion
 *
 * This waits to be signaled for completion of a specific task. It is NOT
 * interruptible and there is no timeout.
 */
void __sched wait_for_completion(struct completion *x)
{
	spin_lock_irq(&x->wait.lock);
	do_wait_for_common(x, TASK_UNINTERRUPTIBLE);
	spin_unlock_irq(&x->wait.lock);
}

/**
 * wait_for_completion_killable: - waits for completion of a task (killable)
 * @x:  holds the state of this particular completion
 *
 * This waits to be signaled for completion of a specific task. It can be
 * interrupted by a kill signal.
 *
 * Return: -ERESTARTSYS if interrupted, 0 if completed.
 */
int __sched wait_for_completion_killable(struct completion *x)
{
	long t;

	spin_lock_irq(&x->wait.lock);
	t = do_wait_for_common(x, TASK_KILLABLE);
	spin_unlock_irq(&x->wait.lock);
	return t == -ERESTARTSYS ? t : 0;
}
