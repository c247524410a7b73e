/* The tracer's glue to the running kernel (Linux's kernel/trace/trace.c and
 * trace_clock.c): the clock and context of each record, the boot-time
 * set-up from trace_buf_size= and trace_event=, and ftrace_dump(). */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/trace.h>
#include <linux/ring_buffer.h>
#include "trace.h"

void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags)
{
	struct task_struct *tsk = current;
	int pc = current_thread_info()->preempt_count;

	entry->pid = tsk->pid;
	entry->preempt_count = pc & 0xff;
	entry->flags = (irqs_disabled_flags(irq_flags) ? TRACE_FLAG_IRQS_OFF : 0) |
		       ((pc & (0xf << 16)) ? TRACE_FLAG_HARDIRQ : 0) |
		       (test_tsk_thread_flag(tsk, TIF_NEED_RESCHED) ? TRACE_FLAG_NEED_RESCHED : 0);
}

/* Count of probes on the syscall tracepoints (sys_enter and sys_exit):
 * while non-zero every task carries TIF_SYSCALL_TRACEPOINT, which new ones
 * inherit in dup_task_struct (Linux's kernel/tracepoint.c). CONTEXT:
 * event_mutex held, which keeps the count right. */
static int sys_tracepoint_refcount;

static void set_syscall_tracepoint_flags(bool set)
{
	struct task_struct *p, *t;
	int cpu;

	read_lock(&tasklist_lock);
	list_for_each_entry(p, &all_tasks, tasks)
		for_each_thread(p, t)
			(set ? set_tsk_thread_flag : clear_tsk_thread_flag)(t, TIF_SYSCALL_TRACEPOINT);
	for_each_possible_cpu(cpu)
		if (idle_task(cpu))
			(set ? set_tsk_thread_flag : clear_tsk_thread_flag)(idle_task(cpu),
									TIF_SYSCALL_TRACEPOINT);
	read_unlock(&tasklist_lock);
}

void syscall_regfunc(void)
{
	if (!sys_tracepoint_refcount++)
		set_syscall_tracepoint_flags(true);
}

void syscall_unregfunc(void)
{
	if (!--sys_tracepoint_refcount)
		set_syscall_tracepoint_flags(false);
}

static void tracepoint_sync_ipi(void *unused)
{
}

void tracepoint_synchronize_unregister(void)
{
	int cpu, self = raw_smp_processor_id();

	for_each_online_cpu(cpu)
		if (cpu != self)
			smp_call_function_single(cpu, tracepoint_sync_ipi, NULL, 1);
}

/*
 * Record the current call chain as a <stack trace>, skipping @skip
 * callers above __ftrace_trace_stack()'s caller (Linux's, on its one
 * trace_array; without Linux's per-CPU scratch stack: the chain is saved
 * straight into the reserved record, as Linux does when that is busy).
 */
static noinline void __ftrace_trace_stack(struct ring_buffer *buffer, unsigned long flags,
					  int skip)
{
	unsigned long entries[FTRACE_STACK_ENTRIES], irq_flags;
	struct stack_trace trace = {
		.max_entries = FTRACE_STACK_ENTRIES,
		.entries = entries,
		/* Add one, for this function and the call to save_stack_trace() */
		.skip = skip + 1,
	};
	struct ring_buffer_event *event;
	struct stack_entry *entry;
	unsigned int i;

	local_irq_save(irq_flags);
	event = trace_buffer_lock_reserve(buffer, TRACE_STACK, sizeof(*entry), flags);
	if (event) {
		save_stack_trace(&trace);
		entry = ring_buffer_event_data(event);
		for (i = 0; i < trace.nr_entries; i++)
			entry->caller[i] = entries[i];
		entry->size = trace.nr_entries;
		__buffer_unlock_commit(buffer, event);
	}
	local_irq_restore(irq_flags);
}

void __trace_stack(unsigned long flags, int skip)
{
	__ftrace_trace_stack(&global_trace_buffer, flags, skip);
}

void trace_dump_stack(int skip)
{
	unsigned long flags;

	local_save_flags(flags);
	/* Skip 1 to skip this function. */
	skip++;
	__ftrace_trace_stack(&global_trace_buffer, flags, skip);
}

/* ftrace=function: the tracer to start when it registers (Linux's set_cmdline_ftrace). */
static int set_cmdline_ftrace(char *str)
{
	strlcpy(bootup_tracer_buf, str, MAX_TRACER_SIZE);
	default_bootup_tracer = bootup_tracer_buf;
	return 1;
}
__setup("ftrace=", set_cmdline_ftrace);

/* trace_options=sym-offset,nooverwrite: trace options to set at boot,
 * applied by trace_init() (Linux's set_trace_boot_options). */
static int set_trace_boot_options(char *str)
{
	strlcpy(trace_boot_options_buf, str, MAX_TRACER_SIZE);
	return 1;
}
__setup("trace_options=", set_trace_boot_options);

/* trace_clock=global: the clock to start with (Linux's set_trace_boot_clock). */
static int set_trace_boot_clock(char *str)
{
	strlcpy(trace_boot_clock_buf, str, MAX_TRACER_SIZE);
	return 1;
}
__setup("trace_clock=", set_trace_boot_clock);

