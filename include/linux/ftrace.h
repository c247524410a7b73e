/* The function tracer's engine: -pg call sites patched at run time, the
 * callbacks they call, and the function-graph return hooks (Linux's
 * include/linux/ftrace.h with CONFIG_DYNAMIC_FTRACE and
 * CONFIG_FUNCTION_GRAPH_TRACER, and arch/arm/include/asm/ftrace.h). */
#ifndef _LINUX_FTRACE_H
#define _LINUX_FTRACE_H

#include <linux/types.h>

struct ftrace_ops;
struct pt_regs;
struct task_struct;

/* A function tracer's callback: @ip is the call site in the traced
 * function (its start + the prologue), @parent_ip where it returns to. */
typedef void (*ftrace_func_t)(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
			      struct pt_regs *regs);

/*
 * A user of the function tracer (Linux's struct ftrace_ops). Linux keeps a
 * list of them, each with its own filter hashes; here one is active at a
 * time (the current tracer's) and set_ftrace_filter/set_ftrace_notrace
 * select its functions, as they do for Linux's global_ops and graph_ops.
 */
struct ftrace_ops {
	ftrace_func_t func;
	void *private; /* for the callback */
};

/* Start/stop calling @ops->func from the selected functions. CONTEXT:
 * process context, no locks held (they stop the machine to patch code).
 * RETURNS: 0, -EBUSY if another ops is active, -ENODEV if ftrace is off. */
int register_ftrace_function(struct ftrace_ops *ops);
int unregister_ftrace_function(struct ftrace_ops *ops);

/* Does a function tracer record what current does? (set_ftrace_pid;
 * Linux's ftrace_trace_task) */
bool ftrace_trace_task(void);

/* One mcount call site (Linux's struct dyn_ftrace). */
struct dyn_ftrace {
	unsigned long ip; /* the `bl __gnu_mcount_nc` of the function's prologue */
	unsigned long flags;
};
#define FTRACE_FL_ENABLED (1UL << 0) /* it calls ftrace_caller now */
#define FTRACE_FL_FILTER (1UL << 1)  /* in set_ftrace_filter */
#define FTRACE_FL_NOTRACE (1UL << 2) /* in set_ftrace_notrace */
#define FTRACE_FL_GRAPH (1UL << 3)   /* in set_graph_function */

/* What the boot-time patching found, and ftrace_init() itself (patches
 * every call site to a NOP; before it they all call __gnu_mcount_nc,
 * which returns at once). CONTEXT: boot, one CPU, after the allocator. */
void ftrace_init(void);

/* The function_graph tracer's hooks (Linux's). */
struct ftrace_graph_ent {
	unsigned long func; /* the call site, as for ftrace_func_t's ip */
	int depth;          /* 0 for the outermost function hooked */
};

struct ftrace_graph_ret {
	unsigned long func;
	unsigned long overrun; /* returns lost because the return stack was full */
	unsigned long long calltime, rettime;
	int depth;
};

typedef int (*trace_func_graph_ent_t)(struct ftrace_graph_ent *trace); /* 0: do not hook */
typedef void (*trace_func_graph_ret_t)(struct ftrace_graph_ret *trace);

/* Each task's stack of hooked returns (Linux's struct ftrace_ret_stack). */
#define FTRACE_RETFUNC_DEPTH 50
struct ftrace_ret_stack {
	unsigned long ret;  /* the real return address */
	unsigned long func; /* the call site */
	unsigned long long calltime;
	unsigned long fp;   /* the fp the function returns with (its caller's) */
};

int register_ftrace_graph(trace_func_graph_ret_t retfunc, trace_func_graph_ent_t entryfunc);
void unregister_ftrace_graph(void);
/* options/sleep-time (Linux's): @enable false leaves the time a task is
 * scheduled out out of its functions' durations. */
