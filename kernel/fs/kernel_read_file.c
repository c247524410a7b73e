/* Read a whole file into kernel memory: exec reads the program this way
 * (Linux's fs/kernel_read_file.c, kernel_read_file_from_path, with the
 * checks execve makes of the file: regular, and executable). */
#include <linux/fs.h>
#include <linux/slab.h>

/**
 * kernel_read_file_from_path - the contents of @path in a kmalloc'd buffer
 * @buf: set to the buffer (kfree it); @size: set to the file's size
 * @max: the largest file accepted
 *
 * The file must be a regular file with an execute bit that the caller may
 * use (as execve requires).
 * RETURNS: 0; -ENOENT, -ENOTDIR, -ELOOP... from the lookup; -EACCES if not
 * a regular, executable file; -EFBIG if larger than @max; -ENOMEM; -EIO
 * if it shrank while being read.
 */
int kernel_read_file_from_path(const char *path, void **buf, size_t *size, size_t max)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	struct inode *inode;
	loff_t i_size, pos = 0;
	int ret = 0;

	if (IS_ERR(file))
		return PTR_ERR(file);
	inode = file_inode(file);
	i_size = inode->i_size;
	if (!S_ISREG(inode->i_mode) || generic_permission(inode, MAY_EXEC))
		ret = -EACCES;
	else if (i_size > (loff_t)max)
		ret = -EFBIG;
	else if (!(*buf = kmalloc(i_size ? i_size : 1, GFP_KERNEL)))
		ret = -ENOMEM;
	while (!ret && pos < i_size) {
		ssize_t n = kernel_read(file, (char *)*buf + pos, i_size - pos, &pos);

		if (n <= 0) {
			kfree(*buf);
			ret = n < 0 ? n : -EIO;
		}
	}
	if (!ret)
		*size = i_size;
	fput(file);
	return ret;
}
