/* Trace events: the record every event starts with, the event descriptors,
 * writing an event, and reading the buffer back as the `trace` file's text
 * (Linux's include/linux/trace_events.h, with pieces of kernel/trace/trace.h). */
#ifndef _LINUX_TRACE_EVENTS_H
#define _LINUX_TRACE_EVENTS_H

#include <linux/compiler.h>
#include <linux/ring_buffer.h>
#include <linux/trace_seq.h>
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
 * A record in the trace buffer is a ring_buffer_event whose payload starts
 * with the entry (struct trace_entry, then the event's fields), as Linux's.
 * Linux keeps each pid's comm apart, in saved_cmdlines; the comm of the
 * task that wrote a record is kept here at the payload's end instead.
 */
#define TRACE_ENTRY_MAX (RB_EVENT_DATA_SIZE - TASK_COMM_LEN)
/* Bytes after struct trace_entry for an event's fields. */
#define TRACE_EVENT_FIELDS_MAX (TRACE_ENTRY_MAX - 8)

static inline char *trace_record_comm(struct ring_buffer_event *event)
{
	return (char *)ring_buffer_event_data(event) + TRACE_ENTRY_MAX;
}


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

/*
 * One event (Linux's struct trace_event_call and, folded in, its
 * trace_event_class and trace_event_file). Call sites test `enabled`
 * inline, so a disabled tracepoint costs one load and branch.
 */
struct trace_event_call {
	const char *system;    /* Linux: call->class->system, the events/ folder */
	const char *name;      /* as in events/<system>/<name> and each line */
	struct trace_event event; /* its output; event.type is entry->type */
	int enabled;           /* Linux: EVENT_FILE_FL_ENABLED */
	/* the event's TP_printk, without the "name: " prefix or the newline */
	void (*print)(struct trace_seq *p, const void *fields);
	/* called when the event is turned on or off (Linux's TRACE_EVENT_FN
	 * regfunc/unregfunc), or NULL */
	void (*reg)(int enable);
};

/* raw_syscalls' regfunc: mark every task TIF_SYSCALL_TRACEPOINT, so that
 * syscalls take the traced path in entry-common.S (Linux's syscall_regfunc). */
void syscall_regfunc(int enable);

/* Every event, grouped by system (the files of include/trace/events/). */
extern struct trace_event_call *const ftrace_events[];
extern const unsigned int nr_ftrace_events;

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

/* Helpers for the events' print functions (Linux's __print_flags, __get_bitmask). */
struct trace_print_flags {
	unsigned long mask;
	const char *name;
};

void trace_print_flags_seq(struct trace_seq *p, const char *delim, unsigned long flags,
			   const struct trace_print_flags *flag_array);
void trace_print_bitmask_seq(struct trace_seq *p, const u32 *bitmask, unsigned int bitmask_size);

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

/* An event being written: between reserve and commit, IRQs are off. */
struct trace_event_buffer {
	struct ring_buffer *buffer;
	struct ring_buffer_event *event;
	void *entry;         /* the event's fields, returned by reserve */
	unsigned long flags; /* the IRQ state before reserve */
};

void *trace_event_buffer_reserve(struct trace_event_buffer *fbuffer,
				 struct trace_event_call *call, size_t len);
void trace_event_buffer_commit(struct trace_event_buffer *fbuffer);

/*
 * Provided by the kernel (host tests stub them, and raw_smp_processor_id()
 * of <linux/sched.h>):
 * trace_clock_local - ns since boot, on the CPU running it.
 * tracing_generic_entry_update - fill entry->pid, entry->flags and
 *	entry->preempt_count and @comm (TASK_COMM_LEN bytes) from the current
 *	task and CPU state; @irq_flags is the CPSR saved before the tracer
 *	masked IRQs, so TRACE_FLAG_IRQS_OFF reflects the traced code's state.
 */
u64 trace_clock_local(void);
void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags,
				  char *comm);

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
	struct trace_seq tmp_seq;        /* for __print_flags() and friends */
	struct trace_seq seq;            /* text not yet handed out */
	bool header_done;                /* trace_read(): header emitted */
	loff_t pos;                      /* trace_read(): bytes handed out */
};

/* Start reading @tr's buffer from the header, with its flags and tracer. */
void trace_iter_init(struct trace_iterator *iter, struct trace_array *tr);
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
