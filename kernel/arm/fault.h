/* Between the abort handlers (Linux's arch/arm/mm/fault.h). */
#ifndef _KERNEL_ARM_FAULT_H
#define _KERNEL_ARM_FAULT_H

struct pt_regs;

/* A fault that no mapping can resolve: SIGSEGV SEGV_MAPERR at addr for
 * user mode, an exception-table fixup or an oops for the kernel. */
void do_bad_area(unsigned long addr, unsigned int fsr, struct pt_regs *regs);

/* An alignment fault (kernel/arm/alignment.c). RETURNS: 0 if handled, 1
 * for do_DataAbort to send the table's SIGBUS. */
int do_alignment(unsigned long addr, unsigned int fsr, struct pt_regs *regs);

#endif
