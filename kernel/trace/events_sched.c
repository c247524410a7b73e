/* The sched events: their `trace` text and descriptors (what Linux 4.19's
 * TRACE_EVENT() generates from include/trace/events/sched.h). */
#include <trace/events/sched.h>

_Static_assert(sizeof(struct trace_event_raw_sched_switch) <= TRACE_EVENT_FIELDS_MAX &&
	       sizeof(struct trace_event_raw_sched_process_exec) == TRACE_EVENT_FIELDS_MAX,
	       "sched events fit a record");

/* The __print_flags() table of sched_switch's TP_printk. */
static const struct trace_print_flags task_state_flags[] = {
	{ 0x01, "S" }, { 0x02, "D" }, { 0x04, "T" }, { 0x08, "t" },
	{ 0x10, "X" }, { 0x20, "Z" }, { 0x40, "P" }, { 0x80, "I" },
	{ 0, NULL }
};

/* prev_state: the state letters joined by "|", or "R"; then "+" if preempted. */
static void trace_raw_output_sched_switch(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sched_switch *field = fields;
	unsigned long state = (unsigned long)field->prev_state;

	trace_seq_printf(p, "prev_comm=%s prev_pid=%d prev_prio=%d prev_state=",
			 field->prev_comm, field->prev_pid, field->prev_prio);
	if (state & (TASK_REPORT_MAX - 1))
		trace_print_flags_seq(p, "|", state & (TASK_REPORT_MAX - 1), task_state_flags);
	else
		trace_seq_putc(p, 'R');
	trace_seq_printf(p, "%s ==> next_comm=%s next_pid=%d next_prio=%d",
			 state & TASK_REPORT_MAX ? "+" : "", field->next_comm,
			 field->next_pid, field->next_prio);
}

static void trace_raw_output_sched_wakeup_template(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sched_wakeup_template *field = fields;

	trace_seq_printf(p, "comm=%s pid=%d prio=%d target_cpu=%03d", field->comm,
			 field->pid, field->prio, field->target_cpu);
}

static void trace_raw_output_sched_process_template(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sched_process_template *field = fields;

	trace_seq_printf(p, "comm=%s pid=%d prio=%d", field->comm, field->pid, field->prio);
}

static void trace_raw_output_sched_process_wait(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sched_process_wait *field = fields;

	trace_seq_printf(p, "comm=%s pid=%d prio=%d", field->comm, field->pid, field->prio);
}

static void trace_raw_output_sched_process_fork(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sched_process_fork *field = fields;

	trace_seq_printf(p, "comm=%s pid=%d child_comm=%s child_pid=%d", field->parent_comm,
			 field->parent_pid, field->child_comm, field->child_pid);
}

static void trace_raw_output_sched_process_exec(struct trace_seq *p, const void *fields)
{
	const struct trace_event_raw_sched_process_exec *field = fields;

	trace_seq_printf(p, "filename=%s pid=%d old_pid=%d", field->filename, field->pid,
			 field->old_pid);
}

struct trace_event_call event_sched_switch = {
	.system = "sched",
	.name = "sched_switch",
	.print = trace_raw_output_sched_switch,
};

struct trace_event_call event_sched_wakeup = {
	.system = "sched",
	.name = "sched_wakeup",
	.print = trace_raw_output_sched_wakeup_template,
};

struct trace_event_call event_sched_wakeup_new = {
	.system = "sched",
	.name = "sched_wakeup_new",
	.print = trace_raw_output_sched_wakeup_template,
};

struct trace_event_call event_sched_process_fork = {
	.system = "sched",
	.name = "sched_process_fork",
	.print = trace_raw_output_sched_process_fork,
};

struct trace_event_call event_sched_process_exec = {
	.system = "sched",
	.name = "sched_process_exec",
	.print = trace_raw_output_sched_process_exec,
};

struct trace_event_call event_sched_process_exit = {
	.system = "sched",
	.name = "sched_process_exit",
	.print = trace_raw_output_sched_process_template,
};

struct trace_event_call event_sched_process_free = {
	.system = "sched",
	.name = "sched_process_free",
	.print = trace_raw_output_sched_process_template,
};

struct trace_event_call event_sched_process_wait = {
	.system = "sched",
	.name = "sched_process_wait",
	.print = trace_raw_output_sched_process_wait,
};
