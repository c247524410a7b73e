/* The `function` tracer (Linux's kernel/trace/trace_functions.c): a line
 * for each call of a traced function, "do_exit <-do_group_exit", and with
 * the func_stack_trace option a <stack trace> of the call after it. The
 * functions are those of set_ftrace_filter, less set_ftrace_notrace, for
 * the tasks of set_ftrace_pid. */
#include <linux/errno.h>
#include <linux/ftrace.h>
#include <linux/irq.h>
#include <linux/sched.h>
#include <linux/trace.h>
#include "trace.h"

enum {
	TRACE_FUNC_OPT_STACK = 0x1,
};

static struct tracer_opt func_opts[] = {
	{ TRACER_OPT(func_stack_trace, TRACE_FUNC_OPT_STACK) },
	{ } /* Always set a last empty entry */
};

static struct tracer_flags func_flags = {
	.val = 0, /* By default: all flags disabled */
	.opts = func_opts,
};

/* Each CPU's nesting in the callbacks, so that what they call is never
 * traced into them (Linux's per-CPU data->disabled). */
static int function_disabled[NR_CPUS];

/*
 * Skip 3 (Linux's STACK_SKIP):
 *   __trace_stack()
 *   function_stack_trace_call()
 *   ftrace_call()
 */
#define STACK_SKIP 3

/* Write the TRACE_FN record (Linux's trace_function). @flags: the CPSR of
 * the traced code. CONTEXT: IRQs off. */
static void trace_function(unsigned long ip, unsigned long parent_ip, unsigned long flags)
{
	struct ring_buffer *buffer = global_trace.buffer;
	struct ring_buffer_event *event;
	struct ftrace_entry *entry;

	event = trace_buffer_lock_reserve(buffer, TRACE_FN, sizeof(*entry), flags);
	if (!event)
		return;
	entry = ring_buffer_event_data(event);
	entry->ip = ip;
	entry->parent_ip = parent_ip;
	__buffer_unlock_commit(buffer, event);
}

/*
 * Both callbacks run with IRQs off and count their nesting per CPU, as
 * Linux's function_stack_trace_call does; Linux's function_trace_call
 * leaves IRQs on and guards with per-task recursion bits instead.
 */
static void function_trace_call(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
				struct pt_regs *pt_regs)
{
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	if (++function_disabled[cpu] == 1 && ftrace_trace_task())
		trace_function(ip, parent_ip, flags);
	function_disabled[cpu]--;
	local_irq_restore(flags);
}

static void function_stack_trace_call(unsigned long ip, unsigned long parent_ip,
				      struct ftrace_ops *op, struct pt_regs *pt_regs)
{
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	if (++function_disabled[cpu] == 1 && ftrace_trace_task()) {
		trace_function(ip, parent_ip, flags);
		__trace_stack(flags, STACK_SKIP);
	}
	function_disabled[cpu]--;
	local_irq_restore(flags);
}

static struct ftrace_ops trace_ops;

/* Call @stack's callback from the traced functions. RETURNS: 0 or -errno. */
static int tracing_start_function_trace(bool stack)
{
	trace_ops.func = stack ? function_stack_trace_call : function_trace_call;
	return register_ftrace_function(&trace_ops);
}

static int function_trace_init(struct trace_array *tr)
{
	int ret;

	tracing_start_cmdline_record();
	ret = tracing_start_function_trace(func_flags.val & TRACE_FUNC_OPT_STACK);
	if (ret)
		tracing_stop_cmdline_record();
	return ret;
}

static void function_trace_reset(struct trace_array *tr)
{
	unregister_ftrace_function(&trace_ops);
	tracing_stop_cmdline_record();
}

/* func_stack_trace changes: the other callback (Linux's func_set_flag). */
static int func_set_flag(struct trace_array *tr, u32 old_flags, u32 bit, int set)
{
	if (bit != TRACE_FUNC_OPT_STACK)
		return -EINVAL;
	/* do nothing if already set */
	if (!!set == !!(func_flags.val & TRACE_FUNC_OPT_STACK))
		return 0;
	/* We can change this flag when not running. */
	if (tr->current_trace != &function_trace)
		return 0;
	unregister_ftrace_function(&trace_ops);
	tracing_start_function_trace(set);
	return 0;
}

struct tracer function_trace = {
	.name = "function",
	.init = function_trace_init,
	.reset = function_trace_reset,
	.flags = &func_flags,
	.set_flag = func_set_flag,
};
