/* The `trace` file's text: header, one line per entry in timestamp order
 * across CPUs, in the format the trace options choose, and the oops-time
 * dump (Linux 4.19's kernel/trace/trace.c s_show, print_trace_line,
 * ftrace_dump, and trace_output.c). */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include "trace.h"

/* Linux's __print_flags(): the names of the set flags joined by @delim,
 * then any flags left over in hex. @flag_array ends with a NULL name.
 * RETURNS: the text, NUL-terminated in @p. */
const char *trace_print_flags_seq(struct trace_seq *p, const char *delim, unsigned long flags,
				  const struct trace_print_flags *flag_array)
{
	const char *ret = p->buffer + p->len;
	int i, first = 1;

	for (i = 0; flag_array[i].name && flags; i++) {
		unsigned long mask = flag_array[i].mask;

		if ((flags & mask) != mask)
			continue;
		flags &= ~mask;
		if (!first && delim)
			trace_seq_puts(p, delim);
		else
			first = 0;
		trace_seq_puts(p, flag_array[i].name);
	}
	if (flags) {
		if (!first && delim)
			trace_seq_puts(p, delim);
		trace_seq_printf(p, "0x%lx", flags);
	}
	trace_seq_putc(p, 0);
	return ret;
}

/* Linux's __print_symbolic(): the name of @val, or @val in hex. */
const char *trace_print_symbols_seq(struct trace_seq *p, unsigned long val,
				    const struct trace_print_flags *symbol_array)
{
	const char *ret = p->buffer + p->len;
	int i;

	for (i = 0; symbol_array[i].name; i++) {
		if (val != symbol_array[i].mask)
			continue;
		trace_seq_puts(p, symbol_array[i].name);
		break;
	}
	if (ret == p->buffer + p->len)
		trace_seq_printf(p, "0x%lx", val);
	trace_seq_putc(p, 0);
	return ret;
}

/* Linux's __get_bitmask() (%*pb): 32-bit words in hex, most significant
 * first, separated by commas. A 4-CPU cpumask is one ARM long: "00000006". */
const char *trace_print_bitmask_seq(struct trace_seq *p, const u32 *bitmask,
				    unsigned int bitmask_size)
{
	const char *ret = p->buffer + p->len;
	int i;

	for (i = bitmask_size / sizeof(u32) - 1; i >= 0; i--)
		trace_seq_printf(p, i ? "%08x," : "%08x", (unsigned int)bitmask[i]);
	trace_seq_putc(p, 0);
	return ret;
}

/* ---- The entry types the output knows (Linux's register_trace_event) ---- */

/* Types are small numbers: the tracer's own below __TRACE_LAST_TYPE, then
 * the events'. Linux hashes them; a table indexed by type does here. */
#define TRACE_EVENT_TYPE_MAX 1024

static struct trace_event *event_types[TRACE_EVENT_TYPE_MAX];
static int next_event_type = __TRACE_LAST_TYPE + 1;

/* Linux's default for an output mode an entry type lacks. */
enum print_line_t trace_nop_print(struct trace_iterator *iter, int flags,
				  struct trace_event *event)
{
	trace_seq_printf(&iter->seq, "type: %d\n", iter->ent->type);
	return trace_handle_return(&iter->seq);
}

/**
 * register_trace_event - make entries of @event->type printable
 *
 * A zero type gets the next free one; a non-zero one must be a tracer type
 * of enum trace_type not registered yet. Missing print functions become
 * trace_nop_print. CONTEXT: boot.
 * RETURNS: the type, or 0 on error.
 */
int register_trace_event(struct trace_event *event)
{
	if (!event || !event->funcs)
		return 0;
	if (!event->type) {
		if (next_event_type >= TRACE_EVENT_TYPE_MAX)
			return 0;
		event->type = next_event_type++;
	} else if (event->type >= __TRACE_LAST_TYPE || event_types[event->type]) {
		return 0;
	}
	if (!event->funcs->trace)
		event->funcs->trace = trace_nop_print;
	if (!event->funcs->raw)
		event->funcs->raw = trace_nop_print;
	if (!event->funcs->hex)
		event->funcs->hex = trace_nop_print;
	if (!event->funcs->binary)
		event->funcs->binary = trace_nop_print;
	event_types[event->type] = event;
	return event->type;
}

