/* The n_tty line discipline: canonical line editing with echo, erase,
 * kill and end-of-file, the signal characters, non-canonical reads with
 * VMIN/VTIME, output post-processing, and input flow control: the driver
 * is throttled when the buffer is nearly full and unthrottled when the
 * reader has emptied it (Linux's drivers/tty/n_tty.c, without the
 * lock-free ring, the echo buffer or IXOFF).
 *
 * CONTEXT: input arrives from the flip buffer's work item (process
 * context); ldata->lock guards the read buffer and is held while copying
 * it to user space, which is safe here since user page faults never sleep. */
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <linux/tty.h>

#define N_TTY_BUF_SIZE 4096
#define __DISABLED_CHAR '\0'
#define OUTPUT_CHUNK 256

struct n_tty_data {
	spinlock_t lock; /* all below */
	size_t read_head; /* where the next character goes */
	size_t canon_head; /* end of the completed lines */
	size_t read_tail; /* the next character a reader gets */
	bool no_room; /* the flip buffer's work stopped for want of room */
	u32 read_flags[N_TTY_BUF_SIZE / 32]; /* positions that end a line */
	unsigned char read_buf[N_TTY_BUF_SIZE];
};

static size_t read_cnt(const struct n_tty_data *ldata)
{
	return ldata->read_head - ldata->read_tail;
}

static unsigned char *read_buf_addr(struct n_tty_data *ldata, size_t i)
{
	return &ldata->read_buf[i & (N_TTY_BUF_SIZE - 1)];
}

static void set_line_end(struct n_tty_data *ldata, size_t i, bool on)
{
	u32 bit = 1u << (i & 31), *word = &ldata->read_flags[(i & (N_TTY_BUF_SIZE - 1)) / 32];

	*word = on ? *word | bit : *word & ~bit;
}

static bool is_line_end(const struct n_tty_data *ldata, size_t i)
{
	return (ldata->read_flags[(i & (N_TTY_BUF_SIZE - 1)) / 32] >> (i & 31)) & 1;
}

/* Is @c the special character @idx (VINTR...), and is that one enabled? */
static bool is_char(struct tty_struct *tty, unsigned char c, int idx)
{
	return tty->termios.c_cc[idx] != __DISABLED_CHAR && c == tty->termios.c_cc[idx];
}

/* Send output to the driver, translating newlines as O_ONLCR/O_OCRNL say
 * (Linux's process_output/do_output_char). CONTEXT: tty->write_lock held. */
static void process_output(struct tty_struct *tty, const unsigned char *buf, size_t nr)
{
	unsigned char out[2 * OUTPUT_CHUNK];
	size_t i, n = 0;

	for (i = 0; i < nr; i++) {
		unsigned char c = buf[i];

		if (O_OPOST(tty) && c == '\n' && O_ONLCR(tty))
			out[n++] = '\r';
		else if (O_OPOST(tty) && c == '\r' && O_OCRNL(tty))
			c = '\n';
		out[n++] = c;
		if (n >= sizeof(out) - 1) {
			tty_write_chars(tty, out, n);
			n = 0;
		}
	}
	if (n)
		tty_write_chars(tty, out, n);
}

static void echo_buf(struct tty_struct *tty, const char *s, size_t n)
{
	spin_lock(&tty->write_lock);
	process_output(tty, (const unsigned char *)s, n);
	spin_unlock(&tty->write_lock);
}

/* Echo @c, a control character as ^X if ECHOCTL (Linux's echo_char). */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	char ctl[2] = { '^', c ^ 0100 };

	if (L_ECHOCTL(tty) && (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n')
		echo_buf(tty, ctl, 2);
	else
		echo_buf(tty, (const char *)&c, 1);
}

static void reset_buffer_flags(struct n_tty_data *ldata)
{
	ldata->read_head = ldata->canon_head = ldata->read_tail = 0;
	memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
}

/* The reader made room: restart the flip buffer's work if it stopped for
 * want of it (Linux's n_tty_kick_worker). */
static void n_tty_kick_worker(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;
	bool kick;

	spin_lock(&ldata->lock);
	kick = ldata->no_room;
	ldata->no_room = false;
	spin_unlock(&ldata->lock);
	if (kick)
		tty_buffer_restart_work(tty->port);
}

static void n_tty_flush_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;

	spin_lock(&ldata->lock);
	reset_buffer_flags(ldata);
	spin_unlock(&ldata->lock);
	n_tty_kick_worker(tty);
}

