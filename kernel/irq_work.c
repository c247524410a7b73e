/* Works queued from any context and run at the next tick (Linux's
 * kernel/irq_work.c, with one list for all CPUs: see <linux/irq_work.h>). */
#include <linux/irq_work.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(irq_work_lock); /* the list and each work's PENDING */
static LIST_HEAD(irq_work_list);

bool irq_work_queue(struct irq_work *work)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&irq_work_lock, flags);
	if (!(work->flags & IRQ_WORK_PENDING)) {
		work->flags |= IRQ_WORK_PENDING;
		list_add_tail(&work->entry, &irq_work_list);
		queued = true;
	}
	spin_unlock_irqrestore(&irq_work_lock, flags);
	return queued;
}

void irq_work_tick(void)
{
	LIST_HEAD(list);
	unsigned long flags;

	if (list_empty(&irq_work_list))
		return;
	spin_lock_irqsave(&irq_work_lock, flags);
	list_splice_init(&irq_work_list, &list);
	spin_unlock_irqrestore(&irq_work_lock, flags);
	while (!list_empty(&list)) {
		struct irq_work *work = list_first_entry(&list, struct irq_work, entry);

		/* off the list and no longer pending before it runs, so that
		 * it may queue itself again (for the next tick) */
		spin_lock_irqsave(&irq_work_lock, flags);
		list_del_init(&work->entry);
		work->flags &= ~IRQ_WORK_PENDING;
		spin_unlock_irqrestore(&irq_work_lock, flags);
		work->func(work);
	}
}
