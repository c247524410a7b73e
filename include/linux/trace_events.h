/* Trace events: the record every event starts with, the event descriptors,
 * writing an event, and reading the buffer back as the `trace` file's text
 * (Linux's include/linux/trace_events.h, with pieces of kernel/trace/trace.h). */
#ifndef _LINUX_TRACE_EVENTS_H
#define _LINUX_TRACE_EVENTS_H

#include <linux/compiler.h>
#include <linux/ring_buffer.h>
#include <linux/trace_seq.h>
#include <linux/tracepoint.h>
#include <linux/types.h>

#ifndef TASK_COMM_LEN
#define TASK_COMM_LEN 16
#endif

/* The common fields of every event (Linux's, `common_*` in each format file). */
struct trace_entry {
	unsigned short type; /* the trace_event_call's type */
	unsigned char flags; /* TRACE_FLAG_* */
	unsigned char preempt_count;
	int pid;
};

/* entry->flags (Linux's enum trace_flag_type in kernel/trace/trace.h). */
#define TRACE_FLAG_IRQS_OFF 0x01
#define TRACE_FLAG_IRQS_NOSUPPORT 0x02
#define TRACE_FLAG_NEED_RESCHED 0x04
#define TRACE_FLAG_HARDIRQ 0x08
#define TRACE_FLAG_SOFTIRQ 0x10
#define TRACE_FLAG_PREEMPT_RESCHED 0x20
#define TRACE_FLAG_NMI 0x40

/*
 * A record in the trace buffer is a ring_buffer_event whose payload is the
 * entry: struct trace_entry, then the event's fields, as Linux's. The
 * comm of each pid is kept apart, in saved_cmdlines, as Linux does.
 */
#define TRACE_ENTRY_MAX RB_EVENT_DATA_SIZE
/* Bytes after struct trace_entry for an event's fields. */
#define TRACE_EVENT_FIELDS_MAX (TRACE_ENTRY_MAX - 8)

/* Linux's enum print_line_t. */
enum print_line_t {
	TRACE_TYPE_PARTIAL_LINE = 0, /* the line did not fit in the trace_seq */
	TRACE_TYPE_HANDLED = 1,
	TRACE_TYPE_UNHANDLED = 2,    /* a tracer's print_line: print it the default way */
	TRACE_TYPE_NO_CONSUME = 3,   /* handled, but do not consume the record */
};

struct trace_iterator;
struct trace_event;

typedef enum print_line_t (*trace_print_func)(struct trace_iterator *iter, int flags,
					      struct trace_event *event);

/* How a type of entry is printed in each output mode (options/raw, hex, bin). */
struct trace_event_functions {
	trace_print_func trace;
	trace_print_func raw;
	trace_print_func hex;
	trace_print_func binary;
};

/*
 * A type of entry that the trace output knows how to print (Linux's struct
 * trace_event): the tracer's own entries (TRACE_FN, TRACE_STACK, TRACE_PRINT...
 * of kernel/trace/trace.h, fixed types) and every trace event (types given
 * by register_trace_event()).
 */
struct trace_event {
	int type;
	struct trace_event_functions *funcs;
};

/* RETURNS: @event's type (assigned if it was 0), or 0 on error. CONTEXT: boot. */
int register_trace_event(struct trace_event *event);
/* The registered entry type @type, or NULL. */
struct trace_event *ftrace_find_event(int type);
/* Print "type: N" (Linux's default for an output mode an entry lacks). */
enum print_line_t trace_nop_print(struct trace_iterator *iter, int flags,
				  struct trace_event *event);

#define is_signed_type(type) (((type)(-1)) < (type)1)

/* How a field is compared in a filter (Linux's). */
enum {
	FILTER_OTHER = 0,     /* a number */
	FILTER_STATIC_STRING, /* char name[N] */
	FILTER_DYN_STRING,    /* __data_loc char[] */
	FILTER_PTR_STRING,
	FILTER_TRACE_FN,
	FILTER_COMM,          /* the current task's comm */
	FILTER_CPU,           /* the CPU that wrote the record */
};

/* A field of an event's record: a line of its `format`, a name a filter
 * may use (Linux's struct ftrace_event_field). */
struct ftrace_event_field {
	struct ftrace_event_field *next;
	const char *name;
	const char *type;
	int filter_type;
	int offset;
	int size;
	int is_signed;
};

