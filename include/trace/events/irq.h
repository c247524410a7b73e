/* The irq events' fields (Linux's include/trace/events/irq.h TP_STRUCT__entry).
 * Call sites: handle_irq_event_percpu() around each action->handler(). */
#ifndef _TRACE_EVENTS_IRQ_H
#define _TRACE_EVENTS_IRQ_H

#include <linux/trace_events.h>

struct trace_event_raw_irq_handler_entry {
	int irq;
	char name[32]; /* Linux: __string(name, action->name) */
};

struct trace_event_raw_irq_handler_exit {
	int irq;
	int ret; /* irqreturn_t: nonzero prints "handled" */
};

extern struct trace_event_call event_irq_handler_entry;
extern struct trace_event_call event_irq_handler_exit;


/* The tracepoints: a disabled event costs a load and a branch at the call
 * site; the fields are filled out of line in kernel/trace/trace_points.c
 * (Linux's TP_fast_assign). */
struct irqaction;
void __trace_irq_handler_entry(int irq, const char *name);
void __trace_irq_handler_exit(int irq, int ret);
static inline void trace_irq_handler_entry(int irq, const char *name)
{
	if (unlikely(event_irq_handler_entry.enabled))
		__trace_irq_handler_entry(irq, name);
}
static inline void trace_irq_handler_exit(int irq, int ret)
{
	if (unlikely(event_irq_handler_exit.enabled))
		__trace_irq_handler_exit(irq, ret);
}

#endif
