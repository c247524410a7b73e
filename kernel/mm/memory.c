/* Pages of user address spaces: demand-zero faults, file faults,
 * copy-on-write, and copying and tearing down mappings (Linux's
 * mm/memory.c).
 *
 * Anonymous memory is mapped on first touch. A file mapping maps the
 * file's own page (vm_ops->fault); a private one maps it read-only, and a
 * write copies it (do_cow_fault, or do_wp_page later). fork() shares every
 * page and write-protects the private writable ones in both parent and
 * child; the first write to such a page faults, and do_wp_page() copies
 * it, unless the faulting process is by then its only user and may simply
 * write. CONTEXT: every function here runs with mm->mmap_lock held. */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/string.h>

static void *pte_page_address(pte_t pte)
{
	return pfn_to_virt(pte_pfn(pte));
}

/* First touch of an anonymous page: map a zeroed one. */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	unsigned long page = get_zeroed_page(GFP_HIGHUSER_MOVABLE);

	if (!page)
		return VM_FAULT_OOM;
	if (vma->vm_flags & VM_EXEC)
		flush_icache_range(page, page + PAGE_SIZE);
	set_pte_at(vma->vm_mm, address, ptep, mk_pte(virt_to_pfn(page), vma->vm_flags));
	vma->vm_mm->total_vm++;
	return 0;
}

/* Write to a write-protected page of a writable mapping: copy-on-write. */
static int do_wp_page(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	pte_t pte = *ptep;
	struct page *old = pfn_to_page(pte_pfn(pte));
	unsigned long copy;

	/* The only user (the other side of the fork exited or was itself
	 * copied): no copy needed, make it writable. */
	if (page_count(old) == 1) {
		set_pte_at(vma->vm_mm, address, ptep, pte_mkwrite(pte));
		return 0;
	}
	copy = __get_free_page(GFP_HIGHUSER_MOVABLE);
	if (!copy)
		return VM_FAULT_OOM;
	memcpy((void *)copy, pte_page_address(pte), PAGE_SIZE);
	if (vma->vm_flags & VM_EXEC)
		flush_icache_range(copy, copy + PAGE_SIZE);
	/*
	 * Clear the pte entry and flush it first, before updating the pte
	 * with the new entry (Linux's wp_page_copy): no CPU may keep using
	 * the old translation once the new one is visible. Only after that
	 * may the old page lose our reference: the other process, finding
	 * itself its only user, then writes it in place.
	 */
	ptep_clear_flush(vma, address, ptep);
	set_pte_at(vma->vm_mm, address, ptep, mk_pte(virt_to_pfn(copy), vma->vm_flags));
	put_page(old);
	return 0;
}

/*
 * First touch of a page of a file mapping (Linux's do_fault): the file's
 * page, mapped as it is for a read or a shared mapping, copied for a
 * write to a private one (do_cow_fault). A private mapping's file page is
 * mapped read-only whatever the VMA allows, so that a later write copies it.
 * Code pages are made coherent with the instruction cache on every mapping
 * (Linux tracks that per page with PG_dcache_clean).
 */
static int do_fault(struct vm_area_struct *vma, unsigned long address, pte_t *ptep,
		    unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.flags = flags,
		.pgoff = vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT),
	};
	unsigned long kaddr;
	pte_t pte;
	int ret = vma->vm_ops->fault(&vmf);

	if (ret)
		return ret;
	kaddr = (unsigned long)page_address(vmf.page);
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_SHARED)) {
		unsigned long copy = __get_free_page(GFP_HIGHUSER_MOVABLE);

		if (!copy) {
			put_page(vmf.page);
			return VM_FAULT_OOM;
		}
		memcpy((void *)copy, (void *)kaddr, PAGE_SIZE);
		put_page(vmf.page);
		kaddr = copy;
		pte = mk_pte(virt_to_pfn(copy), vma->vm_flags);
	} else {
		pte = mk_pte(page_to_pfn(vmf.page), vma->vm_flags);
		if (!(vma->vm_flags & VM_SHARED))
			pte = pte_wrprotect(pte);
	}
	if (vma->vm_flags & VM_EXEC)
		flush_icache_range(kaddr, kaddr + PAGE_SIZE);
	set_pte_at(vma->vm_mm, address, ptep, pte);
	vma->vm_mm->total_vm++;
	return 0;
}