struct trace_event_call;
struct event_filter;
struct event_trigger_data;

/* What the events of one TRACE_EVENT class share (Linux's struct
 * trace_event_class): their system, probe and fields. */
struct trace_event_class {
	const char *system;
	void *probe;
	/* the event's fields, defined at boot (trace_define_field) */
	int (*define_fields)(struct trace_event_call *call);
	/* -EBUSY on sys_enter/sys_exit... (Linux's reg): a syscall event's
	 * enable goes through the syscall tracepoint instead */
	int (*reg)(struct trace_event_call *call, int enable);
	struct ftrace_event_field *fields; /* in record order */
	struct ftrace_event_field **fields_tail;
};

/* call->flags: Linux's EVENT_FILE_FL_* of its trace_event_file. */
enum {
	EVENT_FILE_FL_ENABLED = 1 << 0,       /* events/.../enable is 1 */
	EVENT_FILE_FL_RECORDED_CMD = 1 << 1,  /* it records comms (record-cmd) */
	EVENT_FILE_FL_FILTERED = 1 << 3,      /* it has a filter */
	EVENT_FILE_FL_SOFT_MODE = 1 << 5,     /* enable_event triggers arm it */
	EVENT_FILE_FL_SOFT_DISABLED = 1 << 6, /* armed but not recording */
	EVENT_FILE_FL_TRIGGER_MODE = 1 << 7,  /* it has triggers */
	EVENT_FILE_FL_TRIGGER_COND = 1 << 8,  /* a trigger has a filter */
	EVENT_FILE_FL_PID_FILTER = 1 << 9,    /* set_event_pid applies */
};

/*
 * One event (Linux's struct trace_event_call and, folded in, its
 * trace_event_file: there is one trace array). Its probe stays registered
 * on its tracepoint while it is enabled or armed by a trigger.
 */
struct trace_event_call {
	struct trace_event_class *class;
	const char *name;          /* as in events/<system>/<name> and each line */
	struct trace_event event;  /* its output; event.type is entry->type, its id */
	const char *print_fmt;     /* TP_printk as text, for `format` */
	struct tracepoint *tp;
	struct tracepoint_func tp_probe; /* class->probe with this event as data */
	unsigned int flags;        /* EVENT_FILE_FL_*; changed under event_mutex */
	int sm_ref;                /* soft-mode users: enable_event triggers */
	struct event_filter *filter;          /* the filter file's, or NULL */
	struct event_trigger_data *triggers;  /* the trigger file's, newest first */
	void *data;                /* a syscall event's struct syscall_metadata */
};

static inline const char *trace_event_name(struct trace_event_call *call)
{
	return call->name;
}

/* Add a field to @call's format (Linux's trace_define_field). @type
 * "char[16]" or "__data_loc char[]" makes a string field for filters.
 * CONTEXT: boot. RETURNS: 0 or -ENOMEM. */
int trace_define_field(struct trace_event_call *call, const char *type, const char *name,
		       int offset, int size, int is_signed, int filter_type);
/* The field a filter names: the event's own, then CPU/cpu/COMM/comm, then
 * the common_* fields (Linux's trace_find_event_field). */
struct ftrace_event_field *trace_find_event_field(struct trace_event_call *call,
						 const char *name);

/* Every event: include/trace/events/'s, grouped by system, then the
 * syscall events. */
#define FTRACE_EVENTS_MAX 1024
extern struct trace_event_call *ftrace_events[FTRACE_EVENTS_MAX];
extern unsigned int nr_ftrace_events;

/* The live trace buffer and the trace clock at its last reset
 * (Linux's global_trace.trace_buffer: its buffer and time_start). */
extern struct ring_buffer global_trace_buffer;
extern u64 global_trace_time_start;

int trace_init(void *const mem[NR_CPUS], size_t size_per_cpu);
int trace_set_clr_event(const char *system, const char *event, int set);
int ftrace_set_clr_event(char *buf, int set);
void tracing_on(void);
void tracing_off(void);
int tracing_is_on(void);
void tracing_stop(void);
void tracing_start(void);
void tracing_reset_online_cpus(void);

/* Helpers for the events' print functions (Linux's __print_flags,
 * __print_symbolic, __get_bitmask): each prints into @p (the iterator's
 * tmp_seq) and returns that text for a %s of the line. */
