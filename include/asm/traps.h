/* Oops reporting and fault signals (Linux's arch/arm/include/asm/traps.h,
 * bug.h and system_misc.h). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/compiler.h>
#include <asm/bug.h>

struct pt_regs;
struct task_struct;

/* Print an oops for regs and kill the current task (or panic). */
void die(const char *str, struct pt_regs *regs, int err);
/* A fault: signo/si_code at addr for user mode, with err and trap for its
 * sigcontext's error_code and trap_no; die(str) for the kernel. */
void arm_notify_die(const char *str, struct pt_regs *regs, int signo, int si_code,
		    void __user *addr, unsigned long err, unsigned long trap);
/* Make instructions written in [start, end) of user memory executable
 * (kernel/arm/cache-v7.S). RETURNS: 0 or -EFAULT. */
int v7_coherent_user_range(unsigned long start, unsigned long end);
void dump_backtrace(struct pt_regs *regs, struct task_struct *tsk);
/* Print regs and the current kernel stack trace. */
void show_regs(struct pt_regs *regs);
/* The register dump alone (kernel/arm/traps.c). */
void __show_regs(struct pt_regs *regs);
/* Build and map the vector page with the kuser helpers. CONTEXT: boot CPU. */
void early_trap_init(void);

#endif
