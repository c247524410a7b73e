/*
 * The syscalls:sys_enter_<name> and sys_exit_<name> events, one pair per
 * syscall of the table (Linux 4.19's kernel/trace/trace_syscalls.c). Their
 * metadata (name, argument types and names) is generated at build time by
 * tools/gen_syscall_meta.py from the syscall table and the prototypes in
 * <linux/syscalls.h>, where Linux takes it from SYSCALL_DEFINEx. Their
 * probes sit on the raw_syscalls tracepoints sys_enter and sys_exit.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <trace/events/raw_syscalls.h>
#include "trace.h"

/* What a syscall event knows of its syscall (Linux's struct syscall_metadata). */
struct syscall_metadata {
	const char *name;          /* "sys_read" */
	int nb_args;
	const char *const *types;  /* as written in the prototype, __user dropped */
	const char *const *args;
	struct trace_event_call *enter_event;
	struct trace_event_call *exit_event;
};

/* The records (Linux's). */
struct syscall_trace_enter {
	struct trace_entry ent;
	int nr;
	unsigned long args[];
};

struct syscall_trace_exit {
	struct trace_entry ent;
	int nr;
	long ret;
};

static enum print_line_t print_syscall_enter(struct trace_iterator *iter, int flags,
					     struct trace_event *event);
static enum print_line_t print_syscall_exit(struct trace_iterator *iter, int flags,
					    struct trace_event *event);
static int syscall_enter_define_fields(struct trace_event_call *call);
static int syscall_exit_define_fields(struct trace_event_call *call);
static int syscall_enter_register(struct trace_event_call *call, int enable);
static int syscall_exit_register(struct trace_event_call *call, int enable);

static struct trace_event_functions enter_syscall_print_funcs = { .trace = print_syscall_enter };
static struct trace_event_functions exit_syscall_print_funcs = { .trace = print_syscall_exit };

/* __MAP(n, m, t1, a1, t2, a2, ...): m(t1, a1), m(t2, a2), ... (Linux's). */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

/* The type as text once __user is expanded away, as Linux's format shows it. */
#define __SC_STR_TDECL(t, a) __stringify(t)
#define __SC_STR_ADECL(t, a) #a

/* __JOIN(n, m, sep, t1, a1, t2, a2, ...): m(t1, a1) sep m(t2, a2) ..., one
 * string literal when m() and sep are string literals. */
#define __JOIN0(m, s, ...) ""
#define __JOIN1(m, s, t, a, ...) m(t, a)
#define __JOIN2(m, s, t, a, ...) m(t, a) s __JOIN1(m, s, __VA_ARGS__)
#define __JOIN3(m, s, t, a, ...) m(t, a) s __JOIN2(m, s, __VA_ARGS__)
#define __JOIN4(m, s, t, a, ...) m(t, a) s __JOIN3(m, s, __VA_ARGS__)
#define __JOIN5(m, s, t, a, ...) m(t, a) s __JOIN4(m, s, __VA_ARGS__)
#define __JOIN6(m, s, t, a, ...) m(t, a) s __JOIN5(m, s, __VA_ARGS__)
#define __JOIN(n, ...) __JOIN##n(__VA_ARGS__)

/* The enter event's print fmt, "\"fd: 0x%04lx, ...\", ((unsigned long)(REC->fd)), ...",
 * with %0<sizeof(unsigned long)>lx: what Linux's __set_enter_print_fmt
 * writes at boot with snprintf, written here by the preprocessor (at boot
 * it cost a million instructions for the table's syscalls). */
#define __SC_PRINT_FMT_ARG(t, a) #a ": 0x%0" __stringify(__SIZEOF_LONG__) "lx"
#define __SC_PRINT_FMT_REC(t, a) ", ((unsigned long)(REC->" #a "))"
#define SYSCALL_ENTER_PRINT_FMT(nb, ...)                                  \
	"\"" __JOIN(nb, __SC_PRINT_FMT_ARG, ", ", __VA_ARGS__) "\"" \
	__JOIN(nb, __SC_PRINT_FMT_REC, "", __VA_ARGS__)

/* One syscall's metadata and its two events, each with a class of its own
 * for its own fields (Linux shares a class and keeps the fields in the
 * metadata). */