/* A signal character: the foreground group gets the signal and, unless
 * NOFLSH, pending input is thrown away (Linux's isig). This and the next
 * are out of line, as in Linux, so that a stack trace of ^C shows them. */
static noinline __noclone void isig(int sig, struct tty_struct *tty)
{
	__isig(sig, tty);
	if (!L_NOFLSH(tty))
		n_tty_flush_buffer(tty);
}

static noinline __noclone void n_tty_receive_signal_char(struct tty_struct *tty, int signal, unsigned char c)
{
	isig(signal, tty);
	if (L_ECHO(tty))
		echo_char(tty, c);
}

/* Erase the last character, word or line of the line being edited, and
 * echo the erasure (Linux's eraser). CONTEXT: ldata->lock held. */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = tty->disc_data;
	enum { ERASE, WERASE, KILL } kill_type = ERASE;
	bool seen_alnum = false;

	if (ldata->read_head == ldata->canon_head)
		return;
	if (is_char(tty, c, VKILL)) {
		kill_type = KILL;
		if (!L_ECHO(tty) || !L_ECHOK(tty) || !L_ECHOKE(tty) || !L_ECHOE(tty)) {
			ldata->read_head = ldata->canon_head;
			if (L_ECHO(tty)) {
				echo_char(tty, c);
				if (L_ECHOK(tty))
					echo_buf(tty, "\n", 1);
			}
			return;
		}
	} else if (is_char(tty, c, VWERASE)) {
		kill_type = WERASE;
	}
	while (ldata->read_head != ldata->canon_head) {
		unsigned char prev = *read_buf_addr(ldata, ldata->read_head - 1);
		bool alnum = (prev >= '0' && prev <= '9') || (prev >= 'a' && prev <= 'z') ||
			     (prev >= 'A' && prev <= 'Z') || prev == '_';

		if (kill_type == WERASE) {
			if (alnum)
				seen_alnum = true;
			else if (seen_alnum)
				break;
		}
		ldata->read_head--;
		if (L_ECHO(tty)) {
			if (kill_type == ERASE && !L_ECHOE(tty)) {
				echo_char(tty, c);
			} else {
				echo_buf(tty, "\b \b", 3);
				if (L_ECHOCTL(tty) && (prev < 0x20 || prev == 0x7f) && prev != '\t')
					echo_buf(tty, "\b \b", 3);
			}
		}
		if (kill_type == ERASE)
			break;
	}
}

/* Store @c; @line_end marks the end of a canonical line. CONTEXT: lock held. */
static void put_tty_queue(struct n_tty_data *ldata, unsigned char c, bool line_end)
{
	*read_buf_addr(ldata, ldata->read_head) = c;
	set_line_end(ldata, ldata->read_head, line_end);
	ldata->read_head++;
	if (line_end)
		ldata->canon_head = ldata->read_head;
}

/* One input character that is not a signal character (Linux's
 * n_tty_receive_char_special). The caller made room for it.
 * CONTEXT: ldata->lock held. */
static void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (L_ICANON(tty)) {
		if (is_char(tty, c, VERASE) || is_char(tty, c, VKILL) ||
		    (is_char(tty, c, VWERASE) && L_IEXTEN(tty))) {
			eraser(tty, c);
			return;
		}
		if (c == '\n' || is_char(tty, c, VEOL) || is_char(tty, c, VEOL2)) {
			if (L_ECHO(tty) || (c == '\n' && L_ECHONL(tty)))
				echo_char(tty, c);
			put_tty_queue(ldata, c, true);
			return;
		}
		if (is_char(tty, c, VEOF)) {
			put_tty_queue(ldata, __DISABLED_CHAR, true);
			return;
		}
	}
	if (L_ECHO(tty))
		echo_char(tty, c);
	put_tty_queue(ldata, c, false);
}

