/* Early architecture setup (Linux's arch/arm/kernel/setup.c). */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

/* r0, r1, r2 and the CPSR as the boot loader left them, and the physical
 * address the image was entered at (boot/head.S fills it). */
extern u32 boot_regs[5];

/* Per-CPU exception stacks, VBAR and VFP access. CONTEXT: the CPU itself, IRQs off. */
void cpu_init(void);
void setup_arch(void);

#endif
