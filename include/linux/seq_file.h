/* Text files made on open (Linux's include/linux/seq_file.h, the
 * single_open() flavour): show() prints the whole text into a buffer that
 * grows until it fits, and read() hands it out from the file position. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/fs.h>

struct seq_file {
	char *buf;
	size_t size; /* of buf */
	size_t count; /* bytes printed */
	bool overflow; /* a print did not fit: show() runs again, buffer doubled */
	int (*show)(struct seq_file *m, void *v);
	void *private;
};

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num);

/* Run show(m, data) into a new seq_file, file->private_data.
 * RETURNS: 0, show()'s error, or -ENOMEM. */
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *to);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);

#endif
