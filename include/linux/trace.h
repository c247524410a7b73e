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
/* Print the whole buffer on the console, every CPU (DUMP_ALL) or this
 * CPU only (DUMP_ORIG), as Linux's ftrace_dump does after an oops. */
void ftrace_dump(enum ftrace_dump_mode oops_dump_mode);

#endif
