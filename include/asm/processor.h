/* The CPU-specific part of a task (Linux's arch/arm/include/asm/processor.h,
 * struct thread_struct without the hardware-debug state). */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

/* What the last fault or trap of the task recorded, for its signal frame:
 * setup_sigframe copies it into the sigcontext a handler receives. */
struct thread_struct {
	unsigned long address;    /* faulting address (a page fault) */
	unsigned long trap_no;    /* 14: page fault, 6: undefined instruction */
	unsigned long error_code; /* the fault status, or a bad syscall's number */
};

struct task_struct;

/* Where a sleeping task waits, for /proc/<pid>/wchan (kernel/arm/process.c). */
unsigned long get_wchan(struct task_struct *p);

#endif
