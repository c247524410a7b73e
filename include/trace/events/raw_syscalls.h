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

#endif
