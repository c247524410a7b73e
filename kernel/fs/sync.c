/* sync and fsync (Linux's fs/sync.c). Everything lives in memory, so
 * there is nothing to write back; fsync still checks its descriptor. */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

long sys_sync(void)
{
	return 0;
}

/* RETURNS: 0, -EBADF, or -EINVAL for a file that cannot be synced (a
 * pipe or a tty), as in Linux. */
long sys_fsync(unsigned int fd)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = file->f_op->fsync ? file->f_op->fsync(file, 0) : -EINVAL;
	fput(file);
	return err;
}
