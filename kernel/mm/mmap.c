/* The VMAs of an address space and the calls that change them: mmap2,
 * munmap, brk (Linux's mm/mmap.c; the VMAs are kept in a sorted list
 * rather than an rbtree). Memory is anonymous or a file's pages
 * (kernel/mm/filemap.c), private (copied on write) or shared.
 * CONTEXT: the VMA functions run with mm->mmap_lock held. */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/oom.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

/* The first VMA that ends above addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (addr < vma->vm_end)
			return vma;
	return NULL;
}

/* The gap kept between a stack and the mapping below it (Linux's
 * stack_guard_gap, 256 pages): a stack overflow faults there instead of
 * running into, say, a thread's stack or the heap. */
unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;

/* May the stack grow to @size bytes? Linux's acct_stack_growth() less
 * the RLIMIT_AS, mlock and overcommit tests: this kernel keeps none of
 * those counts. */
static int acct_stack_growth(struct vm_area_struct *vma, unsigned long size)
{
	if (size > task_rlimit(current, RLIMIT_STACK))
		return -ENOMEM;
	return 0;
}

/**
 * expand_downwards - grow the stack @vma down to cover @address
 *
 * Linux's expand_downwards(): never below mmap_min_addr, never closer than
 * stack_guard_gap to a mapping below (another stack excepted, and a
 * PROT_NONE one, which is itself a guard), never past RLIMIT_STACK.
 * CONTEXT: mm->mmap_lock held. RETURNS: 0, -EPERM or -ENOMEM.
 */
static int expand_downwards(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev = NULL;
	int error;

	address &= PAGE_MASK;
	if (address < MMAP_MIN_ADDR)
		return -EPERM;
	if (vma->vm_list.prev != &mm->mmap)
		prev = list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) &&
	    (prev->vm_flags & (VM_WRITE | VM_READ | VM_EXEC))) {
		if (address - prev->vm_end < stack_guard_gap)
			return -ENOMEM;
	}
	error = acct_stack_growth(vma, vma->vm_end - address);
	if (!error)
		vma->vm_start = address;
	return error;
}

/* Grow a VM_GROWSDOWN @vma to @address (Linux's expand_stack: stacks grow
 * down on ARM). CONTEXT: mm->mmap_lock held. RETURNS: 0 or an errno. */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	return expand_downwards(vma, address);
}

static struct vm_area_struct *vm_area_alloc(struct mm_struct *mm, unsigned long start,
					    unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		vma->vm_start = start;
		vma->vm_end = end;
		vma->vm_flags = flags;
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

/* Free a VMA taken off the list; its file is released later, since
 * mmap_lock is held (Linux's remove_vma). */
static void remove_vma(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput_delayed(vma->vm_file);
	kfree(vma);
}

/* Can @a, ending where @b starts, become one VMA with it? The same flags,
 * and the same file continuing at the next page (Linux's can_vma_merge);
 * never a special mapping (Linux's vma_merge refuses VM_SPECIAL). */
static bool vma_mergeable(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       !(a->vm_flags & VM_SPECIAL) &&
	       a->vm_file == b->vm_file && a->vm_ops == b->vm_ops &&
	       (!a->vm_file || a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) == b->vm_pgoff);
}

/* Insert vma in address order; merge it with a neighbour it continues. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start), *prev;
	struct list_head *before = next ? &next->vm_list : &mm->mmap;

	list_add_tail(&vma->vm_list, before);
	mm->map_count++;
	if (vma->vm_list.prev != &mm->mmap) {
		prev = list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
		if (vma_mergeable(prev, vma)) {
			prev->vm_end = vma->vm_end;
			list_del(&vma->vm_list);
			remove_vma(vma);
			mm->map_count--;
			vma = prev;
		}
	}
	if (next && vma_mergeable(vma, next)) {
		vma->vm_end = next->vm_end;
		list_del(&next->vm_list);
		remove_vma(next);
		mm->map_count--;
	}
}

/* Split vma at addr (inside it): vma keeps [vm_start, addr), a new VMA
 * after it takes [addr, vm_end). RETURNS: the new VMA, or NULL. */
