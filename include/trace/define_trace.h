/*
 * Read at the end of each include/trace/events/<system>.h (Linux's
 * include/trace/define_trace.h). In the one file that defines
 * CREATE_TRACE_POINTS before including the header, it reads the header
 * again to define the tracepoints, then again for each stage of
 * <trace/trace_events.h>, which makes the events: their record, output,
 * fields, format and probe.
 */
#ifdef CREATE_TRACE_POINTS

#undef CREATE_TRACE_POINTS

#include <linux/stringify.h>

#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, tstruct, assign, print) \
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef TRACE_EVENT_FN
#define TRACE_EVENT_FN(name, proto, args, tstruct, assign, print, reg, unreg) \
	DEFINE_TRACE_FN(name, reg, unreg, PARAMS(proto), PARAMS(args))

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args) \
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args) \
	DEFINE_TRACE(name, PARAMS(proto), PARAMS(args))

#undef TRACE_INCLUDE
#undef __TRACE_INCLUDE
#define __TRACE_INCLUDE(system) <trace/events/system.h>
#define TRACE_INCLUDE(system) __TRACE_INCLUDE(system)

#define TRACE_HEADER_MULTI_READ

#include TRACE_INCLUDE(TRACE_SYSTEM)

#undef DECLARE_TRACE
#define DECLARE_TRACE(name, proto, args)

#include <trace/trace_events.h>

#undef TRACE_EVENT
#undef TRACE_EVENT_FN
#undef DECLARE_EVENT_CLASS
#undef DEFINE_EVENT
#undef TRACE_HEADER_MULTI_READ
#undef DECLARE_TRACE

#define CREATE_TRACE_POINTS

#endif /* CREATE_TRACE_POINTS */
