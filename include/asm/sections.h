/* Section bounds set by linker.ld (Linux's include/asm-generic/sections.h). */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

#include <linux/types.h>

/* The exception entry code: vector_swi, ret_fast_syscall, __irq_svc... */
extern char __entry_text_start[], __entry_text_end[];

/* The interrupt handlers' first C functions, __irq_entry: function_graph
 * marks their calls with ==========> and <========== (Linux's). */
extern char __irqentry_text_start[], __irqentry_text_end[];

/* Is @addr in the entry code, whose callees find a struct pt_regs on the
 * stack above them? (Linux's in_entry_text) */
static inline bool in_entry_text(unsigned long addr)
{
	return addr >= (unsigned long)__entry_text_start && addr < (unsigned long)__entry_text_end;
}

#endif
