/* Rate limiting of messages (Linux's include/linux/ratelimit.h): at most
 * `burst` callbacks pass in each `interval` jiffies; the rest are counted,
 * and the count is printed once the interval is over. */
#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H

#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/time.h>

#define DEFAULT_RATELIMIT_INTERVAL (5 * HZ)
#define DEFAULT_RATELIMIT_BURST 10

struct ratelimit_state {
	spinlock_t lock; /* protect the state */
	int interval;
	int burst;
	int printed;
	int missed;
	unsigned long begin;
};

#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
	{                                                     \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock),      \
		.interval = interval_init,                    \
		.burst = burst_init,                          \
	}

#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

/* RETURNS: 1 if the caller may go ahead (print), 0 if it is suppressed.
 * CONTEXT: any; a caller that finds the state locked is suppressed. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

/* printk, at most 10 times every 5 seconds from this call site */
#define printk_ratelimited(fmt, ...)                                                 \
	({                                                                           \
		static DEFINE_RATELIMIT_STATE(_rs, DEFAULT_RATELIMIT_INTERVAL,       \
					      DEFAULT_RATELIMIT_BURST);              \
		if (__ratelimit(&_rs))                                               \
			printk(fmt, ##__VA_ARGS__);                                  \
	})
#define pr_info_ratelimited(fmt, ...) printk_ratelimited(KERN_INFO fmt, ##__VA_ARGS__)

#endif
