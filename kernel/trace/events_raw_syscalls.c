/* The raw_syscalls events: their `trace` text and descriptors (what Linux's
 * TRACE_EVENT_FN() generates from include/trace/events/raw_syscalls.h). */
#include <trace/events/raw_syscalls.h>

/* id, ret and args are long / unsigned long (%ld, %lx) on ARM: 32 bits. */
static void trace_raw_output_sys_enter(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sys_enter *field = fields;

	trace_seq_printf(p, "NR %d (%x, %x, %x, %x, %x, %x)", (int)field->id,
			 (unsigned int)field->args[0], (unsigned int)field->args[1],
			 (unsigned int)field->args[2], (unsigned int)field->args[3],
			 (unsigned int)field->args[4], (unsigned int)field->args[5]);
}

static void trace_raw_output_sys_exit(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sys_exit *field = fields;

	trace_seq_printf(p, "NR %d = %d", (int)field->id, (int)field->ret);
}

struct trace_event_call event_sys_enter = {
	.system = "raw_syscalls",
	.name = "sys_enter",
	.print = trace_raw_output_sys_enter,
	.reg = syscall_regfunc,
};

struct trace_event_call event_sys_exit = {
	.system = "raw_syscalls",
	.name = "sys_exit",
	.print = trace_raw_output_sys_exit,
	.reg = syscall_regfunc,
};
