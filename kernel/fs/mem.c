/* /dev/null and /dev/zero, major 1 (Linux's drivers/char/mem.c; kept with
 * the file system here since they are files more than devices). */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>

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

/* A page at a time, stopping at a signal (Linux's read_iter_zero), so that
 * a read of gigabytes can be interrupted and never holds the CPU.
 * RETURNS: the bytes zeroed, or -EFAULT / -ERESTARTSYS if none were. */
static ssize_t read_zero(struct kiocb *iocb, struct iov_iter *to)
{
	size_t written = 0;

	while (iov_iter_count(to)) {
		size_t chunk = iov_iter_count(to), n;

		if (chunk > PAGE_SIZE)
			chunk = PAGE_SIZE;	/* Just for latency reasons */
		n = iov_iter_zero(chunk, to);
		if (!n && iov_iter_count(to))
			return written ? written : -EFAULT;
		written += n;
		if (signal_pending(current))
			return written ? written : -ERESTARTSYS;
		cond_resched();
	}
	return written;
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