struct vm_area_struct *split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
				 unsigned long addr)
{
	struct vm_area_struct *tail = vm_area_alloc(mm, addr, vma->vm_end, vma->vm_flags);

	if (!tail)
		return NULL;
	tail->vm_ops = vma->vm_ops;
	tail->vm_private_data = vma->vm_private_data;
	tail->vm_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (vma->vm_file)
		tail->vm_file = get_file(vma->vm_file);
	list_add(&tail->vm_list, &vma->vm_list);
	mm->map_count++;
	vma->vm_end = addr;
	return tail;
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	struct vm_area_struct *vma, *tmp;

	if ((start & ~PAGE_MASK) || !len || end > TASK_SIZE || end < start)
		return -EINVAL;
	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list) {
		if (vma->vm_end <= start || vma->vm_start >= end)
			continue;
		if (vma->vm_start < start && vma->vm_end > end) {
			/* Punch a hole: split into two. */
			if (!split_vma(mm, vma, end))
				return -ENOMEM;
			vma->vm_end = start;
		} else if (vma->vm_start < start) {
			vma->vm_end = start;
		} else if (vma->vm_end > end) {
			vma->vm_pgoff += (end - vma->vm_start) >> PAGE_SHIFT;
			vma->vm_start = end;
		} else {
			list_del(&vma->vm_list);
			remove_vma(vma);
			mm->map_count--;
		}
	}
	unmap_page_range(mm, start, end);
	return 0;
}

/* Map [addr, addr+len) with vm_flags, replacing what was there: @file's
 * pages from @pgoff on, or anonymous memory if @file is NULL, shared
 * anonymous memory being a tmpfs file (Linux's mmap_region).
 * RETURNS: addr, or -ENOMEM, or the file's mmap error. */
static long mmap_region(struct mm_struct *mm, struct file *file, unsigned long addr,
			unsigned long len, unsigned long vm_flags, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	int ret;

	len = PAGE_ALIGN(len);
	if (!len || addr < MMAP_MIN_ADDR || addr + len > TASK_SIZE || addr + len < addr)
		return -ENOMEM;
	ret = do_munmap(mm, addr, len);
	if (ret)
		return ret;
	vma = vm_area_alloc(mm, addr, addr + len, vm_flags);
	if (!vma)
		return -ENOMEM;
	vma->vm_pgoff = pgoff;
	if (file) {
		vma->vm_file = get_file(file);
		ret = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		ret = shmem_zero_setup(vma);
	}
	if (ret) {
		remove_vma(vma);
		return ret;
	}
	vma_link(mm, vma);
	return addr;
}

long do_mmap_anon(struct mm_struct *mm, unsigned long addr, unsigned long len,
		  unsigned long vm_flags)
{
	return mmap_region(mm, NULL, addr, len, vm_flags, 0);
}

/* A fault in a special mapping: its page at vmf->pgoff, referenced
 * (Linux's special_mapping_fault). The VMA's size bounds the index. */
static int special_mapping_fault(struct vm_fault *vmf)
{
	const struct vm_special_mapping *sm = vmf->vma->vm_private_data;
	struct page **pages = sm->pages;
	unsigned long pgoff;

	for (pgoff = vmf->pgoff; pgoff && *pages; ++pages)
		pgoff--;
	if (*pages) {
		get_page(*pages);
		vmf->page = *pages;
		return 0;
	}
	return VM_FAULT_SIGBUS;
}

static const char *special_mapping_name(struct vm_area_struct *vma)
{
	return ((const struct vm_special_mapping *)vma->vm_private_data)->name;
}

static const struct vm_operations_struct special_mapping_vmops = {
	.fault = special_mapping_fault,
	.name = special_mapping_name,
};

struct vm_area_struct *_install_special_mapping(struct mm_struct *mm, unsigned long addr,
						unsigned long len, unsigned long vm_flags,
						const struct vm_special_mapping *spec)
{
	struct vm_area_struct *vma, *next = find_vma(mm, addr);

	/* Linux's insert_vm_struct: the range must be free. */
	if (next && next->vm_start < addr + len)
		return ERR_PTR(-ENOMEM);
	vma = vm_area_alloc(mm, addr, addr + len, vm_flags | VM_DONTEXPAND);
	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_ops = &special_mapping_vmops;
	vma->vm_private_data = (void *)spec;
	vma_link(mm, vma);
	return vma;
}

/* Top-down: the highest gap below TASK_UNMAPPED_TOP that fits len, unless
 * the hint @addr is free (Linux's arch_get_unmapped_area_topdown). */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	unsigned long top = TASK_UNMAPPED_TOP;
	struct list_head *pos;

	len = PAGE_ALIGN(len);
	if (addr) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		addr = PAGE_ALIGN(addr);
		if (addr >= MMAP_MIN_ADDR && addr + len <= TASK_UNMAPPED_TOP && addr + len > addr &&
		    (!vma || addr + len <= vma->vm_start))
			return addr;
	}
	/* Walk the VMAs from the highest down, looking for room above each. */
	for (pos = mm->mmap.prev; top >= len; pos = pos->prev) {
		struct vm_area_struct *vma;

		if (pos == &mm->mmap)
			return top - len >= MMAP_MIN_ADDR ? top - len : (unsigned long)-ENOMEM;
		vma = list_entry(pos, struct vm_area_struct, vm_list);
		if (vma->vm_start >= top)
			continue;
		if (vma->vm_end <= top - len)
			return top - len;
		top = vma->vm_start;
	}
	return (unsigned long)-ENOMEM;
}

