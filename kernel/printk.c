/* printk: kernel messages on the console with Linux's "[    0.000123] "
 * timestamps and log levels, and in the log buffer that syslog(2) reads
 * for dmesg (Linux's kernel/printk/printk.c; the buffer holds the text
 * as syslog gives it, "<level>[time] message" lines, rather than records).
 *
 * CONTEXT: any, including IRQ handlers. One lock keeps the lines of
 * different CPUs apart; an oops busts it (bust_spinlocks) so that a CPU
 * which died holding it cannot silence the report. */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/serial_pl011.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/uaccess.h>
#define CREATE_TRACE_POINTS
#include <trace/events/printk.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT; /* everything but KERN_DEBUG */
static DEFINE_SPINLOCK(logbuf_lock);
static int oops_in_progress;
static bool line_open; /* the last message did not end in a newline */

/* The log buffer: the last LOG_BUF_LEN bytes of syslog text. log_end
 * counts every byte ever logged; log_first is the oldest byte still
 * held, always the start of a line. CONTEXT: logbuf_lock. */
#define LOG_BUF_LEN (1 << 15)
static char log_buf[LOG_BUF_LEN];
static u64 log_first, log_end, clear_seq, syslog_seq;

static void log_store(const char *text, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		log_buf[log_end++ % LOG_BUF_LEN] = text[i];
		if (log_end - log_first > LOG_BUF_LEN) {
			/* Overwritten: drop the oldest line whole. */
			while (log_first < log_end && log_buf[log_first++ % LOG_BUF_LEN] != '\n')
				;
		}
	}
}

void bust_spinlocks(int yes)
{
	oops_in_progress = yes;
}

/* Strip a KERN_<level> prefix. RETURNS: the level, LOGLEVEL_DEFAULT if
 * none, or -1 for KERN_CONT. */
static int printk_get_level(const char **text)
{
	int level = LOGLEVEL_DEFAULT;

	while ((*text)[0] == KERN_SOH[0] && (*text)[1]) {
		char c = (*text)[1];
		if (c >= '0' && c <= '7')
			level = c - '0';
		else if (c == 'c')
			level = -1;
		*text += 2;
	}
	return level;
}

/* printk:console: the text the console got, its timestamp first (Linux's
 * call_console_drivers). Out of line, so that its buffer is on the stack
 * only while the event is on; a record holds less than this anyway. */
static noinline void trace_console_text(const char *stamp, const char *text, int len)
{
	char line[160];
	int n = strlcpy(line, stamp, sizeof(line));

	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	if (len > (int)sizeof(line) - 1 - n)
		len = sizeof(line) - 1 - n;
	memcpy(line + n, text, len);
	trace_console(line, n + len);
}

int vprintk(const char *fmt, va_list args)
{
	char buf[512];
	char stamp[24];
	const char *text = buf;
	unsigned long flags;
	int level, len, new_line;
	bool to_console;
	u64 ns = local_clock();

	len = vsnprintf(buf, sizeof(buf), fmt, args);
	if (len >= (int)sizeof(buf))
		len = sizeof(buf) - 1;
	level = printk_get_level(&text);
	len -= text - buf;

	local_irq_save(flags);
	if (!oops_in_progress)
		spin_lock(&logbuf_lock);
	if (level >= 0 && line_open)
		log_store("\n", 1);
	if (level >= 0 || !line_open) {
		u32 rem;
		u64 secs = div_u64_rem(ns, 1000000000, &rem);
		char prefix[8];

		snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ", (unsigned long)secs,
			 (unsigned long)(rem / 1000));
		/* The syslog prefix: facility 0 (kernel), the level. */
		snprintf(prefix, sizeof(prefix), "<%d>", level < 0 ? LOGLEVEL_DEFAULT : level);
		log_store(prefix, strlen(prefix));
		log_store(stamp, strlen(stamp));
	}
	log_store(text, len);
	new_line = level >= 0 || !line_open;
	to_console = level < 0 || level < console_loglevel;
	if (to_console) {
		if (level >= 0 && line_open)
			pl011_write("\n", 1);
		if (level >= 0 || !line_open)
			pl011_write(stamp, strlen(stamp));
		pl011_write(text, len);
	}
	line_open = len > 0 && text[len - 1] != '\n';
	if (!oops_in_progress)
		spin_unlock(&logbuf_lock);
	/* after the lock: tp_printk prints the event with printk */
	if (to_console && trace_console_enabled())
		trace_console_text(new_line ? stamp : "", text, len);
	local_irq_restore(flags);
	return len;
}

