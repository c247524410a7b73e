/* The raw_syscalls events' fields (Linux's include/trace/events/raw_syscalls.h).
 * sys_enter fires before the syscall table dispatch, sys_exit after it. */
#ifndef _TRACE_EVENTS_RAW_SYSCALLS_H
#define _TRACE_EVENTS_RAW_SYSCALLS_H

#include <linux/trace_events.h>

struct trace_event_raw_sys_enter {
	s32 id;      /* long on ARM */
	u32 args[6]; /* unsigned long on ARM: r0-r5 */
};

struct trace_event_raw_sys_exit {
	s32 id;
	s32 ret;
};

extern struct trace_event_call event_sys_enter;
extern struct trace_event_call event_sys_exit;


/* The tracepoints: a disabled event costs a load and a branch at the call
 * site; the fields are filled out of line in kernel/trace/trace_points.c
 * (Linux's TP_fast_assign). */
struct pt_regs;
void __trace_sys_enter(struct pt_regs *regs, long id);
void __trace_sys_exit(struct pt_regs *regs, long ret);
static inline void trace_sys_enter(struct pt_regs *regs, long id)
{
	if (unlikely(event_sys_enter.enabled))
		__trace_sys_enter(regs, id);
}
static inline void trace_sys_exit(struct pt_regs *regs, long ret)
{
	if (unlikely(event_sys_exit.enabled))
		__trace_sys_exit(regs, ret);
}

#endif
