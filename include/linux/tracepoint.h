/*
 * Tracepoints (Linux's include/linux/tracepoint.h): a named hook at a step
 * of the kernel, trace_<name>(args), that calls the probes registered on
 * it. With none registered, the call site costs a load and a branch.
 *
 * Linux keeps the probes in an RCU-protected array it replaces on each
 * change. Here a tracepoint has TRACEPOINT_MAX_PROBES slots, each a pointer
 * to a static struct tracepoint_func written in one store: a caller on
 * another CPU sees a probe either whole or not at all, and nothing is ever
 * freed, so no grace period is needed.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/types.h>

#define TRACEPOINT_MAX_PROBES 4

/* A probe: func(data, the tracepoint's arguments...). */
struct tracepoint_func {
	void *func;
	void *data;
};

struct tracepoint {
	const char *name;
	int key;                 /* probes registered: what the call site tests */
	void (*regfunc)(void);   /* called before the first probe is added */
	void (*unregfunc)(void); /* called after the last one is removed */
	const struct tracepoint_func *funcs[TRACEPOINT_MAX_PROBES];
};

/*
 * Add or remove @probe (static storage) on @tp. CONTEXT: process context;
 * callers serialise (event_mutex).
 * RETURNS: 0; -EEXIST if it is there already / -ENOENT if it is not;
 * -ENOSPC if every slot is taken.
 */
int tracepoint_probe_register(struct tracepoint *tp, const struct tracepoint_func *probe);
int tracepoint_probe_unregister(struct tracepoint *tp, const struct tracepoint_func *probe);

/*
 * Wait until no probe that may have seen what was just removed (a probe, a
 * filter, a trigger) is still running (Linux's, a synchronize_sched()):
 * probes run with IRQs off, so once every other CPU has taken an IPI, they
 * are done. CONTEXT: process context, IRQs on.
 */
void tracepoint_synchronize_unregister(void);

/*
 * Around the probes of a tracepoint: mask IRQs, and remember the state
 * they had, which the records' irqs-off column shows (tracepoint_irqflags).
 * IRQs are off while probes run; a tracepoint hit by a probe itself (a
 * printk in it: printk:console) is dropped, as Linux's ring buffer drops
 * recursive events (trace_recursive_lock).
 * RETURNS: false (IRQs as they were) if this CPU is running probes already.
 */
bool tracepoint_enter(unsigned long *flags);
void tracepoint_exit(unsigned long flags);
/* The IRQ state of the code that hit the tracepoint whose probes run on
 * this CPU, or @flags outside them. */
unsigned long tracepoint_irqflags(unsigned long flags);

/* The regfunc/unregfunc of sys_enter and sys_exit: mark every task
 * TIF_SYSCALL_TRACEPOINT, so that syscalls take the traced path in
 * entry-common.S (Linux's syscall_regfunc). CONTEXT: event_mutex held. */
void syscall_regfunc(void);
void syscall_unregfunc(void);

#define PARAMS(args...) args
#define TP_PROTO(args...) args
#define TP_ARGS(args...) args

#endif /* _LINUX_TRACEPOINT_H */

/*
 * Outside the include guard, as in Linux: a file that defines
 * CREATE_TRACE_POINTS and includes two event headers gets these back for
 * the second one. The first reading of an event header only declares the
 * tracepoints; include/trace/define_trace.h then defines them.
 */
#ifndef DECLARE_TRACE

#define __DECLARE_TRACE(name, proto, args)                                      \
	extern struct tracepoint __tracepoint_##name;                           \
	void __traceiter_##name(proto);                                         \
	static inline void trace_##name(proto)                                  \
	{                                                                       \
		if (unlikely(READ_ONCE(__tracepoint_##name.key)))               \
			__traceiter_##name(args);                               \
	}                                                                       \
	static inline bool trace_##name##_enabled(void)                         \
	{                                                                       \
		return unlikely(READ_ONCE(__tracepoint_##name.key));            \
	}

#define DECLARE_TRACE(name, proto, args) __DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))

/* The tracepoint and the out-of-line loop over its probes, with IRQs off
 * (Linux runs them with preemption off) for tracepoint_synchronize_unregister. */
#define DEFINE_TRACE_FN(_name, reg, unreg, proto, args)                          \
	struct tracepoint __tracepoint_##_name = {                               \
		.name = #_name, .regfunc = reg, .unregfunc = unreg,              \
	};                                                                      \
	notrace void __traceiter_##_name(proto)                                  \
	{                                                                       \
		unsigned long __flags;                                          \
		unsigned int __i;                                               \
                                                                                \
		if (!tracepoint_enter(&__flags))                                \
			return;                                                 \
		for (__i = 0; __i < TRACEPOINT_MAX_PROBES; __i++) {             \
			const struct tracepoint_func *__p =                     \
				READ_ONCE(__tracepoint_##_name.funcs[__i]);      \
			if (__p)                                                \
				((void (*)(void *, proto))__p->func)(__p->data, args); \
		}                                                               \
		tracepoint_exit(__flags);                                       \
	}
#define DEFINE_TRACE(name, proto, args) DEFINE_TRACE_FN(name, NULL, NULL, PARAMS(proto), PARAMS(args))

/* Each event also declares its trace_event_call, for the event table. */
struct trace_event_call;
#define TRACE_EVENT(name, proto, args, tstruct, assign, print) \
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))     \
	extern struct trace_event_call event_##name;
#define TRACE_EVENT_FN(name, proto, args, tstruct, assign, print, reg, unreg) \
	TRACE_EVENT(name, PARAMS(proto), PARAMS(args), PARAMS(tstruct), PARAMS(assign), PARAMS(print))
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#define DEFINE_EVENT(template, name, proto, args)             \
	DECLARE_TRACE(name, PARAMS(proto), PARAMS(args))     \
	extern struct trace_event_call event_##name;

#endif /* DECLARE_TRACE */
