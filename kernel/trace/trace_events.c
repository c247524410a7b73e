/* The events: their table and fields, turning them on and off (for real or
 * soft, for triggers), set_event's words, set_event_pid, and writing an
 * event into the trace buffer through its filter and triggers (Linux's
 * kernel/trace/trace_events.c, with trace_init(), tracing_on() and the
 * buffer glue of kernel/trace/trace.c). */
#include <asm/irqflags.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace.h>
#include <linux/trace_events.h>
#include <trace/events/ipi.h>
#include <trace/events/irq.h>
#include <trace/events/raw_syscalls.h>
#include <trace/events/sched.h>
#include <trace/events/signal.h>
#include <linux/sched.h>
#include "trace.h"

struct ring_buffer global_trace_buffer;
u64 global_trace_time_start;
DEFINE_MUTEX(trace_buffers_lock);
unsigned int trace_buffers_generation;
int tracepoint_printk;

/* The events TRACE_EVENT() made, in link order (the section _ftrace_events,
 * see include/trace/trace_events.h). */
extern struct trace_event_call *__start_ftrace_events[];
extern struct trace_event_call *__stop_ftrace_events[];

/* Every event: the section's, then the syscall events (trace_syscalls.c). */
struct trace_event_call *ftrace_events[FTRACE_EVENTS_MAX];
unsigned int nr_ftrace_events;

/* ---- Fields (the `format` files and what filters name) ---- */

/* Fields come from a cache of their own, as Linux's field_cachep. */
static struct kmem_cache *field_cachep;

static int __trace_define_field(struct ftrace_event_field ***tail, const char *type,
				const char *name, int offset, int size, int is_signed,
				int filter_type)
{
	struct ftrace_event_field *field = kmem_cache_alloc(field_cachep, GFP_KERNEL);

	if (!field)
		return -ENOMEM;
	field->next = NULL;
	field->name = name;
	field->type = type;
	/* Linux's filter_assign_type(): char arrays compare as strings (its
	 * two tests, with "char" asked first: most types have none) */
	if (filter_type == FILTER_OTHER && strstr(type, "char")) {
		if (strstr(type, "__data_loc"))
			filter_type = FILTER_DYN_STRING;
		else if (strchr(type, '['))
			filter_type = FILTER_STATIC_STRING;
	}
	field->filter_type = filter_type;
	field->offset = offset;
	field->size = size;
	field->is_signed = is_signed;
	**tail = field;
	*tail = &field->next;
	return 0;
}

int trace_define_field(struct trace_event_call *call, const char *type, const char *name,
		       int offset, int size, int is_signed, int filter_type)
{
	struct trace_event_class *class = call->class;

	if (!class->fields_tail)
		class->fields_tail = &class->fields;
	return __trace_define_field(&class->fields_tail, type, name, offset, size, is_signed,
				    filter_type);
}

/* The common_* fields every record starts with, and the pseudo fields a
 * filter may name: the CPU and the current task's comm (Linux's). */
struct ftrace_event_field *ftrace_common_fields;
static struct ftrace_event_field *ftrace_generic_fields;

static int trace_define_common_fields(void)
{
	struct ftrace_event_field **tail = &ftrace_common_fields;
	struct trace_entry ent;
	int ret = 0;

#define __common_field(type, item)                                                      \
	ret = ret ?: __trace_define_field(&tail, #type, "common_" #item,                 \
					  offsetof(struct trace_entry, item),            \
					  sizeof(ent.item), is_signed_type(type), FILTER_OTHER)
	__common_field(unsigned short, type);
	__common_field(unsigned char, flags);
	__common_field(unsigned char, preempt_count);
	__common_field(int, pid);
#undef __common_field
	tail = &ftrace_generic_fields;
	ret = ret ?: __trace_define_field(&tail, "int", "CPU", 0, 0, 1, FILTER_CPU);
	ret = ret ?: __trace_define_field(&tail, "int", "cpu", 0, 0, 1, FILTER_CPU);
	ret = ret ?: __trace_define_field(&tail, "char *", "COMM", 0, 0, 0, FILTER_COMM);
	ret = ret ?: __trace_define_field(&tail, "char *", "comm", 0, 0, 0, FILTER_COMM);
	return ret;
}

