/* Message rate limiting (Linux's lib/ratelimit.c): the console must not be
 * flooded by whatever a user program can make the kernel say over and over. */
#include <linux/ratelimit.h>

/*
 * __ratelimit - rate limiting
 * @rs: ratelimit_state data
 * @func: name of calling function
 *
 * This enforces a rate limit: not more than @rs->burst callbacks
 * in every @rs->interval
 *
 * RETURNS:
 * 0 means callbacks will be suppressed.
 * 1 means go ahead and do it.
 */
int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags;
	int ret;

	if (!rs->interval)
		return 1;

	/*
	 * If we contend on this state's lock then almost
	 * by definition we are too busy to print a message,
	 * in addition to the one that will be printed by
	 * the entity that is holding the lock already:
	 */
	local_irq_save(flags);
	if (!spin_trylock(&rs->lock)) {
		local_irq_restore(flags);
		return 0;
	}

	if (!rs->begin)
		rs->begin = jiffies;

	if ((long)(jiffies - (rs->begin + rs->interval)) > 0) { /* time_is_before_jiffies */
		if (rs->missed) {
			printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, rs->missed);
			rs->missed = 0;
		}
		rs->begin = jiffies;
		rs->printed = 0;
	}
	if (rs->burst && rs->burst > rs->printed) {
		rs->printed++;
		ret = 1;
	} else {
		rs->missed++;
		ret = 0;
	}
	spin_unlock_irqrestore(&rs->lock, flags);

	return ret;
}