struct trace_event *ftrace_find_event(int type)
{
	if (type <= 0 || type >= TRACE_EVENT_TYPE_MAX)
		return NULL;
	return event_types[type];
}

/* ---- Walking the buffer ---- */

/* Start at the header and each CPU's oldest record, with @tr's options of
 * now. As in Linux, if records were lost to overwriting, say where each
 * CPU's survivors start. */
void trace_iter_init(struct trace_iterator *iter, struct trace_array *tr)
{
	unsigned int flags = READ_ONCE(tr->trace_flags);
	int cpu;

	memset(iter, 0, sizeof(*iter));
	iter->tr = tr;
	iter->trace = READ_ONCE(tr->current_trace);
	iter->buffer = tr->buffer;
	iter->cpu_file = RING_BUFFER_ALL_CPUS;
	if (ring_buffer_overruns(iter->buffer))
		iter->iter_flags |= TRACE_FILE_ANNOTATE;
	if (flags & TRACE_ITER_LATENCY_FMT)
		iter->iter_flags |= TRACE_FILE_LAT_FMT;
	if (trace_clocks[READ_ONCE(tr->clock_id)].in_ns)
		iter->iter_flags |= TRACE_FILE_TIME_IN_NS;
	iter->generation = READ_ONCE(trace_buffers_generation);
	iter->time_start = READ_ONCE(global_trace_time_start);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		iter->cpu_next[cpu] = ring_buffer_first(iter->buffer, cpu);
	trace_seq_init(&iter->seq);
}

/* Start again from the header, on the same CPUs, with the options of now
 * (a read before where the last one was, or the rings were resized). */
void trace_iter_reset(struct trace_iterator *iter)
{
	struct tracer *trace = iter->trace;
	int cpu_file = iter->cpu_file;
	bool consume = iter->consume;

	if (trace->close)
		trace->close(iter);
	trace_iter_init(iter, iter->tr);
	iter->trace = trace;
	iter->cpu_file = cpu_file;
	iter->consume = consume;
	if (trace->open)
		trace->open(iter);
}

/* The CPU whose next record is the oldest (ties to the lowest CPU, as in
 * Linux), its copy in @event. RETURNS: the CPU, or -1 if none is left. */
static int peek_next_entry(struct trace_iterator *iter, struct ring_buffer_event *event)
{
	struct ring_buffer_event next;
	int cpu, next_cpu = -1;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (iter->cpu_file != RING_BUFFER_ALL_CPUS && cpu != iter->cpu_file)
			continue;
		if (!ring_buffer_peek(iter->buffer, cpu, &iter->cpu_next[cpu], &next))
			continue;
		if (next_cpu < 0 || next.ts < event->ts) {
			*event = next;
			next_cpu = cpu;
		}
	}
	return next_cpu;
}

/**
 * trace_find_next_entry_inc - copy out the oldest unread record of any CPU
 * (or of iter->cpu_file alone) and move past it
 *
 * The copy is NUL-terminated at its end, so a corrupt record cannot make
 * a %s read past it. RETURNS: the entry (also
 * iter->ent), or NULL at the end.
 */
struct trace_entry *trace_find_next_entry_inc(struct trace_iterator *iter)
{
	int cpu = peek_next_entry(iter, &iter->event);

	if (cpu < 0) {
		iter->ent = NULL;
		return NULL;
	}
	iter->cpu_next[cpu]++;
	iter->cpu = cpu;
	iter->idx++;
	iter->ts = iter->event.ts;
	iter->ent = ring_buffer_event_data(&iter->event);
	((char *)iter->ent)[TRACE_ENTRY_MAX - 1] = '\0';
	return iter->ent;
}

/* RETURNS: the timestamp of the record after iter->ent without moving
 * past it (Linux's trace_find_next_entry), or iter->ts if there is none.
 * A consuming reader's "next" record is the current one, as in Linux. */
static u64 trace_next_ts(struct trace_iterator *iter)
{
	unsigned long saved[NR_CPUS];
	struct ring_buffer_event next;
	u64 ts = iter->ts;

	if (iter->consume)
		return ts;
	memcpy(saved, iter->cpu_next, sizeof(saved));
	if (peek_next_entry(iter, &next) >= 0)
		ts = next.ts;
	memcpy(iter->cpu_next, saved, sizeof(saved));
	return ts;
}

