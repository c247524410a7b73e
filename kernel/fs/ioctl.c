/* ioctl: the commands every descriptor answers, then the file's own
 * (Linux's fs/ioctl.c do_vfs_ioctl). Anything unknown is -ENOTTY. */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <asm/ioctls.h>
#include <asm/uaccess.h>

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *filp = fget(fd);
	struct inode *inode;
	long err = 0;
	int on;

	if (!filp)
		return -EBADF;
	inode = file_inode(filp);
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		break;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		break;
	case FIONBIO:
		err = get_user(on, (int __user *)arg);
		if (err)
			break;
		spin_lock(&filp->f_lock);
		if (on)
			filp->f_flags |= O_NONBLOCK;
		else
			filp->f_flags &= ~O_NONBLOCK;
		spin_unlock(&filp->f_lock);
		break;
	case FIONREAD:
		if (S_ISREG(inode->i_mode)) {
			err = put_user((int)min(inode->i_size - filp->f_pos, (loff_t)0x7fffffff),
				       (int __user *)arg);
			break;
		}
		/* fall through - pipes and ttys count their own */
	default:
		err = filp->f_op->unlocked_ioctl ? filp->f_op->unlocked_ioctl(filp, cmd, arg)
						 : -ENOTTY;
	}
	fput(filp);
	return err;
}