/* tp_printk: events also go to the console as printk lines (Linux's). */
static int set_tracepoint_printk(char *str)
{
	tracepoint_printk = 1;
	return 1;
}
__setup("tp_printk", set_tracepoint_printk);

/* trace_trigger=sched_switch.stacktrace if prev_state == 2,... (Linux 6.2's). */
static int set_trigger_boot(char *str)
{
	strlcpy(bootup_trigger_buf, str, COMMAND_LINE_SIZE);
	return 1;
}
__setup("trace_trigger=", set_trigger_boot);

/* A ring of @size bytes (whole pages) for each CPU. RETURNS: 0 or -ENOMEM. */
static int alloc_trace_rings(size_t size, void *mem[NR_CPUS])
{
	unsigned int order = get_order(size);
	int cpu;

	for_each_possible_cpu(cpu) {
		mem[cpu] = order < MAX_ORDER ? (void *)__get_free_pages(GFP_KERNEL, order) : NULL;
		if (!mem[cpu]) {
			while (cpu--)
				free_pages((unsigned long)mem[cpu], order);
			return -ENOMEM;
		}
	}
	return 0;
}

static void free_trace_rings(size_t size, void *const mem[NR_CPUS])
{
	int cpu;

	for_each_possible_cpu(cpu)
		free_pages((unsigned long)mem[cpu], get_order(size));
}

/*
 * buffer_size_kb (Linux's tracing_resize_ring_buffer): new rings of @size
 * bytes, rounded up to pages. Recording pauses; once no writer is left
 * inside reserve..commit and no reader walks the rings, they are swapped
 * for the new ones, empty (Linux keeps the records), and the old freed.
 */
int tracing_resize_ring_buffer(unsigned long size)
{
	void *mem[NR_CPUS], *old[NR_CPUS];
	size_t old_size;
	int ret;

	if (size > (PAGE_SIZE << (MAX_ORDER - 1)))
		return -ENOMEM;
	size = ALIGN(size, PAGE_SIZE);
	ret = alloc_trace_rings(size, mem);
	if (ret)
		return ret;
	mutex_lock(&trace_buffers_lock);
	ring_buffer_record_disable(&global_trace_buffer);
	tracepoint_synchronize_unregister();
	old_size = ring_buffer_size(&global_trace_buffer, 0);
	ret = ring_buffer_resize(&global_trace_buffer, mem, size, old);
	WRITE_ONCE(trace_buffers_generation, trace_buffers_generation + 1);
	ring_buffer_record_enable(&global_trace_buffer);
	mutex_unlock(&trace_buffers_lock);
	if (ret)
		free_trace_rings(size, mem);
	else
		free_trace_rings(old_size, old);
	return ret;
}

/*
 * Linux's tracer_alloc_buffers() at boot. Simplified: a CPU's ring is one
 * block of pages (Linux links single pages), so trace_buf_size= is cut to
 * the largest block, 4 MiB. If even that cannot be had, tracing stays
 * disabled and tracefs empty, as on Linux.
 */
void trace_boot_init(void)
{
	size_t size = ALIGN(trace_buf_size, PAGE_SIZE);
	void *mem[NR_CPUS];
	char *buf = bootup_event_buf, *token;

	if (size > (PAGE_SIZE << (MAX_ORDER - 1))) {
		size = PAGE_SIZE << (MAX_ORDER - 1);
		pr_warn("tracing: trace_buf_size= cut to %zu KiB, the largest ring per CPU\n",
			size >> 10);
	}
	if (alloc_trace_rings(size, mem)) {
		pr_err("tracer: failed to allocate ring buffer!\n");
		return;
	}
	if (trace_create_savedcmd() || trace_init(mem, size)) {
		pr_err("tracing: cannot set up the events\n");
		return;
	}
	pr_info("tracing: %u KiB ring buffer per CPU\n", (unsigned)(size >> 10));
	/* The function tracers (Linux's init_function_trace, init_graph_trace). */
	register_tracer(&function_trace);
	init_graph_trace();
	/* trace_event=sched:sched_switch,signal:* : enable each one named. */
	while ((token = buf) && *token) {
		char *comma = strchr(buf, ',');
		if (comma)
			*comma = '\0';
		buf = comma ? comma + 1 : NULL;
		if (*token && ftrace_set_clr_event(token, 1) < 0)
			pr_warn("Failed to enable trace event: %s\n", token);
	}
	trace_apply_boot_triggers();
}

static void ftrace_dump_line(const char *line)
{
	printk(KERN_EMERG "%s", line);
}

void ftrace_dump(enum ftrace_dump_mode oops_dump_mode)
{
	static int dump_running;

	if (__atomic_exchange_n(&dump_running, 1, __ATOMIC_SEQ_CST))
		return;
	tracing_off();
	ftrace_dump_print(ftrace_dump_line,
			  oops_dump_mode == DUMP_ORIG ? smp_processor_id() : RING_BUFFER_ALL_CPUS);
	/* Linux's dump consumes what it prints: a second dump (the panic
	 * after the oops) finds the buffer empty. */
	tracing_reset_online_cpus();
	dump_running = 0;
}
