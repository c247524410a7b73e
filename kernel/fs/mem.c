/* /dev/null and /dev/zero, major 1 (Linux's drivers/char/mem.c; kept with
 * the file system here since they are files more than devices). */
#include <linux/fs.h>

#define MEM_MAJOR 1

static ssize_t read_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t write_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	from->count = 0;
	return count;
}

/* RETURNS: the bytes zeroed, or -EFAULT if none could be. */
static ssize_t read_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t want = iov_iter_count(to), n = iov_iter_zero(want, to);

	return n || !want ? (ssize_t)n : -EFAULT;
}

static const struct file_operations null_fops = {
	.llseek = noop_llseek,
	.read_iter = read_null,
	.write_iter = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = noop_llseek,
	.read_iter = read_zero,
	.write_iter = write_null,
};

/* Pick the device by minor (Linux's memory_open): 3 null, 5 zero. */
static int memory_open(struct inode *inode, struct file *filp)
{
	switch (MINOR(inode->i_rdev)) {
	case 3:
		filp->f_op = &null_fops;
		return 0;
	case 5:
		filp->f_op = &zero_fops;
		return 0;
	default:
		return -ENXIO;
	}
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

void chr_dev_init(void)
{
	register_chrdev(MEM_MAJOR, "mem", &memory_fops);
}
