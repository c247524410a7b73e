/* madvise: advice about how a range of memory will be used (Linux's
 * mm/madvise.c). The access-pattern hints change nothing here (there is
 * no read-ahead or swap to tune); MADV_DONTNEED and MADV_FREE drop the
 * range's pages, so the next touch finds zeros (anonymous memory) or the
 * file's bytes again (a private file mapping), as in Linux. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define MADV_FREE 8

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
		return true;
	default:
		return false;
	}
}

/**
 * sys_madvise - give advice about use of memory
 * RETURNS: 0, -EINVAL (unaligned start, unknown advice, a length that
 * wraps), or -ENOMEM if part of the range is not mapped (the advice is
 * still applied to what is).
 */
long sys_madvise(unsigned long start, size_t len_in, int behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, addr;
	struct vm_area_struct *vma;
	int unmapped_error = 0;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	end = start + PAGE_ALIGN(len_in);
	/* Check to see whether len was rounded up from small -ve to zero */
	if (len_in && end == start)
		return -EINVAL;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	spin_lock(&mm->mmap_lock);
	for (addr = start; addr < end; addr = vma->vm_end) {
		unsigned long from, to;

		vma = find_vma(mm, addr);
		if (!vma) {
			unmapped_error = -ENOMEM;
			break;
		}
		if (vma->vm_start > addr)
			unmapped_error = -ENOMEM;
		if (vma->vm_start >= end)
			break;
		from = max(addr, vma->vm_start);
		to = min(end, vma->vm_end);
		/* Shared memory keeps its pages: they are the memory itself
		 * (Linux's shmem would drop them from this mm only). */
		if ((behavior == MADV_DONTNEED || behavior == MADV_FREE) &&
		    !(vma->vm_flags & VM_SHARED))
			unmap_page_range(mm, from, to);
	}
	spin_unlock(&mm->mmap_lock);
	return unmapped_error;
}
