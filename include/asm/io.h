/* Device register access (Linux's arch/arm/include/asm/io.h).
 * Device memory is ordered against other Device accesses, but not against
 * Normal memory: writel() issues a barrier first so that data in RAM is
 * visible before, say, a mailbox write tells another agent to read it, and
 * readl() one after so that RAM reads wait for the register (ARM ARM A3.8). */
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
	dmb();
	return v;
}

static inline void writel(u32 val, volatile void *addr)
{
	dmb();
	writel_relaxed(val, addr);
}

/* The peripherals are mapped once at boot (boot/head.S), so an "ioremap"
 * is an offset into that window. */
#define IO_ADDRESS(phys) ((void *)((phys)-PERIPH_PHYS + PERIPH_VIRT))
#define LOCAL_ADDRESS(off) ((void *)(LOCAL_VIRT + (off)))
#define PERIPH(off) ((void *)(PERIPH_VIRT + (off)))

#endif