struct trace_print_flags {
	unsigned long mask;
	const char *name;
};

const char *trace_print_flags_seq(struct trace_seq *p, const char *delim, unsigned long flags,
				  const struct trace_print_flags *flag_array);
const char *trace_print_symbols_seq(struct trace_seq *p, unsigned long val,
				    const struct trace_print_flags *symbol_array);
const char *trace_print_bitmask_seq(struct trace_seq *p, const u32 *bitmask,
				    unsigned int bitmask_size);
/* "name: " before an event's TP_printk (Linux's trace_raw_output_prep).
 * RETURNS: TRACE_TYPE_HANDLED, or UNHANDLED if the record is not @event's. */
int trace_raw_output_prep(struct trace_iterator *iter, struct trace_event *event);
/* __assign_str(): copy @src after the fixed fields at @offset, as much as
 * the record holds, and point *@loc at it (Linux's __data_loc: length << 16
 * | offset). RETURNS: the offset after it. */
unsigned int trace_event_assign_str(void *entry, unsigned int offset, u32 *loc, const char *src);
/* A __dynamic_array() of @len bytes at @offset, cut to what is left of the
 * record: sets *@loc, RETURNS the offset after it. */
unsigned int trace_event_dynamic_array(void *entry, unsigned int offset, u32 *loc,
				       unsigned int len);
/* __get_str(): the string @loc points at in @entry, or "" if it points
 * outside the record (a corrupt record never makes a reader stray). */
const char *trace_event_get_str(const void *entry, u32 loc);

/*
 * Writing an entry (Linux's trace_buffer_lock_reserve and
 * __buffer_unlock_commit): reserve fills the timestamp and the common
 * fields, the caller fills the rest, commit publishes it. Linux also takes
 * the preempt count; here tracing_generic_entry_update() reads it.
 * CONTEXT: IRQs off (@flags is the state saved before masking them) from
 * reserve to commit, which run on the same CPU.
 * RETURNS: the record, or NULL if tracing is off or @len > TRACE_ENTRY_MAX.
 */
struct ring_buffer_event *trace_buffer_lock_reserve(struct ring_buffer *buffer, int type,
						    unsigned long len, unsigned long flags);
void __buffer_unlock_commit(struct ring_buffer *buffer, struct ring_buffer_event *event);

/*
 * An event being written: between reserve and commit, IRQs are off. An
 * event with a filter or a conditional trigger is written to this CPU's
 * scratch record first and copied to the ring only if it passes (Linux's
 * trace_buffered_event).
 */
struct trace_event_buffer {
	struct ring_buffer *buffer;
	struct trace_event_call *call;
	struct ring_buffer_event *event; /* in the ring, or the scratch record */
	void *entry;         /* its entry, struct trace_entry first */
	unsigned long flags; /* the IRQ state before reserve */
	bool buffered;       /* event is the scratch record, copied if kept */
	bool temp;           /* the scratch record, for triggers only */
};

/* RETURNS: the entry to fill (@len bytes, struct trace_entry first and
 * filled), or NULL (nothing to commit) if tracing is off or @len does not fit. */
void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_call *call, size_t len);
/* Filter, record, then run the triggers (Linux's trace_event_buffer_commit). */
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer);

/* Run @call's triggers (Linux's event_triggers_call): with @rec NULL,
 * before the record exists, all of them; with the record, those whose
 * filter it passes, but the ones that must follow the record (stacktrace)
 * are only returned, as a mask for event_triggers_post_call(). */
unsigned int event_triggers_call(struct trace_event_call *call, void *rec);
void event_triggers_post_call(struct trace_event_call *call, unsigned int tt);
/* set_event_pid: true if the current task is not to be traced. */
bool trace_event_ignore_this_pid(struct trace_event_call *call);

/*
 * At the top of every probe (Linux's trace_trigger_soft_disabled): the
 * unconditional triggers run whether or not the event records; a
 * soft-disabled event, or one set_event_pid excludes, stops here.
 */
static inline bool trace_trigger_soft_disabled(struct trace_event_call *call)
{
	unsigned int eflags = READ_ONCE(call->flags);

	if (!(eflags & EVENT_FILE_FL_TRIGGER_COND)) {
		if (eflags & EVENT_FILE_FL_TRIGGER_MODE)
			event_triggers_call(call, NULL);
		if (eflags & EVENT_FILE_FL_SOFT_DISABLED)
			return true;
		if (eflags & EVENT_FILE_FL_PID_FILTER)
			return trace_event_ignore_this_pid(call);
	}
	return false;
}

