/* The trace read by a debugger while the machine is stopped (Linux's
 * kernel/trace/trace_kdb.c, where kdb's ftdump formats the buffer with the
 * kernel's own code; here gdb's kx-trace, tools/gdb/kestrel/trace.py, calls
 * ftrace_dump_read() on a stopped CPU and reads ftrace_dump_text). It takes
 * no lock and allocates nothing, so whatever the stopped CPUs held, it runs:
 * like kdb, it skips the tracer's open() (the graph tracer's kzalloc). */
#include <linux/mm.h>
#include <linux/trace_events.h>
#include "trace.h"

char ftrace_dump_text[PAGE_SIZE];
static struct trace_iterator kdb_iter;
static loff_t kdb_pos;

/**
 * ftrace_dump_read - the next piece of the `trace` file's text
 * @restart: non-zero to start again at the header
 *
 * Recording is paused during the call, so that a tracer on does not log
 * the reading itself. CONTEXT: a debugger's call, one at a time.
 * RETURNS: the bytes placed in ftrace_dump_text, 0 at the end of the text.
 */
size_t ftrace_dump_read(int restart)
{
	size_t n;

	tracing_stop();
	if (restart) {
		trace_iter_init(&kdb_iter, &global_trace);
		kdb_pos = 0;
	}
	n = trace_read(&kdb_iter, ftrace_dump_text, sizeof(ftrace_dump_text), &kdb_pos);
	tracing_start();
	return n;
}