static struct ftrace_event_field *find_field(struct ftrace_event_field *field, const char *name)
{
	for (; field; field = field->next)
		if (!strcmp(field->name, name))
			return field;
	return NULL;
}

struct ftrace_event_field *trace_find_event_field(struct trace_event_call *call,
						 const char *name)
{
	struct ftrace_event_field *field = find_field(call->class->fields, name);

	if (!field)
		field = find_field(ftrace_generic_fields, name);
	if (!field)
		field = find_field(ftrace_common_fields, name);
	return field;
}

/* ---- The events at boot ---- */

/**
 * trace_add_event_call - make @call an event: its id, its fields
 * (once per class) and its output (Linux's event_init)
 * CONTEXT: boot. RETURNS: 0, -ENOSPC or -ENOMEM.
 */
int trace_add_event_call(struct trace_event_call *call)
{
	struct trace_event_class *class = call->class;
	int ret;

	if (nr_ftrace_events == FTRACE_EVENTS_MAX)
		return -ENOSPC;
	if (!class->fields_tail) {
		class->fields_tail = &class->fields;
		ret = class->define_fields ? class->define_fields(call) : 0;
		if (ret)
			return ret;
	}
	if (!register_trace_event(&call->event))
		return -ENOSPC;
	ftrace_events[nr_ftrace_events++] = call;
	return 0;
}

/* The events' fields and ids. CONTEXT: boot, once. */
static int event_trace_init(void)
{
	unsigned int i;
	int ret;

	field_cachep = kmem_cache_create("ftrace_event_field", sizeof(struct ftrace_event_field),
					 0, 0);
	if (!field_cachep)
		return -ENOMEM;
	ret = trace_define_common_fields();

	for (i = 0; !ret && __start_ftrace_events + i < __stop_ftrace_events; i++)
		ret = trace_add_event_call(__start_ftrace_events[i]);
	return ret ?: init_ftrace_syscalls();
}

/* Cleared by trace_init() once the rings exist (see <linux/trace.h>). */
int tracing_disabled = 1;

/**
 * trace_init - register the tracer's entries, the nop tracer and the
 * events, lay out the trace buffer and apply trace_options=
 * @mem, @size_per_cpu: as for ring_buffer_init(); size from trace_buf_size=
 *
 * Linux's trace_init(): tracer_alloc_buffers() and the events' registration,
 * which gives each event its type (after the tracer's own, in table order).
 * CONTEXT: boot, before any event is enabled. RETURNS: 0, -EINVAL or -ENOMEM.
 */
int trace_init(void *const mem[NR_CPUS], size_t size_per_cpu)
{
	int ret;

	if (!nr_ftrace_events) { /* once: host tests set up more than once */
		init_events();
		ret = event_trace_init();
		if (ret)
			return ret;
	}
	global_trace_time_start = 0;
	ret = ring_buffer_init(&global_trace_buffer, mem, size_per_cpu);
	if (ret)
		return ret;
	global_trace.clock_id = 0;
	global_trace_buffer.clock = trace_clocks[0].func;
	global_trace.tracing_cpumask = (1UL << NR_CPUS) - 1;
	register_tracer(&nop_trace);
	apply_trace_boot_options();
	if (trace_boot_clock_buf[0] && tracing_set_clock(&global_trace, trace_boot_clock_buf))
		printk(KERN_WARNING "Trace clock %s not defined, going back to default\n",
		       trace_boot_clock_buf);
	tracing_disabled = 0;
	return 0;
}

/* ---- Turning events on and off ---- */

