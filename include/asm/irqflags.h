/* Masking IRQs on this CPU (Linux's arch/arm/include/asm/irqflags.h).
 * Host unit tests run single-threaded, so there they are no-ops. */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#define PSR_I_BIT 0x00000080

#ifdef HOST_TEST
static inline unsigned long arch_local_irq_save(void) { return 0; }
static inline void arch_local_irq_restore(unsigned long flags) { (void)flags; }
static inline void arch_local_irq_enable(void) {}
static inline void arch_local_irq_disable(void) {}
static inline unsigned long arch_local_save_flags(void) { return 0; }
#else
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;
	__asm__ __volatile__("mrs %0, cpsr\n\tcpsid i" : "=r"(flags) : : "memory", "cc");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("msr cpsr_c, %0" : : "r"(flags) : "memory", "cc");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" : : : "memory", "cc");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" : : : "memory", "cc");
}

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;
	__asm__ __volatile__("mrs %0, cpsr" : "=r"(flags) : : "memory", "cc");
	return flags;
}
#endif

#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_save_flags(flags) ((flags) = arch_local_save_flags())
#define local_irq_enable() arch_local_irq_enable()
#define local_irq_disable() arch_local_irq_disable()
#define irqs_disabled_flags(flags) (((flags)&PSR_I_BIT) != 0)
#define irqs_disabled() irqs_disabled_flags(arch_local_save_flags())

#endif
