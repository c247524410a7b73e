/* The event files of tracefs: `set_event`, `available_events` and the
 * events' `enable` files (Linux's kernel/trace/trace_events.c
 * ftrace_set_event_fops, ftrace_avail_fops, ftrace_system_enable_fops and
 * ftrace_enable_fops). */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* A 0 or 1 written to an enable file clears or sets the events of @system
 * (all if NULL), or only @event of it (Linux's system_enable_write and
 * event_enable_write). RETURNS: the bytes taken, -EINVAL or -EFAULT. */
static ssize_t enable_write(struct kiocb *iocb, struct iov_iter *from, const char *system,
			    const char *event)
{
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);

	if (ret < 0)
		return ret;
	if (val > 1)
		return -EINVAL;
	trace_set_clr_event(system, event, val);
	iocb->ki_pos += ret;
	return ret;
}

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
	ret = trace_get_user_buf(from, buf, PAGE_SIZE);
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
