/* The `function_graph` tracer (Linux's kernel/trace/trace_functions_graph.c):
 * a record at the entry and at the return of each traced function, printed
 * as a call graph with durations (with funcgraph-proc and funcgraph-tail):
 *
 *  0)     init-1     |               |  sys_clone() {
 *  0)     init-1     | # 2661.248 us |    copy_process();
 *  0)     init-1     | # 3249.904 us |  } (then the name in a comment)
 *
 * Simplified: no sleep-time and graph-time options (a function's duration
 * always includes the time its task slept and the time of its callees),
 * and no funcgraph-overrun counting of returns lost to a full stack. */
#include <linux/ftrace.h>
#include <linux/irq.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/sections.h>
#include "trace.h"

/* When set, irq functions will be ignored */
static int ftrace_graph_skip_irqs;

/* What the printer remembers of each CPU between lines (Linux's). */
struct fgraph_cpu_data {
	pid_t last_pid;
	char last_comm[TASK_COMM_LEN];
	int depth;
	int depth_irq;
	unsigned long enter_funcs[FTRACE_RETFUNC_DEPTH];
};

struct fgraph_data {
	struct fgraph_cpu_data cpu_data[NR_CPUS];
};

#define TRACE_GRAPH_INDENT 2

static struct tracer_opt trace_opts[] = {
	/* Display overruns? (for self-debug purpose) */
	{ TRACER_OPT(funcgraph-overrun, TRACE_GRAPH_PRINT_OVERRUN) },
	/* Display CPU ? */
	{ TRACER_OPT(funcgraph-cpu, TRACE_GRAPH_PRINT_CPU) },
	/* Display Overhead ? */
	{ TRACER_OPT(funcgraph-overhead, TRACE_GRAPH_PRINT_OVERHEAD) },
	/* Display proc name/pid */
	{ TRACER_OPT(funcgraph-proc, TRACE_GRAPH_PRINT_PROC) },
	/* Display duration of execution */
	{ TRACER_OPT(funcgraph-duration, TRACE_GRAPH_PRINT_DURATION) },
	/* Display absolute time of an entry */
	{ TRACER_OPT(funcgraph-abstime, TRACE_GRAPH_PRINT_ABS_TIME) },
	/* Display interrupts */
	{ TRACER_OPT(funcgraph-irqs, TRACE_GRAPH_PRINT_IRQS) },
	/* Display function name after trailing } */
	{ TRACER_OPT(funcgraph-tail, TRACE_GRAPH_PRINT_TAIL) },
	/* Include sleep time (scheduled out) between entry and return */
	{ TRACER_OPT(sleep-time, TRACE_GRAPH_SLEEP_TIME) },
	{ } /* Empty entry */
};

static struct tracer_flags tracer_flags = {
	/* Don't display overruns, proc, or tail by default */
	.val = TRACE_GRAPH_PRINT_CPU | TRACE_GRAPH_PRINT_OVERHEAD | TRACE_GRAPH_PRINT_DURATION |
	       TRACE_GRAPH_PRINT_IRQS | TRACE_GRAPH_SLEEP_TIME,
	.opts = trace_opts,
};

/*
 * DURATION column is being also used to display IRQ signs,
 * following values are used by print_graph_irq and others
 * to fill in space into DURATION column.
 */
enum {
	FLAGS_FILL_FULL = 1 << TRACE_GRAPH_PRINT_FILL_SHIFT,
	FLAGS_FILL_START = 2 << TRACE_GRAPH_PRINT_FILL_SHIFT,
	FLAGS_FILL_END = 3 << TRACE_GRAPH_PRINT_FILL_SHIFT,
};

/* ---- Recording ---- */

/* Each CPU's nesting in the callbacks (Linux's per-CPU data->disabled). */
static int graph_disabled[NR_CPUS];