/* Linux's trace_event_reg(): put the event's probe on its tracepoint. */
static int trace_event_reg(struct trace_event_call *call, int enable)
{
	if (call->class->reg)
		return call->class->reg(call, enable);
	if (enable)
		return tracepoint_probe_register(call->tp, &call->tp_probe);
	return tracepoint_probe_unregister(call->tp, &call->tp_probe);
}

/**
 * __ftrace_event_enable_disable - turn @call on or off, for real or, with
 * @soft_disable, on behalf of a trigger (Linux's)
 *
 * A soft user (enable_event) keeps the probe registered with the event
 * SOFT_DISABLED, so its triggers run and the trigger can flip it on; the
 * event is really off only when neither its enable file nor a soft user
 * wants it. CONTEXT: event_mutex held. RETURNS: 0 or the probe's error.
 */
int __ftrace_event_enable_disable(struct trace_event_call *call, int enable, int soft_disable)
{
	unsigned int flags = call->flags;
	int ret = 0, disable;

	if (enable) {
		if (!soft_disable)
			flags &= ~EVENT_FILE_FL_SOFT_DISABLED;
		else if (call->sm_ref++ == 0)
			flags |= EVENT_FILE_FL_SOFT_MODE;
		else
			goto out;
		if (!(flags & EVENT_FILE_FL_ENABLED)) {
			if (soft_disable)
				flags |= EVENT_FILE_FL_SOFT_DISABLED;
			if (global_trace.trace_flags & TRACE_ITER_RECORD_CMD) {
				tracing_start_cmdline_record();
				flags |= EVENT_FILE_FL_RECORDED_CMD;
			}
			/* the flags first: the probe may run at once */
			WRITE_ONCE(call->flags, flags);
			ret = trace_event_reg(call, 1);
			if (ret) {
				if (flags & EVENT_FILE_FL_RECORDED_CMD)
					tracing_stop_cmdline_record();
				flags &= ~(EVENT_FILE_FL_RECORDED_CMD | EVENT_FILE_FL_SOFT_MODE |
					   EVENT_FILE_FL_SOFT_DISABLED);
				if (soft_disable)
					call->sm_ref--;
				goto out;
			}
			flags |= EVENT_FILE_FL_ENABLED;
		}
		goto out;
	}
	if (soft_disable) {
		if (--call->sm_ref > 0)
			goto out;
		disable = flags & EVENT_FILE_FL_SOFT_DISABLED;
		flags &= ~EVENT_FILE_FL_SOFT_MODE;
	} else {
		disable = !(flags & EVENT_FILE_FL_SOFT_MODE);
	}
	if (disable && (flags & EVENT_FILE_FL_ENABLED)) {
		flags &= ~EVENT_FILE_FL_ENABLED;
		if (flags & EVENT_FILE_FL_RECORDED_CMD) {
			tracing_stop_cmdline_record();
			flags &= ~EVENT_FILE_FL_RECORDED_CMD;
		}
		trace_event_reg(call, 0);
	}
	if (flags & EVENT_FILE_FL_SOFT_MODE)
		flags |= EVENT_FILE_FL_SOFT_DISABLED;
	else
		flags &= ~EVENT_FILE_FL_SOFT_DISABLED;
out:
	WRITE_ONCE(call->flags, flags);
	return ret;
}

/* options/record-cmd: every enabled event starts or stops recording comms
 * (Linux's trace_event_enable_cmd_record). CONTEXT: event_mutex held. */
void trace_event_enable_cmd_record(bool enable)
{
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (!(call->flags & EVENT_FILE_FL_ENABLED))
			continue;
		if (enable && !(call->flags & EVENT_FILE_FL_RECORDED_CMD)) {
			tracing_start_cmdline_record();
			WRITE_ONCE(call->flags, call->flags | EVENT_FILE_FL_RECORDED_CMD);
		} else if (!enable && (call->flags & EVENT_FILE_FL_RECORDED_CMD)) {
			tracing_stop_cmdline_record();
			WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_RECORDED_CMD);
		}
	}
}

