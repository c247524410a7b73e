/* Kernel timers: run a function after a number of ticks (Linux's
 * include/linux/timer.h), and sleeping with a timeout. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry; /* on its base's pending list, sorted by expiry */
	unsigned long expires; /* in jiffies */
	void (*function)(struct timer_list *);
	u32 flags; /* the CPU whose base holds it, and the TIMER_* bits below */
};

#define MAX_SCHEDULE_TIMEOUT 0x7fffffffL

/*
 * Linux's timer->flags layout. The low bits are the CPU whose timer_base
 * holds the timer (or held it last): lock_timer_base() finds the base
 * from them. TIMER_MIGRATING is set while __mod_timer() or add_timer_on()
 * moves a timer between bases, with neither base locked. TIMER_PINNED
 * keeps a timer on its CPU where Linux would move it to a busy one; here
 * nothing moves timers so (no NO_HZ), and a timer is always queued on the
 * arming CPU's base. The wheel's array index (TIMER_ARRAYSHIFT) is 0 here:
 * a base keeps one sorted list.
 */
#define TIMER_CPUMASK		0x0003FFFF
#define TIMER_MIGRATING		0x00040000
#define TIMER_BASEMASK		(TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000
#define TIMER_ARRAYSHIFT	22
#define TIMER_ARRAYMASK		0xFFC00000

#define TIMER_TRACE_FLAGMASK	(TIMER_MIGRATING | TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)

/* Set up each CPU's timer_base. CONTEXT: boot, before the first timer. */
void init_timers(void);
/* Initialise @timer to call @func, on the base of the CPU that runs this
 * (Linux's timer_setup: @flags are TIMER_* bits, none used here yet). */
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
/* (Re)arm timer to fire at jiffies == expires, on this CPU's base unless
 * its function is running now on another (then it stays there).
 * RETURNS: 1 if it was pending. CONTEXT: any. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Arm a timer that is not pending on @cpu's base, to fire at
 * timer->expires. CONTEXT: any; not from the timer's own function. */
void add_timer_on(struct timer_list *timer, int cpu);
/* Is the timer armed? (Not while its function runs.) */
static inline int timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}
/* Disarm timer, and wait if its function is running on another CPU.
 * RETURNS: 1 if it was pending. CONTEXT: not hardirq; holding no lock the
 * function takes. */
int del_timer_sync(struct timer_list *timer);
/* Disarm timer unless its function is running right now (then the caller
 * must drop the locks the function takes, and try again).
 * RETURNS: 1 if it was pending, 0 if not, -1 if its function is running. */
int try_to_del_timer_sync(struct timer_list *timer);
/* Move an expired timer's expiry on by whole @intervals until it is after
 * @now (Linux's hrtimer_forward, in jiffies). RETURNS: the intervals
 * added. CONTEXT: the timer is not pending. */
unsigned long timer_forward(struct timer_list *timer, unsigned long now, unsigned long interval);
/* Run this CPU's expired timers: every CPU's tick. CONTEXT: hardirq. */
void run_local_timers(void);
/* One tick for this CPU: its expired timers, the current task's time, its
 * slice, its CPU-time itimers. CONTEXT: hardirq. */
void update_process_times(void);
/* This CPU's timer interrupt stood for @periods tick periods
 * (kernel/time/tick-common.c). CONTEXT: hardirq. */
void tick_handle_periodic(unsigned int periods);
void tick_init(void);

/* Sleep for up to timeout jiffies in the state the caller set; a wake-up
 * (or signal, if interruptible) ends it early. RETURNS: jiffies left. */
long schedule_timeout(long timeout);
unsigned long nsecs_to_jiffies(u64 ns);

#endif