static int __trace_graph_entry(struct ftrace_graph_ent *trace, unsigned long flags)
{
	struct ring_buffer *buffer = global_trace.buffer;
	struct ring_buffer_event *event;
	struct ftrace_graph_ent_entry *entry;

	event = trace_buffer_lock_reserve(buffer, TRACE_GRAPH_ENT, sizeof(*entry), flags);
	if (!event)
		return 0;
	entry = ring_buffer_event_data(event);
	entry->graph_ent = *trace;
	__buffer_unlock_commit(buffer, event);
	return 1;
}

static void __trace_graph_return(struct ftrace_graph_ret *trace, unsigned long flags)
{
	struct ring_buffer *buffer = global_trace.buffer;
	struct ring_buffer_event *event;
	struct ftrace_graph_ret_entry *entry;

	event = trace_buffer_lock_reserve(buffer, TRACE_GRAPH_RET, sizeof(*entry), flags);
	if (!event)
		return;
	entry = ring_buffer_event_data(event);
	entry->ret = *trace;
	__buffer_unlock_commit(buffer, event);
}

/* Linux's ftrace_graph_ignore_func: trace it when it is nested in a traced
 * one or is in set_graph_function, down to max_graph_depth. */
static int ftrace_graph_ignore_func(struct ftrace_graph_ent *trace)
{
	unsigned int max_depth = READ_ONCE(fgraph_max_depth);

	return !(trace->depth || ftrace_graph_addr(trace->func)) || trace->depth < 0 ||
	       (max_depth && trace->depth >= max_depth);
}

/* On entry to a traced function. RETURNS: 1 to hook its return. */
static int trace_graph_entry(struct ftrace_graph_ent *trace)
{
	unsigned long flags;
	int cpu, ret = 0;

	if (ftrace_graph_ignore_func(trace))
		return 0;
	if (ftrace_graph_skip_irqs && in_irq())
		return 0;
	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	if (++graph_disabled[cpu] == 1 && ftrace_trace_task())
		ret = __trace_graph_entry(trace, flags);
	graph_disabled[cpu]--;
	local_irq_restore(flags);
	return ret;
}

static void trace_graph_return(struct ftrace_graph_ret *trace)
{
	unsigned long flags;
	int cpu;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	if (++graph_disabled[cpu] == 1)
		__trace_graph_return(trace, flags);
	graph_disabled[cpu]--;
	local_irq_restore(flags);
}

static int graph_trace_init(struct trace_array *tr)
{
	int ret = register_ftrace_graph(trace_graph_return, trace_graph_entry);

	if (ret)
		return ret;
	tracing_start_cmdline_record();
	return 0;
}

static void graph_trace_reset(struct trace_array *tr)
{
	tracing_stop_cmdline_record();
	unregister_ftrace_graph();
}

/* ---- Printing ---- */

/* The width of the CPU column: digits of the highest CPU number. */
static int max_bytes_for_cpu = 1;

static void print_graph_cpu(struct trace_seq *s, int cpu)
{
	/*
	 * Start with a space character - to make it stand out
	 * to the right a bit when trace output is pasted into
	 * email:
	 */
	trace_seq_printf(s, " %*d) ", max_bytes_for_cpu, cpu);
}

#define TRACE_GRAPH_PROCINFO_LENGTH 14

/* "comm-pid" centred in 14 columns, comm cut to 7 characters (Linux's). */
static void print_graph_proc(struct trace_seq *s, pid_t pid, const char *task_comm)
{
	const char *name = pid ? task_comm : "<idle>";
	size_t name_len = strnlen(name, TASK_COMM_LEN - 1);
	char comm[TASK_COMM_LEN];
	/* sign + log10(MAX_INT) + '\0' */
	char pid_str[11];
	int spaces = 0;
	int len;
	int i;

	memcpy(comm, name, name_len);
	comm[name_len] = '\0';
	comm[7] = '\0';
	snprintf(pid_str, sizeof(pid_str), "%d", pid);

	/* 1 stands for the "-" character */
	len = strlen(comm) + strlen(pid_str) + 1;

	if (len < TRACE_GRAPH_PROCINFO_LENGTH)
		spaces = TRACE_GRAPH_PROCINFO_LENGTH - len;

	/* First spaces to align center */
	for (i = 0; i < spaces / 2; i++)
		trace_seq_putc(s, ' ');

	trace_seq_printf(s, "%s-%s", comm, pid_str);

	/* Last spaces to align center */
	for (i = 0; i < spaces - (spaces / 2); i++)
		trace_seq_putc(s, ' ');
}

