/* Oops reporting (Linux's arch/arm/include/asm/traps.h and bug.h). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/bug.h>

struct pt_regs;
struct task_struct;

/* Print an oops for regs and kill the current task (or panic). */
void die(const char *str, struct pt_regs *regs, int err);
void dump_backtrace(struct pt_regs *regs, struct task_struct *tsk);
/* Build and map the vector page with the kuser helpers. CONTEXT: boot CPU. */
void early_trap_init(void);

#endif