/* RETURNS: true if no record is left to read (Linux's trace_empty). */
bool trace_empty(struct trace_iterator *iter)
{
	unsigned long saved[NR_CPUS];
	struct ring_buffer_event next;
	bool empty;

	memcpy(saved, iter->cpu_next, sizeof(saved));
	empty = peek_next_entry(iter, &next) < 0;
	memcpy(iter->cpu_next, saved, sizeof(saved));
	return empty;
}

/* ---- The header ---- */

/* Records in the buffer, and written since the last reset (those plus the overwritten). */
static void get_total_entries(struct ring_buffer *buffer, unsigned long *total,
			      unsigned long *entries)
{
	*entries = ring_buffer_entries(buffer);
	*total = *entries + ring_buffer_overruns(buffer);
}

static void print_event_info(struct trace_iterator *iter)
{
	unsigned long total, entries;

	get_total_entries(iter->buffer, &total, &entries);
	trace_seq_printf(&iter->seq, "# entries-in-buffer/entries-written: %lu/%lu   #P:%d\n",
			 entries, total, num_online_cpus());
	trace_seq_puts(&iter->seq, "#\n");
}

/* Linux's print_func_help_header(_irq); record-tgid adds a TGID column. */
static void print_func_help_header(struct trace_iterator *iter, unsigned int flags)
{
	bool tgid = flags & TRACE_ITER_RECORD_TGID;

	print_event_info(iter);
	trace_seq_printf(&iter->seq, "#           TASK-PID   %s  CPU#   TIMESTAMP  FUNCTION\n",
			 tgid ? "TGID     " : "");
	trace_seq_printf(&iter->seq, "#              | |     %s    |       |         |\n",
			 tgid ? "  |      " : "");
}

static void print_func_help_header_irq(struct trace_iterator *iter, unsigned int flags)
{
	bool tgid = flags & TRACE_ITER_RECORD_TGID;
	const char *space = tgid ? "          " : "  ";
	struct trace_seq *s = &iter->seq;

	print_event_info(iter);
	trace_seq_printf(s, "#                          %s  _-----=> irqs-off\n", space);
	trace_seq_printf(s, "#                          %s / _----=> need-resched\n", space);
	trace_seq_printf(s, "#                          %s| / _---=> hardirq/softirq\n", space);
	trace_seq_printf(s, "#                          %s|| / _--=> preempt-depth\n", space);
	trace_seq_printf(s, "#                          %s||| /     delay\n", space);
	trace_seq_printf(s, "#           TASK-PID %sCPU#  ||||    TIMESTAMP  FUNCTION\n",
			 tgid ? "   TGID   " : space);
	trace_seq_printf(s, "#              | |   %s  |   ||||       |         |\n",
			 tgid ? "     |    " : space);
}

static void print_lat_help_header(struct trace_seq *s)
{
	trace_seq_puts(s, "#                  _------=> CPU#            \n"
		       "#                 / _-----=> irqs-off        \n"
		       "#                | / _----=> need-resched    \n"
		       "#                || / _---=> hardirq/softirq \n"
		       "#                ||| / _--=> preempt-depth   \n"
		       "#                |||| /     delay            \n"
		       "#  cmd     pid   ||||| time  |   caller      \n"
		       "#     \\   /      |||||  \\    |   /         \n");
}

/* The latency format's header (Linux's print_trace_header). Only the
 * latency tracers, which this kernel lacks, record a task and a latency:
 * those fields read as Linux's do for the nop tracer. */
static void print_trace_header(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	unsigned long total, entries;

	get_total_entries(iter->buffer, &total, &entries);
	trace_seq_printf(s, "# %s latency trace v1.1.5 on %s\n", iter->trace->name,
			 "4.19.0-kestrel-" UTS_RELEASE);
	trace_seq_puts(s, "# --------------------------------------------------------------------\n");
	trace_seq_printf(s, "# latency: %lu us, #%lu/%lu, CPU#%d | (M:%s VP:%d, KP:%d, SP:%d HP:%d",
			 0UL, entries, total, 0, "server", 0, 0, 0, 0);
	trace_seq_printf(s, " #P:%d)\n", num_online_cpus());
	trace_seq_puts(s, "#    -----------------\n");
	trace_seq_printf(s, "#    | task: %.16s-%d (uid:%d nice:%ld policy:%ld rt_prio:%ld)\n",
			 "", 0, 0, 0L, 0L, 0L);
	trace_seq_puts(s, "#    -----------------\n");
	trace_seq_puts(s, "#\n");
}