/* Tear down the whole address space on exit or exec. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *tmp;

	list_for_each_entry_safe(vma, tmp, &mm->mmap, vm_list) {
		unmap_page_range(mm, vma->vm_start, vma->vm_end);
		list_del(&vma->vm_list);
		remove_vma(vma);
	}
	mm->map_count = 0;
	/* An OOM victim's memory is back: the OOM killer may choose again. */
	if (unlikely(mm_is_oom_victim(mm)))
		__atomic_fetch_or(&mm->flags, 1UL << MMF_OOM_SKIP, __ATOMIC_RELEASE);
}

void set_mm_exe_file(struct mm_struct *mm, struct file *new_exe_file)
{
	struct file *old_exe_file = mm->exe_file;

	mm->exe_file = new_exe_file ? get_file(new_exe_file) : NULL;
	if (old_exe_file)
		fput(old_exe_file);
}

int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *copy;
	int ret = 0;

	spin_lock(&oldmm->mmap_lock);
	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		copy = vm_area_alloc(mm, vma->vm_start, vma->vm_end, vma->vm_flags);
		if (!copy) {
			ret = -ENOMEM;
			break;
		}
		copy->vm_pgoff = vma->vm_pgoff;
		copy->vm_ops = vma->vm_ops;
		copy->vm_private_data = vma->vm_private_data;
		if (vma->vm_file)
			copy->vm_file = get_file(vma->vm_file);
		list_add_tail(&copy->vm_list, &mm->mmap);
		mm->map_count++;
		ret = copy_page_range(mm, oldmm, vma);
		if (ret)
			break;
	}
	/* The parent's writable pages are now read-only: one flush for all. */
	flush_tlb_mm(oldmm);
	spin_unlock(&oldmm->mmap_lock);
	return ret;
}

unsigned long prot_to_vm_flags(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) | ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr, unsigned long len,
	     unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	unsigned long vm_flags = prot_to_vm_flags(prot) | VM_MAY_ALL;

	if (!len)
		return -EINVAL;
	if (PAGE_ALIGN(len) < len || PAGE_ALIGN(len) > TASK_SIZE)
		return -ENOMEM;
	/* offset overflow? */
	if (pgoff + (PAGE_ALIGN(len) >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (file) {
		fmode_t mode = file->f_mode;

		if (!file->f_op->mmap)
			return -ENODEV;
		if (!(mode & FMODE_READ))
			return -EACCES;
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if ((prot & PROT_WRITE) && !(mode & FMODE_WRITE))
				return -EACCES;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			if (!(mode & FMODE_WRITE))
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
			break;
		case MAP_PRIVATE:
			break;
		default:
			return -EINVAL;
		}
	} else {
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			break;
		default:
			return -EINVAL;
		}
		pgoff = 0;
	}
	if (!(flags & MAP_FIXED))
		addr = get_unmapped_area(mm, addr, len);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	return mmap_region(mm, file, addr, len, vm_flags, pgoff);
}

/* mmap2(addr, len, prot, flags, fd, pgoff): the offset is in pages.
 * RETURNS: the address, or -EBADF / -EACCES / -EINVAL / -ENODEV / -ENOMEM. */
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	long ret;

	if ((flags & MAP_FIXED) && (addr & ~PAGE_MASK))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	spin_lock(&mm->mmap_lock);
	ret = do_mmap(mm, file, addr, len, prot, flags, pgoff);
	spin_unlock(&mm->mmap_lock);
	if (file)
		fput(file);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;
	long ret;

	spin_lock(&mm->mmap_lock);
	ret = do_munmap(mm, addr, len);
	spin_unlock(&mm->mmap_lock);
	return ret;
}

/* brk(addr): move the end of the heap. RETURNS: the new break, or the old
 * one if the move is impossible (Linux's convention: brk never fails). */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;
	struct vm_area_struct *next;

	spin_lock(&mm->mmap_lock);
	if (brk < mm->start_brk || brk > TASK_UNMAPPED_TOP)
		goto out;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk == oldbrk) {
		mm->brk = brk;
		goto out;
	}
	if (brk <= mm->brk) {
		if (!do_munmap(mm, newbrk, oldbrk - newbrk))
			mm->brk = brk;
		goto out;
	}
	next = find_vma(mm, oldbrk);
	if (next && newbrk > next->vm_start)
		goto out;
	if (do_mmap_anon(mm, oldbrk, newbrk - oldbrk, VM_READ | VM_WRITE | VM_MAY_ALL) ==
	    (long)oldbrk)
		mm->brk = brk;
out:
	brk = mm->brk;
	spin_unlock(&mm->mmap_lock);
	return brk;
}
