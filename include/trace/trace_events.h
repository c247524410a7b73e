/*
 * The stages that make trace events out of TRACE_EVENT() definitions
 * (Linux's include/trace/trace_events.h, shortened). Each stage redefines
 * the macros and reads the event header again:
 *
 *   1. struct trace_event_raw_<call>: the record, struct trace_entry first;
 *   2. trace_raw_output_<call>(): the line in `trace`, from TP_printk;
 *   3. trace_event_define_fields_<call>(): the fields of `format` and filters;
 *   4. print_fmt_<call>: TP_printk as text, for `format`;
 *   5. trace_event_raw_event_<call>(): the probe, running TP_fast_assign;
 *   6. event_class_<call> and event_<call>: the event itself.
 *
 * A __string() or __dynamic_array() is stored in the record after the
 * fixed fields, as Linux's are; ours are cut to what a record holds.
 * Each event's address goes to the section _ftrace_events, which the event
 * code walks between __start_ftrace_events and __stop_ftrace_events, as
 * Linux's (linker.ld; tests/host/sections.ld for the host tests). Not named
 * ftrace_events: the assembler would take that name, in a file that makes
 * events, for the section and not for the array ftrace_events[].
 */
#include <linux/string.h>
#include <linux/trace_events.h>

#define TRACE_SYSTEM_STRING __stringify(TRACE_SYSTEM)

#undef TRACE_EVENT
#define TRACE_EVENT(name, proto, args, tstruct, assign, print)                          \
	DECLARE_EVENT_CLASS(name, PARAMS(proto), PARAMS(args), PARAMS(tstruct),         \
			    PARAMS(assign), PARAMS(print));                             \
	DEFINE_EVENT(name, name, PARAMS(proto), PARAMS(args));

#undef TRACE_EVENT_FN
#define TRACE_EVENT_FN(name, proto, args, tstruct, assign, print, reg, unreg)           \
	TRACE_EVENT(name, PARAMS(proto), PARAMS(args), PARAMS(tstruct), PARAMS(assign), \
		    PARAMS(print))

/* ---- Stage 1: the record ---- */

#undef __field
#define __field(type, item) type item;
#undef __array
#define __array(type, item, len) type item[len];
#undef __string
#define __string(item, src) u32 __data_loc_##item;
#undef __dynamic_array
#define __dynamic_array(type, item, len) u32 __data_loc_##item;

#undef TP_STRUCT__entry
#define TP_STRUCT__entry(args...) args

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)                  \
	struct trace_event_raw_##name {                                                 \
		struct trace_entry ent;                                                 \
		tstruct                                                                 \
		char __data[0];                                                         \
	};                                                                              \
	_Static_assert(sizeof(struct trace_event_raw_##name) <= TRACE_ENTRY_MAX,        \
		       #name " fits a record");                                         \
	extern struct trace_event_class event_class_##name;

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args) extern struct trace_event_call event_##name;

#include TRACE_INCLUDE(TRACE_SYSTEM)

/* ---- Stage 2: the line ---- */

#undef __entry
#define __entry field

#undef __get_str
#define __get_str(field) trace_event_get_str(__entry, __entry->__data_loc_##field)

#undef __print_flags
#define __print_flags(flag, delim, flag_array...)                                       \
	({                                                                              \
		static const struct trace_print_flags __flags[] = { flag_array,         \
								    { -1, NULL } }; \
		trace_print_flags_seq(p, delim, flag, __flags);                         \
	})

#undef __print_symbolic
#define __print_symbolic(value, symbol_array...)                                        \
	({                                                                              \
		static const struct trace_print_flags symbols[] = { symbol_array,       \
								    { -1, NULL } }; \
		trace_print_symbols_seq(p, value, symbols);                             \
	})

#undef TP_printk
#define TP_printk(fmt, args...) fmt "\n", args

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)                  \
	static notrace enum print_line_t trace_raw_output_##call(                       \
		struct trace_iterator *iter, int flags, struct trace_event *trace_event) \
	{                                                                               \
		struct trace_seq *s = &iter->seq;                                       \
		struct trace_seq __maybe_unused *p = &iter->tmp_seq;                    \
		struct trace_event_raw_##call *field = (void *)iter->ent;               \
		int ret = trace_raw_output_prep(iter, trace_event);                     \
                                                                                        \
		if (ret != TRACE_TYPE_HANDLED)                                          \
			return ret;                                                     \
		trace_seq_printf(s, print);                                             \
		return trace_handle_return(s);                                          \
	}                                                                               \
	static struct trace_event_functions trace_event_type_funcs_##call = {           \
		.trace = trace_raw_output_##call,                                       \
	};

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, name, proto, args)

#include TRACE_INCLUDE(TRACE_SYSTEM)

/* ---- Stage 3: the fields ---- */

#undef __field
#define __field(type, item)                                                             \
	ret = trace_define_field(event_call, #type, #item, offsetof(typeof(field), item), \
				 sizeof(field.item), is_signed_type(type), FILTER_OTHER); \
	if (ret)                                                                        \
		return ret;

