/*
 * Work run from the timer tick, queued from any context, even with the
 * scheduler's locks held or IRQs off (Linux's include/linux/irq_work.h).
 * Linux raises an IPI to run it at once where the CPU can; here it runs
 * at CPU 0's next tick, as Linux's irq_work_tick() does on CPUs without
 * that interrupt. A work queued again by its own function runs at the
 * tick after.
 */
#ifndef _LINUX_IRQ_WORK_H
#define _LINUX_IRQ_WORK_H

#include <linux/list.h>
#include <linux/types.h>

#define IRQ_WORK_PENDING 1UL

struct irq_work {
	unsigned long flags; /* IRQ_WORK_PENDING while queued */
	struct list_head entry;
	void (*func)(struct irq_work *);
};

static inline void init_irq_work(struct irq_work *work, void (*func)(struct irq_work *))
{
	work->flags = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}

#define DEFINE_IRQ_WORK(name, _f) \
	struct irq_work name = { .flags = 0, .entry = LIST_HEAD_INIT(name.entry), .func = (_f) }

/* Queue @work unless it is queued already. CONTEXT: any.
 * RETURNS: true if queued by this call. */
bool irq_work_queue(struct irq_work *work);
/* Run the queued works. CONTEXT: hardirq, CPU 0's tick. */
void irq_work_tick(void);

#endif
