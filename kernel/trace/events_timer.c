/* The timer events: their tracepoints, records, output, fields and probes,
 * made from include/trace/events/timer.h (Linux makes them in
 * kernel/time/timer.c, which defines CREATE_TRACE_POINTS; here one file per
 * system, so that the host tests can build timer.c). */
#define CREATE_TRACE_POINTS
#include <trace/events/timer.h>
