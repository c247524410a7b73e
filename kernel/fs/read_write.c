/* read, write, their vector and positioned forms, and lseek (Linux's
 * fs/read_write.c). */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* Linux's MAX_RW_COUNT: one call moves at most this much. */
#define MAX_RW_COUNT (0x7fffffff & PAGE_MASK)
#define UIO_MAXIOV 1024
#define MAX_NON_LFS 0x7fffffffLL

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* The file position: SEEK_SET, SEEK_CUR or SEEK_END (i_size) plus
 * @offset. RETURNS: the new position, or -EINVAL if it would be negative
 * or past MAX_NON_LFS (no file here is larger), or @whence is unknown. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	spin_lock(&file->f_lock);
	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		pos = file->f_pos + offset;
		break;
	case SEEK_END:
		pos = file_inode(file)->i_size + offset;
		break;
	default:
		pos = -EINVAL;
	}
	if (pos >= 0 && pos <= MAX_NON_LFS)
		file->f_pos = pos;
	else
		pos = -EINVAL;
	spin_unlock(&file->f_lock);
	return pos;
}

/* Seeking succeeds and changes nothing (/dev/null, /dev/zero). */
loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/* Linux's FMODE_READ and FMODE_CAN_READ checks, or the write ones.
 * RETURNS: 0, -EBADF if @file is not open for the transfer, or -EINVAL if
 * it cannot make it. */
static int rw_verify_file(struct file *file, bool write)
{
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (!file->f_op || !(write ? file->f_op->write_iter : file->f_op->read_iter))
		return -EINVAL;
	return 0;
}

/* Run read_iter or write_iter over @iter from *@pos (Linux's
 * new_sync_read/new_sync_write). */
static ssize_t rw_iter(struct file *file, struct iov_iter *iter, loff_t *pos, bool write)
{
	struct kiocb kiocb;
	ssize_t ret;

	init_sync_kiocb(&kiocb, file, *pos);
	ret = write ? file->f_op->write_iter(&kiocb, iter) : file->f_op->read_iter(&kiocb, iter);
	*pos = kiocb.ki_pos;
	return ret;
}

/**
 * vfs_rw - move up to @count bytes between @file at *@pos and user @buf
 * @write: from @buf to the file (vfs_write), else the other way (vfs_read)
 * RETURNS: the bytes moved (0 at end of file), -EBADF if not open for the
 * transfer, -EINVAL if the file cannot make it, -EFAULT, or the file's error.
 */
static ssize_t vfs_rw(struct file *file, char __user *buf, size_t count, loff_t *pos,
		      bool write)
{
	struct iov_iter iter;
	int ret = rw_verify_file(file, write);

	if (ret)
		return ret;
	if (!access_ok(buf, count))
		return -EFAULT;
	iov_iter_ubuf(&iter, buf, min(count, (size_t)MAX_RW_COUNT));
	return rw_iter(file, &iter, pos, write);
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return vfs_rw(file, buf, count, pos, false);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return vfs_rw(file, (char __user *)buf, count, pos, true);
}

/* The same with a kernel buffer (exec's kernel_read_file). */
static ssize_t kernel_rw(struct file *file, void *buf, size_t count, loff_t *pos, bool write)
{
	struct iov_iter iter;
	int ret = rw_verify_file(file, write);

	if (ret)
		return ret;
	iov_iter_kvec(&iter, buf, count);
	return rw_iter(file, &iter, pos, write);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	return kernel_rw(file, buf, count, pos, false);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	return kernel_rw(file, (void *)buf, count, pos, true);
}

static loff_t file_pos_read(struct file *file)
{
	loff_t pos;

	spin_lock(&file->f_lock);
	pos = file->f_pos;
	spin_unlock(&file->f_lock);
	return pos;
}

static void file_pos_write(struct file *file, loff_t pos)
{
	spin_lock(&file->f_lock);
	file->f_pos = pos;
	spin_unlock(&file->f_lock);
}

/* read()/write(): at the file's own position, which moves on by what was
 * moved (Linux's ksys_read/ksys_write). */
static long do_read_write(unsigned int fd, char __user *buf, size_t count, bool write)
{
	struct file *file = fget(fd);
	loff_t pos;
	long ret;

	if (!file)
		return -EBADF;
	pos = file_pos_read(file);
	ret = vfs_rw(file, buf, count, &pos, write);
	if (ret >= 0)
		file_pos_write(file, pos);
	fput(file);
	return ret;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	return do_read_write(fd, buf, count, false);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return do_read_write(fd, (char __user *)buf, count, true);
}

/* pread/pwrite: at a given position, which the file's own does not follow. */
static long do_pread_pwrite(unsigned int fd, char __user *buf, size_t count, u32 pos_lo,
			    u32 pos_hi, bool write)
{
	loff_t pos = (loff_t)((u64)pos_hi << 32 | pos_lo);
	struct file *file;
	long ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!file->f_op->llseek)
		ret = -ESPIPE;
	else
		ret = vfs_rw(file, buf, count, &pos, write);
	fput(file);
	return ret;
}

long sys_pread64(unsigned int fd, char __user *buf, size_t count, u32 pad, u32 pos_lo,
		 u32 pos_hi)
{
	return do_pread_pwrite(fd, buf, count, pos_lo, pos_hi, false);
}

