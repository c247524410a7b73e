/* Saving the current call chain as an array of return addresses, for the
 * tracer's <stack trace> records (Linux's include/linux/stacktrace.h). */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

#include <linux/types.h>

struct task_struct;

struct stack_trace {
	unsigned int nr_entries, max_entries;
	unsigned long *entries;
	int skip; /* input argument: how many entries to skip */
};

/*
 * save_stack_trace - the return addresses of the current call chain,
 * innermost first, starting trace->skip entries above the caller of
 * save_stack_trace(); when an entry is in the exception entry code, the
 * saved pt_regs' pc follows it. Ends with ULONG_MAX if there is room.
 */
void save_stack_trace(struct stack_trace *trace);

/*
 * save_stack_trace_tsk - as save_stack_trace() for @tsk, without the
 * scheduler's own functions (__sched): current's chain, or the one another
 * task went to sleep with. A task running or runnable on another CPU gets
 * only the end mark, as any other task does from Linux 4.19 on SMP.
 * CONTEXT: @tsk pinned (a reference or tasklist_lock).
 */
void save_stack_trace_tsk(struct task_struct *tsk, struct stack_trace *trace);

#endif