void ftrace_graph_sleep_time_control(bool enable);
/* Give a new task, a copy of another, its own (empty) return stack. */
void ftrace_graph_init_task(struct task_struct *t);
/* Free a dead task's return stack. */
void ftrace_graph_exit_task(struct task_struct *t);
/*
 * ftrace_graph_ret_addr - @ret as found on a stack walk, with
 * return_to_handler replaced by the real return address it stands for
 * @idx: 0 at the start of a walk; counts the hooks met so far
 */
unsigned long ftrace_graph_ret_addr(struct task_struct *task, int *idx, unsigned long ret);

/* Called by the trampolines of kernel/arm/entry-ftrace.S. */
void prepare_ftrace_return(unsigned long *parent, unsigned long self_addr,
			   unsigned long frame_pointer);
unsigned long ftrace_return_to_handler(unsigned long frame_pointer);
int ftrace_push_return_trace(unsigned long ret, unsigned long func, int *depth,
			     unsigned long frame_pointer);
extern trace_func_graph_ret_t ftrace_graph_return;
extern trace_func_graph_ent_t ftrace_graph_entry;
/* max_graph_depth: 0 for no limit */
extern unsigned int fgraph_max_depth;
/* Is @func (a call site) in set_graph_function, or the set empty? */
bool ftrace_graph_addr(unsigned long func);

/*
 * For the tracefs files (kernel/fs/tracefs/ftrace_files.c): the call sites,
 * and the sets as bitmaps over them. ftrace_set_alloc() gives an empty
 * set (kfree it), ftrace_set_read() adds the records that have @flag
 * (FTRACE_FL_FILTER, _NOTRACE or _GRAPH), ftrace_set_commit() makes @set
 * the new set and re-patches the code if a tracer runs.
 * ftrace_set_pids(): the new set_ftrace_pid bitmap (PID_MAX bits), NULL for
 * every task; RETURNS: 1 if there was one before.
 * CONTEXT: process context, no locks held.
 */
extern struct dyn_ftrace *ftrace_records;
extern unsigned long ftrace_nr_records;
unsigned long *ftrace_set_alloc(void);
void ftrace_set_read(unsigned long flag, unsigned long *set);
void ftrace_set_commit(unsigned long flag, const unsigned long *set);
int ftrace_set_pids(unsigned long *pids);
const unsigned long *ftrace_get_pids(void);

/* kernel/arm/entry-ftrace.S and the arch patching (Linux's
 * arch/arm/kernel/ftrace.c). */
#define MCOUNT_INSN_SIZE 4
void __gnu_mcount_nc(void);
void ftrace_caller(void);
void ftrace_call(void);
void ftrace_graph_call(void);
void ftrace_graph_caller(void);
void return_to_handler(void);
void ftrace_stub(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
		 struct pt_regs *regs);
#define MCOUNT_ADDR ((unsigned long)__gnu_mcount_nc)
#define FTRACE_ADDR ((unsigned long)ftrace_caller)

int ftrace_make_nop(struct dyn_ftrace *rec, unsigned long addr);
int ftrace_make_call(struct dyn_ftrace *rec, unsigned long addr);
int ftrace_update_ftrace_func(ftrace_func_t func);
int ftrace_enable_ftrace_graph_caller(void);
int ftrace_disable_ftrace_graph_caller(void);
/* Make the instructions written so far visible to every CPU's fetch. */
void ftrace_sync_icache(void);
/* Run ftrace_modify_all_code(@command) with the other CPUs stopped. */
void arch_ftrace_update_code(int command);

/* ftrace_modify_all_code()'s commands (Linux's). */
enum {
	FTRACE_UPDATE_CALLS = (1 << 0),
	FTRACE_DISABLE_CALLS = (1 << 1),
	FTRACE_UPDATE_TRACE_FUNC = (1 << 2),
	FTRACE_START_FUNC_RET = (1 << 3),
	FTRACE_STOP_FUNC_RET = (1 << 4),
};
void ftrace_modify_all_code(int command);

#endif