/* The comm saved for the record's pid (saved_cmdlines), as Linux's
 * print_graph_proc finds it. */
static const char *iter_comm(struct trace_iterator *iter)
{
	trace_find_cmdline(iter->ent->pid, iter->comm);
	return iter->comm;
}

static void print_graph_lat_fmt(struct trace_seq *s, struct trace_entry *entry)
{
	trace_seq_putc(s, ' ');
	trace_print_lat_fmt(s, entry);
}

/* If the pid changed since the last trace, output this event */
static void verif_pid(struct trace_seq *s, struct trace_iterator *iter, struct fgraph_data *data)
{
	struct fgraph_cpu_data *cpu_data;
	char prev_comm[TASK_COMM_LEN];
	pid_t prev_pid, pid = iter->ent->pid;

	if (!data)
		return;

	cpu_data = &data->cpu_data[iter->cpu];
	if (cpu_data->last_pid == pid)
		return;

	prev_pid = cpu_data->last_pid;
	memcpy(prev_comm, cpu_data->last_comm, TASK_COMM_LEN);
	cpu_data->last_pid = pid;
	memcpy(cpu_data->last_comm, iter_comm(iter), TASK_COMM_LEN);

	if (prev_pid == -1)
		return;
	/*
	 * Context-switch trace line:

	 ------------------------------------------
	 | 1)  migration/0--1  =>  sshd-1755
	 ------------------------------------------

	 */
	trace_seq_puts(s, " ------------------------------------------\n");
	print_graph_cpu(s, iter->cpu);
	print_graph_proc(s, prev_pid, prev_comm);
	trace_seq_puts(s, " => ");
	print_graph_proc(s, pid, iter_comm(iter));
	trace_seq_puts(s, "\n ------------------------------------------\n\n");
}

/*
 * If the record after @curr on its CPU is its return, take it into @next
 * and move past it: @curr is a leaf, printed on one line.
 */
static struct ftrace_graph_ret_entry *get_return_for_leaf(struct trace_iterator *iter,
							  struct ftrace_graph_ent_entry *curr,
							  struct ftrace_graph_ret_entry *next)
{
	unsigned long idx = iter->cpu_next[iter->cpu];
	struct ring_buffer_event event;
	struct ftrace_graph_ret_entry *ret;

	if (!ring_buffer_peek(iter->buffer, iter->cpu, &idx, &event))
		return NULL;
	ret = ring_buffer_event_data(&event);
	if (ret->ent.type != TRACE_GRAPH_RET)
		return NULL;
	if (curr->ent.pid != ret->ent.pid || curr->graph_ent.func != ret->ret.func)
		return NULL;
	/* this is a leaf, now advance the iterator */
	iter->cpu_next[iter->cpu] = idx + 1;
	*next = *ret;
	return next;
}

static void print_graph_abs_time(u64 t, struct trace_seq *s)
{
	u32 usecs_rem;
	u64 secs = div_u64_rem(t, NSEC_PER_SEC, &usecs_rem);

	usecs_rem /= 1000;

	trace_seq_printf(s, "%5lu.%06lu |  ", (unsigned long)secs, (unsigned long)usecs_rem);
}

static void print_graph_duration(struct trace_array *tr, unsigned long long duration,
				 struct trace_seq *s, u32 flags);

