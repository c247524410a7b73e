/* Kernel timers: run a function after a number of ticks (Linux's
 * include/linux/timer.h), and sleeping with a timeout. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry; /* on the pending list, sorted by expiry */
	unsigned long expires; /* in jiffies */
	void (*function)(struct timer_list *);
};

#define MAX_SCHEDULE_TIMEOUT 0x7fffffffL

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *));
/* (Re)arm timer to fire at jiffies == expires. CONTEXT: any. */
void mod_timer(struct timer_list *timer, unsigned long expires);
/* Disarm timer, and wait if its function is running on another CPU.
 * RETURNS: 1 if it was pending. */
int del_timer_sync(struct timer_list *timer);
/* Run the expired timers: CPU 0's tick. CONTEXT: hardirq. */
void run_local_timers(void);

/* Sleep for up to timeout jiffies in the state the caller set; a wake-up
 * (or signal, if interruptible) ends it early. RETURNS: jiffies left. */
long schedule_timeout(long timeout);
unsigned long nsecs_to_jiffies(u64 ns);

#endif
