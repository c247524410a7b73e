/* The raw_syscalls events (Linux 4.19's include/trace/events/syscalls.h,
 * system raw_syscalls): sys_enter before the syscall table dispatch,
 * sys_exit after it. Their tracepoints also carry the syscalls:sys_enter_*
 * and sys_exit_* events (kernel/trace/trace_syscalls.c). Any probe on them
 * marks every task TIF_SYSCALL_TRACEPOINT (syscall_regfunc), so syscalls
 * take the slow path that calls them. kernel/trace/events_raw_syscalls.c
 * makes them. */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM raw_syscalls

#if !defined(_TRACE_EVENTS_SYSCALLS_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_EVENTS_SYSCALLS_H

#include <linux/tracepoint.h>

struct pt_regs;

#ifdef CREATE_TRACE_POINTS
#include <asm/syscall.h>
#endif

TRACE_EVENT_FN(sys_enter,

	TP_PROTO(struct pt_regs *regs, long id),

	TP_ARGS(regs, id),

	TP_STRUCT__entry(
		__field(	long,		id		)
		__array(	unsigned long,	args,	6	)
	),

	TP_fast_assign(
		__entry->id	= id;
		syscall_get_arguments(current, regs, 0, 6, __entry->args);
	),

	TP_printk("NR %ld (%lx, %lx, %lx, %lx, %lx, %lx)",
		  __entry->id,
		  __entry->args[0], __entry->args[1], __entry->args[2],
		  __entry->args[3], __entry->args[4], __entry->args[5]),

	syscall_regfunc, syscall_unregfunc
);

TRACE_EVENT_FN(sys_exit,

	TP_PROTO(struct pt_regs *regs, long ret),

	TP_ARGS(regs, ret),

	TP_STRUCT__entry(
		__field(	long,	id	)
		__field(	long,	ret	)
	),

	TP_fast_assign(
		__entry->id	= syscall_get_nr(current, regs);
		__entry->ret	= ret;
	),

	TP_printk("NR %ld = %ld",
		  __entry->id, __entry->ret),

	syscall_regfunc, syscall_unregfunc
);

#endif /* _TRACE_EVENTS_SYSCALLS_H */

/* This part must be outside protection */
#include <trace/define_trace.h>
