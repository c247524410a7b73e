/* The termios ioctls: get and set the terminal's modes, flush its input
 * (Linux's drivers/tty/tty_ioctl.c tty_mode_ioctl and
 * n_tty_ioctl_helper), and the input flow control the line discipline
 * asks for (tty_throttle_safe, tty_unthrottle_safe). Output is written
 * synchronously, so "wait for the output to drain" has nothing to wait for. */
#include <linux/tty.h>
#include <asm/uaccess.h>

/**
 * tty_throttle_safe - ask the driver to stop sending input
 *
 * Only while tty->flow_change is TTY_THROTTLE_SAFE: an unthrottle decided
 * meanwhile (on another CPU, by a reader) wins, and the caller re-checks.
 * CONTEXT: process. RETURNS: 0 if throttled now or already, 1 to retry.
 */
int tty_throttle_safe(struct tty_struct *tty)
{
	int ret = 0;

	mutex_lock(&tty->throttle_mutex);
	if (!tty_throttled(tty)) {
		if (READ_ONCE(tty->flow_change) != TTY_THROTTLE_SAFE) {
			ret = 1;
		} else {
			__atomic_or_fetch(&tty->flags, 1UL << TTY_THROTTLED, __ATOMIC_RELAXED);
			if (tty->ops->throttle)
				tty->ops->throttle(tty);
		}
	}
	mutex_unlock(&tty->throttle_mutex);
	return ret;
}

/**
 * tty_unthrottle_safe - let the driver send input again
 * CONTEXT: process. RETURNS: 0 if unthrottled now or not throttled, 1 if
 * tty->flow_change no longer asks for it.
 */
int tty_unthrottle_safe(struct tty_struct *tty)
{
	int ret = 0;

	mutex_lock(&tty->throttle_mutex);
	if (tty_throttled(tty)) {
		if (READ_ONCE(tty->flow_change) != TTY_UNTHROTTLE_SAFE) {
			ret = 1;
		} else {
			__atomic_and_fetch(&tty->flags, ~(1UL << TTY_THROTTLED), __ATOMIC_RELAXED);
			if (tty->ops->unthrottle)
				tty->ops->unthrottle(tty);
		}
	}
	mutex_unlock(&tty->throttle_mutex);
	return ret;
}

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
		tty_buffer_flush(tty);
	/* Linux's tty_set_termios: after a character being processed */
	mutex_lock(&tty->termios_mutex);
	spin_lock(&tty->termios_lock);
	old = tty->termios;
	tty->termios = tmp;
	spin_unlock(&tty->termios_lock);
	tty->ldisc->set_termios(tty, &old);
	mutex_unlock(&tty->termios_mutex);
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
			tty_buffer_flush(tty);
		return 0;
	case TCSBRK:
	case TCXONC:
		return tty_check_change(tty);
	default:
		return -ENOIOCTLCMD;
	}
}