static void print_graph_irq(struct trace_iterator *iter, unsigned long addr, int type, u32 flags)
{
	struct trace_array *tr = iter->tr;
	struct trace_seq *s = &iter->seq;
	struct trace_entry *ent = iter->ent;

	if (addr < (unsigned long)__irqentry_text_start || addr >= (unsigned long)__irqentry_text_end)
		return;

	if (READ_ONCE(tr->trace_flags) & TRACE_ITER_CONTEXT_INFO) {
		/* Absolute time */
		if (flags & TRACE_GRAPH_PRINT_ABS_TIME)
			print_graph_abs_time(iter->ts, s);

		/* Cpu */
		if (flags & TRACE_GRAPH_PRINT_CPU)
			print_graph_cpu(s, iter->cpu);

		/* Proc */
		if (flags & TRACE_GRAPH_PRINT_PROC) {
			print_graph_proc(s, ent->pid, iter_comm(iter));
			trace_seq_puts(s, " | ");
		}

		/* Latency format */
		if (READ_ONCE(tr->trace_flags) & TRACE_ITER_LATENCY_FMT)
			print_graph_lat_fmt(s, ent);
	}

	/* No overhead */
	print_graph_duration(tr, 0, s, flags | FLAGS_FILL_START);

	if (type == TRACE_GRAPH_ENT)
		trace_seq_puts(s, "==========>");
	else
		trace_seq_puts(s, "<==========");

	print_graph_duration(tr, 0, s, flags | FLAGS_FILL_END);
	trace_seq_putc(s, '\n');
}

/* "2661.248 us " padded to the column (Linux's trace_print_graph_duration). */
static void trace_print_graph_duration(unsigned long long duration, struct trace_seq *s)
{
	u32 nsecs_rem;
	unsigned long long usecs = div_u64_rem(duration, 1000, &nsecs_rem);
	/* log10(ULONG_MAX) + '\0' */
	char usecs_str[21];
	char nsecs_str[5];
	int len;
	int i;

	snprintf(usecs_str, sizeof(usecs_str), "%lu", (unsigned long)usecs);

	/* Print msecs */
	trace_seq_printf(s, "%s", usecs_str);

	len = strlen(usecs_str);

	/* Print nsecs (we don't want to exceed 7 numbers) */
	if (len < 7) {
		snprintf(nsecs_str, sizeof(nsecs_str), "%03u", nsecs_rem % 1000);
		nsecs_str[min(3, 7 - len)] = '\0';
		trace_seq_printf(s, ".%s", nsecs_str);
		len += strlen(nsecs_str) + 1;
	}

	trace_seq_puts(s, " us ");

	/* Print remaining spaces to fit the row's width */
	for (i = len; i < 8; i++)
		trace_seq_putc(s, ' ');
}

static void print_graph_duration(struct trace_array *tr, unsigned long long duration,
				 struct trace_seq *s, u32 flags)
{
	if (!(flags & TRACE_GRAPH_PRINT_DURATION) ||
	    !(READ_ONCE(tr->trace_flags) & TRACE_ITER_CONTEXT_INFO))
		return;

	/* No real adata, just filling the column with spaces */
	switch (flags & TRACE_GRAPH_PRINT_FILL_MASK) {
	case FLAGS_FILL_FULL:
		trace_seq_puts(s, "              |  ");
		return;
	case FLAGS_FILL_START:
		trace_seq_puts(s, "  ");
		return;
	case FLAGS_FILL_END:
		trace_seq_puts(s, " |");
		return;
	}

	/* Signal a overhead of time execution to the output */
	if (flags & TRACE_GRAPH_PRINT_OVERHEAD)
		trace_seq_printf(s, "%c ", trace_find_mark(duration));
	else
		trace_seq_puts(s, "  ");

	trace_print_graph_duration(duration, s);
	trace_seq_puts(s, "|  ");
}

/* Case of a leaf function on its call entry */
static enum print_line_t print_graph_entry_leaf(struct trace_iterator *iter,
						struct ftrace_graph_ent_entry *entry,
						struct ftrace_graph_ret_entry *ret_entry,
						struct trace_seq *s, u32 flags)
{
	struct fgraph_data *data = iter->private;
	struct ftrace_graph_ret *graph_ret = &ret_entry->ret;
	struct ftrace_graph_ent *call = &entry->graph_ent;
	unsigned long long duration = graph_ret->rettime - graph_ret->calltime;
	int i;