int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags)
{
	pte_t *ptep = pte_offset(vma->vm_mm, address, true);

	if (!ptep)
		return VM_FAULT_OOM;
	if (pte_none(*ptep))
		return vma->vm_ops ? do_fault(vma, address & PAGE_MASK, ptep, flags)
				   : do_anonymous_page(vma, address & PAGE_MASK, ptep);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*ptep))
		return do_wp_page(vma, address & PAGE_MASK, ptep);
	/* Another thread resolved it first, or a stale TLB entry: retry. */
	flush_tlb_page(vma->vm_mm, address);
	return 0;
}

/* The end of the MiB that addr is in (one first-level entry, Linux's
 * pmd), or end if that comes first. */
static inline unsigned long pmd_addr_end(unsigned long addr, unsigned long end)
{
	unsigned long boundary = (addr + PMD_SIZE) & PMD_MASK;

	return boundary - 1 < end - 1 ? boundary : end;
}

static inline unsigned int pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

/* copy_page_range() within one MiB: src_pte is the entry of addr. */
static int copy_pte_range(struct mm_struct *dst, pte_t *src_pte, struct vm_area_struct *vma,
			  unsigned long addr, unsigned long end)
{
	bool cow = (vma->vm_flags & (VM_SHARED | VM_WRITE)) == VM_WRITE;
	pte_t *dst_table = NULL, pte;

	for (; addr < end; addr += PAGE_SIZE, src_pte++) {
		pte = *src_pte;
		if (pte_none(pte))
			continue;
		if (!dst_table) {
			dst_table = pte_offset(dst, addr, true);
			if (!dst_table)
				return -ENOMEM;
			dst_table -= pte_index(addr);
		}
		if (cow && pte_write(pte)) {
			/* dup_mmap flushes the parent's TLB entries once, at the end. */
			pte = pte_wrprotect(pte);
			*src_pte = pte;
		}
		get_page(pfn_to_page(pte_pfn(pte)));
		dst_table[pte_index(addr)] = pte;
		dst->total_vm++;
	}
	return 0;
}

/* fork(): share the pages of vma with dst; private writable ones become
 * read-only on both sides, to be copied on the first write. The caller
 * flushes src's TLB entries afterwards (dup_mmap). The walk goes a
 * first-level entry at a time, as Linux's copy_pmd_range/copy_pte_range. */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	unsigned long addr, next;

	for (addr = vma->vm_start; addr < vma->vm_end; addr = next) {
		pte_t *src_pte = pte_offset(src, addr, false);

		next = pmd_addr_end(addr, vma->vm_end);
		if (src_pte && copy_pte_range(dst, src_pte, vma, addr, next))
			return -ENOMEM;
	}
	return 0;
}

/*
 * Unmapped pages waiting for the TLB flush that must come before they are
 * freed, since another CPU may still reach them through its TLB (Linux's
 * struct mmu_gather, with a small batch).
 */
#define MMU_GATHER_BATCH 64

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end; /* the range whose entries were cleared */
	unsigned int nr;
	struct page *pages[MMU_GATHER_BATCH];
};

/* Flush the TLB for what was cleared, then drop the pages (Linux's tlb_flush_mmu). */
static void tlb_flush_mmu(struct mmu_gather *tlb)
{
	unsigned int i;

	if (tlb->end > tlb->start)
		flush_tlb_range(tlb->mm, tlb->start, tlb->end);
	for (i = 0; i < tlb->nr; i++)
		put_page(tlb->pages[i]);
	tlb->mm->total_vm -= tlb->nr;
	tlb->nr = 0;
	tlb->start = tlb->end = 0;
}

/* zap_pte_range's part for one entry: clear it, queue its page. */
static void tlb_remove_pte(struct mmu_gather *tlb, pte_t *ptep, unsigned long addr)
{
	struct page *page = pfn_to_page(pte_pfn(*ptep));

	*ptep = 0;
	if (tlb->end == tlb->start)
		tlb->start = addr;
	tlb->end = addr + PAGE_SIZE;
	tlb->pages[tlb->nr++] = page;
	if (tlb->nr == MMU_GATHER_BATCH)
		tlb_flush_mmu(tlb);
}