/* The header below "# tracer:" (Linux's trace_default_header). */
void trace_default_header(struct trace_iterator *iter)
{
	unsigned int flags = READ_ONCE(iter->tr->trace_flags);

	if (!(flags & TRACE_ITER_CONTEXT_INFO))
		return;
	if (iter->iter_flags & TRACE_FILE_LAT_FMT) {
		if (trace_empty(iter))
			return;
		print_trace_header(iter);
		if (!(flags & TRACE_ITER_VERBOSE))
			print_lat_help_header(&iter->seq);
	} else if (!(flags & TRACE_ITER_VERBOSE)) {
		if (flags & TRACE_ITER_IRQ_INFO)
			print_func_help_header_irq(iter, flags);
		else
			print_func_help_header(iter, flags);
	}
}

/* The whole header (Linux's s_show before the first record). */
static void trace_print_headers(struct trace_iterator *iter)
{
	trace_seq_printf(&iter->seq, "# tracer: %s\n#\n", iter->trace->name);
	if (iter->trace->print_header)
		iter->trace->print_header(iter);
	else
		trace_default_header(iter);
}

/* ---- The common part of each line ---- */

/* The 4 columns irqs-off, need-resched, hardirq/softirq, preempt-depth
 * (Linux's trace_print_lat_fmt). */
int trace_print_lat_fmt(struct trace_seq *s, struct trace_entry *entry)
{
	int nmi = entry->flags & TRACE_FLAG_NMI;
	int hardirq = entry->flags & TRACE_FLAG_HARDIRQ;
	int softirq = entry->flags & TRACE_FLAG_SOFTIRQ;
	char irqs_off, need_resched, hardsoft_irq;

	irqs_off = (entry->flags & TRACE_FLAG_IRQS_OFF) ? 'd' :
		   (entry->flags & TRACE_FLAG_IRQS_NOSUPPORT) ? 'X' : '.';

	switch (entry->flags & (TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_PREEMPT_RESCHED)) {
	case TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_PREEMPT_RESCHED:
		need_resched = 'N';
		break;
	case TRACE_FLAG_NEED_RESCHED:
		need_resched = 'n';
		break;
	case TRACE_FLAG_PREEMPT_RESCHED:
		need_resched = 'p';
		break;
	default:
		need_resched = '.';
		break;
	}

	hardsoft_irq = (nmi && hardirq) ? 'Z' :
		       nmi ? 'z' :
		       (hardirq && softirq) ? 'H' :
		       hardirq ? 'h' :
		       softirq ? 's' : '.';

	trace_seq_printf(s, "%c%c%c", irqs_off, need_resched, hardsoft_irq);
	if (entry->preempt_count)
		trace_seq_printf(s, "%x", entry->preempt_count);
	else
		trace_seq_putc(s, '.');
	return !trace_seq_has_overflowed(s);
}


/* Linux's ns2usecs(): rounded to the nearest microsecond. */
static u64 ns2usecs(u64 nsec)
{
	return div_u64(nsec + 500, 1000);
}

/* "TASK-PID [CPU] flags SECS.USECS: " (Linux's trace_print_context);
 * without irq-info no flags, and a clock not in ns prints its raw count. */
int trace_print_context(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	struct trace_entry *entry = iter->ent;
	char comm[TASK_COMM_LEN];

	trace_find_cmdline(entry->pid, comm);
	trace_seq_printf(s, "%16s-%-5d ", comm, entry->pid);
	trace_seq_printf(s, "[%03d] ", iter->cpu);
	if (READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_IRQ_INFO)
		trace_print_lat_fmt(s, entry);
	if (iter->iter_flags & TRACE_FILE_TIME_IN_NS) {
		u32 usec_rem;
		u64 secs = div_u64_rem(ns2usecs(iter->ts), USEC_PER_SEC, &usec_rem);

		trace_seq_printf(s, " %5lu.%06lu: ", (unsigned long)secs, (unsigned long)usec_rem);
	} else {
		trace_seq_printf(s, " %12llu: ", (unsigned long long)iter->ts);
	}
	return !trace_seq_has_overflowed(s);
}