/*
 * Set or clear every event that matches: @match against its name or its
 * system, @sub against its system, @event against its name; NULL matches
 * anything (Linux's __ftrace_set_clr_event_nolock).
 * CONTEXT: event_mutex held.
 * RETURNS: 0, -EINVAL if no event matched, or the first error.
 */
static int __ftrace_set_clr_event_nolock(const char *match, const char *sub, const char *event,
					 int set)
{
	int ret = -EINVAL, eret = 0;
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];
		const char *system = call->class->system;

		if (match && strcmp(match, call->name) && strcmp(match, system))
			continue;
		if (sub && strcmp(sub, system))
			continue;
		if (event && strcmp(event, call->name))
			continue;
		ret = __ftrace_event_enable_disable(call, set, 0);
		if (ret && !eret)
			eret = ret;
		ret = eret;
	}
	return ret;
}

static int __ftrace_set_clr_event(const char *match, const char *sub, const char *event,
				  int set)
{
	int ret;

	mutex_lock(&event_mutex);
	ret = __ftrace_set_clr_event_nolock(match, sub, event, set);
	mutex_unlock(&event_mutex);
	return ret;
}

/* Turn events/<@system>/<@event>/enable on or off; NULL is every system or event. */
int trace_set_clr_event(const char *system, const char *event, int set)
{
	return __ftrace_set_clr_event(NULL, system, event, set);
}

/**
 * ftrace_set_clr_event - a word of set_event: "<system>:<event>", where an
 * empty or "*" part matches all, or "<name>" matching a system or an event
 * @buf: the word, without newline; the ':' is overwritten
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

/* The event called @system:@name, or NULL. */
struct trace_event_call *trace_find_event_call(const char *system, const char *name)
{
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (!strcmp(call->name, name) && !strcmp(call->class->system, system))
			return call;
	}
	return NULL;
}

/* ---- tracing_on, and the buffer ---- */

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
	WRITE_ONCE(global_trace_time_start, READ_ONCE(global_trace_buffer.clock)());
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
	event->ts = READ_ONCE(buffer->clock)();
	entry = ring_buffer_event_data(event);
	tracing_generic_entry_update(entry, flags);
	entry->type = type;
	return event;
}

/* Linux's __buffer_unlock_commit(): publish the entry reserved on this CPU,
 * and have the comm of the task that wrote it saved at the next switch. */
void __buffer_unlock_commit(struct ring_buffer *buffer, struct ring_buffer_event *event)
{
	ring_buffer_unlock_commit(buffer, raw_smp_processor_id());
	trace_taskinfo_save_set();
}

/* ---- Writing an event ---- */

/* Each CPU's scratch record for events that are filtered before they are
 * kept (Linux's trace_buffered_event); used with IRQs off. */
static struct ring_buffer_event trace_buffered_event[NR_CPUS];

