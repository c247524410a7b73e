/* The event table, turning events on and off by system and name, and
 * writing an event into the trace buffer (Linux's kernel/trace/trace_events.c,
 * with trace_init() and tracing_on() from kernel/trace/trace.c). */
#include <asm/irqflags.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include <trace/events/ipi.h>
#include <trace/events/irq.h>
#include <trace/events/raw_syscalls.h>
#include <trace/events/sched.h>
#include <trace/events/signal.h>
#ifdef HOST_TEST
int raw_smp_processor_id(void); /* tests/host/trace_stubs.h */
#else
#include <linux/sched.h>
#endif
#include "trace.h"

struct ring_buffer global_trace_buffer;
u64 global_trace_time_start;

struct trace_event_call *const ftrace_events[] = {
	&event_irq_handler_entry,
	&event_irq_handler_exit,
	&event_ipi_raise,
	&event_ipi_entry,
	&event_ipi_exit,
	&event_sched_switch,
	&event_sched_wakeup,
	&event_sched_wakeup_new,
	&event_sched_process_fork,
	&event_sched_process_exec,
	&event_sched_process_exit,
	&event_sched_process_free,
	&event_sched_process_wait,
	&event_signal_generate,
	&event_signal_deliver,
	&event_sys_enter,
	&event_sys_exit,
};
const unsigned int nr_ftrace_events = ARRAY_SIZE(ftrace_events);

/* An event's line: "name: " and its TP_printk (Linux's trace_raw_output_<event>). */
static enum print_line_t trace_event_raw_output(struct trace_iterator *iter, int flags,
					       struct trace_event *event)
{
	struct trace_event_call *call = container_of(event, struct trace_event_call, event);
	struct trace_seq *s = &iter->seq;

	trace_seq_printf(s, "%s: ", call->name);
	call->print(s, iter->ent + 1);
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

static struct trace_event_functions trace_event_raw_funcs = {
	.trace = trace_event_raw_output,
};

/**
 * trace_init - register the nop tracer and the events, lay out the trace
 * buffer and apply trace_options=
 * @mem, @size_per_cpu: as for ring_buffer_init(); size from trace_buf_size=
 *
 * Linux's trace_init(): tracer_alloc_buffers() and the events' registration,
 * which gives each event its type (after the tracer's own, in table order).
 * CONTEXT: boot, before any event is enabled. RETURNS: 0 or -EINVAL.
 */
int trace_init(void *const mem[NR_CPUS], size_t size_per_cpu)
{
	unsigned int i;
	int ret;

	init_events();
	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (call->event.type)
			continue; /* host tests set up more than once */
		call->event.funcs = &trace_event_raw_funcs;
		register_trace_event(&call->event);
	}
	global_trace_time_start = 0;
	ret = ring_buffer_init(&global_trace_buffer, mem, size_per_cpu);
	if (ret)
		return ret;
	register_tracer(&nop_trace);
	apply_trace_boot_options();
	return 0;
}

/*
 * Set or clear every event that matches: @match against its name or its
 * system, @sub against its system, @event against its name; NULL matches
 * anything. RETURNS: 0, or -EINVAL if no event matched.
 */
static int __ftrace_set_clr_event(const char *match, const char *sub, const char *event,
				  int set)
{
	int ret = -EINVAL;
	unsigned int i;

	mutex_lock(&event_mutex);
	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (match && strcmp(match, call->name) && strcmp(match, call->system))
			continue;
		if (sub && strcmp(sub, call->system))
			continue;
		if (event && strcmp(event, call->name))
			continue;
		if (call->reg && call->enabled != !!set)
			call->reg(!!set);
		WRITE_ONCE(call->enabled, !!set);
		ret = 0;
	}
	mutex_unlock(&event_mutex);
	return ret;
}

/* Turn events/<@system>/<@event>/enable on or off; NULL is every system or event. */
int trace_set_clr_event(const char *system, const char *event, int set)
{
	return __ftrace_set_clr_event(NULL, system, event, set);
}

