/* TLB and cache maintenance (Linux's arch/arm/include/asm/tlbflush.h and
 * arch/arm/mm/cache-v7.S), using the Inner Shareable forms so that one
 * operation reaches all four cores (ARM ARM B3.10.6 and B4.2.1).
 *
 * Rules this file applies, from the ARM ARM:
 * - A page-table write must be complete before the TLB invalidation that
 *   makes it take effect: DSB ISHST first (B3.10.1). The Cortex-A7's walker
 *   reads through the coherent caches (ID_MMFR3.CohWalk), so no clean.
 * - The invalidation is complete on every core only after DSB ISH, and this
 *   core's instruction stream sees it after ISB.
 * - Instructions written through a data address reach instruction fetch
 *   only after cleaning D to the Point of Unification and invalidating the
 *   I-cache and branch predictor (B2.2.7). */
#include <linux/mm.h>
#include <asm/barrier.h>

#define dsb_ishst() __asm__ __volatile__("dsb ishst" ::: "memory")
#define dsb_ish() __asm__ __volatile__("dsb ish" ::: "memory")

void flush_tlb_mm(struct mm_struct *mm)
{
	u32 asid = mm->context.id & 0xff;

	dsb_ishst();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 2" : : "r"(asid)); /* TLBIASIDIS */
	dsb_ish();
	isb();
}

void flush_tlb_page(struct mm_struct *mm, unsigned long uaddr)
{
	u32 mva = (uaddr & PAGE_MASK) | (mm->context.id & 0xff);

	dsb_ishst();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 1" : : "r"(mva)); /* TLBIMVAIS */
	dsb_ish();
	isb();
}

/* Page by page for a few pages (Linux's v7wbi_flush_user_tlb_range), else
 * the whole ASID at once, as arm64 does past a threshold; one DSB for all. */
void flush_tlb_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	u32 asid = mm->context.id & 0xff;
	unsigned long addr;

	if (end - start > 32 * PAGE_SIZE) {
		flush_tlb_mm(mm);
		return;
	}
	dsb_ishst();
	for (addr = start & PAGE_MASK; addr < end; addr += PAGE_SIZE)
		__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 1" : : "r"(addr | asid)); /* TLBIMVAIS */
	dsb_ish();
	isb();
}

void flush_tlb_kernel_all(void)
{
	dsb_ishst();
	__asm__ __volatile__("mcr p15, 0, %0, c8, c3, 0" : : "r"(0)); /* TLBIALLIS */
	dsb_ish();
	isb();
}

void flush_icache_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start & ~63UL; addr < end; addr += 64) /* Cortex-A7 lines: 64 bytes */
		__asm__ __volatile__("mcr p15, 0, %0, c7, c11, 1" : : "r"(addr)); /* DCCMVAU */
	dsb_ish();
	__asm__ __volatile__("mcr p15, 0, %0, c7, c1, 0\n\t"  /* ICIALLUIS */
			     "mcr p15, 0, %0, c7, c1, 6"      /* BPIALLIS */
			     : : "r"(0));
	dsb_ish();
	isb();
}