/**
 * trace_event_buffer_reserve - start writing an event of @call on this CPU
 * @len: sizeof the event's struct trace_event_raw_<event>
 *
 * Masks IRQs (until the commit) and takes the next record of this CPU's
 * ring, or its scratch record if the event has a filter or is soft-disabled
 * (Linux's trace_buffered_event), so that a rejected record never reaches
 * the ring; fills the timestamp and struct trace_entry. While tracing is
 * off, an event with a conditional trigger still gets the scratch record,
 * for the trigger to test and then dropped (Linux's temp_buffer).
 * RETURNS: the entry to fill, or NULL (nothing to commit) if tracing is off,
 * set_event_pid excludes this task or @len does not fit a record.
 */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_call *call, size_t len)
{
	unsigned int eflags = READ_ONCE(call->flags);

	if (len > TRACE_ENTRY_MAX)
		return NULL;
	if ((eflags & EVENT_FILE_FL_PID_FILTER) && trace_event_ignore_this_pid(call))
		return NULL;
	local_irq_save(fbuffer->flags);
	fbuffer->buffer = &global_trace_buffer;
	fbuffer->call = call;
	fbuffer->buffered = eflags & (EVENT_FILE_FL_FILTERED | EVENT_FILE_FL_SOFT_DISABLED);
	fbuffer->temp = false;
	if (fbuffer->buffered) {
		if (!ring_buffer_record_is_on(fbuffer->buffer) &&
		    !(eflags & EVENT_FILE_FL_TRIGGER_COND))
			goto off;
	} else {
		fbuffer->event = trace_buffer_lock_reserve(fbuffer->buffer, call->event.type, len,
							   tracepoint_irqflags(fbuffer->flags));
		if (!fbuffer->event) {
			if (!(eflags & EVENT_FILE_FL_TRIGGER_COND))
				goto off;
			fbuffer->temp = true;
		}
	}
	if (fbuffer->buffered || fbuffer->temp) {
		struct trace_entry *entry;

		fbuffer->event = &trace_buffered_event[raw_smp_processor_id()];
		fbuffer->event->ts = READ_ONCE(fbuffer->buffer->clock)();
		entry = ring_buffer_event_data(fbuffer->event);
		tracing_generic_entry_update(entry, tracepoint_irqflags(fbuffer->flags));
		entry->type = call->event.type;
	}
	fbuffer->entry = ring_buffer_event_data(fbuffer->event);
	return fbuffer->entry;
off:
	local_irq_restore(fbuffer->flags);
	return NULL;
}

/*
 * tp_printk: the event's line, as `trace` shows it after the context
 * columns, on the console too (Linux's output_printk). IRQs are off; an
 * event fired by the printk itself (printk:console) is not printed again.
 */
static void output_printk(struct trace_event_buffer *fbuffer)
{
	static struct trace_iterator iter;
	static DEFINE_SPINLOCK(tracepoint_iter_lock);
	static int printing;
	struct trace_event *event = &fbuffer->call->event;

	if (!event->funcs || !event->funcs->trace || printing)
		return;
	spin_lock(&tracepoint_iter_lock);
	printing = 1;
	iter.tr = &global_trace;
	iter.ent = fbuffer->entry;
	trace_seq_init(&iter.seq);
	event->funcs->trace(&iter, 0, event);
	printk("%s", iter.seq.buffer);
	printing = 0;
	spin_unlock(&tracepoint_iter_lock);
}

/*
 * Publish the event reserved in @fbuffer and unmask IRQs again (Linux's
 * event_trigger_unlock_commit). Its conditional triggers test it first
 * (a traceoff among them stops tracing after this record, as in Linux); a
 * scratch record is then copied into the ring unless it is soft-disabled,
 * rejected by its filter, or only there for the triggers. Then the
 * triggers that run after the record, such as stacktrace, run if it was
 * kept, so their output follows it.
 */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer)
{
	struct trace_event_call *call = fbuffer->call;
	unsigned int eflags = READ_ONCE(call->flags), tt = 0;

	if (tracepoint_printk)
		output_printk(fbuffer);
	if (eflags & EVENT_FILE_FL_TRIGGER_COND)
		tt = event_triggers_call(call, fbuffer->entry);
	if (fbuffer->temp)
		goto out;
	if (fbuffer->buffered) {
		struct event_filter *filter = READ_ONCE(call->filter);
		struct ring_buffer_event *event;

		if ((eflags & EVENT_FILE_FL_SOFT_DISABLED) ||
		    ((eflags & EVENT_FILE_FL_FILTERED) && filter &&
		     !filter_match_preds(filter, fbuffer->entry)))
			goto out;
		event = ring_buffer_lock_reserve(fbuffer->buffer, raw_smp_processor_id());
		if (!event)
			goto out;
		event->ts = fbuffer->event->ts;
		memcpy(event->data, fbuffer->event->data, sizeof(event->data));
		__buffer_unlock_commit(fbuffer->buffer, event);
	} else {
		__buffer_unlock_commit(fbuffer->buffer, fbuffer->event);
	}
	/* options/stacktrace: the call chain after each event, from the
	 * event's call site (Linux's ftrace_trace_stack, skipping this
	 * function, trace_event_raw_event_<event> and __traceiter_<event>) */
	if (READ_ONCE(global_trace.trace_flags) & TRACE_ITER_STACKTRACE)
		__trace_stack(tracepoint_irqflags(fbuffer->flags), 4);
	if (tt)
		event_triggers_post_call(call, tt);
out:
	local_irq_restore(fbuffer->flags);
}