	if (data) {
		struct fgraph_cpu_data *cpu_data = &data->cpu_data[iter->cpu];

		/*
		 * Comments display at + 1 to depth. Since
		 * this is a leaf function, keep the comments
		 * equal to this depth.
		 */
		cpu_data->depth = call->depth - 1;

		/* No need to keep this function around for this depth */
		if (call->depth < FTRACE_RETFUNC_DEPTH && call->depth >= 0)
			cpu_data->enter_funcs[call->depth] = 0;
	}

	/* Overhead and duration */
	print_graph_duration(iter->tr, duration, s, flags);

	/* Function */
	for (i = 0; i < call->depth * TRACE_GRAPH_INDENT; i++)
		trace_seq_putc(s, ' ');

	seq_print_ip_sym(s, call->func, 0);
	trace_seq_puts(s, "();\n");

	print_graph_irq(iter, graph_ret->func, TRACE_GRAPH_RET, flags);

	return trace_handle_return(s);
}

static enum print_line_t print_graph_entry_nested(struct trace_iterator *iter,
						  struct ftrace_graph_ent_entry *entry,
						  struct trace_seq *s, u32 flags)
{
	struct ftrace_graph_ent *call = &entry->graph_ent;
	struct fgraph_data *data = iter->private;
	int i;

	if (data) {
		struct fgraph_cpu_data *cpu_data = &data->cpu_data[iter->cpu];

		cpu_data->depth = call->depth;

		/* Save this function pointer to see if the exit matches */
		if (call->depth < FTRACE_RETFUNC_DEPTH && call->depth >= 0)
			cpu_data->enter_funcs[call->depth] = call->func;
	}

	/* No time */
	print_graph_duration(iter->tr, 0, s, flags | FLAGS_FILL_FULL);

	/* Function */
	for (i = 0; i < call->depth * TRACE_GRAPH_INDENT; i++)
		trace_seq_putc(s, ' ');

	seq_print_ip_sym(s, call->func, 0);
	trace_seq_puts(s, "() {\n");

	return trace_handle_return(s);
}

static void print_graph_prologue(struct trace_iterator *iter, struct trace_seq *s, int type,
				 unsigned long addr, u32 flags)
{
	struct fgraph_data *data = iter->private;
	struct trace_entry *ent = iter->ent;
	unsigned int trace_flags = READ_ONCE(iter->tr->trace_flags);

	/* Pid */
	verif_pid(s, iter, data);

	if (type)
		/* Interrupt */
		print_graph_irq(iter, addr, type, flags);

	if (!(trace_flags & TRACE_ITER_CONTEXT_INFO))
		return;

	/* Absolute time */
	if (flags & TRACE_GRAPH_PRINT_ABS_TIME)
		print_graph_abs_time(iter->ts, s);

	/* Cpu */
	if (flags & TRACE_GRAPH_PRINT_CPU)
		print_graph_cpu(s, iter->cpu);

	/* Proc */
	if (flags & TRACE_GRAPH_PRINT_PROC) {
		print_graph_proc(s, ent->pid, iter_comm(iter));
		trace_seq_puts(s, " | ");
	}

	/* Latency format */
	if (trace_flags & TRACE_ITER_LATENCY_FMT)
		print_graph_lat_fmt(s, ent);
}

/*
 * Entry check for irq code
 *
 * returns 1 if
 *  - we are inside irq code
 *  - we just entered irq code
 *
 * returns 0 if
 *  - funcgraph-interrupts option is set
 *  - we are not inside irq code
 */
static int check_irq_entry(struct trace_iterator *iter, u32 flags, unsigned long addr, int depth)
{
	struct fgraph_data *data = iter->private;
	int *depth_irq;

	/*
	 * If we are either displaying irqs, or we got called as
	 * a graph event and private data does not exist,
	 * then we bypass the irq check.
	 */
	if ((flags & TRACE_GRAPH_PRINT_IRQS) || !data)
		return 0;

	depth_irq = &data->cpu_data[iter->cpu].depth_irq;

	/*
	 * We are inside the irq code
	 */
	if (*depth_irq >= 0)
		return 1;

	if (addr < (unsigned long)__irqentry_text_start || addr >= (unsigned long)__irqentry_text_end)
		return 0;

	/*
	 * We are entering irq code.
	 */
	*depth_irq = depth;
	return 1;
}

