/* The ipi events (Linux 4.19's include/trace/events/ipi.h): smp_cross_call()
 * raises, handle_IPI() enters and exits. Linux keeps a pointer to the
 * static reason string and the target mask as a __bitmask; we copy the
 * reason, so a dump never follows a pointer out of the buffer, and keep
 * the 4-CPU mask as one unsigned long, printed as Linux's %*pb prints it.
 * kernel/trace/events_ipi.c makes them. */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ipi

#if !defined(_TRACE_IPI_H) || defined(TRACE_HEADER_MULTI_READ)
#define _TRACE_IPI_H

#include <linux/tracepoint.h>

#ifdef CREATE_TRACE_POINTS
#include <linux/printk.h>
#endif

/* The longest ARM reason, "Single function call interrupts", fits. */
#define IPI_REASON_LEN 32

TRACE_EVENT(ipi_raise,

	TP_PROTO(u32 target_cpus, const char *reason),

	TP_ARGS(target_cpus, reason),

	TP_STRUCT__entry(
		__field(unsigned long, target_cpus)
		__array(char, reason, IPI_REASON_LEN)
	),

	TP_fast_assign(
		__entry->target_cpus = target_cpus;
		snprintf(__entry->reason, IPI_REASON_LEN, "%s", reason);
	),

	TP_printk("target_mask=%08lx (%s)", __entry->target_cpus, __entry->reason)
);

DECLARE_EVENT_CLASS(ipi_handler,

	TP_PROTO(const char *reason),

	TP_ARGS(reason),

	TP_STRUCT__entry(
		__array(char, reason, IPI_REASON_LEN)
	),

	TP_fast_assign(
		snprintf(__entry->reason, IPI_REASON_LEN, "%s", reason);
	),

	TP_printk("(%s)", __entry->reason)
);

DEFINE_EVENT(ipi_handler, ipi_entry,

	TP_PROTO(const char *reason),

	TP_ARGS(reason)
);

DEFINE_EVENT(ipi_handler, ipi_exit,

	TP_PROTO(const char *reason),

	TP_ARGS(reason)
);

#endif /* _TRACE_IPI_H */

/* This part must be outside protection */
#include <trace/define_trace.h>