/* The mark of a long gap to the next record, in ns (Linux's trace_find_mark). */
char trace_find_mark(unsigned long long d)
{
	static const struct {
		unsigned long long val;
		char sym;
	} mark[] = {
		{ 1000000000ULL, '$' }, /* 1 sec */
		{ 100000000ULL, '@' },  /* 100 msec */
		{ 10000000ULL, '*' },   /* 10 msec */
		{ 1000000ULL, '#' },    /* 1000 usecs */
		{ 100000ULL, '!' },     /* 100 usecs */
		{ 10000ULL, '+' },      /* 10 usecs */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mark); i++)
		if (d > mark[i].val)
			return mark[i].sym;
	return ' ';
}

/* Time since the last reset, and to the next record (Linux's lat_print_timestamp). */
static void lat_print_timestamp(struct trace_iterator *iter, u64 next_ts)
{
	bool verbose = READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_VERBOSE;
	bool in_ns = iter->iter_flags & TRACE_FILE_TIME_IN_NS;
	unsigned long long abs_ts = iter->ts - iter->time_start;
	unsigned long long rel_ts = next_ts - iter->ts;
	struct trace_seq *s = &iter->seq;

	if (in_ns) {
		abs_ts = ns2usecs(abs_ts);
		rel_ts = ns2usecs(rel_ts);
	}
	if (verbose && in_ns) {
		u32 abs_usec, rel_usec;
		u64 abs_msec = div_u64_rem(abs_ts, 1000, &abs_usec);
		u64 rel_msec = div_u64_rem(rel_ts, 1000, &rel_usec);

		trace_seq_printf(s, "[%08llx] %ld.%03ldms (+%ld.%03ldms): ",
				 (unsigned long long)ns2usecs(iter->ts), (long)abs_msec,
				 (long)abs_usec, (long)rel_msec, (long)rel_usec);
	} else if (verbose) {
		trace_seq_printf(s, "[%016llx] %lld (+%lld): ", (unsigned long long)iter->ts,
				 abs_ts, rel_ts);
	} else if (in_ns) {
		trace_seq_printf(s, " %4lldus%c: ", abs_ts, trace_find_mark(rel_ts * 1000));
	} else {
		trace_seq_printf(s, " %4lld: ", abs_ts);
	}
}

/* "cmd-pid CPUflags TIMEus : " (Linux's trace_print_lat_context). */
int trace_print_lat_context(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	struct trace_entry *entry = iter->ent;
	u64 next_ts = trace_next_ts(iter);
	char comm[TASK_COMM_LEN];

	trace_find_cmdline(entry->pid, comm);
	if (READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_VERBOSE) {
		trace_seq_printf(s, "%16s %5d %3d %d %08x %08lx ", comm, entry->pid,
				 iter->cpu, entry->flags, entry->preempt_count,
				 (unsigned long)iter->idx);
	} else {
		trace_seq_printf(s, "%8.8s-%-5d %3d", comm, entry->pid, iter->cpu);
		trace_print_lat_fmt(s, entry);
	}
	lat_print_timestamp(iter, next_ts);
	return !trace_seq_has_overflowed(s);
}

/* Before a CPU's first line, unless it is the trace's first line:
 * "##### CPU 2 buffer started ####" (Linux's test_cpu_buff_start). */
static void test_cpu_buff_start(struct trace_iterator *iter)
{
	if (!(READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_ANNOTATE))
		return;
	if (!(iter->iter_flags & TRACE_FILE_ANNOTATE) || (iter->started & (1U << iter->cpu)))
		return;
	iter->started |= 1U << iter->cpu;
	if (iter->idx > 1)
		trace_seq_printf(&iter->seq, "##### CPU %u buffer started ####\n",
				 (unsigned int)iter->cpu);
}

/*
 * seq_print_ip_sym - @ip as a symbol: "name", "name+0x14/0xc18" with
 * sym-offset, then " <c0011f24>" with sym-addr; an address outside the
 * kernel's text (a user pc) as "0x7ec325a8", and 0 as "0" (Linux's).
 */
void seq_print_ip_sym(struct trace_seq *s, unsigned long ip, unsigned long sym_flags)
{
	char str[KSYM_SYMBOL_LEN];

	if (!ip) {
		trace_seq_putc(s, '0');
		return;
	}
	if (sym_flags & TRACE_ITER_SYM_OFFSET)
		sprint_symbol(str, ip);
	else if (!kallsyms_lookup(ip, NULL, NULL, str) || !*str)
		snprintf(str, sizeof(str), "0x%08lx", ip);
	trace_seq_puts(s, str);
	if (sym_flags & TRACE_ITER_SYM_ADDR)
		trace_seq_printf(s, " <%08lx>", ip);
}

