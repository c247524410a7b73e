/* The kernel's use of the tracer (Linux's include/linux/kernel.h tracing
 * calls and kernel/trace/trace.c): set-up at boot and dumping the buffer
 * to the console. */
#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H

#include <linux/init.h>
#include <linux/trace_events.h>

/* Allocate the per-CPU rings (trace_buf_size= bytes each) and enable the
 * events named by trace_event=. */
void trace_boot_init(void);
/* 1 until trace_boot_init() has its rings: tracefs is then empty, as
 * Linux's tracing_init_dentry() refuses (kernel/trace/trace.c). */
extern int tracing_disabled;
/* Print the whole buffer on the console, every CPU (DUMP_ALL) or this
 * CPU only (DUMP_ORIG), as Linux's ftrace_dump does after an oops. */
void ftrace_dump(enum ftrace_dump_mode oops_dump_mode);

/*
 * Put the current call chain in the trace buffer as a <stack trace> record
 * (Linux's; for the `stacktrace` trigger, options/stacktrace and
 * func_stack_trace). trace_dump_stack(0) starts at the return address into
 * its caller. __trace_stack(flags, 0) starts at the return address into
 * __trace_stack() itself, 1 at the one into its caller, and so on: Linux's
 * STACK_SKIP counts (3 for the function tracer: __trace_stack,
 * function_stack_trace_call, ftrace_caller). @flags is the CPSR of the
 * traced context, for the record's irqs-off column.
 */
void trace_dump_stack(int skip);
void __trace_stack(unsigned long flags, int skip);

#endif
