/* Saving the current call chain as an array of return addresses, for the
 * tracer's <stack trace> records (Linux's include/linux/stacktrace.h). */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

#include <linux/types.h>

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

#endif
