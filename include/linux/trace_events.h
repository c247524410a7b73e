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

/* Bytes left for an event's struct trace_event_raw_<event>. */
#define TRACE_EVENT_FIELDS_MAX 88

/* The payload of one ring_buffer_event. Linux keeps the comm apart, in
 * saved_cmdlines looked up by pid; we keep it with the record, so a line
 * never shows Linux's "<...>" for a forgotten pid. */
struct trace_record {
	struct trace_entry ent;
	char comm[TASK_COMM_LEN];
	u8 fields[TRACE_EVENT_FIELDS_MAX] __aligned(8);
};

/*
 * The record types the tracer itself writes: Linux's enum trace_type
 * numbers (kernel/trace/trace.h), the others being for tracers we lack.
 * Trace events take the numbers from __TRACE_LAST_TYPE up, as Linux's
 * register_trace_event() gives them out.
 */
enum trace_type {
	TRACE_FN = 1,
	TRACE_STACK = 4,
	TRACE_GRAPH_RET = 10,
	TRACE_GRAPH_ENT = 11,
	__TRACE_LAST_TYPE = 17,
};

/* The fields of a TRACE_STACK record, `<stack trace>` (Linux's struct
 * stack_entry). Linux sizes the record to the stack, up to 1024 entries;
 * ours holds what fits a record, short of the last word, whose last byte
 * a reader overwrites (trace_find_next_entry_inc). caller[] ends at size
 * or at a ULONG_MAX. */
#define FTRACE_STACK_ENTRIES ((TRACE_EVENT_FIELDS_MAX - sizeof(int)) / sizeof(u32) - 1)
struct stack_entry {
	int size;
	u32 caller[FTRACE_STACK_ENTRIES];
};

/*
 * The trace_flags bits the output reads (Linux's TRACE_ITER_* of
 * tr->trace_flags, in options/): print-parent, sym-offset, sym-addr.
 */
#define TRACE_ITER_PRINT_PARENT (1UL << 0)
#define TRACE_ITER_SYM_OFFSET (1UL << 1)
#define TRACE_ITER_SYM_ADDR (1UL << 2)
#define TRACE_ITER_SYM_MASK (TRACE_ITER_PRINT_PARENT | TRACE_ITER_SYM_OFFSET | TRACE_ITER_SYM_ADDR)
extern unsigned long global_trace_flags; /* Linux's global_trace.trace_flags */

/* Linux's enum print_line_t. */
enum print_line_t {
	TRACE_TYPE_PARTIAL_LINE = 0, /* the line did not fit in the trace_seq */
	TRACE_TYPE_HANDLED = 1,
};

/*
 * One event (Linux's struct trace_event_call and, folded in, its
 * trace_event_class, trace_event and trace_event_file). Call sites test
 * `enabled` inline, so a disabled tracepoint costs one load and branch.
 */
struct trace_event_call {
	const char *system;    /* Linux: call->class->system, the events/ folder */
	const char *name;      /* as in events/<system>/<name> and each line */
	unsigned short type;   /* numbered by trace_init(); entry->type */
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
struct trace_event_call *ftrace_find_event(int type);
int trace_set_clr_event(const char *system, const char *event, int set);
int ftrace_set_clr_event(char *buf, int set);
void tracing_on(void);
void tracing_off(void);
int tracing_is_on(void);
void tracing_reset_online_cpus(void);

/* Helpers for the events' print functions (Linux's __print_flags, __get_bitmask). */
struct trace_print_flags {
	unsigned long mask;
	const char *name;
};

void trace_print_flags_seq(struct trace_seq *p, const char *delim, unsigned long flags,
			   const struct trace_print_flags *flag_array);
void trace_print_bitmask_seq(struct trace_seq *p, const u32 *bitmask, unsigned int bitmask_size);

/* An event being written: between reserve and commit, IRQs are off. */
struct trace_event_buffer {
	struct ring_buffer *buffer;
	void *entry;         /* the event's fields, returned by reserve */
	unsigned long flags; /* the IRQ state before reserve */
	int cpu;
};

struct trace_record *trace_buffer_lock_reserve(struct ring_buffer *buffer, int type,
					       unsigned long irq_flags, int cpu);
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
#define TRACE_FILE_LAT_FMT 1  /* latency format, as Linux's ftrace_dump prints */
#define TRACE_FILE_ANNOTATE 2 /* mark where each CPU's surviving records start */

/*
 * Reading the buffer back in timestamp order, merging the CPUs' rings
 * (Linux's struct trace_iterator). It copies each record out, so readers
 * need no lock and the writers may go on.
 */
struct trace_iterator {
	struct ring_buffer *buffer;
	int cpu_file;                    /* the CPU to read, or RING_BUFFER_ALL_CPUS */
	unsigned int iter_flags;         /* TRACE_FILE_* */
	u32 started;                     /* CPUs already annotated */
	u64 time_start;                  /* latency format counts time from here */
	unsigned long cpu_next[NR_CPUS]; /* each CPU's next record */
	struct ring_buffer_event event;  /* copy of the record found last */
	struct trace_record *ent;        /* its payload, NULL before the first */
	int cpu;                         /* the CPU that wrote it */
	int idx;                         /* records found so far */
	unsigned long lost_events;       /* dump: printed before this record */
	struct trace_seq seq;            /* text not yet handed out */
	bool header_done;                /* trace_read(): header emitted */
	loff_t pos;                      /* trace_read(): bytes handed out */
};

void trace_iter_init(struct trace_iterator *iter, struct ring_buffer *buffer);
struct trace_record *trace_find_next_entry_inc(struct trace_iterator *iter);
void trace_default_header(struct trace_iterator *iter);
enum print_line_t print_trace_line(struct trace_iterator *iter);
void seq_print_ip_sym(struct trace_seq *s, unsigned long ip, unsigned long sym_flags);
size_t trace_read(struct trace_iterator *iter, char *buf, size_t cnt, loff_t *ppos);
void ftrace_dump_print(void (*print_line)(const char *line), int cpu_file);

#endif
