/* The termios ioctls: get and set the terminal's modes, flush its input
 * (Linux's drivers/tty/tty_ioctl.c tty_mode_ioctl and
 * n_tty_ioctl_helper). Output is written synchronously, so "wait for the
 * output to drain" has nothing to wait for. */
#include <linux/tty.h>
#include <asm/uaccess.h>

/* TCSETS, TCSETSW, TCSETSF (Linux's set_termios): a background process
 * gets SIGTTOU first; TCSETSF also discards pending input. */
static int set_termios(struct tty_struct *tty, void __user *arg, bool flush)
{
	struct termios tmp, old;
	int ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (copy_from_user(&tmp, arg, sizeof(tmp)))
		return -EFAULT;
	if (flush)
		tty->ldisc->flush_buffer(tty);
	spin_lock(&tty->termios_lock);
	old = tty->termios;
	tty->termios = tmp;
	spin_unlock(&tty->termios_lock);
	tty->ldisc->set_termios(tty, &old);
	return 0;
}

/* RETURNS: 0, -EFAULT, -EINVAL, or -ENOIOCTLCMD if @cmd is not a termios one. */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	struct termios kterm;
	int ret;

	switch (cmd) {
	case TCGETS:
		spin_lock(&tty->termios_lock);
		kterm = tty->termios;
		spin_unlock(&tty->termios_lock);
		return copy_to_user(p, &kterm, sizeof(kterm)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
		return set_termios(tty, p, false);
	case TCSETSF:
		return set_termios(tty, p, true);
	case TCFLSH:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		if (arg != TCIFLUSH && arg != TCOFLUSH && arg != TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			tty->ldisc->flush_buffer(tty);
		return 0;
	case TCSBRK:
	case TCXONC:
		return tty_check_change(tty);
	default:
		return -ENOIOCTLCMD;
	}
}
