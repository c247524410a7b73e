/* The `trace` file's text: header, one line per event in timestamp order
 * across CPUs, and the oops-time dump (Linux 4.19's kernel/trace/trace.c
 * s_show, print_trace_line, ftrace_dump, and trace_output.c). */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/trace_events.h>

/* Linux's __print_flags(): the names of the set flags joined by @delim,
 * then any flags left over in hex. @flag_array ends with a NULL name. */
void trace_print_flags_seq(struct trace_seq *p, const char *delim, unsigned long flags,
			   const struct trace_print_flags *flag_array)
{
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
}

/* Linux's __get_bitmask() (%*pb): 32-bit words in hex, most significant
 * first, separated by commas. A 4-CPU cpumask is one ARM long: "00000006". */
void trace_print_bitmask_seq(struct trace_seq *p, const u32 *bitmask, unsigned int bitmask_size)
{
	int i;

	for (i = bitmask_size / sizeof(u32) - 1; i >= 0; i--)
		trace_seq_printf(p, i ? "%08x," : "%08x", (unsigned int)bitmask[i]);
}

/* Start at the header and each CPU's oldest record. As in Linux, if
 * records were lost to overwriting, say where each CPU's survivors start. */
void trace_iter_init(struct trace_iterator *iter, struct ring_buffer *buffer)
{
	int cpu;

	memset(iter, 0, sizeof(*iter));
	iter->buffer = buffer;
	iter->cpu_file = RING_BUFFER_ALL_CPUS;
	if (ring_buffer_overruns(buffer))
		iter->iter_flags |= TRACE_FILE_ANNOTATE;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		iter->cpu_next[cpu] = ring_buffer_first(buffer, cpu);
	trace_seq_init(&iter->seq);
}

/**
 * trace_find_next_entry_inc - copy out the oldest unread record of any CPU
 * (or of iter->cpu_file alone)
 *
 * Ties go to the lowest CPU, as in Linux. The copy's comm and fields are
 * NUL-terminated at their ends, so a corrupt record cannot make a %s
 * read past it. RETURNS: the record (also iter->ent), or NULL at the end.
 */
struct trace_record *trace_find_next_entry_inc(struct trace_iterator *iter)
{
	struct ring_buffer_event event;
	int cpu, next_cpu = -1;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (iter->cpu_file != RING_BUFFER_ALL_CPUS && cpu != iter->cpu_file)
			continue;
		if (!ring_buffer_peek(iter->buffer, cpu, &iter->cpu_next[cpu], &event))
			continue;
		if (next_cpu < 0 || event.ts < iter->event.ts) {
			iter->event = event;
			next_cpu = cpu;
		}
	}
	if (next_cpu < 0) {
		iter->ent = NULL;
		return NULL;
	}
	iter->cpu_next[next_cpu]++;
	iter->cpu = next_cpu;
	iter->idx++;
	iter->ent = ring_buffer_event_data(&iter->event);
	iter->ent->comm[TASK_COMM_LEN - 1] = '\0';
	iter->ent->fields[TRACE_EVENT_FIELDS_MAX - 1] = '\0';
	return iter->ent;
}

/* The header of the `trace` file (Linux's s_show for the first line,
 * print_event_info and print_func_help_header_irq). */
void trace_default_header(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	unsigned long entries = ring_buffer_entries(iter->buffer);
	unsigned long written = entries + ring_buffer_overruns(iter->buffer);

	trace_seq_puts(s, "# tracer: nop\n#\n");
	trace_seq_printf(s, "# entries-in-buffer/entries-written: %lu/%lu   #P:%d\n", entries,
			 written, num_online_cpus());
	trace_seq_puts(s, "#\n"
		       "#                              _-----=> irqs-off\n"
		       "#                             / _----=> need-resched\n"
		       "#                            | / _---=> hardirq/softirq\n"
		       "#                            || / _--=> preempt-depth\n"
		       "#                            ||| /     delay\n"
		       "#           TASK-PID   CPU#  ||||    TIMESTAMP  FUNCTION\n"
		       "#              | |       |   ||||       |         |\n");
}

/* The 4 columns irqs-off, need-resched, hardirq/softirq, preempt-depth
 * (Linux's trace_print_lat_fmt). */
static void trace_print_lat_fmt(struct trace_seq *s, const struct trace_entry *entry)
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
}

/* Linux's trace_find_cmdline(): pid 0 is every CPU's idle task. */
static const char *trace_comm(const struct trace_record *rec)
{
	return rec->ent.pid ? rec->comm : "<idle>";
}

/* Linux's ns2usecs(): rounded to the nearest microsecond. */
static u64 ns2usecs(u64 nsec)
{
	return div_u64(nsec + 500, 1000);
}

