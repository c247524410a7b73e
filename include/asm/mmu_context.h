/* Switching address spaces (Linux's arch/arm/include/asm/mmu_context.h). */
#ifndef _ASM_MMU_CONTEXT_H
#define _ASM_MMU_CONTEXT_H

struct mm_struct;
struct task_struct;

/* Point TTBR0 at the empty user table of init_mm: kernel threads and idle
 * tasks have no user space, and a stray user address faults. */
void switch_to_init_mm(void);
/* Make next's address space current on this CPU. CONTEXT: IRQs off. */
void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk);

#endif