/* Input translation (ISTRIP, IGNCR, ICRNL, INLCR), then the signal
 * characters, then editing, for @count characters there is room for
 * (Linux's __receive_buf). */
static void __receive_buf(struct tty_struct *tty, const unsigned char *cp, int count)
{
	struct n_tty_data *ldata = tty->disc_data;

	while (count--) {
		unsigned char c = *cp++;

		if (I_ISTRIP(tty))
			c &= 0x7f;
		if (c == '\r') {
			if (I_IGNCR(tty))
				continue;
			if (I_ICRNL(tty))
				c = '\n';
		} else if (c == '\n' && I_INLCR(tty)) {
			c = '\r';
		}
		if (L_ISIG(tty)) {
			int sig = is_char(tty, c, VINTR) ? SIGINT : is_char(tty, c, VQUIT) ? SIGQUIT
				: is_char(tty, c, VSUSP) ? SIGTSTP : 0;

			if (sig) {
				n_tty_receive_signal_char(tty, sig, c);
				continue;
			}
		}
		spin_lock(&ldata->lock);
		n_tty_receive_char(tty, c);
		spin_unlock(&ldata->lock);
	}
}

/*
 * The buffer is nearly full: throttle the driver, unless this is a
 * canonical line with no end yet (its erase characters must still get
 * through; further characters overwrite its last one) (Linux's
 * n_tty_check_throttle). CONTEXT: the flip buffer's work item.
 */
static void n_tty_check_throttle(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (L_ICANON(tty) && READ_ONCE(ldata->canon_head) == READ_ONCE(ldata->read_tail))
		return;
	for (;;) {
		tty_set_flow_change(tty, TTY_THROTTLE_SAFE);
		if (N_TTY_BUF_SIZE - read_cnt(ldata) >= TTY_THRESHOLD_THROTTLE)
			break;
		if (!tty_throttle_safe(tty))
			break;
	}
	tty_set_flow_change(tty, 0);
}

/* What a read would return now: complete lines only, if canonical. */
static int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ldata = tty->disc_data;
	int n;

	spin_lock(&ldata->lock);
	n = L_ICANON(tty) ? ldata->canon_head - ldata->read_tail : read_cnt(ldata);
	spin_unlock(&ldata->lock);
	return n;
}

/* After a read: if what is left for readers is small, take in what the
 * flip buffer holds and let the driver send again (Linux's
 * n_tty_check_unthrottle). CONTEXT: process, ldata->lock not held. */
static void n_tty_check_unthrottle(struct tty_struct *tty)
{
	for (;;) {
		tty_set_flow_change(tty, TTY_UNTHROTTLE_SAFE);
		if (n_tty_chars_in_buffer(tty) > TTY_THRESHOLD_UNTHROTTLE)
			break;
		n_tty_kick_worker(tty);
		if (!tty_unthrottle_safe(tty))
			break;
	}
	tty_set_flow_change(tty, 0);
}

/**
 * n_tty_receive_buf_common - take received characters while there is room
 * @flow: the caller keeps what is not taken (receive_buf2): note it, so
 *	that the reader restarts the flip buffer's work
 *
 * One byte of the buffer is kept free. When a canonical line with no end
 * fills the buffer, input is still taken, each character replacing the
 * last, so that the line's end gets in (Linux's overflow handling).
 * Readers are woken once at the end. termios does not change meanwhile
 * (Linux's down_read of termios_rwsem): a signal character's echo follows
 * its signal even if the process it stopped changes the modes at once.
 * CONTEXT: the flip buffer's work item. RETURNS: the characters taken.
 */
