/* The ipi events: their tracepoints, records, output, fields and probes,
 * made from include/trace/events/ipi.h (what Linux's TRACE_EVENT() makes in
 * the file that defines CREATE_TRACE_POINTS; here one file per system, so
 * that the host tests can build them). */
#define CREATE_TRACE_POINTS
#include <trace/events/ipi.h>
