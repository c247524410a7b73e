/* The tracer's internals shared by kernel/trace/ and the tracefs files
 * (Linux's kernel/trace/trace.h): the trace array, the trace options, the
 * tracers, and the types of the tracer's own entries. */
#ifndef _KERNEL_TRACE_TRACE_H
#define _KERNEL_TRACE_TRACE_H

#include <linux/ftrace.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/trace_events.h>

/* The tracer's own entry types (Linux's enum trace_type); the trace
 * events are numbered after them by register_trace_event(). */
enum trace_type {
	__TRACE_FIRST_TYPE = 0,

	TRACE_FN,
	TRACE_CTX,
	TRACE_WAKE,
	TRACE_STACK,
	TRACE_PRINT,
	TRACE_BPRINT,
	TRACE_MMIO_RW,
	TRACE_MMIO_MAP,
	TRACE_BRANCH,
	TRACE_GRAPH_RET,
	TRACE_GRAPH_ENT,
	TRACE_USER_STACK,
	TRACE_BLK,
	TRACE_BPUTS,
	TRACE_HWLAT,
	TRACE_RAW_DATA,

	__TRACE_LAST_TYPE,
};

/*
 * A TRACE_STACK record, `<stack trace>` (Linux's struct stack_entry).
 * Linux sizes the record to the stack; ours holds what fits a record,
 * short of the last word, whose last byte a reader overwrites
 * (trace_find_next_entry_inc). caller[] ends at size or at a ULONG_MAX.
 */
#define FTRACE_STACK_ENTRIES \
	((TRACE_ENTRY_MAX - sizeof(struct trace_entry) - sizeof(int)) / sizeof(u32) - 1)
struct stack_entry {
	struct trace_entry ent;
	int size;
	u32 caller[FTRACE_STACK_ENTRIES]; /* unsigned long on ARM */
};

/* A TRACE_FN record: a call of a traced function (Linux's struct ftrace_entry). */
struct ftrace_entry {
	struct trace_entry ent;
	unsigned long ip;        /* the call site in the function */
	unsigned long parent_ip; /* where it returns to */
};

/* TRACE_GRAPH_ENT and TRACE_GRAPH_RET records: a traced function's entry
 * and return (Linux's struct ftrace_graph_ent_entry, ftrace_graph_ret_entry). */
struct ftrace_graph_ent_entry {
	struct trace_entry ent;
	struct ftrace_graph_ent graph_ent;
};

struct ftrace_graph_ret_entry {
	struct trace_entry ent;
	struct ftrace_graph_ret ret;
};

/*
 * The trace options (trace_options, options/<name>), in Linux 4.19's order
 * with the function tracer, function graph tracer and stack trace flags of
 * a kernel built with them (no branch tracer).
 */
#define TRACE_FLAGS                                             \
	C(PRINT_PARENT, "print-parent"),                        \
	C(SYM_OFFSET, "sym-offset"),                            \
	C(SYM_ADDR, "sym-addr"),                                \
	C(VERBOSE, "verbose"),                                  \
	C(RAW, "raw"),                                          \
	C(HEX, "hex"),                                          \
	C(BIN, "bin"),                                          \
	C(BLOCK, "block"),                                      \
	C(PRINTK, "trace_printk"),                              \
	C(ANNOTATE, "annotate"),                                \
	C(USERSTACKTRACE, "userstacktrace"),                    \
	C(SYM_USEROBJ, "sym-userobj"),                          \
	C(PRINTK_MSGONLY, "printk-msg-only"),                   \
	C(CONTEXT_INFO, "context-info"), /* pid/cpu/time */     \
	C(LATENCY_FMT, "latency-format"),                       \
	C(RECORD_CMD, "record-cmd"),                            \
	C(RECORD_TGID, "record-tgid"),                          \
	C(OVERWRITE, "overwrite"),                              \
	C(STOP_ON_FREE, "disable_on_free"),                     \
	C(IRQ_INFO, "irq-info"),                                \
	C(MARKERS, "markers"),                                  \
	C(EVENT_FORK, "event-fork"),                            \
	C(FUNCTION, "function-trace"),                          \
	C(FUNC_FORK, "function-fork"),                          \
	C(DISPLAY_GRAPH, "display-graph"),                      \
	C(STACKTRACE, "stacktrace")

#undef C
#define C(a, b) TRACE_ITER_##a##_BIT
enum trace_iterator_bits {
	TRACE_FLAGS,
	TRACE_ITER_LAST_BIT
};

#undef C
#define C(a, b) TRACE_ITER_##a = (1 << TRACE_ITER_##a##_BIT)
enum trace_iterator_flags { TRACE_FLAGS };
#undef C

#define TRACE_FLAGS_MAX_SIZE 32

/* The flags that choose how a symbol is printed (seq_print_ip_sym). */
#define TRACE_ITER_SYM_MASK (TRACE_ITER_PRINT_PARENT | TRACE_ITER_SYM_OFFSET | TRACE_ITER_SYM_ADDR)