/* ---- Helpers of the generated events (include/trace/trace_events.h) ---- */

int trace_raw_output_prep(struct trace_iterator *iter, struct trace_event *event)
{
	struct trace_event_call *call = container_of(event, struct trace_event_call, event);

	if (iter->ent->type != event->type)
		return TRACE_TYPE_UNHANDLED;
	trace_seq_init(&iter->tmp_seq);
	trace_seq_printf(&iter->seq, "%s: ", trace_event_name(call));
	return trace_handle_return(&iter->seq);
}

const char *trace_event_get_str(const void *entry, u32 loc)
{
	unsigned int offset = loc & 0xffff, len = loc >> 16;

	if (offset < sizeof(struct trace_entry) || offset >= TRACE_ENTRY_MAX ||
	    len > TRACE_ENTRY_MAX - offset)
		return "";
	return (const char *)entry + offset;
}

unsigned int trace_event_dynamic_array(void *entry, unsigned int offset, u32 *loc,
				       unsigned int len)
{
	unsigned int room = offset < TRACE_ENTRY_MAX - 1 ? TRACE_ENTRY_MAX - 1 - offset : 0;

	if (len > room)
		len = room;
	*loc = (len << 16) | offset;
	return offset + len;
}

unsigned int trace_event_assign_str(void *entry, unsigned int offset, u32 *loc, const char *src)
{
	/* the last byte of a record is its reader's NUL */
	unsigned int room = offset < TRACE_ENTRY_MAX - 1 ? TRACE_ENTRY_MAX - 1 - offset : 0;
	unsigned int len = 0;

	if (!src)
		src = "(null)";
	if (room) {
		len = min((unsigned int)strlen(src) + 1, room);
		memcpy((char *)entry + offset, src, len - 1);
		((char *)entry)[offset + len - 1] = '\0';
	}
	*loc = (len << 16) | offset;
	return offset + len;
}

/* ---- set_event_pid ---- */

/* The pids events are recorded for (Linux's struct trace_pid_list): a
 * bitmap; NULL for every pid. Replaced whole under event_mutex, read by
 * probes with IRQs off. */
struct trace_pid_list {
	unsigned long pids[PID_MAX / BITS_PER_LONG];
};

static struct trace_pid_list *filtered_pids;

static bool pid_list_has(const struct trace_pid_list *list, unsigned int pid)
{
	return pid < PID_MAX && (list->pids[pid / BITS_PER_LONG] >> (pid % BITS_PER_LONG)) & 1;
}

static void pid_list_set(struct trace_pid_list *list, unsigned int pid, bool set)
{
	unsigned long bit = 1UL << (pid % BITS_PER_LONG);

	if (set)
		__atomic_or_fetch(&list->pids[pid / BITS_PER_LONG], bit, __ATOMIC_RELAXED);
	else
		__atomic_and_fetch(&list->pids[pid / BITS_PER_LONG], ~bit, __ATOMIC_RELAXED);
}

/*
 * True if set_event_pid lists pids and the current task is not one of them
 * (Linux decides per CPU at each switch, and for sched_switch and
 * sched_wakeup from the tasks they name; here it is the current task).
 */
