/* The signal events: their `trace` text and descriptors (what Linux's
 * TRACE_EVENT() generates from include/trace/events/signal.h). */
#include <trace/events/signal.h>

_Static_assert(sizeof(struct trace_event_raw_signal_generate) <= TRACE_EVENT_FIELDS_MAX,
	       "signal_generate fits a record");

static void trace_raw_output_signal_generate(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_signal_generate *field = fields;

	trace_seq_printf(p, "sig=%d errno=%d code=%d comm=%s pid=%d grp=%d res=%d", field->sig,
			 field->errno, field->code, field->comm, field->pid, field->group,
			 field->result);
}

/* sa_handler and sa_flags are unsigned long (%lx) on ARM: 32 bits. */
static void trace_raw_output_signal_deliver(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_signal_deliver *field = fields;

	trace_seq_printf(p, "sig=%d errno=%d code=%d sa_handler=%x sa_flags=%x", field->sig,
			 field->errno, field->code, (unsigned int)field->sa_handler,
			 (unsigned int)field->sa_flags);
}

struct trace_event_call event_signal_generate = {
	.system = "signal",
	.name = "signal_generate",
	.print = trace_raw_output_signal_generate,
};

struct trace_event_call event_signal_deliver = {
	.system = "signal",
	.name = "signal_deliver",
	.print = trace_raw_output_signal_deliver,
};
