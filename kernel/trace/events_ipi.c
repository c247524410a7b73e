/* The ipi events: their `trace` text and descriptors (what Linux's
 * TRACE_EVENT() generates from include/trace/events/ipi.h). */
#include <trace/events/ipi.h>

_Static_assert(sizeof(struct trace_event_raw_ipi_raise) <= TRACE_EVENT_FIELDS_MAX,
	       "ipi_raise fits a record");

/* target_mask is Linux's %*pb of a one-word cpumask: "00000006" on ARM. */
static void trace_raw_output_ipi_raise(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_ipi_raise *field = fields;

	trace_seq_puts(p, "target_mask=");
	trace_print_bitmask_seq(p, &field->target_cpus, sizeof(field->target_cpus));
	trace_seq_printf(p, " (%s)", field->reason);
}

static void trace_raw_output_ipi_handler(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_ipi_handler *field = fields;

	trace_seq_printf(p, "(%s)", field->reason);
}

struct trace_event_call event_ipi_raise = {
	.system = "ipi",
	.name = "ipi_raise",
	.print = trace_raw_output_ipi_raise,
};

struct trace_event_call event_ipi_entry = {
	.system = "ipi",
	.name = "ipi_entry",
	.print = trace_raw_output_ipi_handler,
};

struct trace_event_call event_ipi_exit = {
	.system = "ipi",
	.name = "ipi_exit",
	.print = trace_raw_output_ipi_handler,
};
