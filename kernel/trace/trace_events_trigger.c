/*
 * Event triggers: what an event does when it fires, set in its `trigger`
 * file (Linux 4.19's kernel/trace/trace_events_trigger.c):
 *
 *   traceon[:N] [if filter]        turn tracing on
 *   traceoff[:N] [if filter]       turn it off
 *   stacktrace[:N] [if filter]     record the call chain after the event
 *   enable_event:sys:event[:N] [if filter]   arm another event
 *   disable_event:sys:event[:N] [if filter]  disarm it
 *
 * N counts how many more times it fires; "!" before a trigger removes it.
 * An event with triggers keeps its probe registered (soft mode) even while
 * its enable file is 0. The trigger list is changed under event_mutex and
 * read by probes with IRQs off; a removed trigger is freed after
 * tracepoint_synchronize_unregister().
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace.h>
#include "trace.h"

/* Which triggers must run after the record is in the buffer (Linux's
 * enum event_trigger_type): their output follows the event's line. */
enum event_trigger_type {
	ETT_NONE = 0,
	ETT_TRACE_ONOFF = 1 << 0,
	ETT_STACKTRACE = 1 << 2,
	ETT_EVENT_ENABLE = 1 << 3,
};

struct event_command;

/* One trigger on one event (Linux's struct event_trigger_data). */
struct event_trigger_data {
	struct event_trigger_data *next;   /* the event's list, newest first */
	const struct event_command *cmd_ops;
	long count;                         /* fires left, -1 for unlimited */
	struct event_filter *filter;        /* "if ...", or NULL */
	char *filter_str;
	struct trace_event_call *call;      /* the event it is on */
	/* enable_event/disable_event: the event it arms or disarms */
	struct trace_event_call *target;
	bool enable;
	bool armed; /* holds a soft-mode reference on target */
};

/* A trigger command (Linux's struct event_command with its trigger ops
 * folded in). */
struct event_command {
	const char *name;
	enum event_trigger_type trigger_type;
	bool post_trigger; /* EVENT_CMD_FL_POST_TRIGGER: runs after the record */
	void (*func)(struct event_trigger_data *data);
};

/* ---- What each trigger does ---- */

/* Fire unless the count is used up; a fire takes one off the count. */
static bool trigger_count_take(struct event_trigger_data *data)
{
	if (!data->count)
		return false;
	if (data->count != -1)
		data->count--;
	return true;
}

static void traceon_trigger(struct event_trigger_data *data)
{
	if (tracing_is_on() || !trigger_count_take(data))
		return;
	tracing_on();
}

static void traceoff_trigger(struct event_trigger_data *data)
{
	if (!tracing_is_on() || !trigger_count_take(data))
		return;
	tracing_off();
}

/*
 * The frames between the event's call site and the stack recorder, left
 * out of the <stack trace> as Linux's STACK_SKIP leaves them out:
 * stacktrace_trigger, event_triggers_post_call, trace_event_buffer_commit,
 * trace_event_raw_event_<event> and (ours is out of line) __traceiter_<event>.
 */
#define STACK_SKIP 6

static void stacktrace_trigger(struct event_trigger_data *data)
{
	unsigned long flags;

	if (!trigger_count_take(data))
		return;
	local_save_flags(flags);
	__trace_stack(flags, STACK_SKIP);
}

/* Arm or disarm the target; with a count, only a change of state counts. */
static void event_enable_trigger(struct event_trigger_data *data)
{
	struct trace_event_call *target = data->target;
	unsigned int flags = READ_ONCE(target->flags);

	if (data->enable == !(flags & EVENT_FILE_FL_SOFT_DISABLED))
		return;
	if (!trigger_count_take(data))
		return;
	if (data->enable)
		__atomic_and_fetch(&target->flags, ~EVENT_FILE_FL_SOFT_DISABLED, __ATOMIC_RELAXED);
	else
		__atomic_or_fetch(&target->flags, EVENT_FILE_FL_SOFT_DISABLED, __ATOMIC_RELAXED);
}

/* In Linux's registration order, which `trigger` lists when it is empty. */
static const struct event_command trigger_commands[] = {
	{ "traceon", ETT_TRACE_ONOFF, false, traceon_trigger },
	{ "traceoff", ETT_TRACE_ONOFF, false, traceoff_trigger },
	{ "stacktrace", ETT_STACKTRACE, true, stacktrace_trigger },
	{ "enable_event", ETT_EVENT_ENABLE, false, event_enable_trigger },
	{ "disable_event", ETT_EVENT_ENABLE, false, event_enable_trigger },
};

/* ---- Running them ---- */

