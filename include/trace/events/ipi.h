/* The ipi events' fields (Linux's include/trace/events/ipi.h TP_STRUCT__entry).
 * Call sites: smp_cross_call() (ipi_raise) and handle_IPI() (entry/exit). */
#ifndef _TRACE_EVENTS_IPI_H
#define _TRACE_EVENTS_IPI_H

#include <linux/trace_events.h>

/* Linux stores a pointer to the static reason string; we copy the text,
 * so an oops dump never follows a pointer out of the buffer. The longest
 * ARM reason, "Single function call interrupts", fits. */
#define IPI_REASON_LEN 32

struct trace_event_raw_ipi_raise {
	u32 target_cpus; /* Linux: __bitmask(target_cpus, nr_cpumask_bits), one unsigned long on ARM */
	char reason[IPI_REASON_LEN];
};

/* ipi_entry and ipi_exit (Linux's event class ipi_handler). */
struct trace_event_raw_ipi_handler {
	char reason[IPI_REASON_LEN];
};

extern struct trace_event_call event_ipi_raise;
extern struct trace_event_call event_ipi_entry;
extern struct trace_event_call event_ipi_exit;


/* The tracepoints: a disabled event costs a load and a branch at the call
 * site; the fields are filled out of line in kernel/trace/trace_points.c
 * (Linux's TP_fast_assign). */
void __trace_ipi_raise(u32 target_cpus, const char *reason);
void __trace_ipi_entry(const char *reason);
void __trace_ipi_exit(const char *reason);
static inline void trace_ipi_raise(u32 target_cpus, const char *reason)
{
	if (unlikely(event_ipi_raise.enabled))
		__trace_ipi_raise(target_cpus, reason);
}
static inline void trace_ipi_entry(const char *reason)
{
	if (unlikely(event_ipi_entry.enabled))
		__trace_ipi_entry(reason);
}
static inline void trace_ipi_exit(const char *reason)
{
	if (unlikely(event_ipi_exit.enabled))
		__trace_ipi_exit(reason);
}

#endif