static int n_tty_receive_buf_common(struct tty_struct *tty, const unsigned char *cp,
				    int count, bool flow)
{
	struct n_tty_data *ldata = tty->disc_data;
	int room, n, rcvd = 0;

	mutex_lock(&tty->termios_mutex);
	for (;;) {
		spin_lock(&ldata->lock);
		room = N_TTY_BUF_SIZE - read_cnt(ldata) - 1;
		if (room <= 0) {
			bool overflow = L_ICANON(tty) && ldata->canon_head == ldata->read_tail;

			if (overflow && room < 0)
				ldata->read_head--;
			room = overflow;
			ldata->no_room = flow && !room;
		}
		spin_unlock(&ldata->lock);
		n = min(count, room);
		if (!n)
			break;
		__receive_buf(tty, cp, n);
		cp += n;
		count -= n;
		rcvd += n;
	}
	n_tty_check_throttle(tty);
	wake_up_interruptible_all(&tty->read_wait);
	mutex_unlock(&tty->termios_mutex);
	return rcvd;
}

static void n_tty_receive_buf(struct tty_struct *tty, const unsigned char *cp, int count)
{
	n_tty_receive_buf_common(tty, cp, count, false);
}

static int n_tty_receive_buf2(struct tty_struct *tty, const unsigned char *cp, int count)
{
	return n_tty_receive_buf_common(tty, cp, count, true);
}

/* Is there something for a reader: a whole line (canonical), or @amt
 * characters? CONTEXT: lock held or not (a hint then). */
static bool input_available_p(struct tty_struct *tty, size_t amt)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (L_ICANON(tty))
		return READ_ONCE(ldata->canon_head) != READ_ONCE(ldata->read_tail);
	return READ_ONCE(ldata->read_head) - READ_ONCE(ldata->read_tail) >= max(amt, (size_t)1);
}

/* Copy up to a line's end (the end-of-file mark is consumed, not copied)
 * or until @to is full (Linux's canon_copy_from_read_buf).
 * RETURNS: bytes copied; *@line_done if the line's end was reached. */
static ssize_t canon_copy_from_read_buf(struct n_tty_data *ldata, struct iov_iter *to,
					bool *line_done)
{
	ssize_t n = 0;

	*line_done = false;
	while (ldata->read_tail != ldata->canon_head && iov_iter_count(to)) {
		unsigned char c = *read_buf_addr(ldata, ldata->read_tail);
		bool eol = is_line_end(ldata, ldata->read_tail);

		if (!(eol && c == __DISABLED_CHAR)) {
			if (!copy_to_iter(&c, 1, to))
				return n ? n : -EFAULT;
			n++;
		}
		ldata->read_tail++;
		if (eol) {
			*line_done = true;
			break;
		}
	}
	return n;
}

static ssize_t copy_from_read_buf(struct n_tty_data *ldata, struct iov_iter *to)
{
	ssize_t n = 0;

	while (read_cnt(ldata) && iov_iter_count(to)) {
		size_t tail = ldata->read_tail & (N_TTY_BUF_SIZE - 1);
		size_t chunk = min(read_cnt(ldata), N_TTY_BUF_SIZE - tail);
		size_t copied = copy_to_iter(&ldata->read_buf[tail], chunk, to);

		ldata->read_tail += copied;
		n += copied;
		if (copied < chunk)
			return n ? n : -EFAULT;
	}
	if (!read_cnt(ldata))
		ldata->canon_head = ldata->read_tail;
	return n;
}

/* Opened as /dev/console rather than as the terminal itself? Linux lets
 * such readers and writers through job control ("don't stop on
 * /dev/console"; it tests for redirected_tty_write). */
static bool is_console_file(struct file *file)
{
	return file_inode(file) && file_inode(file)->i_rdev == MKDEV(TTYAUX_MAJOR, 1);
}

/* A background process reading its controlling terminal gets SIGTTIN
 * (Linux's job_control). */
static int job_control(struct tty_struct *tty, struct file *file)
{
	if (is_console_file(file))
		return 0;
	return __tty_check_change(tty, SIGTTIN);
}

/**
 * n_tty_read - read a line (canonical) or VMIN/VTIME's worth of characters
 * RETURNS: the bytes read (0 at end of file: ^D at the start of a line, or
 * a VMIN=0 timeout), -EAGAIN (O_NONBLOCK), -ERESTARTSYS (a signal), -EIO
 * for an orphaned background reader, -EFAULT.
 */
