/* The tracers and the trace options (Linux's kernel/trace/trace.c:
 * register_tracer, tracing_set_tracer, set_tracer_flag, trace_set_options
 * and the tracers' own options). current_tracer, trace_options and the
 * options/ files call these. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include "trace.h"

#define C(a, b) b
const char *const trace_options[] = { TRACE_FLAGS, NULL };
#undef C

_Static_assert(TRACE_ITER_LAST_BIT <= TRACE_FLAGS_MAX_SIZE, "trace_flags_index");

DEFINE_MUTEX(trace_types_lock);
DEFINE_MUTEX(event_mutex);

struct tracer *trace_types;

/* ftrace=: the tracer to make current when it registers (Linux's). */
char bootup_tracer_buf[MAX_TRACER_SIZE];
char *default_bootup_tracer;

struct trace_array global_trace = {
	.buffer = &global_trace_buffer,
	.current_trace = &nop_trace,
	.trace_flags = TRACE_DEFAULT_FLAGS,
	.trace_flags_index = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
			       16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31 },
};

/* The tracer options of a tracer that has none. */
static struct tracer_opt dummy_tracer_opt[] = { { } };

static int dummy_set_flag(struct trace_array *tr, u32 old_flags, u32 bit, int set)
{
	return 0;
}

/**
 * register_tracer - make @type a choice of current_tracer
 *
 * Its options get files in options/ when tracefs is first mounted.
 * CONTEXT: boot (trace_boot_init), before tracefs is mounted.
 * RETURNS: 0, or -1 if the name is missing, too long or taken (Linux's).
 */
int register_tracer(struct tracer *type)
{
	static struct tracer_flags no_flags[8];
	static unsigned int nr_no_flags;
	struct tracer *t;
	int ret = 0;

	if (!type->name || strlen(type->name) >= MAX_TRACER_SIZE) {
		printk(KERN_INFO "Tracer must have a name shorter than %d\n", MAX_TRACER_SIZE);
		return -1;
	}
	mutex_lock(&trace_types_lock);
	for (t = trace_types; t; t = t->next) {
		if (!strcmp(type->name, t->name)) {
			printk(KERN_INFO "Tracer %s already registered\n", type->name);
			ret = -1;
			goto out;
		}
	}
	if (!type->set_flag)
		type->set_flag = dummy_set_flag;
	if (!type->flags) {
		/* Linux kmallocs a dummy tracer_flags; a few static ones do here. */
		if (nr_no_flags == ARRAY_SIZE(no_flags)) {
			ret = -ENOMEM;
			goto out;
		}
		type->flags = &no_flags[nr_no_flags++];
	}
	if (!type->flags->opts)
		type->flags->opts = dummy_tracer_opt;
	type->flags->trace = type;
	type->next = trace_types;
	trace_types = type;
out:
	mutex_unlock(&trace_types_lock);

	if (ret || !default_bootup_tracer || strcmp(default_bootup_tracer, type->name) ||
	    type->noboot)
		return ret;
	printk(KERN_INFO "Starting tracer '%s'\n", type->name);
	/* Do we want this tracer to start on bootup? */
	tracing_set_tracer(&global_trace, type->name);
	default_bootup_tracer = NULL;
	apply_trace_boot_options();
	return 0;
}

/* Clear the buffer and start @t (Linux's tracer_init). */
static int tracer_init(struct tracer *t, struct trace_array *tr)
{
	tracing_reset_online_cpus();
	return t->init(tr);
}

/**
 * tracing_set_tracer - make the tracer called @buf current (current_tracer)
 *
 * The old one is reset first, so for a moment the current tracer is nop.
 * RETURNS: 0; -EINVAL if no tracer has that name; -EBUSY while a trace_pipe
 * reader uses the current one; or the new tracer's init() error (then nop
 * stays current).
 */
int tracing_set_tracer(struct trace_array *tr, const char *buf)
{
	struct tracer *t;
	int ret = 0;

	mutex_lock(&trace_types_lock);
	for (t = trace_types; t; t = t->next)
		if (!strcmp(t->name, buf))
			break;
	if (!t) {
		ret = -EINVAL;
		goto out;
	}
	if (t == tr->current_trace)
		goto out;
	if (tr->current_trace->ref) {
		ret = -EBUSY;
		goto out;
	}
	tr->current_trace->enabled--;
	if (tr->current_trace->reset)
		tr->current_trace->reset(tr);
	WRITE_ONCE(tr->current_trace, &nop_trace);
	if (t->init) {
		ret = tracer_init(t, tr);
		if (ret)
			goto out;
	}
	WRITE_ONCE(tr->current_trace, t);
	t->enabled++;
out:
	mutex_unlock(&trace_types_lock);
	return ret;
}

/**
 * __set_tracer_option - set (!@neg) or clear one of a tracer's own options
 * CONTEXT: trace_types_lock held.
 * RETURNS: 0, or the tracer's set_flag() refusal.
 */
int __set_tracer_option(struct trace_array *tr, struct tracer_flags *tracer_flags,
			struct tracer_opt *opts, int neg)
{
	struct tracer *trace = tracer_flags->trace;
	int ret = trace->set_flag(tr, tracer_flags->val, opts->bit, !neg);

	if (ret)
		return ret;
	if (neg)
		tracer_flags->val &= ~opts->bit;
	else
		tracer_flags->val |= opts->bit;
	return 0;
}

