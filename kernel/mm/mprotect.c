/* mprotect: change the permissions of a range of an address space
 * (Linux's mm/mprotect.c). A permission outside the VMA's VM_MAY* bits is
 * -EACCES. The VMAs at the range's ends are split, the
 * ones inside get the new flags, and their present pages new PTEs. A
 * private page still shared after fork stays write-protected even when
 * the range becomes writable: the first write copies it, as before. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

static void change_pte_range(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		pte_t *ptep = pte_offset(mm, addr, false), pte;

		if (!ptep || pte_none(*ptep))
			continue;
		pte = mk_pte(pte_pfn(*ptep), vma->vm_flags);
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE &&
		    page_count(pfn_to_page(pte_pfn(*ptep))) > 1)
			pte = pte_wrprotect(pte);
		set_pte_at(mm, addr, ptep, pte);
	}
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, addr, newflags = prot_to_vm_flags(prot);
	struct vm_area_struct *vma;
	long ret = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (!len)
		return 0;
	end = start + PAGE_ALIGN(len);
	if (end <= start || end > TASK_SIZE)
		return -ENOMEM;

	spin_lock(&mm->mmap_lock);
	/* The whole range must be mapped, without holes. */
	for (addr = start; addr < end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr) {
			ret = -ENOMEM;
			goto out;
		}
	}
	/* Nothing may gain a permission its mapping cannot have (a shared
	 * mapping of a file opened read-only never becomes writable). */
	for (addr = start; addr < end; addr = vma->vm_end) {
		vma = find_vma(mm, addr);
		if (newflags & ~(vma->vm_flags >> 4) & (VM_READ | VM_WRITE | VM_EXEC)) {
			ret = -EACCES;
			goto out;
		}
	}
	vma = find_vma(mm, start);
	if (vma->vm_start < start && !split_vma(mm, vma, start)) {
		ret = -ENOMEM;
		goto out;
	}
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = list_is_last(&vma->vm_list, &mm->mmap) ? NULL : list_next_entry(vma, vm_list)) {
		if (vma->vm_end > end && !split_vma(mm, vma, end)) {
			ret = -ENOMEM;
			goto out;
		}
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | newflags;
		change_pte_range(vma);
	}
out:
	spin_unlock(&mm->mmap_lock);
	return ret;
}