#define TRACE_DEFAULT_FLAGS                                                             \
	(TRACE_ITER_FUNCTION | TRACE_ITER_PRINT_PARENT | TRACE_ITER_PRINTK |            \
	 TRACE_ITER_ANNOTATE | TRACE_ITER_CONTEXT_INFO | TRACE_ITER_RECORD_CMD |        \
	 TRACE_ITER_OVERWRITE | TRACE_ITER_IRQ_INFO | TRACE_ITER_MARKERS)

/* The option names, NULL-terminated, indexed by TRACE_ITER_*_BIT. */
extern const char *const trace_options[];

/* A tracer's own option (Linux's struct tracer_opt): options/<name> and a
 * word of trace_options while it is the current tracer. */
struct tracer_opt {
	const char *name;
	u32 bit; /* its mask in tracer_flags.val */
};

/* A tracer's options and their values; opts ends with a NULL name. */
struct tracer_flags {
	u32 val;
	struct tracer_opt *opts;
	struct tracer *trace; /* set by register_tracer() */
};

#define TRACER_OPT(s, b) .name = #s, .bit = b

struct trace_array;

/*
 * A tracer (Linux's struct tracer): what `echo NAME > current_tracer`
 * switches to. Every hook may be NULL. Linux's print_header takes a
 * seq_file; ours prints into iter->seq, as the lines do.
 */
struct tracer {
	const char *name;
	/* start tracing (the buffer was just cleared). RETURNS: 0 or -errno */
	int (*init)(struct trace_array *tr);
	/* stop for good: another tracer is taking over */
	void (*reset)(struct trace_array *tr);
	/* tracing_on was written 1 / 0 while this tracer is current */
	void (*start)(struct trace_array *tr);
	void (*stop)(struct trace_array *tr);
	/* a `trace` or `trace_pipe` reader opens or closes */
	void (*open)(struct trace_iterator *iter);
	void (*close)(struct trace_iterator *iter);
	void (*print_header)(struct trace_iterator *iter);
	/* RETURNS: TRACE_TYPE_UNHANDLED to have the line printed the default way */
	enum print_line_t (*print_line)(struct trace_iterator *iter);
	/* one of flags->opts changes. RETURNS: 0 to accept */
	int (*set_flag)(struct trace_array *tr, u32 old_flags, u32 bit, int set);
	/* a trace option changes while this tracer is current. RETURNS: 0 to accept */
	int (*flag_changed)(struct trace_array *tr, u32 mask, int set);
	struct tracer *next;
	struct tracer_flags *flags;
	int enabled; /* it is the current tracer */
	int ref;     /* trace_pipe readers using it: it cannot be switched away */
	bool noboot; /* not allowed by ftrace= on the command line */
};

/*
 * The one trace array (Linux's global_trace; there are no instances/).
 * trace_flags changes under trace_types_lock (and event_mutex); readers
 * take a snapshot with READ_ONCE.
 */
struct trace_array {
	struct ring_buffer *buffer; /* Linux: trace_buffer.buffer */
	struct tracer *current_trace;
	int clock_id;               /* trace_clocks[] entry in use */
	unsigned long tracing_cpumask; /* the CPUs that record */
	unsigned int trace_flags;
	/* trace_flags_index[i] == i: an options/ file's private data points
	 * at its entry, which gives both the bit and the array (get_tr_index) */
	unsigned char trace_flags_index[TRACE_FLAGS_MAX_SIZE];
};

extern struct trace_array global_trace;
extern struct tracer nop_trace;
/* The registered tracers, most recent first (Linux's trace_types). */
extern struct tracer *trace_types;

/* trace_types, current_trace and tracer options (Linux's). */
extern struct mutex trace_types_lock;
/* The events' enable state, filters and triggers, and record-cmd (Linux's). */
extern struct mutex event_mutex;

/* ftrace=NAME from the command line, until tracer NAME registers. */
extern char bootup_tracer_buf[MAX_TRACER_SIZE];
extern char *default_bootup_tracer;

int register_tracer(struct tracer *type);
int tracing_set_tracer(struct trace_array *tr, const char *buf);
int set_tracer_flag(struct trace_array *tr, unsigned int mask, int enabled);
int trace_set_options(struct trace_array *tr, char *option);
int __set_tracer_option(struct trace_array *tr, struct tracer_flags *tracer_flags,
			struct tracer_opt *opts, int neg);
void apply_trace_boot_options(void);
/* Register the tracer's own entry types for the output (trace_output.c). */
void init_events(void);

/* The function tracers (trace_functions.c, trace_functions_graph.c). */
extern struct tracer function_trace;
void init_graph_trace(void);

/* function_graph's own options (Linux's, in this order). */
#define TRACE_GRAPH_PRINT_OVERRUN 0x1
#define TRACE_GRAPH_PRINT_CPU 0x2
#define TRACE_GRAPH_PRINT_OVERHEAD 0x4
#define TRACE_GRAPH_PRINT_PROC 0x8
#define TRACE_GRAPH_PRINT_DURATION 0x10
#define TRACE_GRAPH_PRINT_ABS_TIME 0x20
#define TRACE_GRAPH_PRINT_IRQS 0x40
#define TRACE_GRAPH_PRINT_TAIL 0x80
#define TRACE_GRAPH_SLEEP_TIME 0x100
#define TRACE_GRAPH_PRINT_FILL_SHIFT 28
#define TRACE_GRAPH_PRINT_FILL_MASK (0x3 << TRACE_GRAPH_PRINT_FILL_SHIFT)