unsigned int event_triggers_call(struct trace_event_call *call, void *rec)
{
	struct event_trigger_data *data;
	unsigned int tt = ETT_NONE;

	for (data = __atomic_load_n(&call->triggers, __ATOMIC_ACQUIRE); data;
	     data = __atomic_load_n(&data->next, __ATOMIC_ACQUIRE)) {
		if (!rec) {
			data->cmd_ops->func(data);
			continue;
		}
		if (data->filter && !filter_match_preds(data->filter, rec))
			continue;
		if (data->cmd_ops->post_trigger) {
			tt |= data->cmd_ops->trigger_type;
			continue;
		}
		data->cmd_ops->func(data);
	}
	return tt;
}

/* The post triggers that matched the record (Linux's event_triggers_post_call). */
noinline void event_triggers_post_call(struct trace_event_call *call, unsigned int tt)
{
	struct event_trigger_data *data;

	for (data = __atomic_load_n(&call->triggers, __ATOMIC_ACQUIRE); data;
	     data = __atomic_load_n(&data->next, __ATOMIC_ACQUIRE))
		if (data->cmd_ops->trigger_type & tt)
			data->cmd_ops->func(data);
}

/* ---- Adding and removing them (event_mutex held) ---- */

/* TRIGGER_COND if a trigger needs the record: a filter, or it runs after it. */
static void update_cond_flag(struct trace_event_call *call)
{
	struct event_trigger_data *data;
	bool cond = false;

	for (data = call->triggers; data; data = data->next)
		if (data->filter || data->cmd_ops->post_trigger)
			cond = true;
	if (cond)
		WRITE_ONCE(call->flags, call->flags | EVENT_FILE_FL_TRIGGER_COND);
	else
		WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_TRIGGER_COND);
}

/* The first trigger keeps the event's probe on (soft mode), the last one
 * off lets it go (Linux's trace_event_trigger_enable_disable). */
static int trace_event_trigger_enable_disable(struct trace_event_call *call, int enable)
{
	int ret = 0;

	if (enable) {
		if (call->triggers && call->triggers->next)
			return 0;
		WRITE_ONCE(call->flags, call->flags | EVENT_FILE_FL_TRIGGER_MODE);
		ret = __ftrace_event_enable_disable(call, 1, 1);
		if (ret)
			WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_TRIGGER_MODE);
		return ret;
	}
	if (call->triggers)
		return 0;
	WRITE_ONCE(call->flags, call->flags & ~EVENT_FILE_FL_TRIGGER_MODE);
	return __ftrace_event_enable_disable(call, 0, 1);
}

/* The same kind of trigger as @data already on @call: the same command
 * type, and for enable/disable_event the same target. */
static struct event_trigger_data **find_trigger(struct trace_event_call *call,
						const struct event_trigger_data *data)
{
	struct event_trigger_data **p;

	for (p = &call->triggers; *p; p = &(*p)->next)
		if ((*p)->cmd_ops->trigger_type == data->cmd_ops->trigger_type &&
		    (*p)->target == data->target)
			return p;
	return NULL;
}

static void trigger_data_free(struct event_trigger_data *data)
{
	if (data->armed)
		__ftrace_event_enable_disable(data->target, 0, 1);
	free_event_filter(data->filter);
	kfree(data->filter_str);
	kfree(data);
}

/* RETURNS: 0, or -EEXIST if the same trigger is there. */
static int register_trigger(struct trace_event_call *call, struct event_trigger_data *data)
{
	int ret;

	if (find_trigger(call, data))
		return -EEXIST;
	data->next = call->triggers;
	__atomic_store_n(&call->triggers, data, __ATOMIC_RELEASE);
	update_cond_flag(call);
	ret = trace_event_trigger_enable_disable(call, 1);
	if (ret) {
		WRITE_ONCE(call->triggers, data->next);
		update_cond_flag(call);
	}
	return ret;
}

/* Remove the trigger like @test, if there is one (Linux: silently if not). */
static void unregister_trigger(struct trace_event_call *call, struct event_trigger_data *test)
{
	struct event_trigger_data **p = find_trigger(call, test), *data;

	if (!p)
		return;
	data = *p;
	WRITE_ONCE(*p, data->next);
	update_cond_flag(call);
	trace_event_trigger_enable_disable(call, 0);
	tracepoint_synchronize_unregister();
	trigger_data_free(data);
}

/* "if <filter>" after a trigger (Linux's set_trigger_filter), for the
 * event the trigger is on. RETURNS: 0, -EINVAL or -ENOMEM. */
static int set_trigger_filter(char *filter_str, struct event_trigger_data *data)
{
	char *s = strsep(&filter_str, " \t");
	int ret;

	if (!*s || strcmp(s, "if") || !filter_str)
		return -EINVAL;
	ret = create_event_filter(data->call, filter_str, &data->filter);
	if (ret)
		return ret;
	data->filter_str = kmalloc(strlen(filter_str) + 1, GFP_KERNEL);
	if (!data->filter_str)
		return -ENOMEM;
	strcpy(data->filter_str, filter_str);
	return 0;
}

