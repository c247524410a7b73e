/* The kernel's view of physical memory (Linux's arch/arm/include/asm/memory.h).
 *
 * RAM starts at physical 0 on the BCM2836. Like Linux's default 3G/1G split
 * the kernel's linear map starts at PAGE_OFFSET = 0xC0000000, so a kernel
 * address is c0xxxxxx exactly as in a Linux oops or trace. Unlike Linux we
 * split the two translation tables at 2 GiB (TTBCR.N = 1): TTBR1 holds the
 * kernel's table, shared by every process and never copied, and TTBR0 a
 * process's 8 KiB table for user space below TASK_SIZE. */
#ifndef _ASM_MEMORY_H
#define _ASM_MEMORY_H

#ifdef __ASSEMBLY__
#define UL(x) x
#else
#define UL(x) x##UL
#endif

#define PAGE_SHIFT 12
#define PAGE_SIZE (UL(1) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PAGE_OFFSET UL(0xC0000000)
#define PHYS_OFFSET UL(0x00000000)
#define TEXT_OFFSET UL(0x00008000)
#define TASK_SIZE UL(0x80000000)
/* The lowest address user space may map (Linux's mmap_min_addr): a NULL
 * pointer and anything near it always fault. */
#define MMAP_MIN_ADDR UL(0x1000)
/* The linear map covers at most the ARM's share of RAM (960 MiB in QEMU),
 * leaving room above it for the peripherals' mapping. */
#define LOWMEM_MAX UL(0x3C000000)
#define PERIPH_PHYS UL(0x3F000000)
#define PERIPH_VIRT UL(0xFD000000)
#define PERIPH_SIZE UL(0x01000000)
#define LOCAL_PHYS UL(0x40000000)
#define LOCAL_VIRT UL(0xFE000000)
#define LOCAL_SIZE UL(0x00100000)
/* The vector page with the kuser helpers, at the top of the address space. */
#define VECTORS_BASE UL(0xFFFF0000)

#ifndef __ASSEMBLY__
#ifdef HOST_TEST
/* Host tests back "physical memory" with an arena of their own. */
extern unsigned long host_va_pa_offset;
#define __va(pa) ((void *)((unsigned long)(pa) + host_va_pa_offset))
#define __pa(va) ((unsigned long)(va)-host_va_pa_offset)
#else
#define __va(pa) ((void *)((unsigned long)(pa) - PHYS_OFFSET + PAGE_OFFSET))
#define __pa(va) ((unsigned long)(va)-PAGE_OFFSET + PHYS_OFFSET)
#endif
#define virt_to_pfn(va) (__pa(va) >> PAGE_SHIFT)
#define pfn_to_virt(pfn) __va((unsigned long)(pfn) << PAGE_SHIFT)
#endif

#endif
