/* Pages of user address spaces: demand-zero faults, copy-on-write, and
 * copying and tearing down mappings (Linux's mm/memory.c).
 *
 * Anonymous memory is mapped on first touch. fork() shares every page and
 * write-protects the private writable ones in both parent and child; the
 * first write to such a page faults, and do_wp_page() copies it, unless
 * the faulting process is by then its only user and may simply write.
 * CONTEXT: every function here runs with mm->mmap_lock held. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/string.h>

static void *pte_page_address(pte_t pte)
{
	return pfn_to_virt(pte_pfn(pte));
}

/* First touch of an anonymous page: map a zeroed one. */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
{
	unsigned long page = get_zeroed_page(GFP_KERNEL);

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
	copy = __get_free_page(GFP_KERNEL);
	if (!copy)
		return VM_FAULT_OOM;
	memcpy((void *)copy, pte_page_address(pte), PAGE_SIZE);
	if (vma->vm_flags & VM_EXEC)
		flush_icache_range(copy, copy + PAGE_SIZE);
	set_pte_at(vma->vm_mm, address, ptep, mk_pte(virt_to_pfn(copy), vma->vm_flags));
	put_page(old);
	return 0;
}

int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags)
{
	pte_t *ptep = pte_offset(vma->vm_mm, address, true);

	if (!ptep)
		return VM_FAULT_OOM;
	if (pte_none(*ptep))
		return do_anonymous_page(vma, address & PAGE_MASK, ptep);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*ptep))
		return do_wp_page(vma, address & PAGE_MASK, ptep);
	/* Another thread resolved it first, or a stale TLB entry: retry. */
	flush_tlb_page(vma->vm_mm, address);
	return 0;
}

/* fork(): share the pages of vma with dst; private writable ones become
 * read-only on both sides, to be copied on the first write. The caller
 * flushes src's TLB entries afterwards (dup_mmap). */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	bool cow = (vma->vm_flags & (VM_SHARED | VM_WRITE)) == VM_WRITE;
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *src_pte = pte_offset(src, addr, false), *dst_pte, pte;

		if (!src_pte) {
			addr = (addr | ((1UL << 20) - 1)) + 1 - PAGE_SIZE; /* next MiB */
			continue;
		}
		pte = *src_pte;
		if (pte_none(pte))
			continue;
		dst_pte = pte_offset(dst, addr, true);
		if (!dst_pte)
			return -ENOMEM;
		if (cow && pte_write(pte)) {
			/* dup_mmap flushes the parent's TLB entries once, at the end. */
			pte = pte_wrprotect(pte);
			*src_pte = pte;
		}
		get_page(pfn_to_page(pte_pfn(pte)));
		*dst_pte = pte;
		dst->total_vm++;
	}
	return 0;
}

void unmap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset(mm, addr, false), pte;

		if (!ptep) {
			addr = (addr | ((1UL << 20) - 1)) + 1 - PAGE_SIZE;
			continue;
		}
		pte = *ptep;
		if (pte_none(pte))
			continue;
		set_pte_at(mm, addr, ptep, 0);
		put_page(pfn_to_page(pte_pfn(pte)));
		mm->total_vm--;
	}
}

int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len)
{
	while (len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		size_t off = addr & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		pte_t *ptep;
		int ret;

		if (!vma || addr < vma->vm_start)
			return -EFAULT;
		ptep = pte_offset(mm, addr, true);
		if (!ptep)
			return -ENOMEM;
		if (pte_none(*ptep)) {
			ret = do_anonymous_page(vma, addr & PAGE_MASK, ptep);
			if (ret)
				return -ENOMEM;
		}
		memcpy((char *)pte_page_address(*ptep) + off, src, n);
		if (vma->vm_flags & VM_EXEC)
			flush_icache_range((unsigned long)pte_page_address(*ptep) + off,
					   (unsigned long)pte_page_address(*ptep) + off + n);
		addr += n;
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