#undef __array
#define __array(type, item, len)                                                        \
	ret = trace_define_field(event_call, #type "[" __stringify(len) "]", #item,      \
				 offsetof(typeof(field), item), sizeof(field.item),     \
				 is_signed_type(type), FILTER_OTHER);                   \
	if (ret)                                                                        \
		return ret;

#undef __string
#define __string(item, src)                                                             \
	ret = trace_define_field(event_call, "__data_loc char[]", #item,                \
				 offsetof(typeof(field), __data_loc_##item),            \
				 sizeof(field.__data_loc_##item), is_signed_type(char), \
				 FILTER_OTHER);                                         \
	if (ret)                                                                        \
		return ret;

#undef __dynamic_array
#define __dynamic_array(type, item, len)                                                \
	ret = trace_define_field(event_call, "__data_loc " #type "[]", #item,           \
				 offsetof(typeof(field), __data_loc_##item),            \
				 sizeof(field.__data_loc_##item), is_signed_type(type), \
				 FILTER_OTHER);                                         \
	if (ret)                                                                        \
		return ret;

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)                  \
	static notrace int trace_event_define_fields_##call(struct trace_event_call *event_call) \
	{                                                                               \
		struct trace_event_raw_##call field;                                    \
		int ret = 0;                                                            \
                                                                                        \
		tstruct                                                                 \
		return ret;                                                             \
	}

#include TRACE_INCLUDE(TRACE_SYSTEM)

/* ---- Stage 4: TP_printk as text (Linux's print_fmt) ---- */

#undef __entry
#define __entry REC

#undef __get_str
#undef __print_flags
#undef __print_symbolic

#undef TP_printk
#define TP_printk(fmt, args...) "\"" fmt "\", " __stringify(args)

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)                  \
	static const char print_fmt_##call[] = print;

#include TRACE_INCLUDE(TRACE_SYSTEM)

/* ---- Stage 5: the probe ---- */

#undef __entry
#define __entry entry

#undef __field
#define __field(type, item)
#undef __array
#define __array(type, item, len)
#undef __string
#define __string(item, src)
/* A dynamic array gets its place in the record before TP_fast_assign runs
 * (Linux's trace_event_get_offsets stage): what is left of the record, up
 * to @len elements. */
#undef __dynamic_array
#define __dynamic_array(type, item, len)                                                \
	__data_offset = trace_event_dynamic_array(entry, __data_offset,                 \
						  &__entry->__data_loc_##item,          \
						  (len) * sizeof(type));

#undef __get_str
#define __get_str(field) ((char *)__entry + (__entry->__data_loc_##field & 0xffff))
#undef __get_dynamic_array_len
#define __get_dynamic_array_len(field) ((__entry->__data_loc_##field >> 16) & 0xffff)

#undef __assign_str
#define __assign_str(dst, src)                                                          \
	__data_offset = trace_event_assign_str(entry, __data_offset,                    \
					       &__entry->__data_loc_##dst, (src))

#undef TP_fast_assign
#define TP_fast_assign(args...) args

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)                  \
	static notrace void trace_event_raw_event_##call(void *__data, proto)           \
	{                                                                               \
		struct trace_event_call *event_call = __data;                           \
		struct trace_event_buffer fbuffer;                                      \
		struct trace_event_raw_##call *entry;                                   \
		unsigned int __data_offset __maybe_unused = sizeof(*entry);             \
                                                                                        \
		if (trace_trigger_soft_disabled(event_call))                            \
			return;                                                         \
		entry = trace_event_buffer_reserve(&fbuffer, event_call, sizeof(*entry)); \
		if (!entry)                                                             \
			return;                                                         \
		tstruct                                                                 \
		{ assign }                                                              \
		trace_event_buffer_commit(&fbuffer);                                    \
	}

#include TRACE_INCLUDE(TRACE_SYSTEM)

/* ---- Stage 6: the event ---- */

#undef DECLARE_EVENT_CLASS
#define DECLARE_EVENT_CLASS(call, proto, args, tstruct, assign, print)                  \
	struct trace_event_class event_class_##call = {                                 \
		.system = TRACE_SYSTEM_STRING,                                          \
		.probe = trace_event_raw_event_##call,                                  \
		.define_fields = trace_event_define_fields_##call,                      \
	};

#undef DEFINE_EVENT
#define DEFINE_EVENT(template, call, proto, args)                                       \
	struct trace_event_call event_##call = {                                        \
		.class = &event_class_##template,                                       \
		.name = #call,                                                          \
		.event.funcs = &trace_event_type_funcs_##template,                      \
		.print_fmt = print_fmt_##template,                                      \
		.tp = &__tracepoint_##call,                                             \
		.tp_probe = { .func = trace_event_raw_event_##template,                 \
			      .data = &event_##call },                                  \
	};                                                                              \
	static struct trace_event_call __used __section("_ftrace_events")               \
		*__event_##call = &event_##call;

#include TRACE_INCLUDE(TRACE_SYSTEM)
