/* The function tracer's core (Linux's kernel/trace/ftrace.c, much smaller):
 * the table of mcount call sites recorded at build time, which of them
 * call ftrace_caller, what ftrace_caller calls, the sets that choose the
 * functions (set_ftrace_filter, set_ftrace_notrace, set_graph_function,
 * set_ftrace_pid), and the function-graph return stacks of the tasks.
 *
 * Simplified: Linux keeps a list of ftrace_ops, each with hashes of ips
 * and per-record reference counts; here one ops is active at a time and
 * the sets are bits in the records (ftrace_records, sorted by address). */
#include <linux/errno.h>
#include <linux/ftrace.h>
#include <linux/ftrace_regex.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/trace_events.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <trace/events/sched.h>

/* Written by tools/recordmcount into the kernel image (linker.ld). */
extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];

struct dyn_ftrace *ftrace_records;
unsigned long ftrace_nr_records;
/* A call site was not what it should be: never patch again (ftrace_bug). */
static int ftrace_disabled;

/* Serialises changes of the ops, the sets and the code (Linux's). */
static DEFINE_MUTEX(ftrace_lock);

static struct ftrace_ops *ftrace_active_ops; /* the current tracer's */
/* Read by ftrace_caller and passed to the callback (Linux's). */
struct ftrace_ops *function_trace_op;
/* What ftrace_call calls (Linux's ftrace_trace_function). */
static ftrace_func_t ftrace_trace_function = ftrace_stub;
/* How many records each set holds. */
static unsigned long ftrace_filter_count, ftrace_graph_count;

/* set_ftrace_pid: one bit per pid, NULL for every task (Linux's
 * trace_pid_list of tr->function_pids). */
static unsigned long *ftrace_pid_list;

static int ftrace_graph_active;
unsigned int fgraph_max_depth;

static int ftrace_graph_entry_stub(struct ftrace_graph_ent *trace)
{
	return 0;
}

static void ftrace_graph_return_stub(struct ftrace_graph_ret *trace)
{
}

trace_func_graph_ret_t ftrace_graph_return = ftrace_graph_return_stub;
trace_func_graph_ent_t ftrace_graph_entry = ftrace_graph_entry_stub;
/* The ops of function_graph: its callback is the graph caller's branch. */
static struct ftrace_ops graph_ops = { .func = ftrace_stub };

/* Report a call site that held the wrong instruction, and stop patching. */
static void ftrace_bug(int failed, struct dyn_ftrace *rec)
{
	ftrace_disabled = 1;
	pr_warn("ftrace failed to modify [<%08lx>] %pS (error %d): ftrace disabled\n", rec->ip,
		(void *)rec->ip, failed);
}

/* Should @rec call ftrace_caller with the active ops? (Linux's check of
 * the ops' filter and notrace hashes in ftrace_check_record) */
static bool ftrace_rec_wanted(const struct dyn_ftrace *rec)
{
	if (!ftrace_active_ops || (rec->flags & FTRACE_FL_NOTRACE))
		return false;
	return !ftrace_filter_count || (rec->flags & FTRACE_FL_FILTER);
}

/* Patch each call site that is not as it should be (Linux's ftrace_replace_code). */
static void ftrace_replace_code(int enable)
{
	unsigned long i;

	for (i = 0; i < ftrace_nr_records && !ftrace_disabled; i++) {
		struct dyn_ftrace *rec = &ftrace_records[i];
		bool want = enable && ftrace_rec_wanted(rec);
		int failed;

		if (want == !!(rec->flags & FTRACE_FL_ENABLED))
			continue;
		failed = want ? ftrace_make_call(rec, FTRACE_ADDR) : ftrace_make_nop(rec, FTRACE_ADDR);
		if (failed) {
			ftrace_bug(failed, rec);
			return;
		}
		rec->flags ^= FTRACE_FL_ENABLED;
	}
}

/* CONTEXT: the other CPUs stopped (arch_ftrace_update_code). */
void ftrace_modify_all_code(int command)
{
	if (command & FTRACE_UPDATE_TRACE_FUNC)
		ftrace_update_ftrace_func(ftrace_trace_function);
	if (command & FTRACE_UPDATE_CALLS)
		ftrace_replace_code(1);
	else if (command & FTRACE_DISABLE_CALLS)
		ftrace_replace_code(0);
	if (command & FTRACE_START_FUNC_RET)
		ftrace_enable_ftrace_graph_caller();
	else if (command & FTRACE_STOP_FUNC_RET)
		ftrace_disable_ftrace_graph_caller();
}

/* CONTEXT: ftrace_lock held. */
static void ftrace_run_update_code(int command)
{
	if (!ftrace_disabled)
		arch_ftrace_update_code(command);
}

