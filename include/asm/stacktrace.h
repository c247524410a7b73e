/* Walking the kernel stack by its APCS frame records (Linux's
 * arch/arm/include/asm/stacktrace.h, the CONFIG_FRAME_POINTER unwinder).
 * Every kernel function is built with -mapcs-frame, whose prologue
 * `mov ip, sp; push {fp, ip, lr, pc}; sub fp, ip, #4` leaves fp pointing at
 * a record holding the caller's fp, sp and return address at fp-12, fp-8
 * and fp-4. */
#ifndef _ASM_STACKTRACE_H
#define _ASM_STACKTRACE_H

#include <asm/ptrace.h>
#include <asm/thread_info.h>

struct task_struct;

/* One frame of the walk: pc is where this frame is executing (the return
 * address into it, for every frame but the first). */
struct stackframe {
	unsigned long fp;
	unsigned long sp;
	unsigned long lr;
	unsigned long pc;
	int graph; /* function_graph hooks passed so far (0 to start a walk) */
	struct task_struct *tsk; /* whose stack: function_graph's hooks are its */
};

/* Start a walk at the registers of an exception (Linux's arm_get_current_stackframe). */
static inline void arm_get_current_stackframe(struct pt_regs *regs, struct stackframe *frame)
{
	frame->fp = regs->ARM_fp;
	frame->sp = regs->ARM_sp;
	frame->lr = regs->ARM_lr;
	frame->pc = regs->ARM_pc;
	frame->graph = 0;
	frame->tsk = current_thread_info()->task;
}

int unwind_frame(struct stackframe *frame);
void walk_stackframe(struct stackframe *frame, int (*fn)(struct stackframe *, void *),
		     void *data);
bool walk_stackframe_blocked(struct task_struct *tsk, int (*fn)(struct stackframe *, void *),
			     void *data);

#endif
