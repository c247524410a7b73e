/* The tty layer's file operations and the console terminal: /dev/console
 * (5,1), /dev/tty (5,0: the caller's controlling terminal) and
 * /dev/ttyAMA0 (204,64) all reach the one tty on the PL011 (Linux's
 * drivers/tty/tty_io.c, for a single tty with the n_tty discipline). */
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/uaccess.h>

/* Linux's tty_std_termios, with the serial console's 115200 8N1. */
const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
};

extern struct tty_driver pl011_tty_driver; /* serial_core.c */
extern struct tty_port pl011_tty_port;
void pl011_tty_init(void);

static struct tty_struct console_tty;

/* The device number of @tty, for /proc/<pid>/stat's tty_nr. */
dev_t tty_devnum(struct tty_struct *tty)
{
	return MKDEV(tty->driver->major, tty->driver->minor_start) + tty->index;
}

/* Send raw bytes to the driver. CONTEXT: tty->write_lock held. */
int tty_write_chars(struct tty_struct *tty, const unsigned char *buf, int count)
{
	return tty->ops->write(tty, buf, count);
}

static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty = &console_tty;
	bool noctty = filp->f_flags & O_NOCTTY;

	if (inode->i_rdev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = get_current_tty();
		if (!tty)
			return -ENXIO;
		noctty = true;
	} else if (inode->i_rdev == MKDEV(TTYAUX_MAJOR, 1)) {
		noctty = true; /* /dev/console never becomes a controlling tty */
	} else if (inode->i_rdev != MKDEV(SERIAL_AMBA_MAJOR, SERIAL_AMBA_MINOR)) {
		return -ENXIO;
	}
	filp->private_data = tty;
	if (!noctty)
		tty_open_proc_set_tty(filp, tty);
	return 0;
}

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file->private_data;

	return tty->ldisc->read(tty, file, to);
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file->private_data;

	return tty->ldisc->write(tty, file, from);
}

static __poll_t tty_poll(struct file *filp, poll_table *wait)
{
	struct tty_struct *tty = filp->private_data;

	return tty->ldisc->poll(tty, filp, wait);
}

/* TIOCSWINSZ: a new size makes the foreground group get SIGWINCH. */
static int tiocswinsz(struct tty_struct *tty, struct winsize __user *arg)
{
	struct winsize tmp_ws;
	bool changed;
	pid_t pgrp;

	if (copy_from_user(&tmp_ws, arg, sizeof(tmp_ws)))
		return -EFAULT;
	spin_lock(&tty->termios_lock);
	changed = memcmp(&tmp_ws, &tty->winsize, sizeof(tmp_ws)) != 0;
	tty->winsize = tmp_ws;
	spin_unlock(&tty->termios_lock);
	pgrp = READ_ONCE(tty->pgrp);
	if (changed && pgrp)
		kill_pgrp(pgrp, SIGWINCH, 1);
	return 0;
}

/**
 * tty_ioctl - the terminal ioctls: window size, input count, job control
 * (tty_jobctrl.c), then the termios ones (tty_ioctl.c)
 * RETURNS: 0 or a value, -EFAULT, -ENOTTY for an unknown command.
 */
static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	struct winsize ws;
	long ret;

	switch (cmd) {
	case TIOCGWINSZ:
		spin_lock(&tty->termios_lock);
		ws = tty->winsize;
		spin_unlock(&tty->termios_lock);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return tiocswinsz(tty, p);
	case FIONREAD:
		return put_user(tty->ldisc->chars_in_buffer(tty), (int __user *)p);
	case TIOCOUTQ:
		return put_user(0, (int __user *)p);
	}
	ret = tty_jobctrl_ioctl(tty, file, cmd, arg);
	if (ret != -ENOIOCTLCMD)
		return ret;
	ret = tty_mode_ioctl(tty, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

static const struct file_operations tty_fops = {
	.read_iter = tty_read,
	.write_iter = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
};

/**
 * tty_init - set up the console tty on the PL011 and register the tty
 * device numbers; received characters flow from now on
 * CONTEXT: boot, after vfs_caches_init() and the interrupt controller.
 */
void tty_init(void)
{
	struct tty_struct *tty = &console_tty;

	tty->driver = &pl011_tty_driver;
	tty->ops = pl011_tty_driver.ops;
	tty->index = 0;
	tty->port = &pl011_tty_port;
	tty->termios = tty_std_termios;
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	spin_lock_init(&tty->termios_lock);
	spin_lock_init(&tty->ctrl_lock);
	spin_lock_init(&tty->write_lock);
	mutex_init(&tty->throttle_mutex);
	mutex_init(&tty->termios_mutex);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	tty->ldisc = &n_tty_ops;
	if (tty->ldisc->open(tty))
		panic("Couldn't open N_TTY ldisc");
	tty_port_init(tty->port, tty);
	register_chrdev(TTYAUX_MAJOR, "tty", &tty_fops);
	register_chrdev(SERIAL_AMBA_MAJOR, "ttyAMA", &tty_fops);
	pl011_tty_init();
}