/* "TASK-PID [CPU] flags SECS.USECS: " (Linux's trace_print_context). */
static void trace_print_context(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;
	u32 usec_rem;
	u64 secs = div_u64_rem(ns2usecs(iter->event.ts), USEC_PER_SEC, &usec_rem);

	trace_seq_printf(s, "%16s-%-5d [%03d] ", trace_comm(iter->ent), iter->ent->ent.pid,
			 iter->cpu);
	trace_print_lat_fmt(s, &iter->ent->ent);
	trace_seq_printf(s, " %5lu.%06lu: ", (unsigned long)secs, (unsigned long)usec_rem);
}

/*
 * "TASK-PID CPU flags USECSus : " (Linux's trace_print_lat_context, not
 * verbose): microseconds since the last reset. The blank before ':' is
 * where Linux marks a long delay to the next record (!, #, ...); but in
 * ftrace_dump, the one user of this format here, the "next" record Linux
 * peeks at is this one, not yet consumed, so the mark is always blank.
 */
static void trace_print_lat_context(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;

	trace_seq_printf(s, "%8.8s-%-5d %3d", trace_comm(iter->ent), iter->ent->ent.pid,
			 iter->cpu);
	trace_print_lat_fmt(s, &iter->ent->ent);
	trace_seq_printf(s, " %4lluus : ",
			 (unsigned long long)ns2usecs(iter->event.ts - iter->time_start));
}

/* Before a CPU's first line, unless it is the trace's first line:
 * "##### CPU 2 buffer started ####" (Linux's test_cpu_buff_start). */
static void test_cpu_buff_start(struct trace_iterator *iter)
{
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

/* "<stack trace>" and a " => caller" line for each saved return address
 * (Linux's trace_stack_print). */
static void trace_stack_print(struct trace_iterator *iter, unsigned long flags)
{
	const struct stack_entry *field = (const void *)iter->ent->fields;
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
}

/* The text of the record after its context columns (Linux's
 * print_trace_fmt: event->funcs->trace()). */
static void print_trace_fmt(struct trace_iterator *iter)
{
	unsigned long sym_flags = READ_ONCE(global_trace_flags) & TRACE_ITER_SYM_MASK;
	struct trace_seq *s = &iter->seq;
	struct trace_event_call *call;

	switch (iter->ent->ent.type) {
	case TRACE_STACK:
		trace_stack_print(iter, sym_flags);
		return;
	}
	call = ftrace_find_event(iter->ent->ent.type);
	if (call) {
		trace_seq_printf(s, "%s: ", call->name);
		call->print(s, iter->ent->fields);
		trace_seq_putc(s, '\n');
	} else {
		trace_seq_printf(s, "Unknown type %d\n", iter->ent->ent.type);
	}
}

/**
 * print_trace_line - append the line of iter->ent to iter->seq
 * RETURNS: TRACE_TYPE_HANDLED, or TRACE_TYPE_PARTIAL_LINE if it did not fit.
 */
enum print_line_t print_trace_line(struct trace_iterator *iter)
{
	struct trace_seq *s = &iter->seq;

	if (iter->lost_events)
		trace_seq_printf(s, "CPU:%d [LOST %lu EVENTS]\n", iter->cpu, iter->lost_events);
	test_cpu_buff_start(iter);
	if (iter->iter_flags & TRACE_FILE_LAT_FMT)
		trace_print_lat_context(iter);
	else
		trace_print_context(iter);
	print_trace_fmt(iter);
	return trace_seq_has_overflowed(s) ? TRACE_TYPE_PARTIAL_LINE : TRACE_TYPE_HANDLED;
}

/* Put the next piece of text, the header or a line, in iter->seq.
 * RETURNS: false at the end of the trace. */
static bool trace_fill_seq(struct trace_iterator *iter)
{
	trace_seq_init(&iter->seq);
	if (!iter->header_done) {
		trace_default_header(iter);
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
 * earlier position starts the text again and skips up to it.
 * RETURNS: the bytes copied, 0 at the end of the text.
 */
size_t trace_read(struct trace_iterator *iter, char *buf, size_t cnt, loff_t *ppos)
{
	size_t done = 0;

	if (*ppos < iter->pos)
		trace_iter_init(iter, iter->buffer);
	while (done < cnt) {
		struct trace_seq *s = &iter->seq;
		size_t n;

		if (s->readpos == s->len && !trace_fill_seq(iter))
			break;
		n = s->len - s->readpos;
		if (iter->pos < *ppos) {
			n = min(n, (size_t)(*ppos - iter->pos));
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
 * reset, and before a CPU's first line the count of its records lost to
 * overwriting. Unlike Linux, the records are not consumed.
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
	trace_iter_init(&iter, &global_trace_buffer);
	iter.cpu_file = cpu_file;
	iter.iter_flags = TRACE_FILE_LAT_FMT; /* and no ANNOTATE: Linux's dump never notes it */
	iter.time_start = READ_ONCE(global_trace_time_start);
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
