/* printk: kernel messages on the console with Linux's "[    0.000123] "
 * timestamps and log levels (Linux's kernel/printk/printk.c, without the
 * log buffer: each message goes straight to the UART).
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
#include <linux/time.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT; /* everything but KERN_DEBUG */
static DEFINE_SPINLOCK(logbuf_lock);
static int oops_in_progress;
static bool line_open; /* the last message did not end in a newline */

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

int vprintk(const char *fmt, va_list args)
{
	char buf[512];
	char stamp[24];
	const char *text = buf;
	unsigned long flags;
	int level, len;
	u64 ns = local_clock();

	len = vsnprintf(buf, sizeof(buf), fmt, args);
	if (len >= (int)sizeof(buf))
		len = sizeof(buf) - 1;
	level = printk_get_level(&text);
	len -= text - buf;

	local_irq_save(flags);
	if (!oops_in_progress)
		spin_lock(&logbuf_lock);
	if (level < 0 || level < console_loglevel) {
		if (level >= 0 && line_open)
			pl011_write("\n", 1);
		if (level >= 0 || !line_open) {
			u32 rem;
			u64 secs = div_u64_rem(ns, 1000000000, &rem);
			snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ", (unsigned long)secs,
				 (unsigned long)(rem / 1000));
			pl011_write(stamp, strlen(stamp));
		}
		pl011_write(text, len);
		line_open = len > 0 && text[len - 1] != '\n';
	}
	if (!oops_in_progress)
		spin_unlock(&logbuf_lock);
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
