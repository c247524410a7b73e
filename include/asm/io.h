/* Device register access (Linux's arch/arm/include/asm/io.h).
 * Device memory is ordered against other Device accesses, but not against
 * Normal memory: writel() completes earlier stores first (DSB ST) so that
 * data in RAM is visible before, say, a mailbox write tells the VideoCore
 * or another CPU to read it, and readl() completes (DSB) before later
 * accesses, so that RAM reads wait for the register. A DMB would order
 * only observers inside the ARM's coherency domain (ARM ARM A3.8.3). */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/memory.h>

static inline u32 readl_relaxed(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel_relaxed(u32 val, volatile void *addr)
{
	*(volatile u32 *)addr = val;
}

static inline u32 readl(const volatile void *addr)
{
	u32 v = readl_relaxed(addr);
	dsb();
	return v;
}

static inline void writel(u32 val, volatile void *addr)
{
	__asm__ __volatile__("dsb st" ::: "memory");
	writel_relaxed(val, addr);
}

/* The peripherals are mapped once at boot (boot/head.S), so an "ioremap"
 * is an offset into that window. */
#define IO_ADDRESS(phys) ((void *)((phys)-PERIPH_PHYS + PERIPH_VIRT))
#define LOCAL_ADDRESS(off) ((void *)(LOCAL_VIRT + (off)))
#define PERIPH(off) ((void *)(PERIPH_VIRT + (off)))

#endif