long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, u32 pad, u32 pos_lo,
		  u32 pos_hi)
{
	return do_pread_pwrite(fd, (char __user *)buf, count, pos_lo, pos_hi, true);
}

/**
 * do_readv_writev - each buffer of @vec in turn, stopping at the first
 * short transfer (Linux's do_loop_readv_writev)
 * RETURNS: the total moved, or the first error if nothing was; -EINVAL for
 * more than UIO_MAXIOV buffers, -EFAULT for a bad vector or buffer.
 */
static long do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			    unsigned long vlen, bool write)
{
	struct iovec iov[16];
	unsigned long i, done = 0;
	struct file *file;
	size_t total = 0;
	loff_t pos;
	long ret = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < vlen; i++) { /* validate all, in chunks, before moving any byte */
		if (i % ARRAY_SIZE(iov) == 0 &&
		    copy_from_user(iov, vec + i, min(vlen - i, ARRAY_SIZE(iov)) * sizeof(*iov)))
			return -EFAULT;
		if (iov[i % ARRAY_SIZE(iov)].iov_len > MAX_RW_COUNT - total)
			return -EINVAL;
		total += iov[i % ARRAY_SIZE(iov)].iov_len;
		if (!access_ok(iov[i % ARRAY_SIZE(iov)].iov_base, iov[i % ARRAY_SIZE(iov)].iov_len))
			return -EFAULT;
	}
	file = fget(fd);
	if (!file)
		return -EBADF;
	pos = file_pos_read(file);
	for (i = 0; i < vlen; i++) {
		struct iovec seg;

		if (copy_from_user(&seg, vec + i, sizeof(seg))) {
			ret = -EFAULT;
			break;
		}
		ret = vfs_rw(file, seg.iov_base, seg.iov_len, &pos, write);
		if (ret < 0)
			break;
		done += ret;
		if ((size_t)ret != seg.iov_len)
			break;
	}
	if (done || ret >= 0)
		file_pos_write(file, pos);
	fput(file);
	return done ? (long)done : ret;
}

long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return do_readv_writev(fd, vec, vlen, false);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return do_readv_writev(fd, vec, vlen, true);
}

/* lseek() and _llseek(): a @whence past SEEK_END is -EINVAL, as in Linux
 * (ksys_lseek). RETURNS: the new position, or -errno. */
static loff_t do_lseek(unsigned int fd, loff_t offset, unsigned int whence)
{
	struct file *file = fget(fd);
	loff_t res;

	if (!file)
		return -EBADF;
	res = whence > SEEK_END ? -EINVAL : vfs_llseek(file, offset, whence);
	fput(file);
	return res;
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	return do_lseek(fd, offset, whence);
}

long sys_llseek(unsigned int fd, unsigned long offset_high, unsigned long offset_low,
		loff_t __user *result, unsigned int whence)
{
	loff_t res = do_lseek(fd, (loff_t)((u64)offset_high << 32 | offset_low), whence);

	if (res < 0)
		return res;
	return copy_to_user(result, &res, sizeof(res)) ? -EFAULT : 0;
}

/**
 * sys_sendfile64 - copy @count bytes from @in_fd to @out_fd in the kernel
 * @offset: where to read in @in_fd, updated; NULL to use and move its
 *	own position
 * The data goes through a page of kernel memory (Linux's do_splice_direct
 * moves page references instead). @in_fd must be a regular file; @out_fd
 * anything open for writing, at its own position.
 * RETURNS: the bytes copied, or -EBADF, -EINVAL, -EFAULT, -ENOMEM, or the
 * error of the first read or write.
 */
long sys_sendfile64(int out_fd, int in_fd, loff_t __user *offset, size_t count)
{
	struct file *in = fget(in_fd), *out = fget(out_fd);
	loff_t pos = 0, out_pos;
	char *buf = NULL;
	long ret = -EBADF, done = 0;

	if (!in || !out || !(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		goto out;
	ret = -EINVAL;
	if (!S_ISREG(file_inode(in)->i_mode) || (out->f_flags & O_APPEND))
		goto out;
	ret = -EFAULT;
	if (offset ? copy_from_user(&pos, offset, sizeof(pos)) : (pos = file_pos_read(in), 0))
		goto out;
	ret = -EINVAL;
	if (pos < 0)
		goto out;
	ret = -ENOMEM;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		goto out;
	count = min(count, (size_t)MAX_RW_COUNT);
	ret = 0;
	out_pos = file_pos_read(out);
	while (done < (long)count) {
		ssize_t n = kernel_read(in, buf, min(count - done, PAGE_SIZE), &pos), w;

		if (n <= 0) {
			ret = n;
			break;
		}
		w = kernel_write(out, buf, n, &out_pos);
		if (w > 0)
			done += w;
		if (w != n) {
			pos -= n - max(w, (ssize_t)0);
			ret = w < 0 ? w : 0;
			break;
		}
		if (signal_pending(current))
			break;
	}
	if (done)
		ret = done;
	file_pos_write(out, out_pos);
	if (offset) {
		if (copy_to_user(offset, &pos, sizeof(pos)))
			ret = -EFAULT;
	} else {
		file_pos_write(in, pos);
	}
out:
	kfree(buf);
	if (in)
		fput(in);
	if (out)
		fput(out);
	return ret;
}
