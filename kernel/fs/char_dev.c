/* Character devices: a device node's major number picks the driver whose
 * file operations its open files get (Linux's fs/char_dev.c, one driver
 * per major; the driver's open sorts out the minors). */
#include <linux/fs.h>

#define CHRDEV_MAJOR_MAX 256

static const struct file_operations *chrdevs[CHRDEV_MAJOR_MAX];

/* RETURNS: 0, -EINVAL for a bad major, -EBUSY if it is taken. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	if (major == 0 || major >= CHRDEV_MAJOR_MAX)
		return -EINVAL;
	if (chrdevs[major])
		return -EBUSY;
	chrdevs[major] = fops;
	return 0;
}

/* The open of every character device node: switch to the driver's file
 * operations and call its open. RETURNS: 0, -ENXIO if no driver. */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	unsigned int major = MAJOR(inode->i_rdev);
	const struct file_operations *fops = major < CHRDEV_MAJOR_MAX ? chrdevs[major] : NULL;

	if (!fops)
		return -ENXIO;
	filp->f_op = fops;
	return fops->open ? fops->open(inode, filp) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