/* Linux's printk_ratelimit(): may a message that user space can provoke
 * at will be printed? At most 10 such messages every 5 seconds, for all
 * callers together (Linux's default ratelimit state). */
bool printk_ratelimit(void)
{
	static DEFINE_SPINLOCK(ratelimit_lock);
	static unsigned long begin;
	static int printed;
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&ratelimit_lock, flags);
	if (!printed || (long)(jiffies - begin) > 5 * HZ) {
		begin = jiffies;
		printed = 0;
	}
	ok = printed < 10;
	if (ok)
		printed++;
	spin_unlock_irqrestore(&ratelimit_lock, flags);
	return ok;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/* syslog(2) actions (Linux's include/linux/syslog.h). */
#define SYSLOG_ACTION_CLOSE 0
#define SYSLOG_ACTION_OPEN 1
#define SYSLOG_ACTION_READ 2
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD 9
#define SYSLOG_ACTION_SIZE_BUFFER 10

/*
 * Copy the log from @*seq on (at most its last @len bytes, from a line's
 * start) to @buf, and move @*seq to the end. CONTEXT: takes logbuf_lock;
 * copies a line at a time without it, so a page fault may be served.
 * RETURNS: the bytes copied or -EFAULT.
 */
static int syslog_print(char __user *buf, int len, u64 *seq)
{
	char line[256];
	unsigned long flags;
	u64 from, end;
	int copied = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	from = max(*seq, log_first);
	end = log_end;
	while (end - from > (u64)len) {
		/* Too much: skip lines from the oldest. */
		while (from < end && log_buf[from++ % LOG_BUF_LEN] != '\n')
			;
	}
	*seq = end;
	spin_unlock_irqrestore(&logbuf_lock, flags);
	while (from < end) {
		size_t n = 0;

		spin_lock_irqsave(&logbuf_lock, flags);
		if (from < log_first) { /* overwritten meanwhile */
			spin_unlock_irqrestore(&logbuf_lock, flags);
			break;
		}
		while (from < end && n < sizeof(line))
			line[n++] = log_buf[from++ % LOG_BUF_LEN];
		spin_unlock_irqrestore(&logbuf_lock, flags);
		if (copy_to_user(buf + copied, line, n))
			return -EFAULT;
		copied += n;
	}
	return copied;
}

/**
 * sys_syslog - read and control the kernel log (dmesg, klogctl)
 * Anyone may read it all and ask its size (dmesg_restrict=0); the rest
 * needs root (Linux: CAP_SYSLOG). SYSLOG_ACTION_READ hands out what
 * earlier READs did not, without waiting for more (Linux sleeps).
 * RETURNS: bytes copied, a size, 0, or -EINVAL / -EPERM / -EFAULT.
 */
long sys_syslog(int type, char __user *buf, int len)
{
	unsigned long flags;
	long ret = 0;

	if (type != SYSLOG_ACTION_READ_ALL && type != SYSLOG_ACTION_SIZE_BUFFER &&
	    current->cred.euid)
		return -EPERM;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		break;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (!access_ok(buf, len))
			return -EFAULT;
		if (type == SYSLOG_ACTION_READ) {
			ret = syslog_print(buf, len, &syslog_seq);
		} else {
			u64 seq = clear_seq;

			ret = syslog_print(buf, len, &seq);
			if (type == SYSLOG_ACTION_READ_CLEAR)
				clear_seq = seq;
		}
		break;
	case SYSLOG_ACTION_CLEAR:
		spin_lock_irqsave(&logbuf_lock, flags);
		clear_seq = log_end;
		spin_unlock_irqrestore(&logbuf_lock, flags);
		break;
	case SYSLOG_ACTION_CONSOLE_OFF:
		console_loglevel = 1; /* Linux's minimum_console_loglevel */
		break;
	case SYSLOG_ACTION_CONSOLE_ON:
		console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
		break;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = len < 1 ? 1 : len;
		break;
	case SYSLOG_ACTION_SIZE_UNREAD:
		spin_lock_irqsave(&logbuf_lock, flags);
		ret = log_end - max(syslog_seq, log_first);
		spin_unlock_irqrestore(&logbuf_lock, flags);
		break;
	case SYSLOG_ACTION_SIZE_BUFFER:
		ret = LOG_BUF_LEN;
		break;
	default:
		ret = -EINVAL;
	}
	return ret;
}