bool trace_event_ignore_this_pid(struct trace_event_call *call)
{
	struct trace_pid_list *list = __atomic_load_n(&filtered_pids, __ATOMIC_ACQUIRE);

	return list && !pid_list_has(list, current->pid);
}

/* Mark or unmark every event PID_FILTER. CONTEXT: event_mutex held. */
static void set_pid_filter_flags(bool set)
{
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (set)
			WRITE_ONCE(call->flags, call->flags | EVENT_FILE_FL_PID_FILTER);
		else
			WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_PID_FILTER);
	}
}

/**
 * trace_event_set_pids - a write to set_event_pid (Linux's trace_pid_write)
 * @buf: pids separated by white space, NUL-terminated
 * @append: add to the pids already there (>>); otherwise they were
 *	cleared when the file was opened with O_TRUNC, as Linux does
 * RETURNS: 0, or -EINVAL for a word that is not a pid (nothing changes).
 */
int trace_event_set_pids(char *buf, bool append)
{
	struct trace_pid_list *list = kzalloc(sizeof(*list), GFP_KERNEL), *old;
	unsigned int nr_pids = 0;
	char *word;

	if (!list)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	old = filtered_pids;
	if (old && append) {
		memcpy(list, old, sizeof(*list));
		nr_pids++;
	}
	while ((word = strsep(&buf, " \t\n"))) {
		unsigned long val;

		if (!*word)
			continue;
		if (kstrtoul(word, 0, &val) || val >= PID_MAX) {
			mutex_unlock(&event_mutex);
			kfree(list);
			return -EINVAL;
		}
		pid_list_set(list, val, true);
		nr_pids++;
	}
	if (!nr_pids) {
		kfree(list);
		list = NULL;
	}
	__atomic_store_n(&filtered_pids, list, __ATOMIC_RELEASE);
	set_pid_filter_flags(list);
	mutex_unlock(&event_mutex);
	if (old) {
		tracepoint_synchronize_unregister();
		kfree(old);
	}
	return 0;
}

/* set_event_pid's text: a pid a line, lowest first. */
void trace_event_show_pids(struct trace_seq *s)
{
	unsigned int pid;

	mutex_lock(&event_mutex);
	if (filtered_pids)
		for (pid = 0; pid < PID_MAX; pid++)
			if (pid_list_has(filtered_pids, pid))
				trace_seq_printf(s, "%u\n", pid);
	mutex_unlock(&event_mutex);
}

/* options/event-fork: a listed task's children join the list, and a task
 * leaves it when it is freed (Linux's event_filter_pid_sched_process_fork/exit). */
static void event_filter_pid_sched_process_fork(void *data, struct task_struct *self,
						struct task_struct *task)
{
	struct trace_pid_list *list = __atomic_load_n(&filtered_pids, __ATOMIC_ACQUIRE);

	if (list && pid_list_has(list, self->pid) && task->pid < PID_MAX)
		pid_list_set(list, task->pid, true);
}

static void event_filter_pid_sched_process_exit(void *data, struct task_struct *task)
{
	struct trace_pid_list *list = __atomic_load_n(&filtered_pids, __ATOMIC_ACQUIRE);

	if (list && task->pid < PID_MAX)
		pid_list_set(list, task->pid, false);
}

static const struct tracepoint_func pid_fork_probe = { event_filter_pid_sched_process_fork, NULL };
static const struct tracepoint_func pid_free_probe = { event_filter_pid_sched_process_exit, NULL };

/* CONTEXT: event_mutex held. */
void trace_event_follow_fork(bool enable)
{
	if (enable) {
		tracepoint_probe_register(&__tracepoint_sched_process_fork, &pid_fork_probe);
		tracepoint_probe_register(&__tracepoint_sched_process_free, &pid_free_probe);
	} else {
		tracepoint_probe_unregister(&__tracepoint_sched_process_fork, &pid_fork_probe);
		tracepoint_probe_unregister(&__tracepoint_sched_process_free, &pid_free_probe);
	}
}