void unmap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct mmu_gather tlb = { .mm = mm };
	unsigned long addr, next;

	for (addr = start; addr < end; addr = next) {
		pte_t *ptep = pte_offset(mm, addr, false);

		next = pmd_addr_end(addr, end);
		if (!ptep)
			continue;
		/* The cleared entries must reach the walker before the flush,
		 * which tlb_flush_mmu's flush_tlb_range orders (DSB ISHST). */
		for (; addr < next; addr += PAGE_SIZE, ptep++)
			if (!pte_none(*ptep))
				tlb_remove_pte(&tlb, ptep, addr);
	}
	tlb_flush_mmu(&tlb);
}

int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len)
{
	while (len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		size_t off = addr & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		char *dst;
		pte_t *ptep;

		if (!vma || addr < vma->vm_start)
			return -EFAULT;
		ptep = pte_offset(mm, addr, true);
		if (!ptep)
			return -ENOMEM;
		/* A write, whatever the mapping allows (Linux's FOLL_FORCE):
		 * a missing page is made, a shared one copied. */
		if (pte_none(*ptep) || (!(vma->vm_flags & VM_SHARED) && !pte_write(*ptep) &&
					page_count(pfn_to_page(pte_pfn(*ptep))) > 1)) {
			int ret = pte_none(*ptep)
				  ? (vma->vm_ops ? do_fault(vma, addr & PAGE_MASK, ptep, FAULT_FLAG_WRITE)
						 : do_anonymous_page(vma, addr & PAGE_MASK, ptep))
				  : do_wp_page(vma, addr & PAGE_MASK, ptep);
			if (ret)
				return ret == VM_FAULT_SIGBUS ? -EFAULT : -ENOMEM;
		}
		dst = (char *)pte_page_address(*ptep) + off;
		if (src)
			memcpy(dst, src, n);
		else
			memset(dst, 0, n);
		if (vma->vm_flags & VM_EXEC)
			flush_icache_range((unsigned long)dst, (unsigned long)dst + n);
		addr += n;
		if (src)
			src = (const char *)src + n;
		len -= n;
	}
	return 0;
}

/* The length of the NUL-terminated string at addr in mm (exec reads back
 * the argument strings it placed in the new, not yet current, mm).
 * RETURNS: the length, or -EFAULT if a page is missing or no NUL within max. */
long strnlen_mm(struct mm_struct *mm, unsigned long addr, long max)
{
	long len = 0;

	while (len < max) {
		pte_t *ptep = pte_offset(mm, addr, false);
		const char *page;
		unsigned long off;

		if (!ptep || pte_none(*ptep))
			return -EFAULT;
		page = pte_page_address(*ptep);
		for (off = addr & ~PAGE_MASK; off < PAGE_SIZE && len < max; off++, len++, addr++)
			if (!page[off])
				return len;
	}
	return -EFAULT;
}

/*
 * access_remote_vm - read @len bytes at @addr in another process's @mm
 * (Linux's, for /proc/<pid>/cmdline and environ). Simplified: only pages
 * already present are read, none is faulted in; the arguments and
 * environment exec wrote always are.
 * CONTEXT: takes mm->mmap_lock. RETURNS: the bytes read, up to the first
 * page that is not there.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	int done = 0;

	spin_lock(&mm->mmap_lock);
	while (done < len && addr < TASK_SIZE) {
		pte_t *ptep = pte_offset(mm, addr, false);
		unsigned long off = addr & ~PAGE_MASK;
		int n = min((unsigned long)(len - done), PAGE_SIZE - off);

		if (!ptep || pte_none(*ptep) || !pfn_valid(pte_pfn(*ptep)))
			break;
		memcpy((char *)buf + done, (char *)pte_page_address(*ptep) + off, n);
		done += n;
		addr += n;
	}
	spin_unlock(&mm->mmap_lock);
	return done;
}
