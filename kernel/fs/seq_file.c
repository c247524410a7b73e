/* Files whose text is printed when they are opened, then read like a
 * buffer (Linux's fs/seq_file.c, single_open() only: show() writes the
 * whole text; if it does not fit, the buffer doubles and show() runs again). */
#include <linux/seq_file.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#define SEQ_MAX_SIZE (64 * PAGE_SIZE)

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int len;

	if (m->overflow)
		return;
	va_start(args, fmt);
	len = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
	va_end(args);
	if (len < 0 || (size_t)len >= m->size - m->count)
		m->overflow = true;
	else
		m->count += len;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->overflow || len > m->size - m->count) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
	seq_printf(m, "%s%llu", delimiter, num);
}

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num)
{
	seq_printf(m, "%s%lld", delimiter, num);
}

/* Run show() until its text fits. RETURNS: 0, show()'s error or -ENOMEM. */
static int seq_fill(struct seq_file *m, void *data)
{
	size_t size = PAGE_SIZE;
	int err;

	for (;;) {
		m->buf = kmalloc(size, GFP_KERNEL);
		if (!m->buf)
			return -ENOMEM;
		m->size = size;
		m->count = 0;
		m->overflow = false;
		err = m->show(m, data);
		if (err || !m->overflow)
			return err;
		kfree(m->buf);
		m->buf = NULL;
		size *= 2;
		if (size > SEQ_MAX_SIZE)
			return -ENOMEM;
	}
}

static void seq_free(struct seq_file *m)
{
	kfree(m->buf);
	kfree(m);
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);
	int err;

	if (!m)
		return -ENOMEM;
	m->show = show;
	m->private = data;
	err = seq_fill(m, data);
	if (err) {
		seq_free(m);
		return err;
	}
	file->private_data = m;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	seq_free(file->private_data);
	return 0;
}

ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct seq_file *m = iocb->ki_filp->private_data;

	return simple_read_from_buffer(to, &iocb->ki_pos, m->buf, m->count);
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_END)
		return -EINVAL;
	return generic_file_llseek(file, offset, whence);
}
