/* The irq events: their `trace` text and descriptors (what Linux's
 * TRACE_EVENT() generates from include/trace/events/irq.h). */
#include <trace/events/irq.h>

_Static_assert(sizeof(struct trace_event_raw_irq_handler_entry) <= TRACE_EVENT_FIELDS_MAX,
	       "irq_handler_entry fits a record");

static void trace_raw_output_irq_handler_entry(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_irq_handler_entry *field = fields;

	trace_seq_printf(p, "irq=%d name=%s", field->irq, field->name);
}

static void trace_raw_output_irq_handler_exit(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_irq_handler_exit *field = fields;

	trace_seq_printf(p, "irq=%d ret=%s", field->irq, field->ret ? "handled" : "unhandled");
}

struct trace_event_call event_irq_handler_entry = {
	.system = "irq",
	.name = "irq_handler_entry",
	.print = trace_raw_output_irq_handler_entry,
};

struct trace_event_call event_irq_handler_exit = {
	.system = "irq",
	.name = "irq_handler_exit",
	.print = trace_raw_output_irq_handler_exit,
};