/* TRACE_FN: "do_exit <-do_group_exit", or with sym-offset
 * "do_exit+0x14/0xc18 <-do_group_exit+0x4c/0xe4" (Linux's trace_fn_trace). */
static enum print_line_t trace_fn_trace(struct trace_iterator *iter, int flags,
					struct trace_event *event)
{
	struct ftrace_entry *field = (struct ftrace_entry *)iter->ent;
	struct trace_seq *s = &iter->seq;

	seq_print_ip_sym(s, field->ip, flags);

	if ((flags & TRACE_ITER_PRINT_PARENT) && field->parent_ip) {
		trace_seq_puts(s, " <-");
		seq_print_ip_sym(s, field->parent_ip, flags);
	}

	trace_seq_putc(s, '\n');

	return trace_handle_return(s);
}

static enum print_line_t trace_fn_raw(struct trace_iterator *iter, int flags,
				      struct trace_event *event)
{
	struct ftrace_entry *field = (struct ftrace_entry *)iter->ent;

	trace_seq_printf(&iter->seq, "%lx %lx\n", field->ip, field->parent_ip);

	return trace_handle_return(&iter->seq);
}

static enum print_line_t trace_fn_hex(struct trace_iterator *iter, int flags,
				      struct trace_event *event)
{
	struct ftrace_entry *field = (struct ftrace_entry *)iter->ent;
	struct trace_seq *s = &iter->seq;

	trace_seq_putmem_hex(s, &field->ip, sizeof(field->ip));
	trace_seq_putmem_hex(s, &field->parent_ip, sizeof(field->parent_ip));

	return trace_handle_return(s);
}

static enum print_line_t trace_fn_bin(struct trace_iterator *iter, int flags,
				      struct trace_event *event)
{
	struct ftrace_entry *field = (struct ftrace_entry *)iter->ent;
	struct trace_seq *s = &iter->seq;

	trace_seq_putmem(s, &field->ip, sizeof(field->ip));
	trace_seq_putmem(s, &field->parent_ip, sizeof(field->parent_ip));

	return trace_handle_return(s);
}

static struct trace_event_functions trace_fn_funcs = {
	.trace = trace_fn_trace,
	.raw = trace_fn_raw,
	.hex = trace_fn_hex,
	.binary = trace_fn_bin,
};

static struct trace_event trace_fn_event = {
	.type = TRACE_FN,
	.funcs = &trace_fn_funcs,
};

/* "<stack trace>" and a " => caller" line for each saved return address
 * (Linux's trace_stack_print). */
static enum print_line_t trace_stack_print(struct trace_iterator *iter, int flags,
					   struct trace_event *event)
{
	const struct stack_entry *field = (const void *)iter->ent;
	struct trace_seq *s = &iter->seq;
	int i;

	trace_seq_puts(s, "<stack trace>\n");
	for (i = 0; i < field->size && i < (int)FTRACE_STACK_ENTRIES; i++) {
		if (field->caller[i] == (u32)ULONG_MAX || trace_seq_has_overflowed(s))
			break;
		trace_seq_puts(s, " => ");
		seq_print_ip_sym(s, field->caller[i], flags);
		trace_seq_putc(s, '\n');
	}
	return trace_handle_return(s);
}

static struct trace_event_functions trace_stack_funcs = {
	.trace = trace_stack_print,
};

static struct trace_event trace_stack_event = {
	.type = TRACE_STACK,
	.funcs = &trace_stack_funcs,
};

/* "tracing_mark_write: text" (Linux's trace_print_print). */
static enum print_line_t trace_print_print(struct trace_iterator *iter, int flags,
					   struct trace_event *event)
{
	struct print_entry *field = (void *)iter->ent;

	seq_print_ip_sym(&iter->seq, field->ip, flags);
	trace_seq_printf(&iter->seq, ": %s", field->buf);
	return trace_handle_return(&iter->seq);
}

/* "ip text" with options/raw (Linux's trace_print_raw). */
static enum print_line_t trace_print_raw(struct trace_iterator *iter, int flags,
					 struct trace_event *event)
{
	struct print_entry *field = (void *)iter->ent;

	trace_seq_printf(&iter->seq, "# %lx %s", field->ip, field->buf);
	return trace_handle_return(&iter->seq);
}