#define SYSCALL_METADATA(sname, nb, ...)                                                \
	static const char *const types_##sname[] = { __MAP(nb, __SC_STR_TDECL, __VA_ARGS__) }; \
	static const char *const args_##sname[] = { __MAP(nb, __SC_STR_ADECL, __VA_ARGS__) };  \
	static struct trace_event_call event_enter_##sname, event_exit_##sname;         \
	static struct syscall_metadata __syscall_meta_##sname = {                       \
		.name = "sys_" #sname,                                                  \
		.nb_args = nb,                                                          \
		.types = types_##sname,                                                 \
		.args = args_##sname,                                                   \
		.enter_event = &event_enter_##sname,                                    \
		.exit_event = &event_exit_##sname,                                      \
	};                                                                              \
	static struct trace_event_class event_class_enter_##sname = {                   \
		.system = "syscalls",                                                   \
		.define_fields = syscall_enter_define_fields,                           \
		.reg = syscall_enter_register,                                          \
	};                                                                              \
	static struct trace_event_class event_class_exit_##sname = {                    \
		.system = "syscalls",                                                   \
		.define_fields = syscall_exit_define_fields,                            \
		.reg = syscall_exit_register,                                           \
	};                                                                              \
	static struct trace_event_call event_enter_##sname = {                          \
		.class = &event_class_enter_##sname,                                    \
		.name = "sys_enter_" #sname,                                            \
		.event.funcs = &enter_syscall_print_funcs,                              \
		.print_fmt = SYSCALL_ENTER_PRINT_FMT(nb, __VA_ARGS__),                  \
		.data = &__syscall_meta_##sname,                                        \
	};                                                                              \
	static struct trace_event_call event_exit_##sname = {                           \
		.class = &event_class_exit_##sname,                                     \
		.name = "sys_exit_" #sname,                                             \
		.event.funcs = &exit_syscall_print_funcs,                               \
		.print_fmt = "\"0x%lx\", REC->ret",                                     \
		.data = &__syscall_meta_##sname,                                        \
	};
#define SYSCALL_NR(nr, sname)
#include "syscall_meta.h"
#undef SYSCALL_METADATA
#undef SYSCALL_NR

/* Each syscall's metadata, once, in table order. */
#define SYSCALL_METADATA(sname, nb, ...) &__syscall_meta_##sname,
#define SYSCALL_NR(nr, sname)
static struct syscall_metadata *const syscalls_list[] = {
#include "syscall_meta.h"
};
#undef SYSCALL_METADATA
#undef SYSCALL_NR

/* The metadata of each syscall number, or NULL (Linux's syscalls_metadata). */
#define SYSCALL_METADATA(sname, nb, ...)
#define SYSCALL_NR(nr, sname) [nr] = &__syscall_meta_##sname,
static struct syscall_metadata *const syscalls_metadata[NR_syscalls] = {
#include "syscall_meta.h"
};
#undef SYSCALL_METADATA
#undef SYSCALL_NR

static struct syscall_metadata *syscall_nr_to_meta(int nr)
{
	if (nr < 0 || nr >= NR_syscalls)
		return NULL;
	return syscalls_metadata[nr];
}

/* ---- Output ---- */

/* "sys_read(fd: 3, buf: 7ebd3b58, count: 200)"; with options/verbose
 * each value is preceded by its type (Linux's print_syscall_enter). */
static enum print_line_t print_syscall_enter(struct trace_iterator *iter, int flags,
					     struct trace_event *event)
{
	struct syscall_trace_enter *trace = (void *)iter->ent;
	struct trace_seq *s = &iter->seq;
	struct syscall_metadata *entry = syscall_nr_to_meta(trace->nr);
	int i;

	if (!entry || entry->enter_event->event.type != iter->ent->type)
		goto end;
	trace_seq_printf(s, "%s(", entry->name);
	for (i = 0; i < entry->nb_args; i++) {
		if (trace_seq_has_overflowed(s))
			goto end;
		if (READ_ONCE(iter->tr->trace_flags) & TRACE_ITER_VERBOSE)
			trace_seq_printf(s, "%s ", entry->types[i]);
		trace_seq_printf(s, "%s: %lx%s", entry->args[i], trace->args[i],
				 i == entry->nb_args - 1 ? "" : ", ");
	}
	trace_seq_putc(s, ')');
end:
	trace_seq_putc(s, '\n');
	return trace_handle_return(s);
}

/* "sys_read -> 0x200" (Linux's print_syscall_exit). */
static enum print_line_t print_syscall_exit(struct trace_iterator *iter, int flags,
					    struct trace_event *event)
{
	struct syscall_trace_exit *trace = (void *)iter->ent;
	struct trace_seq *s = &iter->seq;
	struct syscall_metadata *entry = syscall_nr_to_meta(trace->nr);

	if (!entry) {
		trace_seq_putc(s, '\n');
		return trace_handle_return(s);
	}
	if (entry->exit_event->event.type != iter->ent->type)
		return TRACE_TYPE_UNHANDLED;
	trace_seq_printf(s, "%s -> 0x%lx\n", entry->name, trace->ret);
	return trace_handle_return(s);
}

/* ---- Fields and print_fmt ---- */

static int syscall_enter_define_fields(struct trace_event_call *call)
{
	struct syscall_metadata *meta = call->data;
	int offset = offsetof(struct syscall_trace_enter, args), ret, i;

	ret = trace_define_field(call, "int", "__syscall_nr",
				 offsetof(struct syscall_trace_enter, nr), sizeof(int), 1,
				 FILTER_OTHER);
	for (i = 0; !ret && i < meta->nb_args; i++) {
		ret = trace_define_field(call, meta->types[i], meta->args[i], offset,
					 sizeof(unsigned long), 0, FILTER_OTHER);
		offset += sizeof(unsigned long);
	}
	return ret;
}