/* Print a function_graph record (or an event among them, as a comment)
 * with the funcgraph-* options @flags. */
enum print_line_t print_graph_function_flags(struct trace_iterator *iter, u32 flags);

/* The mark of a duration in ns, '!' for over 100 us... (trace_output.c). */
char trace_find_mark(unsigned long long d);

/* A TRACE_PRINT record: a line written to trace_marker (Linux's struct
 * print_entry), printed "<ip's symbol>: text". The text ends with its
 * newline and NUL; a record holds TRACE_MARKER_MAX bytes of it, short of
 * the last byte, which a reader overwrites. */
struct print_entry {
	struct trace_entry ent;
	unsigned long ip;
	char buf[];
};
#define TRACE_MARKER_MAX (TRACE_ENTRY_MAX - sizeof(struct print_entry) - 3)

/* ---- Clocks (trace_clock.c; trace_clocks[] in trace_tracers.c) ---- */

u64 trace_clock_global(void);
u64 trace_clock_counter(void);
u64 trace_clock_jiffies(void);
u64 trace_clock(void);
u64 trace_clock_mono(void);

struct trace_clock_desc {
	u64 (*func)(void);
	const char *name;
	int in_ns; /* it counts ns: the trace shows seconds, not a raw count */
};
extern const struct trace_clock_desc trace_clocks[];
extern const unsigned int nr_trace_clocks;
int tracing_set_clock(struct trace_array *tr, const char *clockstr);
/* trace_clock=: the clock to start with, applied by trace_init(). */
extern char trace_boot_clock_buf[];

/* ---- The buffer (trace_events.c, trace.c) ---- */

/* buffer_size_kb: give each CPU a ring of @size bytes (emptying them).
 * RETURNS: 0, -EINVAL or -ENOMEM. CONTEXT: process context. */
int tracing_resize_ring_buffer(unsigned long size);
/* Readers take it around walking the rings; a resize, to swap them. */
extern struct mutex trace_buffers_lock;
/* Bumped at each resize: an iterator of an older one starts again. */
extern unsigned int trace_buffers_generation;
/* tracing_cpumask: record only on these CPUs. CONTEXT: trace_types_lock held. */
void tracing_set_cpumask(struct trace_array *tr, unsigned long mask);
/* tp_printk: events are also printed on the console. */
extern int tracepoint_printk;

/* ---- Events (trace_events.c) ---- */

int trace_add_event_call(struct trace_event_call *call);
struct trace_event_call *trace_find_event_call(const char *system, const char *name);
int __ftrace_event_enable_disable(struct trace_event_call *call, int enable, int soft_disable);
void trace_event_enable_cmd_record(bool enable);
extern struct ftrace_event_field *ftrace_common_fields;

/* The syscalls:sys_enter_<name> and sys_exit_<name> events (trace_syscalls.c). */
int init_ftrace_syscalls(void);

/* ---- Filters (trace_events_filter.c) ---- */

struct event_filter;
int create_event_filter(struct trace_event_call *call, const char *filter_string,
			struct event_filter **filterp);
void free_event_filter(struct event_filter *filter);
bool filter_match_preds(struct event_filter *filter, void *rec);
int apply_event_filter(struct trace_event_call *call, char *filter_string);
void print_event_filter(struct trace_event_call *call, struct trace_seq *s);

/* ---- Triggers (trace_events_trigger.c) ---- */

int trigger_process_regex(struct trace_event_call *call, char *buff);
void trigger_show(struct trace_event_call *call, struct trace_seq *s);
extern char bootup_trigger_buf[];
void trace_apply_boot_triggers(void);

/* ---- set_event_pid (trace_events.c) ---- */

int trace_event_set_pids(char *buf, bool append);
void trace_event_show_pids(struct trace_seq *s);
void trace_event_follow_fork(bool enable);

/* ---- Comms (trace_cmdline.c, trace_sched_switch.c) ---- */

#define SAVED_CMDLINES_MAX 32768 /* saved_cmdlines_size (Linux's PID_MAX_DEFAULT) */
int trace_create_savedcmd(void);
void trace_find_cmdline(int pid, char comm[]);
void trace_taskinfo_save_set(void);
struct task_struct;
void tracing_record_taskinfo(struct task_struct *task);
void tracing_record_taskinfo_sched_switch(struct task_struct *prev, struct task_struct *next);
void tracing_start_cmdline_record(void);
void tracing_stop_cmdline_record(void);
void trace_print_saved_cmdlines(void (*print)(void *arg, int pid, const char *comm), void *arg);
unsigned int trace_saved_cmdlines_size(void);
int tracing_resize_saved_cmdlines(unsigned int val);

#endif