/*
 * Return check for irq code
 *
 * returns 1 if
 *  - we are inside irq code
 *  - we just left irq code
 *
 * returns 0 if
 *  - funcgraph-interrupts option is set
 *  - we are not inside irq code
 */
static int check_irq_return(struct trace_iterator *iter, u32 flags, int depth)
{
	struct fgraph_data *data = iter->private;
	int *depth_irq;

	if ((flags & TRACE_GRAPH_PRINT_IRQS) || !data)
		return 0;

	depth_irq = &data->cpu_data[iter->cpu].depth_irq;

	/*
	 * We are not inside the irq code.
	 */
	if (*depth_irq == -1)
		return 0;

	/*
	 * We are inside the irq code, and this is returning entry.
	 * Let's not trace it and clear the entry depth, since
	 * we are out of irq code.
	 *
	 * This condition ensures that we 'leave the irq code' once
	 * we are out of the entry depth. Thus protecting us from
	 * the RETURN entry loss.
	 */
	if (*depth_irq >= depth) {
		*depth_irq = -1;
		return 1;
	}

	/*
	 * We are inside the irq code, and this is not the entry.
	 */
	return 1;
}

static enum print_line_t print_graph_entry(struct ftrace_graph_ent_entry *field,
					   struct trace_seq *s, struct trace_iterator *iter,
					   u32 flags)
{
	struct ftrace_graph_ent *call = &field->graph_ent;
	struct ftrace_graph_ret_entry leaf, *leaf_ret;

	if (check_irq_entry(iter, flags, call->func, call->depth))
		return TRACE_TYPE_HANDLED;

	print_graph_prologue(iter, s, TRACE_GRAPH_ENT, call->func, flags);

	leaf_ret = get_return_for_leaf(iter, field, &leaf);
	if (leaf_ret)
		return print_graph_entry_leaf(iter, field, leaf_ret, s, flags);
	return print_graph_entry_nested(iter, field, s, flags);
}

static enum print_line_t print_graph_return(struct ftrace_graph_ret *trace, struct trace_seq *s,
					    struct trace_iterator *iter, u32 flags)
{
	unsigned long long duration = trace->rettime - trace->calltime;
	struct fgraph_data *data = iter->private;
	int func_match = 1;
	int i;

	if (check_irq_return(iter, flags, trace->depth))
		return TRACE_TYPE_HANDLED;

	if (data) {
		struct fgraph_cpu_data *cpu_data = &data->cpu_data[iter->cpu];

		/*
		 * Comments display at + 1 to depth. This is the
		 * return from a function, we now want the comments
		 * to display at the same level of the bracket.
		 */
		cpu_data->depth = trace->depth - 1;

		if (trace->depth < FTRACE_RETFUNC_DEPTH && trace->depth >= 0) {
			if (cpu_data->enter_funcs[trace->depth] != trace->func)
				func_match = 0;
			cpu_data->enter_funcs[trace->depth] = 0;
		}
	}

	print_graph_prologue(iter, s, 0, 0, flags);

	/* Overhead and duration */
	print_graph_duration(iter->tr, duration, s, flags);

	/* Closing brace */
	for (i = 0; i < trace->depth * TRACE_GRAPH_INDENT; i++)
		trace_seq_putc(s, ' ');

	/*
	 * If the return function does not have a matching entry,
	 * then the entry was lost. Instead of just printing
	 * the '}' and letting the user guess what function this
	 * belongs to, write out the function name. Always do
	 * that if the funcgraph-tail option is enabled.
	 */
	if (func_match && !(flags & TRACE_GRAPH_PRINT_TAIL)) {
		trace_seq_puts(s, "}\n");
	} else {
		trace_seq_puts(s, "} /* ");
		seq_print_ip_sym(s, trace->func, 0);
		trace_seq_puts(s, " */\n");
	}

	/* Overrun */
	if (flags & TRACE_GRAPH_PRINT_OVERRUN)
		trace_seq_printf(s, " (Overruns: %lu)\n", trace->overrun);

