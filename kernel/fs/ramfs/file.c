/* ramfs file contents: pages in memory, read, written and truncated
 * (Linux's fs/ramfs/file-mmu.c over mm/filemap.c's generic read/write).
 * CONTEXT: inode->i_lock guards i_size and the pages, and is held while
 * copying to or from user space: safe here, because a user page fault
 * never sleeps in this kernel (kernel/arm/fault.c), and no path takes
 * i_lock inside mm->mmap_lock. */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>

/* The largest file: page indexes stay well inside an unsigned long. */
#define RAMFS_MAX_FILESIZE 0x7fffffffLL

/* The page for index @idx, allocated (zeroed) if missing.
 * CONTEXT: i_lock held. RETURNS: its address, or NULL if out of memory. */
static void *ramfs_get_page(struct inode *inode, unsigned long idx)
{
	struct address_space *mapping = &inode->i_data;

	if (idx >= mapping->nrpages) {
		unsigned long nr = max(idx + 1, mapping->nrpages * 2);
		void **pages = kcalloc(nr, sizeof(void *), GFP_KERNEL);

		if (!pages)
			return NULL;
		if (mapping->nrpages)
			memcpy(pages, mapping->pages, mapping->nrpages * sizeof(void *));
		kfree(mapping->pages);
		mapping->pages = pages;
		mapping->nrpages = nr;
	}
	if (!mapping->pages[idx])
		mapping->pages[idx] = (void *)get_zeroed_page(GFP_KERNEL);
	return mapping->pages[idx];
}

/* Free the pages wholly past @size and zero the tail of the last one, so
 * that growing the file later reads zeros. CONTEXT: i_lock held. */
static void ramfs_truncate_pages(struct inode *inode, loff_t size)
{
	struct address_space *mapping = &inode->i_data;
	unsigned long idx, first = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;

	for (idx = first; idx < mapping->nrpages; idx++) {
		if (mapping->pages[idx])
			free_page((unsigned long)mapping->pages[idx]);
		mapping->pages[idx] = NULL;
	}
	idx = size >> PAGE_SHIFT;
	if ((size & ~PAGE_MASK) && idx < mapping->nrpages && mapping->pages[idx])
		memset((char *)mapping->pages[idx] + (size & ~PAGE_MASK), 0,
		       PAGE_SIZE - (size & ~PAGE_MASK));
}

void ramfs_evict_inode(struct inode *inode)
{
	ramfs_truncate_pages(inode, 0);
	kfree(inode->i_data.pages);
	inode->i_data.pages = NULL;
	inode->i_data.nrpages = 0;
}

static ssize_t ramfs_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	loff_t pos = iocb->ki_pos;
	ssize_t ret = 0;

	spin_lock(&inode->i_lock);
	while (iov_iter_count(to) && pos < inode->i_size) {
		unsigned long idx = pos >> PAGE_SHIFT, off = pos & ~PAGE_MASK;
		size_t n = min((size_t)min((loff_t)(PAGE_SIZE - off), inode->i_size - pos),
			       iov_iter_count(to));
		void *page = idx < inode->i_data.nrpages ? inode->i_data.pages[idx] : NULL;
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

static ssize_t ramfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file_inode(file);
	ssize_t ret = 0;
	loff_t pos;

	spin_lock(&inode->i_lock);
	pos = (file->f_flags & O_APPEND) ? inode->i_size : iocb->ki_pos;
	while (iov_iter_count(from)) {
		unsigned long idx = pos >> PAGE_SHIFT, off = pos & ~PAGE_MASK;
		size_t n = min((size_t)(PAGE_SIZE - off), iov_iter_count(from)), copied;
		void *page;

		if (pos >= RAMFS_MAX_FILESIZE) {
			ret = ret ? ret : -EFBIG;
			break;
		}
		page = ramfs_get_page(inode, idx);
		if (!page) {
			ret = ret ? ret : -ENOSPC;
			break;
		}
		copied = copy_from_iter((char *)page + off, n, from);
		pos += copied;
		ret += copied;
		if (pos > inode->i_size)
			inode->i_size = pos;
		if (copied < n) {
			if (!ret)
				ret = -EFAULT;
			break;
		}
	}
	if (ret > 0)
		inode->i_mtime = inode->i_ctime = current_time();
	spin_unlock(&inode->i_lock);
	iocb->ki_pos = pos;
	return ret;
}

/* simple_setattr(), with the pages a truncation cuts off freed. */
static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int error = setattr_prepare(dentry, attr);

	if (error)
		return error;
	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size > RAMFS_MAX_FILESIZE)
			return -EFBIG;
		spin_lock(&inode->i_lock);
		if (attr->ia_size < inode->i_size)
			ramfs_truncate_pages(inode, attr->ia_size);
		inode->i_size = attr->ia_size;
		spin_unlock(&inode->i_lock);
	}
	setattr_copy(inode, attr);
	return 0;
}

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
	.fsync = noop_fsync,
};

const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};