/* Make @ops the active one, or (@ops NULL) none; @command says what else
 * changes with it. RETURNS: 0, -EBUSY or -ENODEV. */
static int ftrace_set_active_ops(struct ftrace_ops *ops, ftrace_func_t func, int command)
{
	int ret = 0;

	mutex_lock(&ftrace_lock);
	if (ftrace_disabled) {
		ret = -ENODEV;
	} else if (ops && ftrace_active_ops) {
		ret = -EBUSY;
	} else {
		if (ops)
			function_trace_op = ops;
		ftrace_active_ops = ops;
		ftrace_trace_function = func;
		ftrace_run_update_code(command | FTRACE_UPDATE_TRACE_FUNC);
	}
	mutex_unlock(&ftrace_lock);
	return ret;
}

int register_ftrace_function(struct ftrace_ops *ops)
{
	return ftrace_set_active_ops(ops, ops->func, FTRACE_UPDATE_CALLS);
}

/* A callback that the stop interrupted may still be running when this
 * returns; the tracers' callbacks use no memory that goes away with them. */
int unregister_ftrace_function(struct ftrace_ops *ops)
{
	if (ops != READ_ONCE(ftrace_active_ops))
		return -EINVAL;
	return ftrace_set_active_ops(NULL, ftrace_stub, FTRACE_DISABLE_CALLS);
}

bool ftrace_trace_task(void)
{
	unsigned long *pids = READ_ONCE(ftrace_pid_list);
	pid_t pid = current->pid;

	return !pids || (pid < PID_MAX && (pids[pid / BITS_PER_LONG] >> (pid % BITS_PER_LONG)) & 1);
}

/* ---- The sets, as the tracefs files and the command line change them ---- */