static struct trace_event_functions trace_print_funcs = {
	.trace = trace_print_print,
	.raw = trace_print_raw,
};

static struct trace_event trace_print_event = {
	.type = TRACE_PRINT,
	.funcs = &trace_print_funcs,
};

/* The tracer's own entry types this kernel writes (Linux's init_events). */
static struct trace_event *const events[] = {
	&trace_fn_event,
	&trace_stack_event,
	&trace_print_event,
};

void init_events(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(events); i++)
		if (!ftrace_find_event(events[i]->type))
			register_trace_event(events[i]);
}


/* ---- A line in each output mode (options raw, hex, bin) ---- */

static enum print_line_t print_trace_fmt(struct trace_iterator *iter)
{
	unsigned int flags = READ_ONCE(iter->tr->trace_flags);
	struct trace_seq *s = &iter->seq;
	struct trace_event *event;

	test_cpu_buff_start(iter);
	event = ftrace_find_event(iter->ent->type);
	if (flags & TRACE_ITER_CONTEXT_INFO) {
		if (iter->iter_flags & TRACE_FILE_LAT_FMT)
			trace_print_lat_context(iter);
		else
			trace_print_context(iter);
	}
	if (trace_seq_has_overflowed(s))
		return TRACE_TYPE_PARTIAL_LINE;
	if (event)
		return event->funcs->trace(iter, flags & TRACE_ITER_SYM_MASK, event);
	trace_seq_printf(s, "Unknown type %d\n", iter->ent->type);
	return trace_handle_return(s);
}

static enum print_line_t print_raw_fmt(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	struct trace_event *event;

	if (READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_CONTEXT_INFO)
		trace_seq_printf(s, "%d %d %llu ", iter->ent->pid, iter->cpu,
				 (unsigned long long)iter->ts);
	if (trace_seq_has_overflowed(s))
		return TRACE_TYPE_PARTIAL_LINE;
	event = ftrace_find_event(iter->ent->type);
	if (event)
		return event->funcs->raw(iter, 0, event);
	trace_seq_printf(s, "%d ?\n", iter->ent->type);
	return trace_handle_return(s);
}

