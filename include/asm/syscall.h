/* A syscall's number and arguments as the tracer reads them (Linux's
 * arch/arm/include/asm/syscall.h). */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <linux/sched.h>
#include <linux/string.h>
#include <asm/ptrace.h>

/* The number being served, as syscall_trace_enter recorded it (Linux's:
 * the untraced path does not record it). */
static inline int syscall_get_nr(struct task_struct *task, struct pt_regs *regs)
{
	return task_thread_info(task)->syscall;
}

/* Arguments @i .. @i + @n - 1: r0 as it was at entry (ORIG_r0), then r1..r5. */
static inline void syscall_get_arguments(struct task_struct *task, struct pt_regs *regs,
					 unsigned int i, unsigned int n, unsigned long *args)
{
	if (n == 0)
		return;
	if (i == 0) {
		args[0] = regs->ARM_ORIG_r0;
		args++;
		i++;
		n--;
	}
	memcpy(args, &regs->ARM_r0 + i, n * sizeof(args[0]));
}

#endif