/**
 * ftrace_set_clr_event - a line of set_event: "<system>:<event>", where an
 * empty or "*" part matches all, or "<name>" matching a system or an event
 * @buf: the line, without newline; the ':' is overwritten
 * RETURNS: 0, or -EINVAL if no event matched.
 */
int ftrace_set_clr_event(char *buf, int set)
{
	char *colon = strchr(buf, ':');
	const char *sub, *event;

	if (!colon)
		return __ftrace_set_clr_event(buf, NULL, NULL, set);
	*colon = '\0';
	sub = buf;
	event = colon + 1;
	if (!*sub || !strcmp(sub, "*"))
		sub = NULL;
	if (!*event || !strcmp(event, "*"))
		event = NULL;
	return __ftrace_set_clr_event(NULL, sub, event, set);
}

void tracing_on(void)
{
	ring_buffer_record_on(&global_trace_buffer);
}

void tracing_off(void)
{
	ring_buffer_record_off(&global_trace_buffer);
}

int tracing_is_on(void)
{
	return ring_buffer_record_is_on(&global_trace_buffer);
}

/* Pause recording while a reader walks the buffer (Linux's tracing_stop
 * and tracing_start); pauses nest and do not touch tracing_on. */
void tracing_stop(void)
{
	ring_buffer_record_disable(&global_trace_buffer);
}

void tracing_start(void)
{
	ring_buffer_record_enable(&global_trace_buffer);
}

/* Forget every event (`echo > trace`); a dump counts time from now. */
void tracing_reset_online_cpus(void)
{
	WRITE_ONCE(global_trace_time_start, trace_clock_local());
	ring_buffer_reset(&global_trace_buffer);
}

/* Linux's trace_buffer_lock_reserve(); see <linux/trace_events.h>. */
struct ring_buffer_event *trace_buffer_lock_reserve(struct ring_buffer *buffer, int type,
						    unsigned long len, unsigned long flags)
{
	struct ring_buffer_event *event;
	struct trace_entry *entry;

	if (len > TRACE_ENTRY_MAX)
		return NULL;
	event = ring_buffer_lock_reserve(buffer, raw_smp_processor_id());
	if (!event)
		return NULL;
	event->ts = trace_clock_local();
	entry = ring_buffer_event_data(event);
	tracing_generic_entry_update(entry, flags, trace_record_comm(event));
	entry->type = type;
	return event;
}

/* Linux's __buffer_unlock_commit(): publish the entry reserved on this CPU. */
void __buffer_unlock_commit(struct ring_buffer *buffer, struct ring_buffer_event *event)
{
	ring_buffer_unlock_commit(buffer, raw_smp_processor_id());
}

/**
 * trace_event_buffer_reserve - start writing an event of @call on this CPU
 * @len: sizeof the event's struct trace_event_raw_<event>
 *
 * Masks IRQs (until the commit), takes the next record of this CPU's ring
 * and fills its timestamp, trace_entry and comm.
 * RETURNS: the event's fields to fill, or NULL (nothing to commit) if the
 * event is disabled, tracing is off or @len does not fit a record.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_call *call, size_t len)
{
	if (!READ_ONCE(call->enabled) || len > TRACE_EVENT_FIELDS_MAX)
		return NULL;
	local_irq_save(fbuffer->flags);
	fbuffer->buffer = &global_trace_buffer;
	fbuffer->event = trace_buffer_lock_reserve(fbuffer->buffer, call->event.type,
						   sizeof(struct trace_entry) + len,
						   fbuffer->flags);
	if (!fbuffer->event) {
		local_irq_restore(fbuffer->flags);
		return NULL;
	}
	fbuffer->entry = (struct trace_entry *)ring_buffer_event_data(fbuffer->event) + 1;
	return fbuffer->entry;
}

/* Publish the event reserved in @fbuffer and unmask IRQs again. */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer)
{
	__buffer_unlock_commit(fbuffer->buffer, fbuffer->event);
	local_irq_restore(fbuffer->flags);
}