static enum print_line_t print_hex_fmt(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	struct trace_entry *entry = iter->ent;
	struct trace_event *event;
	u32 cpu = iter->cpu;

	if (READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_CONTEXT_INFO) {
		trace_seq_putmem_hex(s, &entry->pid, sizeof(entry->pid));
		trace_seq_putmem_hex(s, &cpu, sizeof(cpu));
		trace_seq_putmem_hex(s, &iter->ts, sizeof(iter->ts));
		if (trace_seq_has_overflowed(s))
			return TRACE_TYPE_PARTIAL_LINE;
	}
	event = ftrace_find_event(entry->type);
	if (event) {
		enum print_line_t ret = event->funcs->hex(iter, 0, event);

		if (ret != TRACE_TYPE_HANDLED)
			return ret;
	}
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

static enum print_line_t print_bin_fmt(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	struct trace_entry *entry = iter->ent;
	struct trace_event *event;
	u32 cpu = iter->cpu;

	if (READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_CONTEXT_INFO) {
		trace_seq_putmem(s, &entry->pid, sizeof(entry->pid));
		trace_seq_putmem(s, &cpu, sizeof(cpu));
		trace_seq_putmem(s, &iter->ts, sizeof(iter->ts));
		if (trace_seq_has_overflowed(s))
			return TRACE_TYPE_PARTIAL_LINE;
	}
	event = ftrace_find_event(entry->type);
	return event ? event->funcs->binary(iter, 0, event) : TRACE_TYPE_HANDLED;
}

/**
 * print_trace_line - append the line of iter->ent to iter->seq, as the
 * current tracer (print_line) or else the trace options choose
 * RETURNS: TRACE_TYPE_HANDLED, or TRACE_TYPE_PARTIAL_LINE if it did not fit.
 */
enum print_line_t print_trace_line(struct trace_iterator *iter)
{
	unsigned int flags = READ_ONCE(iter->tr->trace_flags);

	if (iter->lost_events) {
		trace_seq_printf(&iter->seq, "CPU:%d [LOST %lu EVENTS]\n", iter->cpu,
				 iter->lost_events);
		if (trace_seq_has_overflowed(&iter->seq))
			return TRACE_TYPE_PARTIAL_LINE;
	}
	if (iter->trace && iter->trace->print_line) {
		enum print_line_t ret = iter->trace->print_line(iter);

		if (ret != TRACE_TYPE_UNHANDLED)
			return ret;
	}
	if (flags & TRACE_ITER_BIN)
		return print_bin_fmt(iter);
	if (flags & TRACE_ITER_HEX)
		return print_hex_fmt(iter);
	if (flags & TRACE_ITER_RAW)
		return print_raw_fmt(iter);
	return print_trace_fmt(iter);
}

/* ---- read() of `trace` ---- */

/* Put the next piece of text, the header or a line, in iter->seq.
 * RETURNS: false at the end of the trace. */
static bool trace_fill_seq(struct trace_iterator *iter)
{
	trace_seq_init(&iter->seq);
	if (!iter->header_done) {
		trace_print_headers(iter);
		iter->header_done = true;
		return true;
	}
	if (!trace_find_next_entry_inc(iter))
		return false;
	print_trace_line(iter);
	return true;
}

/**
 * trace_read - read() of the `trace` file (Linux: seq_read on s_show)
 * @iter: the open file's iterator, set up by trace_iter_init()
 * @buf: a kernel buffer of @cnt bytes
 * @ppos: the file position, advanced by the bytes read
 *
 * Sequential reads continue where the last one stopped; a read at an
 * earlier position starts the text again and skips up to it; a read past
 * the end of the text returns 0 once the text is rendered.
 * RETURNS: the bytes copied, 0 at the end of the text.
 */
size_t trace_read(struct trace_iterator *iter, char *buf, size_t cnt, loff_t *ppos)
{
	size_t done = 0;

	if (*ppos < iter->pos || iter->generation != READ_ONCE(trace_buffers_generation))
		trace_iter_reset(iter);
	while (done < cnt) {
		struct trace_seq *s = &iter->seq;
		size_t n;

		if (s->readpos == s->len && !trace_fill_seq(iter))
			break;
		n = s->len - s->readpos;
		if (iter->pos < *ppos) {
			if ((loff_t)n > *ppos - iter->pos)
				n = *ppos - iter->pos;
		} else {
			n = min(n, cnt - done);
			memcpy(buf + done, s->buffer + s->readpos, n);
			done += n;
		}
		s->readpos += n;
		iter->pos += n;
	}
	*ppos += done;
	return done;
}

/**
 * ftrace_dump_print - print the whole trace buffer at an oops: the body of
 * Linux's ftrace_dump(), which the kernel wraps with its printk
 * @print_line: called with each NUL-terminated line, newline included
 * @cpu_file: RING_BUFFER_ALL_CPUS (DUMP_ALL), or the oopsing CPU (DUMP_ORIG)
 *
 * Turns tracing off first, so the dump shows what led to the oops. As in
 * Linux: no header, the latency format with time counted from the last
 * reset, symbols printed as sym-offset asks, and before a CPU's first line
 * the count of its records lost to overwriting. Unlike Linux, the records
 * are not consumed.
 * CONTEXT: any, no locks; a second CPU dumping at the same time returns.
 */
void ftrace_dump_print(void (*print_line)(const char *line), int cpu_file)
{
	static struct trace_iterator iter;
	static int dump_running;
	u32 reported = 0;
	int cnt = 0;

	if (__sync_lock_test_and_set(&dump_running, 1))
		return;
	tracing_off();
	print_line("Dumping ftrace buffer:\n");
	trace_iter_init(&iter, &global_trace);
	iter.cpu_file = cpu_file;
	/* the latency format, and no ANNOTATE: Linux's dump never notes it */
	iter.iter_flags = TRACE_FILE_LAT_FMT | TRACE_FILE_TIME_IN_NS;
	iter.consume = true;
	while (trace_find_next_entry_inc(&iter)) {
		if (!cnt++)
			print_line("---------------------------------\n");
		/* Linux's consuming read reports a CPU's losses with its first record. */
		iter.lost_events = 0;
		if (!(reported & (1U << iter.cpu))) {
			reported |= 1U << iter.cpu;
			iter.lost_events = ring_buffer_overrun_cpu(iter.buffer, iter.cpu);
		}
		trace_seq_init(&iter.seq);
		print_trace_line(&iter);
		print_line(iter.seq.buffer);
	}
	print_line(cnt ? "---------------------------------\n" : "   (ftrace buffer empty)\n");
	__sync_lock_release(&dump_running);
}
