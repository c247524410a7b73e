/* Kernel timers and schedule_timeout() (Linux's kernel/time/timer.c): one
 * list of pending timers, sorted by expiry, run from CPU 0's tick. Linux
 * has per-CPU timer wheels and hrtimers for sub-tick sleeps; here every
 * timeout has the tick's granularity (10 ms at HZ = 100). */
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/timer.h>
#define CREATE_TRACE_POINTS
#include <trace/events/timer.h>

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(pending_timers);
static struct timer_list *running_timer;

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *))
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->expires = 0;
}

static void __del_timer(struct timer_list *timer)
{
	list_del_init(&timer->entry);
}

void mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_list *t;
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	__del_timer(timer);
	timer->expires = expires;
	trace_timer_start(timer, expires, 0);
	list_for_each_entry(t, &pending_timers, entry)
		if ((long)(t->expires - expires) > 0)
			break;
	list_add_tail(&timer->entry, &t->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
}

int del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int pending;

	for (;;) {
		spin_lock_irqsave(&timer_lock, flags);
		if (running_timer != timer)
			break;
		spin_unlock_irqrestore(&timer_lock, flags);
	}
	pending = !list_empty(&timer->entry);
	__del_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return pending;
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int ret = -1;

	spin_lock_irqsave(&timer_lock, flags);
	if (running_timer != timer) {
		ret = timer_pending(timer);
		__del_timer(timer);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}

unsigned long timer_forward(struct timer_list *timer, unsigned long now, unsigned long interval)
{
	long delta = now - timer->expires;
	unsigned long orun = 1;

	if (delta < 0)
		return 0;
	if (delta >= (long)interval) {
		orun = delta / interval;
		timer->expires += interval * orun;
		if ((long)(timer->expires - now) > 0)
			return orun;
		orun++;
	}
	timer->expires += interval;
	return orun;
}

/* Linux's call_timer_fn: the function, between the expire events. */
static void call_timer_fn(struct timer_list *timer, void (*fn)(struct timer_list *))
{
	trace_timer_expire_entry(timer);
	fn(timer);
	trace_timer_expire_exit(timer);
}

void run_local_timers(void)
{
	spin_lock(&timer_lock);
	while (!list_empty(&pending_timers)) {
		struct timer_list *timer = list_first_entry(&pending_timers, struct timer_list, entry);

		if ((long)(jiffies - timer->expires) < 0)
			break;
		__del_timer(timer);
		running_timer = timer;
		spin_unlock(&timer_lock);
		call_timer_fn(timer, timer->function);
		spin_lock(&timer_lock);
		running_timer = NULL;
	}
	spin_unlock(&timer_lock);
}

/*
 * Called from the timer interrupt handler to charge one tick to the
 * current process (Linux's update_process_times; scheduler_tick() does the
 * charging, account_process_tick, here, and the timers run once per
 * interrupt on the tick CPU: tick_handle_periodic). CONTEXT: hardirq.
 */
void update_process_times(void)
{
	struct task_struct *p = current;

	scheduler_tick();
	run_posix_cpu_timers(p);
}

unsigned long nsecs_to_jiffies(u64 ns)
{
	u64 j = div_u64(ns + TICK_NSEC - 1, TICK_NSEC);

	return j > MAX_SCHEDULE_TIMEOUT - 1 ? MAX_SCHEDULE_TIMEOUT - 1 : (unsigned long)j;
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = container_of(t, struct process_timer, timer);

	wake_up_process(timeout->task);
}

long __sched schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = timeout + jiffies;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}