/* @cmp among the current tracer's options. RETURNS: as above, or -EINVAL. */
static int set_tracer_option(struct trace_array *tr, const char *cmp, int neg)
{
	struct tracer_flags *tracer_flags = tr->current_trace->flags;
	int i;

	for (i = 0; tracer_flags->opts[i].name; i++)
		if (!strcmp(cmp, tracer_flags->opts[i].name))
			return __set_tracer_option(tr, tracer_flags, &tracer_flags->opts[i], neg);
	return -EINVAL;
}

/**
 * set_tracer_flag - set or clear the trace option @mask (one TRACE_ITER_*)
 *
 * The current tracer may refuse (flag_changed). Some options act at once:
 * record-cmd starts or stops saving comms, event-fork makes set_event_pid
 * follow forks, overwrite switches the ring buffer's mode.
 * CONTEXT: trace_types_lock held, and event_mutex for record-cmd.
 * RETURNS: 0, or -EINVAL if the tracer refused.
 */
int set_tracer_flag(struct trace_array *tr, unsigned int mask, int enabled)
{
	if (!!(tr->trace_flags & mask) == !!enabled)
		return 0;
	if (tr->current_trace->flag_changed &&
	    tr->current_trace->flag_changed(tr, mask, !!enabled))
		return -EINVAL;
	if (enabled)
		WRITE_ONCE(tr->trace_flags, tr->trace_flags | mask);
	else
		WRITE_ONCE(tr->trace_flags, tr->trace_flags & ~mask);
	if (mask == TRACE_ITER_RECORD_CMD)
		trace_event_enable_cmd_record(enabled);
	if (mask == TRACE_ITER_EVENT_FORK)
		trace_event_follow_fork(enabled);
	if (mask == TRACE_ITER_OVERWRITE)
		ring_buffer_change_overwrite(tr->buffer, enabled);
	return 0;
}

/**
 * trace_set_options - one word of trace_options: "NAME" sets an option,
 * "noNAME" clears it; a trace option first, else the current tracer's own
 * @option: the word; surrounding white space is ignored (and put back)
 * RETURNS: 0, or -EINVAL for an unknown name or a refused change (nothing changes).
 */
int trace_set_options(struct trace_array *tr, char *option)
{
	size_t orig_len = strlen(option);
	char *cmp = strstrip(option);
	int neg = 0, ret;

	if (!strncmp(cmp, "no", 2)) {
		neg = 1;
		cmp += 2;
	}
	mutex_lock(&event_mutex);
	mutex_lock(&trace_types_lock);
	ret = match_string(trace_options, -1, cmp);
	if (ret < 0)
		ret = set_tracer_option(tr, cmp, neg);
	else
		ret = set_tracer_flag(tr, 1 << ret, !neg);
	mutex_unlock(&trace_types_lock);
	mutex_unlock(&event_mutex);
	/* strstrip() cut the trailing white space; make it a space again. */
	if (orig_len > strlen(option))
		option[strlen(option)] = ' ';
	return ret;
}

/* trace_options=: a comma-separated list of words, as written to trace_options. */
char trace_boot_options_buf[MAX_TRACER_SIZE];

/* Apply trace_options= (Linux's apply_trace_boot_options). CONTEXT: boot,
 * after the tracers are registered. An unknown word is ignored, as Linux does. */
void apply_trace_boot_options(void)
{
	char *buf = trace_boot_options_buf, *option;

	while ((option = strsep(&buf, ","))) {
		if (*option)
			trace_set_options(&global_trace, option);
		/* Put the comma back, so this can run again. */
		if (buf)
			*(buf - 1) = ',';
	}
}

/* ---- Clocks and CPUs ---- */

/* In Linux 4.19's order for ARM (trace_clock). */
const struct trace_clock_desc trace_clocks[] = {
	{ trace_clock_local, "local", 1 },
	{ trace_clock_global, "global", 1 },
	{ trace_clock_counter, "counter", 0 },
	{ trace_clock_jiffies, "uptime", 0 },
	{ trace_clock, "perf", 1 },
	{ trace_clock_mono, "mono", 1 },
	{ trace_clock_mono, "mono_raw", 1 },
	{ trace_clock_mono, "boot", 1 },
};
const unsigned int nr_trace_clocks = ARRAY_SIZE(trace_clocks);

char trace_boot_clock_buf[MAX_TRACER_SIZE];

/**
 * tracing_set_clock - stamp records with the clock called @clockstr from
 * now on, and clear the buffer, whose old stamps would not compare
 * (Linux's tracing_set_clock)
 * RETURNS: 0, or -EINVAL if there is no such clock (nothing changes).
 */
int tracing_set_clock(struct trace_array *tr, const char *clockstr)
{
	unsigned int i;

	for (i = 0; i < nr_trace_clocks; i++)
		if (!strcmp(trace_clocks[i].name, clockstr))
			break;
	if (i == nr_trace_clocks)
		return -EINVAL;
	mutex_lock(&trace_types_lock);
	tr->clock_id = i;
	WRITE_ONCE(tr->buffer->clock, trace_clocks[i].func);
	tracing_reset_online_cpus();
	mutex_unlock(&trace_types_lock);
	return 0;
}

void tracing_set_cpumask(struct trace_array *tr, unsigned long mask)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		bool was = tr->tracing_cpumask & (1UL << cpu), is = mask & (1UL << cpu);

		if (was && !is)
			ring_buffer_record_disable_cpu(tr->buffer, cpu);
		else if (!was && is)
			ring_buffer_record_enable_cpu(tr->buffer, cpu);
	}
	tr->tracing_cpumask = mask;
}