/* The record of the call site @ip, or NULL (binary search). */
static struct dyn_ftrace *ftrace_lookup_ip(unsigned long ip)
{
	unsigned long lo = 0, hi = ftrace_nr_records;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (ftrace_records[mid].ip == ip)
			return &ftrace_records[mid];
		if (ftrace_records[mid].ip < ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool ftrace_graph_addr(unsigned long func)
{
	struct dyn_ftrace *rec;

	if (!READ_ONCE(ftrace_graph_count))
		return true;
	rec = ftrace_lookup_ip(func);
	return rec && (rec->flags & FTRACE_FL_GRAPH);
}

unsigned long *ftrace_set_alloc(void)
{
	return kcalloc(BITS_TO_LONGS(ftrace_nr_records ? ftrace_nr_records : 1),
		       sizeof(unsigned long), GFP_KERNEL);
}

void ftrace_set_read(unsigned long flag, unsigned long *set)
{
	unsigned long i;

	for (i = 0; i < ftrace_nr_records; i++)
		if (READ_ONCE(ftrace_records[i].flags) & flag)
			set[i / BITS_PER_LONG] |= 1UL << (i % BITS_PER_LONG);
}

void ftrace_set_commit(unsigned long flag, const unsigned long *set)
{
	unsigned long i, count = 0;

	mutex_lock(&ftrace_lock);
	for (i = 0; i < ftrace_nr_records; i++) {
		struct dyn_ftrace *rec = &ftrace_records[i];

		if ((set[i / BITS_PER_LONG] >> (i % BITS_PER_LONG)) & 1) {
			rec->flags |= flag;
			count++;
		} else {
			rec->flags &= ~flag;
		}
	}
	if (flag == FTRACE_FL_GRAPH)
		WRITE_ONCE(ftrace_graph_count, count);
	if (flag == FTRACE_FL_FILTER)
		ftrace_filter_count = count;
	/* A new selection for the tracer running now (Linux's ftrace_ops_update_code). */
	if (flag != FTRACE_FL_GRAPH && ftrace_active_ops)
		ftrace_run_update_code(FTRACE_UPDATE_CALLS);
	mutex_unlock(&ftrace_lock);
}

static int ftrace_sync(void *unused)
{
	return 0;
}

int ftrace_set_pids(unsigned long *pids)
{
	unsigned long *old;

	mutex_lock(&ftrace_lock);
	old = ftrace_pid_list;
	WRITE_ONCE(ftrace_pid_list, pids);
	mutex_unlock(&ftrace_lock);
	if (!old)
		return 0;
	/* The callbacks test the list with IRQs off: once every CPU has been
	 * through its stopper thread, none still holds the old one (Linux
	 * waits for synchronize_sched() here). */
	stop_machine(ftrace_sync, NULL);
	kfree(old);
	return 1;
}

const unsigned long *ftrace_get_pids(void)
{
	return READ_ONCE(ftrace_pid_list);
}

/* ---- Boot ---- */

/* The sets named on the command line, applied by ftrace_init(). */
static char ftrace_filter_buf[256], ftrace_notrace_buf[256], ftrace_graph_buf[256];

static int set_ftrace_filter(char *str)
{
	strlcpy(ftrace_filter_buf, str, sizeof(ftrace_filter_buf));
	return 1;
}
__setup("ftrace_filter=", set_ftrace_filter);

static int set_ftrace_notrace(char *str)
{
	strlcpy(ftrace_notrace_buf, str, sizeof(ftrace_notrace_buf));
	return 1;
}
__setup("ftrace_notrace=", set_ftrace_notrace);

static int set_graph_function(char *str)
{
	strlcpy(ftrace_graph_buf, str, sizeof(ftrace_graph_buf));
	return 1;
}
__setup("ftrace_graph_filter=", set_graph_function);

/* "a,b*,!c": each comma-separated word, as written to the set's file
 * (Linux's ftrace_set_early_filter). */
static void ftrace_set_early_filter(char *buf, unsigned long flag, enum ftrace_match_mode mode,
				    const char *what)
{
	unsigned long *set;
	char *word, *comma;

	if (!*buf)
		return;
	set = ftrace_set_alloc();
	if (!set)
		return;
	for (word = buf; word; word = comma) {
		comma = strchr(word, ',');
		if (comma)
			*comma++ = '\0';
		if (*word && !ftrace_match_records(ftrace_records, ftrace_nr_records, word, set, mode))
			pr_warn("ftrace: %s: no function matches %s\n", what, word);
	}
	ftrace_set_commit(flag, set);
	kfree(set);
}

void ftrace_init(void)
{
	unsigned long count = __stop_mcount_loc - __start_mcount_loc, i;

	if (!count) {
		pr_info("ftrace: No functions to be traced?\n");
		return;
	}
	ftrace_records = kcalloc(count, sizeof(*ftrace_records), GFP_KERNEL);
	if (!ftrace_records) {
		pr_warn("ftrace: cannot allocate %lu entries\n", count);
		ftrace_disabled = 1;
		return;
	}
	pr_info("ftrace: allocating %lu entries in %lu pages\n", count,
		DIV_ROUND_UP(count * sizeof(*ftrace_records), PAGE_SIZE));
	/* One CPU runs: patch in place, then publish to instruction fetch. */
	for (i = 0; i < count && !ftrace_disabled; i++) {
		struct dyn_ftrace *rec = &ftrace_records[ftrace_nr_records];
		int failed;

		rec->ip = __start_mcount_loc[i];
		failed = ftrace_make_nop(rec, MCOUNT_ADDR);
		if (failed)
			ftrace_bug(failed, rec);
		else
			ftrace_nr_records++;
	}
	ftrace_sync_icache();
	ftrace_set_early_filter(ftrace_filter_buf, FTRACE_FL_FILTER, FTRACE_MATCH_ANY,
				"ftrace_filter");
	ftrace_set_early_filter(ftrace_notrace_buf, FTRACE_FL_NOTRACE, FTRACE_MATCH_ANY,
				"ftrace_notrace");
	ftrace_set_early_filter(ftrace_graph_buf, FTRACE_FL_GRAPH, FTRACE_MATCH_MEMBER,
				"ftrace_graph_filter");
}

/* ---- function_graph: registration and the tasks' return stacks ---- */

static struct ftrace_ret_stack *alloc_ret_stack(void)
{
	return kmalloc_array(FTRACE_RETFUNC_DEPTH, sizeof(struct ftrace_ret_stack), GFP_KERNEL);
}

/* Give @t @ret_stack, empty: the index first, so that a hook that sees
 * the stack sees it empty (Linux's graph_init_task). */
static void graph_init_task(struct task_struct *t, struct ftrace_ret_stack *ret_stack)
{
	t->curr_ret_stack = -1;
	t->trace_overrun = 0;
	smp_wmb();
	WRITE_ONCE(t->ret_stack, ret_stack);
}

#define FTRACE_RETSTACK_ALLOC_SIZE 32

/* A return stack for every task that lacks one, allocated outside the
 * tasklist lock, FTRACE_RETSTACK_ALLOC_SIZE at a time (Linux's
 * alloc_retstack_tasklist). RETURNS: 0, -EAGAIN to go again, -ENOMEM. */
static int alloc_retstack_tasklist(struct ftrace_ret_stack **ret_stack_list)
{
	struct task_struct *p, *t;
	int i, start = 0, end = FTRACE_RETSTACK_ALLOC_SIZE, ret = 0;

	for (i = 0; i < end; i++) {
		ret_stack_list[i] = alloc_ret_stack();
		if (!ret_stack_list[i]) {
			end = i;
			ret = -ENOMEM;
			goto free;
		}
	}
	read_lock(&tasklist_lock);
	list_for_each_entry(p, &all_tasks, tasks) {
		for_each_thread(p, t) {
			if (t->ret_stack)
				continue;
			if (start == end) {
				ret = -EAGAIN;
				goto unlock;
			}
			graph_init_task(t, ret_stack_list[start++]);
		}
	}
unlock:
	read_unlock(&tasklist_lock);
free:
	for (i = start; i < end; i++)
		kfree(ret_stack_list[i]);
	return ret;
}

static int start_graph_tracing(void)
{
	struct ftrace_ret_stack *ret_stack_list[FTRACE_RETSTACK_ALLOC_SIZE];
	int cpu, ret;

	for_each_possible_cpu(cpu) {
		struct task_struct *idle = idle_task(cpu);

		if (idle && !idle->ret_stack) {
			struct ftrace_ret_stack *ret_stack = alloc_ret_stack();

			if (ret_stack)
				graph_init_task(idle, ret_stack);
		}
	}
	do {
		ret = alloc_retstack_tasklist(ret_stack_list);
	} while (ret == -EAGAIN);
	return ret;
}

/* options/sleep-time: whether a function's duration counts the time its
 * task was scheduled out (Linux's fgraph_sleep_time, on by default). */
static bool fgraph_sleep_time = true;

void ftrace_graph_sleep_time_control(bool enable)
{
	fgraph_sleep_time = enable;
}

/*
 * At each switch with sleep-time off: stamp @prev, and move every call
 * time on @next's return stack later by the time @next was out, so its
 * durations leave the sleep out (Linux's ftrace_graph_probe_sched_switch).
 */
static void ftrace_graph_probe_sched_switch(void *ignore, bool preempt,
					    struct task_struct *prev, struct task_struct *next)
{
	unsigned long long timestamp;
	int index;

	if (READ_ONCE(fgraph_sleep_time))
		return;
	timestamp = trace_clock_local();
	prev->ftrace_timestamp = timestamp;
	/* only process tasks that we timestamped */
	if (!next->ftrace_timestamp)
		return;
	timestamp -= next->ftrace_timestamp;
	for (index = next->curr_ret_stack; index >= 0; index--)
		next->ret_stack[index].calltime += timestamp;
}

static const struct tracepoint_func graph_sched_switch_probe = {
	ftrace_graph_probe_sched_switch, NULL
};

int register_ftrace_graph(trace_func_graph_ret_t retfunc, trace_func_graph_ent_t entryfunc)
{
	int ret;

	/* New tasks get a return stack from now on (ftrace_graph_init_task). */
	WRITE_ONCE(ftrace_graph_active, 1);
	ret = start_graph_tracing();
	if (ret)
		goto out;
	ret = tracepoint_probe_register(&__tracepoint_sched_switch, &graph_sched_switch_probe);
	if (ret)
		goto out;
	ftrace_graph_return = retfunc;
	ftrace_graph_entry = entryfunc;
	ret = ftrace_set_active_ops(&graph_ops, ftrace_stub,
				    FTRACE_UPDATE_CALLS | FTRACE_START_FUNC_RET);
	if (ret)
		tracepoint_probe_unregister(&__tracepoint_sched_switch, &graph_sched_switch_probe);
out:
	if (ret) {
		ftrace_graph_return = ftrace_graph_return_stub;
		ftrace_graph_entry = ftrace_graph_entry_stub;
		WRITE_ONCE(ftrace_graph_active, 0);
	}
	return ret;
}

/* Returns hooked before this keep working: the tasks keep their stacks. */
void unregister_ftrace_graph(void)
{
	if (READ_ONCE(ftrace_active_ops) != &graph_ops)
		return;
	ftrace_set_active_ops(NULL, ftrace_stub, FTRACE_DISABLE_CALLS | FTRACE_STOP_FUNC_RET);
	tracepoint_probe_unregister(&__tracepoint_sched_switch, &graph_sched_switch_probe);
	ftrace_graph_return = ftrace_graph_return_stub;
	ftrace_graph_entry = ftrace_graph_entry_stub;
	WRITE_ONCE(ftrace_graph_active, 0);
}

void ftrace_graph_init_task(struct task_struct *t)
{
	/* A copy of the parent's task_struct: not its return stack. */
	t->ret_stack = NULL;
	t->curr_ret_stack = -1;
	t->trace_overrun = 0;
	t->ftrace_timestamp = 0;
	if (READ_ONCE(ftrace_graph_active)) {
		struct ftrace_ret_stack *ret_stack = alloc_ret_stack();

		if (ret_stack)
			graph_init_task(t, ret_stack);
	}
}

void ftrace_graph_exit_task(struct task_struct *t)
{
	struct ftrace_ret_stack *ret_stack = t->ret_stack;

	t->ret_stack = NULL;
	barrier();
	kfree(ret_stack);
}