/**
 * trigger_process_regex - one line written to @call's trigger file
 * (Linux's trigger_process_regex and event_trigger_callback)
 * @buff: "[!]command[:N] [if filter]" or "[!]enable_event:sys:event[:N] [if filter]"
 * CONTEXT: event_mutex held.
 * RETURNS: 0; -EINVAL for an unknown command, a bad count or filter, or
 * an unknown target event; -EEXIST if the trigger is there already.
 */
int trigger_process_regex(struct trace_event_call *call, char *buff)
{
	char *next = buff, *command, *param, *trigger = NULL, *number;
	const struct event_command *cmd_ops = NULL;
	struct event_trigger_data *data;
	bool remove = buff[0] == '!';
	unsigned int i;
	int ret;

	command = strsep(&next, ": \t");
	if (remove)
		command++;
	for (i = 0; i < ARRAY_SIZE(trigger_commands); i++)
		if (!strcmp(trigger_commands[i].name, command))
			cmd_ops = &trigger_commands[i];
	if (!cmd_ops)
		return -EINVAL;
	param = next;

	data = kzalloc(sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;
	data->cmd_ops = cmd_ops;
	data->count = -1;
	data->call = call;

	if (cmd_ops->trigger_type == ETT_EVENT_ENABLE) {
		/* sys:event[:N] [if filter] */
		char *system, *event;

		trigger = strsep(&param, " \t");
		ret = -EINVAL;
		if (!trigger)
			goto out_free;
		system = strsep(&trigger, ":");
		if (!trigger)
			goto out_free;
		event = strsep(&trigger, ":");
		data->target = trace_find_event_call(system, event);
		if (!data->target)
			goto out_free;
		data->enable = !strcmp(command, "enable_event");
	} else if (param && isdigit(param[0])) {
		/* N [if filter] */
		trigger = strsep(&param, " \t");
	}

	if (remove) {
		unregister_trigger(call, data);
		kfree(data);
		return 0;
	}

	ret = -EINVAL;
	if (trigger) {
		unsigned long count;

		number = strsep(&trigger, ":");
		if (!*number || kstrtoul(number, 0, &count))
			goto out_free;
		data->count = count;
	}
	if (param) { /* what follows must be a filter, "" included (Linux's) */
		ret = set_trigger_filter(param, data);
		if (ret)
			goto out_free;
	}
	if (data->target) {
		/* keep the target's probe on, disarmed, while the trigger is there */
		ret = __ftrace_event_enable_disable(data->target, 1, 1);
		if (ret)
			goto out_free;
		data->armed = true;
	}
	ret = register_trigger(call, data);
	if (ret)
		goto out_free;
	return 0;
out_free:
	trigger_data_free(data);
	return ret;
}

/* The trigger file's text (Linux's trigger_show and event_trigger_print). */
void trigger_show(struct trace_event_call *call, struct trace_seq *s)
{
	struct event_trigger_data *data;
	unsigned int i;

	if (!call->triggers) {
		trace_seq_puts(s, "# Available triggers:\n#");
		for (i = 0; i < ARRAY_SIZE(trigger_commands); i++)
			trace_seq_printf(s, " %s", trigger_commands[i].name);
		trace_seq_putc(s, '\n');
		return;
	}
	for (data = call->triggers; data; data = data->next) {
		if (data->target)
			trace_seq_printf(s, "%s:%s:%s", data->enable ? "enable_event" : "disable_event",
					 data->target->class->system, trace_event_name(data->target));
		else
			trace_seq_puts(s, data->cmd_ops->name);
		if (data->count == -1)
			trace_seq_puts(s, ":unlimited");
		else
			trace_seq_printf(s, ":count=%ld", data->count);
		if (data->filter_str)
			trace_seq_printf(s, " if %s\n", data->filter_str);
		else
			trace_seq_putc(s, '\n');
	}
}

/*
 * trace_trigger=sched_switch.stacktrace if prev_state == 2,...: triggers
 * to set at boot, each "<event>.<trigger>" (Linux 6.2's boot option; the
 * event is named without its system).
 */
char bootup_trigger_buf[COMMAND_LINE_SIZE];

void trace_apply_boot_triggers(void)
{
	char *buf = bootup_trigger_buf, *item;

	mutex_lock(&event_mutex);
	while ((item = strsep(&buf, ","))) {
		char *dot = strchr(item, '.');
		unsigned int i;

		if (!dot)
			continue;
		*dot = '\0';
		for (i = 0; i < nr_ftrace_events; i++)
			if (!strcmp(ftrace_events[i]->name, item) &&
			    trigger_process_regex(ftrace_events[i], dot + 1))
				printk(KERN_WARNING "Failed to add trigger: %s\n", dot + 1);
	}
	mutex_unlock(&event_mutex);
}
