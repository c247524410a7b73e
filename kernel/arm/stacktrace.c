/* Walking the kernel stack by its APCS frame records, and saving the call
 * chain for the tracer (Linux's arch/arm/kernel/stacktrace.c with
 * CONFIG_FRAME_POINTER). The oops backtrace, the <stack trace> records of
 * the function tracer, events and triggers, /proc/<pid>/stack and wchan
 * all walk with unwind_frame(). */
#include <linux/errno.h>
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/stacktrace.h>
#include <asm/sections.h>
#include <asm/stacktrace.h>
#include <asm/thread_info.h>

/**
 * unwind_frame - step from @frame to its caller's frame
 *
 * The frame record must lie above frame->sp on the same THREAD_SIZE stack,
 * so the walk only moves up and stops at the top (vector_swi and usr_entry
 * set fp to 0). Unlike Linux, the caller's sp read back must also lie on
 * this stack, above the record: a corrupt record ends the walk instead of
 * sending the next step through a wild pointer.
 * RETURNS: 0, or -EINVAL at the end of the chain.
 */
int notrace unwind_frame(struct stackframe *frame)
{
	unsigned long high, low;
	unsigned long fp = frame->fp;
	unsigned long sp;

	/* only go to a higher address on the stack */
	low = frame->sp;
	high = ALIGN(low, THREAD_SIZE);

	/* check current frame pointer is within bounds */
	if (fp < low + 12 || fp > high - 4 || (fp & 3))
		return -EINVAL;
	sp = *(unsigned long *)(fp - 8);
	if (sp < fp + 4 || sp > high)
		return -EINVAL;

	/* restore the registers from the stack frame */
	frame->fp = *(unsigned long *)(fp - 12);
	frame->sp = sp;
	/* A return hooked by function_graph: the address it stands for. */
	frame->pc = ftrace_graph_ret_addr(frame->tsk, &frame->graph, *(unsigned long *)(fp - 4));
	return 0;
}

/* Call @fn on @frame and each caller's frame until @fn returns non-zero
 * or the chain ends. */
void notrace walk_stackframe(struct stackframe *frame, int (*fn)(struct stackframe *, void *),
			     void *data)
{
	while (1) {
		int ret;

		if (fn(frame, data))
			break;
		ret = unwind_frame(frame);
		if (ret < 0)
			break;
	}
}

/**
 * walk_stackframe_blocked - walk_stackframe() over @tsk's stack from where
 * __switch_to left it, with @tsk held there
 *
 * Linux 4.19 walks another task's stack only on a uniprocessor: on SMP the
 * task may be running on another CPU, its saved registers stale. As Linux
 * 6.1's get_wchan() does, we hold @tsk's pi_lock, which try_to_wake_up()
 * takes first, and walk only a task that is blocked and switched out: it
 * cannot run again before we let go.
 * CONTEXT: @tsk pinned (a reference or tasklist_lock), and not current.
 * RETURNS: false, without calling @fn, if @tsk is running or runnable.
 */
bool notrace walk_stackframe_blocked(struct task_struct *tsk, int (*fn)(struct stackframe *, void *),
				     void *data)
{
	struct cpu_context_save *saved = &task_thread_info(tsk)->cpu_context;
	struct stackframe frame;
	unsigned long flags;
	bool blocked;

	spin_lock_irqsave(&tsk->pi_lock, flags);
	blocked = tsk->state != TASK_RUNNING && tsk->state != TASK_WAKING;
	smp_rmb(); /* on_rq after state, as try_to_wake_up() reads them */
	blocked = blocked && !READ_ONCE(tsk->on_rq);
	smp_rmb(); /* on_cpu after on_rq */
	blocked = blocked && !READ_ONCE(tsk->on_cpu);
	if (blocked) {
		smp_rmb(); /* the registers __switch_to saved before on_cpu dropped */
		frame.fp = saved->fp;
		frame.sp = saved->sp;
		frame.lr = 0; /* recovered from the stack */
		frame.pc = saved->pc;
		frame.graph = 0;
		frame.tsk = tsk;
		walk_stackframe(&frame, fn, data);
	}
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	return blocked;
}

struct stack_trace_data {
	struct stack_trace *trace;
	unsigned int no_sched_functions;
	unsigned int skip;
};

/*
 * Record frame->pc. A pc in the entry code (ret_fast_syscall, __irq_svc...)
 * means frame->sp is the sp the entry code called C with, where it built a
 * struct pt_regs: the interrupted pc is recorded next, as Linux does. On the
 * syscall path that sp is S_OFF below the pt_regs (vector_swi pushed the
 * 5th and 6th arguments), so the word taken for ARM_pc is in fact the
 * user's sp: Linux's own slip, kept so that our traces end with the same
 * `=> 0x7ec325a8`-like line as real ones.
 */
static int notrace save_trace(struct stackframe *frame, void *d)
{
	struct stack_trace_data *data = d;
	struct stack_trace *trace = data->trace;
	struct pt_regs *regs;
	unsigned long addr = frame->pc;

	if (data->no_sched_functions && in_sched_functions(addr))
		return 0;
	if (data->skip) {
		data->skip--;
		return 0;
	}

	trace->entries[trace->nr_entries++] = addr;

	if (trace->nr_entries >= trace->max_entries)
		return 1;

	if (!in_entry_text(frame->pc))
		return 0;

	regs = (struct pt_regs *)frame->sp;
	if ((unsigned long)&regs[1] > ALIGN(frame->sp, THREAD_SIZE))
		return 0;
	/* A kernel thread's pt_regs, zeroed by copy_thread, interrupted
	 * nothing: its chain ends at ret_from_fork, as Linux 4.19's traces of
	 * kworkers do (no `=> 0` line). */
	if (!regs->ARM_pc)
		return 0;

	trace->entries[trace->nr_entries++] = regs->ARM_pc;

	return trace->nr_entries >= trace->max_entries;
}

/* The chain of @tsk (current, or blocked: see walk_stackframe_blocked),
 * without the __sched functions if @nosched. For current the walk starts at
 * this function: skip it and its caller. */
static noinline notrace void __save_stack_trace(struct task_struct *tsk, struct stack_trace *trace,
						unsigned int nosched)
{
	register unsigned long current_stack_pointer __asm__("sp");
	struct stack_trace_data data;
	struct stackframe frame;

	data.trace = trace;
	data.skip = trace->skip;
	data.no_sched_functions = nosched;

	if (tsk != current) {
		walk_stackframe_blocked(tsk, save_trace, &data);
	} else {
		/* We don't want this function nor the caller */
		data.skip += 2;
		frame.fp = (unsigned long)__builtin_frame_address(0);
		frame.sp = current_stack_pointer;
		frame.lr = (unsigned long)__builtin_return_address(0);
		frame.pc = (unsigned long)__save_stack_trace;
		frame.graph = 0;
		frame.tsk = tsk;
		walk_stackframe(&frame, save_trace, &data);
	}
	if (trace->nr_entries < trace->max_entries)
		trace->entries[trace->nr_entries++] = ULONG_MAX;
}

void notrace save_stack_trace(struct stack_trace *trace)
{
	__save_stack_trace(current, trace, 0);
}

void notrace save_stack_trace_tsk(struct task_struct *tsk, struct stack_trace *trace)
{
	__save_stack_trace(tsk, trace, 1);
}