static int syscall_exit_define_fields(struct trace_event_call *call)
{
	int ret = trace_define_field(call, "int", "__syscall_nr",
				     offsetof(struct syscall_trace_exit, nr), sizeof(int), 1,
				     FILTER_OTHER);

	return ret ?: trace_define_field(call, "long", "ret",
					 offsetof(struct syscall_trace_exit, ret), sizeof(long),
					 1, FILTER_OTHER);
}

/* ---- Recording ---- */

/* The enabled syscall events by number (Linux's tr->enter_syscall_files). */
static struct trace_event_call *enter_syscall_files[NR_syscalls];
static struct trace_event_call *exit_syscall_files[NR_syscalls];
static int sys_refcount_enter, sys_refcount_exit;

static void ftrace_syscall_enter(void *data, struct pt_regs *regs, long id)
{
	struct syscall_metadata *sys_data;
	struct trace_event_call *call;
	struct trace_event_buffer fbuffer;
	struct syscall_trace_enter *entry;

	if (id < 0 || id >= NR_syscalls)
		return;
	call = READ_ONCE(enter_syscall_files[id]);
	if (!call || trace_trigger_soft_disabled(call))
		return;
	sys_data = call->data;
	entry = trace_event_buffer_reserve(&fbuffer, call,
					   sizeof(*entry) + sizeof(unsigned long) * sys_data->nb_args);
	if (!entry)
		return;
	entry->nr = id;
	syscall_get_arguments(current, regs, 0, sys_data->nb_args, entry->args);
	trace_event_buffer_commit(&fbuffer);
}

static void ftrace_syscall_exit(void *data, struct pt_regs *regs, long ret)
{
	struct trace_event_call *call;
	struct trace_event_buffer fbuffer;
	struct syscall_trace_exit *entry;
	int nr = syscall_get_nr(current, regs);

	if (nr < 0 || nr >= NR_syscalls)
		return;
	call = READ_ONCE(exit_syscall_files[nr]);
	if (!call || trace_trigger_soft_disabled(call))
		return;
	entry = trace_event_buffer_reserve(&fbuffer, call, sizeof(*entry));
	if (!entry)
		return;
	entry->nr = nr;
	entry->ret = ret;
	trace_event_buffer_commit(&fbuffer);
}

static const struct tracepoint_func syscall_enter_probe = { ftrace_syscall_enter, NULL };
static const struct tracepoint_func syscall_exit_probe = { ftrace_syscall_exit, NULL };

/* Every number served by @call's syscall gets (or loses) the event. */
static void set_syscall_files(struct trace_event_call **files, struct trace_event_call *call,
			      bool enter, bool set)
{
	int nr;

	for (nr = 0; nr < NR_syscalls; nr++) {
		struct syscall_metadata *meta = syscalls_metadata[nr];

		if (meta && (enter ? meta->enter_event : meta->exit_event) == call)
			WRITE_ONCE(files[nr], set ? call : NULL);
	}
}

/* Linux's reg_event_syscall_enter/unreg_event_syscall_enter: the first
 * enabled syscall event puts the probe on sys_enter. CONTEXT: event_mutex held. */
static int syscall_enter_register(struct trace_event_call *call, int enable)
{
	int ret = 0;

	if (enable) {
		if (!sys_refcount_enter)
			ret = tracepoint_probe_register(&__tracepoint_sys_enter,
							&syscall_enter_probe);
		if (!ret) {
			set_syscall_files(enter_syscall_files, call, true, true);
			sys_refcount_enter++;
		}
		return ret;
	}
	sys_refcount_enter--;
	set_syscall_files(enter_syscall_files, call, true, false);
	if (!sys_refcount_enter)
		tracepoint_probe_unregister(&__tracepoint_sys_enter, &syscall_enter_probe);
	return 0;
}

static int syscall_exit_register(struct trace_event_call *call, int enable)
{
	int ret = 0;

	if (enable) {
		if (!sys_refcount_exit)
			ret = tracepoint_probe_register(&__tracepoint_sys_exit,
							&syscall_exit_probe);
		if (!ret) {
			set_syscall_files(exit_syscall_files, call, false, true);
			sys_refcount_exit++;
		}
		return ret;
	}
	sys_refcount_exit--;
	set_syscall_files(exit_syscall_files, call, false, false);
	if (!sys_refcount_exit)
		tracepoint_probe_unregister(&__tracepoint_sys_exit, &syscall_exit_probe);
	return 0;
}

/**
 * init_ftrace_syscalls - add the two events of each syscall of the table,
 * sys_enter_<name> then sys_exit_<name> (Linux's init_ftrace_syscalls and
 * init_syscall_trace). CONTEXT: boot. RETURNS: 0, -ENOSPC or -ENOMEM.
 */
int init_ftrace_syscalls(void)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; !ret && i < ARRAY_SIZE(syscalls_list); i++) {
		struct syscall_metadata *meta = syscalls_list[i];

		ret = trace_add_event_call(meta->enter_event);
		ret = ret ?: trace_add_event_call(meta->exit_event);
	}
	return ret;
}