	print_graph_irq(iter, trace->func, TRACE_GRAPH_RET, flags);

	return trace_handle_return(s);
}

/* Any other record (an event) as a C comment in the graph, at its depth. */
static enum print_line_t print_graph_comment(struct trace_seq *s, struct trace_iterator *iter,
					     u32 flags)
{
	unsigned long sym_flags = READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_SYM_MASK;
	struct fgraph_data *data = iter->private;
	struct trace_event *event;
	enum print_line_t ret;
	int depth = 0;
	int i;

	if (data)
		depth = data->cpu_data[iter->cpu].depth;

	print_graph_prologue(iter, s, 0, 0, flags);

	/* No time */
	print_graph_duration(iter->tr, 0, s, flags | FLAGS_FILL_FULL);

	/* Indentation */
	if (depth > 0)
		for (i = 0; i < (depth + 1) * TRACE_GRAPH_INDENT; i++)
			trace_seq_putc(s, ' ');

	/* The comment */
	trace_seq_puts(s, "/* ");

	event = ftrace_find_event(iter->ent->type);
	if (!event)
		return TRACE_TYPE_UNHANDLED;

	ret = event->funcs->trace(iter, sym_flags, event);
	if (ret != TRACE_TYPE_HANDLED)
		return ret;

	if (trace_seq_has_overflowed(s))
		goto out;

	/* Strip ending newline */
	if (s->len && s->buffer[s->len - 1] == '\n') {
		s->buffer[s->len - 1] = '\0';
		s->len--;
	}

	trace_seq_puts(s, " */\n");
out:
	return trace_handle_return(s);
}

enum print_line_t print_graph_function_flags(struct trace_iterator *iter, u32 flags)
{
	struct trace_entry *entry = iter->ent;
	struct trace_seq *s = &iter->seq;

	switch (entry->type) {
	case TRACE_GRAPH_ENT: {
		/*
		 * print_graph_entry() may consume the next record, so work on
		 * a copy of this one (the iterator's copy is reused).
		 */
		struct ftrace_graph_ent_entry saved = *(struct ftrace_graph_ent_entry *)entry;

		return print_graph_entry(&saved, s, iter, flags);
	}
	case TRACE_GRAPH_RET: {
		struct ftrace_graph_ret_entry *field = (struct ftrace_graph_ret_entry *)entry;

		return print_graph_return(&field->ret, s, iter, flags);
	}
	case TRACE_STACK:
	case TRACE_FN:
		/* dont trace stack and functions as comments */
		return TRACE_TYPE_UNHANDLED;

	default:
		return print_graph_comment(s, iter, flags);
	}
}

static enum print_line_t print_graph_function(struct trace_iterator *iter)
{
	return print_graph_function_flags(iter, tracer_flags.val);
}

static enum print_line_t print_graph_function_event(struct trace_iterator *iter, int flags,
						    struct trace_event *event)
{
	return print_graph_function(iter);
}

static void print_lat_header(struct trace_seq *s, u32 flags)
{
	static const char spaces[] = "                " /* 16 spaces */
				     "    "             /* 4 spaces */
				     "                 "; /* 17 spaces */
	int size = 0;

	if (flags & TRACE_GRAPH_PRINT_ABS_TIME)
		size += 16;
	if (flags & TRACE_GRAPH_PRINT_CPU)
		size += 4;
	if (flags & TRACE_GRAPH_PRINT_PROC)
		size += 17;

	trace_seq_printf(s, "#%.*s  _-----=> irqs-off        \n", size, spaces);
	trace_seq_printf(s, "#%.*s / _----=> need-resched    \n", size, spaces);
	trace_seq_printf(s, "#%.*s| / _---=> hardirq/softirq \n", size, spaces);
	trace_seq_printf(s, "#%.*s|| / _--=> preempt-depth   \n", size, spaces);
	trace_seq_printf(s, "#%.*s||| /                      \n", size, spaces);
}

