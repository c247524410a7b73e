/* A file's pages in memory and the mappings of them (Linux's mm/filemap.c:
 * the page cache lookup, generic_file_read_iter's copy loop, filemap_fault
 * and generic_file_mmap). The page cache is an array of kernel addresses
 * per inode (struct address_space) rather than a radix tree; ramfs keeps
 * its files there and nowhere else.
 *
 * Locks: mapping->tree_lock guards the array and is never held while
 * touching user memory, so a page fault (mm->mmap_lock held) may take it.
 * inode->i_lock guards i_size and keeps pages from being truncated away;
 * it is held over copies to and from user space, whose faults take
 * mmap_lock and then tree_lock: i_lock -> mmap_lock -> tree_lock. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

/* Make room in @mapping's array for @index. CONTEXT: tree_lock held.
 * RETURNS: false if memory ran out. */
static bool filemap_grow(struct address_space *mapping, unsigned long index)
{
	unsigned long nr = max(index + 1, mapping->nrpages * 2);
	void **pages = kcalloc(nr, sizeof(void *), GFP_KERNEL);

	if (!pages)
		return false;
	if (mapping->nrpages)
		memcpy(pages, mapping->pages, mapping->nrpages * sizeof(void *));
	kfree(mapping->pages);
	mapping->pages = pages;
	mapping->nrpages = nr;
	return true;
}

/* The page at @index, made (zeroed) if missing and @create.
 * CONTEXT: tree_lock held. */
static void *__filemap_page(struct address_space *mapping, unsigned long index, bool create)
{
	if (index >= mapping->nrpages && (!create || !filemap_grow(mapping, index)))
		return NULL;
	if (!mapping->pages[index] && create) {
		struct inode *inode = container_of(mapping, struct inode, i_data);

		if (!shmem_acct_block(inode))
			return ERR_PTR(-ENOSPC);
		mapping->pages[index] = (void *)get_zeroed_page(GFP_HIGHUSER_MOVABLE);
		if (!mapping->pages[index])
			shmem_unacct_blocks(inode, 1);
	}
	return mapping->pages[index];
}

void *filemap_page(struct inode *inode, unsigned long index, bool create)
{
	struct address_space *mapping = &inode->i_data;
	void *page;

	spin_lock(&mapping->tree_lock);
	page = __filemap_page(mapping, index, create);
	spin_unlock(&mapping->tree_lock);
	return page;
}

/**
 * filemap_add_page - put @page, filled by the caller, at @index of @inode
 *
 * Nothing else can see @page before this. If the file has a page there
 * already (a fault made it meanwhile), that one stays.
 * RETURNS: the page now at @index (@page or the one found), NULL if the
 * page array could not grow, ERR_PTR(-ENOSPC) if the tmpfs is full.
 */
void *filemap_add_page(struct inode *inode, unsigned long index, void *page)
{
	struct address_space *mapping = &inode->i_data;

	spin_lock(&mapping->tree_lock);
	if (index >= mapping->nrpages && !filemap_grow(mapping, index))
		page = NULL;
	else if (mapping->pages[index])
		page = mapping->pages[index];
	else if (shmem_acct_block(inode))
		mapping->pages[index] = page;
	else
		page = ERR_PTR(-ENOSPC);
	spin_unlock(&mapping->tree_lock);
	return page;
}

/* The most a write makes room for ahead: 1024 pages (4 MiB of data, a
 * 4 KiB array); a bigger write grows the array as it goes. */
#define FILEMAP_RESERVE_MAX 1024

/*
 * filemap_reserve - make room in @inode's page array up to @last_index (at
 * most FILEMAP_RESERVE_MAX pages past the array's end) in one step, for a
 * write that is about to fill those pages: the array otherwise doubles as
 * pages are added, a dozen times for a 4 MiB file. Not an error if memory
 * is short: the write then grows it page by page.
 */
void filemap_reserve(struct inode *inode, unsigned long last_index)
{
	struct address_space *mapping = &inode->i_data;

	spin_lock(&mapping->tree_lock);
	if (last_index >= mapping->nrpages)
		filemap_grow(mapping, min(last_index, mapping->nrpages + FILEMAP_RESERVE_MAX - 1));
	spin_unlock(&mapping->tree_lock);
}

/**
 * filemap_read - read from a file whose contents are its page cache
 * Holes read as zeros; the read stops at i_size.
 * CONTEXT: takes i_lock for the whole copy, so that the size and the pages
 * stay put. RETURNS: the bytes copied, or -EFAULT if none could be.
 */
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t pos = iocb->ki_pos;
	ssize_t ret = 0;

	spin_lock(&inode->i_lock);
	while (iov_iter_count(to) && pos < inode->i_size) {
		unsigned long idx = pos >> PAGE_SHIFT, off = pos & ~PAGE_MASK;
		size_t n = min((size_t)min((loff_t)(PAGE_SIZE - off), inode->i_size - pos),
			       iov_iter_count(to));
		void *page = filemap_page(inode, idx, false);
		size_t copied = page ? copy_to_iter((char *)page + off, n, to) : iov_iter_zero(n, to);

		pos += copied;
		ret += copied;
		if (copied < n) {
			if (!ret)
				ret = -EFAULT;
			break;
		}
	}
	spin_unlock(&inode->i_lock);
	iocb->ki_pos = pos;
	return ret;
}

/*
 * A fault in a file mapping: the file's page at vmf->pgoff, made if it is
 * a hole inside the file. Past the end of the file is SIGBUS, as in Linux.
 * The page cache's own page is returned; memory.c maps it (read-only if
 * the mapping is private, to be copied on the first write).
 */
static int filemap_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct address_space *mapping = &inode->i_data;
	void *page;

	/* i_size is read without i_lock (it may be held by a reader
	 * faulting into this very mapping): a racing truncate is SIGBUS or
	 * the old page, as in Linux. */
	if (vmf->pgoff >= (unsigned long)((READ_ONCE(inode->i_size) + PAGE_SIZE - 1) >> PAGE_SHIFT))
		return VM_FAULT_SIGBUS;
	spin_lock(&mapping->tree_lock);
	page = __filemap_page(mapping, vmf->pgoff, true);
	if (!IS_ERR_OR_NULL(page)) {
		vmf->page = virt_to_page(page);
		get_page(vmf->page);
	}
	spin_unlock(&mapping->tree_lock);
	/* a full tmpfs is SIGBUS, no memory the OOM killer (Linux's vmf_error) */
	if (IS_ERR(page))
		return VM_FAULT_SIGBUS;
	return page ? 0 : VM_FAULT_OOM;
}

static const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
};

/* mmap() of a file kept in the page cache. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}
