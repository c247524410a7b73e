/* What the tracefs files do when read and written: `trace` (the buffer as
 * text; opened with O_TRUNC it is cleared), `tracing_on`, `set_event`,
 * `available_events` and the events' `enable` files (Linux's
 * kernel/trace/trace.c tracing_fops and rb_simple_fops, and
 * kernel/trace/trace_events.c's ftrace_set_event_fops, system_enable_fops
 * and event_enable_fops). */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include "internal.h"

/* Take what a write brings, NUL-terminated, at most @size - 1 bytes.
 * RETURNS: the bytes taken, or -EFAULT / -EINVAL (too long). */
static ssize_t copy_write_buffer(struct iov_iter *from, char *buf, size_t size)
{
	size_t count = iov_iter_count(from);

	if (count >= size)
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	buf[count] = '\0';
	return count;
}

/* A number written to a control file, with an optional newline (Linux's
 * kstrtoul_from_user). RETURNS: the bytes taken, -EINVAL or -EFAULT. */
static ssize_t write_ulong(struct iov_iter *from, unsigned long *val)
{
	char buf[32], *end;
	ssize_t count = copy_write_buffer(from, buf, sizeof(buf));

	if (count < 0)
		return count;
	*val = simple_strtoul(buf, &end, 10);
	if (end == buf || (*end && strcmp(end, "\n")))
		return -EINVAL;
	return count;
}

/* A 0 or 1 written to an enable file clears or sets the events of @system
 * (all if NULL), or only @event of it (Linux's system_enable_write and
 * event_enable_write). RETURNS: the bytes taken, -EINVAL or -EFAULT. */
static ssize_t enable_write(struct kiocb *iocb, struct iov_iter *from, const char *system,
			    const char *event)
{
	unsigned long val;
	ssize_t ret = write_ulong(from, &val);

	if (ret < 0)
		return ret;
	if (val > 1)
		return -EINVAL;
	trace_set_clr_event(system, event, val);
	iocb->ki_pos += ret;
	return ret;
}

/* trace */

static int tracing_open(struct inode *inode, struct file *file)
{
	struct trace_iterator *iter;

	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		tracing_reset_online_cpus();
	if (!(file->f_mode & FMODE_READ))
		return 0;
	iter = kmalloc(sizeof(*iter), GFP_KERNEL);
	if (!iter)
		return -ENOMEM;
	trace_iter_init(iter, &global_trace_buffer);
	file->private_data = iter;
	return 0;
}

/* The text from the file position on; a read that faults part way leaves
 * the position after what was copied, and trace_read() finds it again. */
static ssize_t tracing_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_iterator *iter = iocb->ki_filp->private_data;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t ret = 0;

	if (!buf)
		return -ENOMEM;
	while (iov_iter_count(to)) {
		size_t n = trace_read(iter, buf, min(iov_iter_count(to), (size_t)PAGE_SIZE),
				      &iocb->ki_pos);
		size_t copied = copy_to_iter(buf, n, to);

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
	kfree(buf);
	return ret;
}

/* Writing to `trace` does nothing: opening it with O_TRUNC cleared it. */
static ssize_t tracing_write_stub(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	from->count = 0;
	return count;
}

static int tracing_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
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

static ssize_t rb_simple_write(struct kiocb *iocb, struct iov_iter *from)
{
	unsigned long val;
	ssize_t ret = write_ulong(from, &val);

	if (ret < 0)
		return ret;
	if (val)
		tracing_on();
	else
		tracing_off();
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations rb_simple_fops = {
	.read_iter = rb_simple_read,
	.write_iter = rb_simple_write,
	.llseek = generic_file_llseek,
};

/* set_event and available_events */

static int t_show(struct seq_file *m, void *enabled_only)
{
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (!enabled_only || READ_ONCE(call->enabled))
			seq_printf(m, "%s:%s\n", call->system, call->name);
	}
	return 0;
}

static int ftrace_event_set_open(struct inode *inode, struct file *file)
{
	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC))
		trace_set_clr_event(NULL, NULL, 0);
	if (file->f_mode & FMODE_READ)
		return single_open(file, t_show, (void *)1);
	return 0;
}

static int ftrace_event_release(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_release(inode, file) : 0;
}

/* Each word sets an event ("system:event", "system:", "event"); a "!"
 * before it clears it instead (Linux's ftrace_event_write). */
static ssize_t ftrace_event_write(struct kiocb *iocb, struct iov_iter *from)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL), *p, *word;
	ssize_t ret;

	if (!buf)
		return -ENOMEM;
	ret = copy_write_buffer(from, buf, PAGE_SIZE);
	for (p = buf; ret >= 0;) {
		int set = 1, err;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		if (*p)
			*p++ = '\0';
		if (*word == '!') {
			set = 0;
			word++;
		}
		err = ftrace_set_clr_event(word, set);
		if (err)
			ret = err;
	}
	kfree(buf);
	if (ret > 0)
		iocb->ki_pos += ret;
	return ret;
}

const struct file_operations set_event_fops = {
	.open = ftrace_event_set_open,
	.read_iter = seq_read_iter,
	.write_iter = ftrace_event_write,
	.llseek = seq_lseek,
	.release = ftrace_event_release,
};

static int ftrace_event_avail_open(struct inode *inode, struct file *file)
{
	return single_open(file, t_show, NULL);
}

const struct file_operations available_events_fops = {
	.open = ftrace_event_avail_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* events/enable and events/<system>/enable: "0", "1", "X" for a mix (and
 * "?" for no events), as Linux's system_enable_read. */
static ssize_t system_enable_read(struct kiocb *iocb, struct iov_iter *to)
{
	const char *system = file_inode(iocb->ki_filp)->i_private;
	char buf[2];
	unsigned int i, set = 0;

	for (i = 0; i < nr_ftrace_events; i++) {
		struct trace_event_call *call = ftrace_events[i];

		if (!system || !strcmp(system, call->system))
			set |= 1 << !!READ_ONCE(call->enabled);
	}
	buf[0] = "?01X"[set];
	buf[1] = '\n';
	return simple_read_from_buffer(to, &iocb->ki_pos, buf, sizeof(buf));
}

static ssize_t system_enable_write(struct kiocb *iocb, struct iov_iter *from)
{
	return enable_write(iocb, from, file_inode(iocb->ki_filp)->i_private, NULL);
}

const struct file_operations system_enable_fops = {
	.read_iter = system_enable_read,
	.write_iter = system_enable_write,
	.llseek = generic_file_llseek,
};

/* events/<system>/<event>/enable */
static ssize_t event_enable_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;

	return simple_read_from_buffer(to, &iocb->ki_pos, READ_ONCE(call->enabled) ? "1\n" : "0\n",
				       2);
}

static ssize_t event_enable_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_event_call *call = file_inode(iocb->ki_filp)->i_private;

	return enable_write(iocb, from, call->system, call->name);
}

const struct file_operations event_enable_fops = {
	.read_iter = event_enable_read,
	.write_iter = event_enable_write,
	.llseek = generic_file_llseek,
};
