/* User page tables (Linux's arch/arm/mm/pgd.c and pgtable-2level.h).
 *
 * TTBCR.N = 1 gives each process an 8 KiB first-level table of 2048
 * entries, one per MiB below TASK_SIZE. A second-level table is 1 KiB (256
 * small pages); one 4 KiB page holds the four tables of a 4 MiB-aligned
 * range, so a page of tables is allocated and freed as a unit. Unlike
 * Linux, no software copy of the PTEs is kept: copy-on-write is decided
 * from the VMA's flags.
 *
 * The PTE helpers are notrace: Linux's are inline (and set_pte_ext is
 * assembly), so the function tracer never sees them and a disabled tracer
 * costs nothing on the per-page loops of fork, exit and faults. */
#include <linux/mm.h>
#include <linux/string.h>

#define PGD_ORDER 1 /* 8 KiB, and 8 KiB-aligned as TTBR0 requires */
#define USER_PTRS_PER_PGD (TASK_SIZE >> 20)
/* First-level "page table" descriptor; PXN: the kernel never runs user code. */
#define PMD_TYPE_TABLE_PXN (PMD_TYPE_TABLE | (1 << 2))

/* Normal memory, write-back write-allocate, shareable, not global (so it
 * is tagged with the ASID), user-accessible. */
#define PTE_USER_BASE (PTE_TYPE_SMALL | PTE_TEX(1) | PTE_CACHEABLE | PTE_BUFFERABLE | \
		       PTE_S | PTE_nG | PTE_AP1 | PTE_AP0)

int pgd_alloc(struct mm_struct *mm)
{
	mm->pgd = (pgd_t *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, PGD_ORDER);
	return mm->pgd ? 0 : -1;
}

/* Free the second-level tables and the first-level table. The pages they
 * mapped must already be unmapped (unmap_page_range). Linux frees tables
 * with the VMAs that needed them (free_pgtables); here mm->context.pte_pages
 * says which pages of tables exist, so no walk of the 2048 entries. */
void pgd_free(struct mm_struct *mm)
{
	unsigned int w;

	/* No walk may still cache a pointer into the tables we free. */
	flush_tlb_mm(mm);
	for (w = 0; w < ARRAY_SIZE(mm->context.pte_pages); w++) {
		u32 bits = mm->context.pte_pages[w];

		while (bits) {
			unsigned int i = (w * 32 + __builtin_ctz(bits)) * 4;

			bits &= bits - 1;
			free_pages((unsigned long)__va(mm->pgd[i] & PAGE_MASK), 0);
		}
	}
	free_pages((unsigned long)mm->pgd, PGD_ORDER);
	mm->pgd = NULL;
}

pte_t notrace *pte_offset(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	unsigned int idx = addr >> 20;
	pgd_t pgd;

	if (addr >= TASK_SIZE)
		return NULL;
	pgd = mm->pgd[idx];
	if (!pgd) {
		unsigned long page;
		unsigned int j, first = idx & ~3u;

		if (!alloc)
			return NULL;
		page = get_zeroed_page(GFP_KERNEL);
		if (!page)
			return NULL;
		/* The zeroed table must be visible to the walker before the
		 * first-level entries that point at it. */
		dsb();
		for (j = 0; j < 4; j++)
			mm->pgd[first + j] = (__pa(page) + j * 1024) | PMD_TYPE_TABLE_PXN;
		dsb();
		mm->context.pte_pages[first / 4 / 32] |= 1u << (first / 4 % 32);
		pgd = mm->pgd[idx];
	}
	return (pte_t *)__va(pgd & ~0x3ffUL) + ((addr >> PAGE_SHIFT) & 0xff);
}

pte_t notrace mk_pte(unsigned long pfn, unsigned long vm_flags)
{
	pte_t pte = (pfn << PAGE_SHIFT) | PTE_USER_BASE;

	if (!(vm_flags & VM_WRITE))
		pte |= PTE_APX;
	if (!(vm_flags & VM_EXEC))
		pte |= PTE_XN;
	return pte;
}

pte_t notrace pte_wrprotect(pte_t pte)
{
	return pte | PTE_APX;
}

pte_t notrace pte_mkwrite(pte_t pte)
{
	return pte & ~PTE_APX;
}

/* Install pte for addr; a valid entry it replaces is flushed from every
 * CPU's TLB. CONTEXT: mm->mmap_lock held. */
void notrace set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	pte_t old = *ptep;

	/* What the page holds (zeroed, copied) must be visible to every CPU
	 * before the entry that lets another thread reach it (ARM ARM A3.8). */
	smp_wmb();
	*ptep = pte;
	if (old)
		flush_tlb_page(mm, addr);
	else
		dsb();
}

pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	pte_t pte = *ptep;

	*ptep = 0;
	flush_tlb_page(vma->vm_mm, address);
	return pte;
}

/* The boot page tables map LOWMEM_MAX of RAM at PAGE_OFFSET. Unmap the
 * part beyond the RAM we were given: the VideoCore's memory above it must
 * not be cacheable for us (ARM ARM A3.5.7: mismatched attributes). */
void trim_linear_map(unsigned long end_pa)
{
	extern pgd_t swapper_pg_dir[];
	unsigned long pa;

	for (pa = ALIGN(end_pa, 1UL << 20); pa < LOWMEM_MAX; pa += 1UL << 20)
		swapper_pg_dir[(PAGE_OFFSET + pa) >> 20] = 0;
	flush_tlb_kernel_all();
}

/* The vector page's mapping (Linux's MT_HIGH_VECTORS): the last MiB of the
 * kernel's table points at a second-level table whose entry for 0xffff0000
 * maps pa global (the same in every address space, no ASID), normal
 * memory, read-only at both privilege levels and executable, so user mode
 * may call the kuser helpers but not change them. */
void map_vectors_page(unsigned long pa)
{
	extern pgd_t swapper_pg_dir[];
	static pte_t vectors_pte[256] __attribute__((aligned(1024)));

	vectors_pte[(VECTORS_BASE >> PAGE_SHIFT) & 0xff] = pa | PTE_TYPE_SMALL | PTE_TEX(1) |
		PTE_CACHEABLE | PTE_BUFFERABLE | PTE_S | PTE_APX | PTE_AP1 | PTE_AP0;
	/* The entry must be visible to the table walker before the pointer
	 * to its table (ARM ARM B3.10.1: no TLB entry exists to flush). */
	dsb();
	swapper_pg_dir[VECTORS_BASE >> 20] = __pa(vectors_pte) | PMD_TYPE_TABLE_PXN;
	dsb();
	isb();
}
