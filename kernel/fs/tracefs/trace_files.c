/* What the tracer's main tracefs files do when read and written: `trace`
 * (the buffer as text; `echo > trace` or opening it with O_TRUNC clears
 * it) and `tracing_on` (Linux's kernel/trace/trace.c tracing_fops and
 * rb_simple_fops), and the helpers every control file shares. */
#include "internal.h"
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>

/**
 * trace_get_user_buf - take what a write brings, NUL-terminated
 * @size: the room in @buf; at most @size - 1 bytes are taken
 * RETURNS: the bytes taken, -EINVAL if the write is @size bytes or more
 * (nothing is taken), or -EFAULT.
 */
ssize_t trace_get_user_buf(struct iov_iter *from, char *buf, size_t size)
{
	size_t count = iov_iter_count(from);

	if (count >= size)
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	buf[count] = '\0';
	return count;
}

/**
 * kstrtoul_from_iter - a number written to a control file (Linux's
 * kstrtoul_from_user: base 10 here, what a longer write brings beyond
 * 34 bytes is ignored, one trailing newline is allowed)
 * RETURNS: the bytes the write brought (all are consumed), or -EINVAL,
 * -ERANGE or -EFAULT with nothing changed.
 */
ssize_t kstrtoul_from_iter(struct iov_iter *from, unsigned long *val)
{
	char buf[1 + sizeof(unsigned long) * 8 + 1 + 1];
	size_t count = iov_iter_count(from), n = min(count, sizeof(buf) - 1);
	int ret;

	if (copy_from_iter(buf, n, from) != n)
		return -EFAULT;
	buf[n] = '\0';
	ret = kstrtoul(buf, 10, val);
	if (ret)
		return ret;
	from->count = 0;
	return count;
}

/* trace */

/* An open `trace` file's reader: the iterator and the mutex that
 * serialises the readers sharing the open file (Linux: seq_file's lock). */
struct trace_reader {
	struct mutex lock;
	struct trace_iterator iter;
};

static int tracing_open(struct inode *inode, struct file *file)
{
	struct trace_reader *reader;

	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		tracing_reset_online_cpus();
	if (!(file->f_mode & FMODE_READ))
		return 0;
	reader = kmalloc(sizeof(*reader), GFP_KERNEL);
	if (!reader)
		return -ENOMEM;
	mutex_init(&reader->lock);
	trace_iter_init(&reader->iter, &global_trace);
	if (reader->iter.trace->open)
		reader->iter.trace->open(&reader->iter);
	/* As Linux: recording pauses while the trace is open for reading,
	 * so what is read is one finite picture. */
	tracing_stop();
	file->private_data = reader;
	return 0;
}

/*
 * The text from the file position on, a page at a time, stopping for a
 * fatal signal; a read that faults part way leaves the position after
 * what was copied, and trace_read() finds it again.
 */
static ssize_t tracing_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_reader *reader = iocb->ki_filp->private_data;
	char *buf;
	ssize_t ret = 0;

	if (iocb->ki_pos < 0)
		return -EINVAL;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	mutex_lock(&reader->lock);
	while (iov_iter_count(to)) {
		size_t n, copied;

		if (fatal_signal_pending(current)) {
			if (!ret)
				ret = -EINTR;
			break;
		}
		n = trace_read(&reader->iter, buf, min(iov_iter_count(to), (size_t)PAGE_SIZE),
			       &iocb->ki_pos);
		copied = copy_to_iter(buf, n, to);
		ret += copied;
		if (copied < n) {
			iocb->ki_pos -= n - copied;
			if (!ret)
				ret = -EFAULT;
			break;
		}
		if (!n)
			break;
	}
	mutex_unlock(&reader->lock);
	kfree(buf);
	return ret;
}

/* Writing to `trace` does nothing but clear it if it was opened with
 * O_TRUNC, which `echo > trace` does (Linux's tracing_write_stub). */
static ssize_t tracing_write_stub(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	from->count = 0;
	return count;
}

static int tracing_release(struct inode *inode, struct file *file)
{
	struct trace_reader *reader = file->private_data;

	if (reader) {
		tracing_start();
		if (reader->iter.trace->close)
			reader->iter.trace->close(&reader->iter);
		kfree(reader);
	}
	return 0;
}

const struct file_operations tracing_fops = {
	.open = tracing_open,
	.read_iter = tracing_read,
	.write_iter = tracing_write_stub,
	.llseek = generic_file_llseek,
	.release = tracing_release,
};

/* tracing_on */

static ssize_t rb_simple_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[4];
	int len = snprintf(buf, sizeof(buf), "%d\n", tracing_is_on());

	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

/* 0 or non-zero: stop or start recording, and tell the current tracer. */
static ssize_t rb_simple_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_array *tr = &global_trace;
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);

	if (ret < 0)
		return ret;
	mutex_lock(&trace_types_lock);
	if (!!val != !!tracing_is_on()) {
		if (val) {
			tracing_on();
			if (tr->current_trace->start)
				tr->current_trace->start(tr);
		} else {
			tracing_off();
			if (tr->current_trace->stop)
				tr->current_trace->stop(tr);
		}
	}
	mutex_unlock(&trace_types_lock);
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations rb_simple_fops = {
	.read_iter = rb_simple_read,
	.write_iter = rb_simple_write,
	.llseek = generic_file_llseek,
};