/*
 * Provided by the kernel (host tests stub them, and raw_smp_processor_id()
 * of <linux/sched.h>):
 * trace_clock_local - ns since boot, on the CPU running it.
 * tracing_generic_entry_update - fill entry->pid, entry->flags and
 *	entry->preempt_count from the current task and CPU state (Linux
 *	passes the preempt count in); @irq_flags is the CPSR saved before the
 *	tracer masked IRQs, so TRACE_FLAG_IRQS_OFF reflects the traced code.
 */
u64 trace_clock_local(void);
void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags);

/* iter_flags (Linux's enum trace_iter_flags). */
#define TRACE_FILE_LAT_FMT 1  /* latency format (options/latency-format, ftrace_dump) */
#define TRACE_FILE_ANNOTATE 2 /* mark where each CPU's surviving records start */
#define TRACE_FILE_TIME_IN_NS 4 /* the trace clock counts ns (not trace_clock=counter) */

struct trace_array;
struct tracer;

/*
 * Reading the buffer back in timestamp order, merging the CPUs' rings
 * (Linux's struct trace_iterator). It copies each record out, so the
 * writers go on undisturbed; the open file's mutex serialises its readers.
 */
struct trace_iterator {
	struct trace_array *tr;
	struct tracer *trace;            /* the tracer when the file was opened */
	struct ring_buffer *buffer;
	int cpu_file;                    /* the CPU to read, or RING_BUFFER_ALL_CPUS */
	unsigned int iter_flags;         /* TRACE_FILE_* */
	u32 started;                     /* CPUs already annotated */
	u64 time_start;                  /* latency format counts time from here */
	unsigned long cpu_next[NR_CPUS]; /* each CPU's next record */
	struct ring_buffer_event event;  /* copy of the record found last */
	struct trace_entry *ent;         /* its entry, NULL before the first */
	u64 ts;                          /* its timestamp */
	int cpu;                         /* the CPU that wrote it */
	long idx;                        /* records found so far */
	unsigned long lost_events;       /* printed before this record */
	void *private;                   /* the tracer's, from its open() */
	bool consume;                    /* trace_pipe, ftrace_dump: reading consumes */
	unsigned int generation;         /* trace_buffers_generation it walks */
	struct trace_seq tmp_seq;        /* for __print_flags() and friends */
	char comm[TASK_COMM_LEN];        /* the current record's comm, for tracers' lines */
	struct trace_seq seq;            /* text not yet handed out */
	bool header_done;                /* trace_read(): header emitted */
	loff_t pos;                      /* trace_read(): bytes handed out */
};

/* Start reading @tr's buffer from the header, with its flags and tracer. */
void trace_iter_init(struct trace_iterator *iter, struct trace_array *tr);
/* Start again from the header, keeping the file's CPU, mode and tracer
 * (whose close and open run again). */
void trace_iter_reset(struct trace_iterator *iter);
bool trace_empty(struct trace_iterator *iter);
struct trace_entry *trace_find_next_entry_inc(struct trace_iterator *iter);
void trace_default_header(struct trace_iterator *iter);
enum print_line_t print_trace_line(struct trace_iterator *iter);
void seq_print_ip_sym(struct trace_seq *s, unsigned long ip, unsigned long sym_flags);
size_t trace_read(struct trace_iterator *iter, char *buf, size_t cnt, loff_t *ppos);
void ftrace_dump_print(void (*print_line)(const char *line), int cpu_file);

/* The common part of a line: "TASK-PID [CPU] flags TIMESTAMP: " and the
 * latency-format "cmd-pid CPUflags TIMEus : " (Linux's trace_output.c). */
int trace_print_context(struct trace_iterator *iter);
int trace_print_lat_context(struct trace_iterator *iter);
int trace_print_lat_fmt(struct trace_seq *s, struct trace_entry *entry);

static inline enum print_line_t trace_handle_return(struct trace_seq *s)
{
	return trace_seq_has_overflowed(s) ? TRACE_TYPE_PARTIAL_LINE : TRACE_TYPE_HANDLED;
}

#endif
