/* Hooking returns for the function_graph tracer: each task's stack of
 * real return addresses (Linux 4.19's ftrace_push_return_trace,
 * ftrace_return_to_handler and ftrace_graph_ret_addr, which it keeps in
 * trace_functions_graph.c and later versions in fgraph.c). */
#include <linux/errno.h>
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/trace_events.h>

/* Set after a corrupt return stack: no new hooks, ever (Linux's kill_ftrace_graph). */
static bool kill_ftrace_graph;

static void ftrace_graph_stop(void)
{
	kill_ftrace_graph = true;
}

/**
 * ftrace_push_return_trace - remember that the function at call site @func
 * will return to @ret, with its caller's @frame_pointer
 * @depth: out: the index of the new entry
 * RETURNS: 0, or -EBUSY if current has no room (or no return stack).
 */
int ftrace_push_return_trace(unsigned long ret, unsigned long func, int *depth,
			     unsigned long frame_pointer)
{
	unsigned long long calltime;
	int index;

	if (unlikely(kill_ftrace_graph))
		return -EBUSY;

	if (!current->ret_stack)
		return -EBUSY;

	/*
	 * We must make sure the ret_stack is tested before we read
	 * anything else.
	 */
	smp_rmb();

	/* The return trace stack is full */
	if (current->curr_ret_stack == FTRACE_RETFUNC_DEPTH - 1) {
		current->trace_overrun++;
		return -EBUSY;
	}

	calltime = trace_clock_local();

	index = ++current->curr_ret_stack;
	barrier();
	current->ret_stack[index].ret = ret;
	current->ret_stack[index].func = func;
	current->ret_stack[index].calltime = calltime;
	current->ret_stack[index].fp = frame_pointer;
	*depth = index;

	return 0;
}

/*
 * Retrieve a function return address to the trace stack on thread info.
 * Linux's ARM does without the frame pointer check (it has no
 * HAVE_FUNCTION_GRAPH_FP_TEST); here every frame is an APCS one, so the
 * fp a hooked function returns with is known and checked, as x86 does.
 */
static void ftrace_pop_return_trace(struct ftrace_graph_ret *trace, unsigned long *ret,
				    unsigned long frame_pointer)
{
	int index = current->curr_ret_stack;

	if (unlikely(index < 0 || index >= FTRACE_RETFUNC_DEPTH || !current->ret_stack)) {
		ftrace_graph_stop();
		pr_warn("ftrace: return stack of %s-%d corrupt (index %d)\n", current->comm,
			current->pid, index);
		/* Might as well panic, otherwise we have no where to go */
		*ret = (unsigned long)panic;
		return;
	}

	if (unlikely(current->ret_stack[index].fp != frame_pointer)) {
		ftrace_graph_stop();
		pr_warn("Bad frame pointer: expected %lx, received %lx\n"
			"  from func %ps return to %lx\n",
			current->ret_stack[index].fp, frame_pointer,
			(void *)current->ret_stack[index].func, current->ret_stack[index].ret);
		*ret = (unsigned long)panic;
		return;
	}

	*ret = current->ret_stack[index].ret;
	trace->func = current->ret_stack[index].func;
	trace->calltime = current->ret_stack[index].calltime;
	trace->overrun = current->trace_overrun;
	trace->depth = index;
}

/*
 * Send the trace to the ring-buffer.
 * @return the original return address.
 */
unsigned long ftrace_return_to_handler(unsigned long frame_pointer)
{
	struct ftrace_graph_ret trace = { 0 };
	unsigned long ret;

	ftrace_pop_return_trace(&trace, &ret, frame_pointer);
	trace.rettime = trace_clock_local();
	barrier();
	current->curr_ret_stack--;

	/*
	 * The trace should run after decrementing the ret counter
	 * in case an interrupt were to come in. We don't want to
	 * lose the interrupt if max_depth is set.
	 */
	ftrace_graph_return(&trace);

	return ret;
}

unsigned long ftrace_graph_ret_addr(struct task_struct *task, int *idx, unsigned long ret)
{
	int task_idx;

	if (ret != (unsigned long)return_to_handler)
		return ret;

	task_idx = task->curr_ret_stack;

	if (!task->ret_stack || task_idx < *idx)
		return ret;

	task_idx -= *idx;
	(*idx)++;

	return task->ret_stack[task_idx].ret;
}