static ssize_t n_tty_read(struct tty_struct *tty, struct file *file, struct iov_iter *to)
{
	struct n_tty_data *ldata = tty->disc_data;
	long timeout = MAX_SCHEDULE_TIMEOUT, time = 0;
	size_t minimum = 1;
	ssize_t copied = 0, ret = 0;

	ret = job_control(tty, file);
	if (ret < 0)
		return ret;
	if (!L_ICANON(tty)) {
		minimum = min((size_t)tty->termios.c_cc[VMIN], iov_iter_count(to));
		time = (long)tty->termios.c_cc[VTIME] * HZ / 10;
		if (!minimum)
			timeout = time;
	}
	for (;;) {
		struct wait_queue_entry wait;
		bool line_done;

		spin_lock(&ldata->lock);
		if (input_available_p(tty, 1)) {
			ret = L_ICANON(tty) ? canon_copy_from_read_buf(ldata, to, &line_done)
					    : copy_from_read_buf(ldata, to);
			spin_unlock(&ldata->lock);
			n_tty_check_unthrottle(tty);
			if (ret < 0)
				break;
			copied += ret;
			ret = 0;
			if (L_ICANON(tty) || (size_t)copied >= minimum || !iov_iter_count(to))
				break;
			if (time)
				timeout = time; /* VTIME is an inter-character timer now */
			continue;
		}
		spin_unlock(&ldata->lock);
		if (!timeout)
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		init_wait_entry(&wait, 0);
		ret = prepare_to_wait_event(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (!ret && !input_available_p(tty, 1))
			timeout = schedule_timeout(timeout);
		finish_wait(&tty->read_wait, &wait);
		if (ret)
			break;
	}
	return copied ? copied : ret;
}

/* Write to the terminal; with TOSTOP a background writer gets SIGTTOU. */
static ssize_t n_tty_write(struct tty_struct *tty, struct file *file, struct iov_iter *from)
{
	unsigned char buf[OUTPUT_CHUNK];
	ssize_t written = 0;

	if (L_TOSTOP(tty) && !is_console_file(file)) {
		int ret = tty_check_change(tty);

		if (ret)
			return ret;
	}
	while (iov_iter_count(from)) {
		size_t n = copy_from_iter(buf, min(iov_iter_count(from), sizeof(buf)), from);

		if (!n)
			return written ? written : -EFAULT;
		echo_buf(tty, (const char *)buf, n);
		written += n;
	}
	return written;
}

static __poll_t n_tty_poll(struct tty_struct *tty, struct file *file, poll_table *wait)
{
	__poll_t mask = POLLOUT | POLLWRNORM;

	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	if (input_available_p(tty, 1))
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* Switching ICANON on makes what is buffered one line; off, plain input
 * (Linux's n_tty_set_termios). */
static void n_tty_set_termios(struct tty_struct *tty, const struct termios *old)
{
	struct n_tty_data *ldata = tty->disc_data;

	if (!old || ((old->c_lflag ^ tty->termios.c_lflag) & ICANON)) {
		spin_lock(&ldata->lock);
		memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
		if (!L_ICANON(tty) || !read_cnt(ldata)) {
			ldata->canon_head = ldata->read_tail;
		} else {
			set_line_end(ldata, ldata->read_head - 1, true);
			ldata->canon_head = ldata->read_head;
		}
		spin_unlock(&ldata->lock);
	}
	wake_up_interruptible_all(&tty->read_wait);
}

static int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ldata = kzalloc(sizeof(*ldata), GFP_KERNEL);

	if (!ldata)
		return -ENOMEM;
	spin_lock_init(&ldata->lock);
	tty->disc_data = ldata;
	n_tty_set_termios(tty, NULL);
	return 0;
}

const struct tty_ldisc_ops n_tty_ops = {
	.name = "n_tty",
	.open = n_tty_open,
	.read = n_tty_read,
	.write = n_tty_write,
	.poll = n_tty_poll,
	.receive_buf = n_tty_receive_buf,
	.receive_buf2 = n_tty_receive_buf2,
	.set_termios = n_tty_set_termios,
	.flush_buffer = n_tty_flush_buffer,
	.chars_in_buffer = n_tty_chars_in_buffer,
};