static void __print_graph_headers_flags(struct trace_iterator *iter, u32 flags)
{
	int lat = READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_LATENCY_FMT;
	struct trace_seq *s = &iter->seq;

	if (lat)
		print_lat_header(s, flags);

	/* 1st line */
	trace_seq_putc(s, '#');
	if (flags & TRACE_GRAPH_PRINT_ABS_TIME)
		trace_seq_puts(s, "     TIME       ");
	if (flags & TRACE_GRAPH_PRINT_CPU)
		trace_seq_puts(s, " CPU");
	if (flags & TRACE_GRAPH_PRINT_PROC)
		trace_seq_puts(s, "  TASK/PID       ");
	if (lat)
		trace_seq_puts(s, "||||");
	if (flags & TRACE_GRAPH_PRINT_DURATION)
		trace_seq_puts(s, "  DURATION   ");
	trace_seq_puts(s, "               FUNCTION CALLS\n");

	/* 2nd line */
	trace_seq_putc(s, '#');
	if (flags & TRACE_GRAPH_PRINT_ABS_TIME)
		trace_seq_puts(s, "      |         ");
	if (flags & TRACE_GRAPH_PRINT_CPU)
		trace_seq_puts(s, " |  ");
	if (flags & TRACE_GRAPH_PRINT_PROC)
		trace_seq_puts(s, "   |    |        ");
	if (lat)
		trace_seq_puts(s, "||||");
	if (flags & TRACE_GRAPH_PRINT_DURATION)
		trace_seq_puts(s, "   |   |      ");
	trace_seq_puts(s, "               |   |   |   |\n");
}

/* Linux's print_graph_headers_flags. With latency-format Linux first prints
 * print_trace_header's block, whose fields come from the latency tracers
 * this kernel lacks: that block is left out, the column legend is not. */
static void print_graph_headers(struct trace_iterator *iter)
{
	if (!(READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_CONTEXT_INFO))
		return;
	__print_graph_headers_flags(iter, tracer_flags.val);
}

/* A reader starts: no pid seen yet on any CPU (Linux's graph_trace_open). */
static void graph_trace_open(struct trace_iterator *iter)
{
	struct fgraph_data *data = kzalloc(sizeof(*data), GFP_KERNEL);
	int cpu;

	iter->private = data;
	if (!data) {
		pr_warn("function graph tracer: not enough memory\n");
		return;
	}
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		data->cpu_data[cpu].last_pid = -1;
		data->cpu_data[cpu].depth_irq = -1;
	}
}

static void graph_trace_close(struct trace_iterator *iter)
{
	kfree(iter->private);
	iter->private = NULL;
}

static int func_graph_set_flag(struct trace_array *tr, u32 old_flags, u32 bit, int set)
{
	if (bit == TRACE_GRAPH_PRINT_IRQS)
		ftrace_graph_skip_irqs = !set;
	if (bit == TRACE_GRAPH_SLEEP_TIME)
		ftrace_graph_sleep_time_control(set);
	return 0;
}

static struct trace_event_functions graph_functions = {
	.trace = print_graph_function_event,
};

static struct trace_event graph_trace_entry_event = {
	.type = TRACE_GRAPH_ENT,
	.funcs = &graph_functions,
};

static struct trace_event graph_trace_ret_event = {
	.type = TRACE_GRAPH_RET,
	.funcs = &graph_functions,
};

static struct tracer graph_trace = {
	.name = "function_graph",
	.open = graph_trace_open,
	.close = graph_trace_close,
	.init = graph_trace_init,
	.reset = graph_trace_reset,
	.print_line = print_graph_function,
	.print_header = print_graph_headers,
	.flags = &tracer_flags,
	.set_flag = func_graph_set_flag,
};

/* Register the tracer and its entry types (Linux's init_graph_trace). */
void init_graph_trace(void)
{
	max_bytes_for_cpu = snprintf(NULL, 0, "%u", NR_CPUS - 1);

	if (!register_trace_event(&graph_trace_entry_event) ||
	    !register_trace_event(&graph_trace_ret_event)) {
		pr_warn("Warning: could not register graph trace events\n");
		return;
	}
	register_tracer(&graph_trace);
}
