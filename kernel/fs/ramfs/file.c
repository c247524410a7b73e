/* ramfs file contents: pages in memory, read, written, truncated and
 * mapped (Linux's fs/ramfs/file-mmu.c over mm/filemap.c's generic read,
 * write and mmap). CONTEXT: inode->i_lock guards i_size and is held while
 * copying to or from user space: safe here, because a user page fault
 * never sleeps in this kernel (kernel/arm/fault.c), and a fault takes only
 * the page cache's tree_lock of an inode (kernel/mm/filemap.c). */
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

/* The largest file: page indexes stay well inside an unsigned long. */
#define RAMFS_MAX_FILESIZE 0x7fffffffLL

/* Free the pages wholly past @size and zero the tail of the last one, so
 * that growing the file later reads zeros. CONTEXT: i_lock held. */
static void ramfs_truncate_pages(struct inode *inode, loff_t size)
{
	struct address_space *mapping = &inode->i_data;
	unsigned long idx, first = (size + PAGE_SIZE - 1) >> PAGE_SHIFT, freed = 0;

	/* A page still mapped somewhere keeps its mapping's reference. */
	spin_lock(&mapping->tree_lock);
	for (idx = first; idx < mapping->nrpages; idx++) {
		if (mapping->pages[idx]) {
			free_page((unsigned long)mapping->pages[idx]);
			freed++;
		}
		mapping->pages[idx] = NULL;
	}
	idx = size >> PAGE_SHIFT;
	if ((size & ~PAGE_MASK) && idx < mapping->nrpages && mapping->pages[idx])
		memset((char *)mapping->pages[idx] + (size & ~PAGE_MASK), 0,
		       PAGE_SIZE - (size & ~PAGE_MASK));
	spin_unlock(&mapping->tree_lock);
	shmem_unacct_blocks(inode, freed);
}

void ramfs_evict_inode(struct inode *inode)
{
	ramfs_truncate_pages(inode, 0);
	kfree(inode->i_data.pages);
	inode->i_data.pages = NULL;
	inode->i_data.nrpages = 0;
	shmem_free_inode(inode->i_sb);
}

/*
 * A write that covers all of page @idx, which the file lacks: the page is
 * filled before it joins the page cache, so it needs no zeroing first
 * (Linux's simple_write_begin zeroes only what a write leaves out) and no
 * fault can map it half written. A short copy from user space has zeroed
 * the rest (copy_from_user does).
 * RETURNS: the bytes copied, -ENOSPC (a full tmpfs) or -ENOMEM.
 */
static ssize_t ramfs_write_new_page(struct inode *inode, unsigned long idx, struct iov_iter *from)
{
	void *fresh = (void *)__get_free_page(GFP_HIGHUSER_MOVABLE), *page;
	size_t copied;

	if (!fresh)
		return -ENOMEM;
	copied = copy_from_iter(fresh, PAGE_SIZE, from);
	page = filemap_add_page(inode, idx, fresh);
	if (page == fresh)
		return copied;
	if (!IS_ERR_OR_NULL(page))
		memcpy(page, fresh, copied);
	free_page((unsigned long)fresh);
	if (IS_ERR_OR_NULL(page))
		return page ? PTR_ERR(page) : -ENOMEM;
	return copied;
}

static ssize_t ramfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file_inode(file);
	ssize_t ret = 0;
	loff_t pos;

	spin_lock(&inode->i_lock);
	pos = (file->f_flags & O_APPEND) ? inode->i_size : iocb->ki_pos;
	if (iov_iter_count(from) && pos < RAMFS_MAX_FILESIZE)
		filemap_reserve(inode, min(pos + (loff_t)iov_iter_count(from) - 1,
					   RAMFS_MAX_FILESIZE - 1) >> PAGE_SHIFT);
	while (iov_iter_count(from)) {
		unsigned long idx = pos >> PAGE_SHIFT, off = pos & ~PAGE_MASK;
		size_t n = min((size_t)(PAGE_SIZE - off), iov_iter_count(from)), copied;
		void *page;

		if (pos >= RAMFS_MAX_FILESIZE) {
			ret = ret ? ret : -EFBIG;
			break;
		}
		/* A whole page past the file's last one is looked for only
		 * by filemap_add_page(): a file being written out (the
		 * initramfs unpacked, cp) takes the tree_lock once a page. */
		if (n == PAGE_SIZE && pos >= inode->i_size)
			page = NULL;
		else
			page = filemap_page(inode, idx, n < PAGE_SIZE);
		if (!page && n == PAGE_SIZE) {
			ssize_t err = ramfs_write_new_page(inode, idx, from);

			if (err < 0) {
				if (!ret)
					ret = err;
				break;
			}
			copied = err;
		} else if (IS_ERR_OR_NULL(page)) {
			/* a full tmpfs, or no memory */
			if (!ret)
				ret = page ? PTR_ERR(page) : -ENOMEM;
			break;
		} else {
			copied = copy_from_iter((char *)page + off, n, from);
		}
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
		inode->i_mtime = inode->i_ctime = current_time(inode);
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
	.read_iter = filemap_read,
	.write_iter = ramfs_write_iter,
	.fsync = noop_fsync,
	.mmap = generic_file_mmap,
};

const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};
