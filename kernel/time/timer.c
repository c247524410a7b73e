/* Kernel timers and schedule_timeout() (Linux 4.19's kernel/time/timer.c).
 * Each CPU has a timer_base (its lock, the timer it is running, its
 * pending timers); a timer is queued on the base of the CPU that arms it,
 * timer->flags says which, and each CPU's tick runs its own base, so a
 * timer's function runs on the CPU that armed it. A timer stays on its
 * base when the task that armed it moves to another CPU (del_timer_sync
 * finds it there from its flags); re-armed, it comes to the new CPU's.
 * Simplified: a base keeps one list sorted by expiry where Linux has the
 * hierarchical wheel (LVL_DEPTH levels of 64 buckets, each level 8 times
 * coarser, so far timers expire late): here every timer expires on its
 * tick, as our sleeps and ITIMER_REAL (hrtimers in Linux) need. There are
 * no softirqs here: the timers run in the tick's hardirq, where Linux
 * raises TIMER_SOFTIRQ and runs them from run_timer_softirq(). No NO_HZ:
 * every CPU ticks, idle or not, so no base waits unrun and no timer is
 * sent to another CPU (get_target_base is always this CPU's base). */
#include <linux/irq.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <asm/bug.h>
#include <trace/events/timer.h>

struct timer_base {
	spinlock_t lock;
	struct timer_list *running_timer; /* whose function runs now, on this CPU */
	unsigned int cpu;
	struct list_head pending; /* sorted by expiry (Linux: the wheel's vectors) */
} ____cacheline_aligned;

static DEFINE_PER_CPU(struct timer_base, timer_bases);

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->expires = 0;
	timer->flags = flags | raw_smp_processor_id();
}

static inline void detach_timer(struct timer_list *timer)
{
	list_del_init(&timer->entry);
}

static int detach_if_pending(struct timer_list *timer, struct timer_base *base)
{
	if (!timer_pending(timer))
		return 0;
	detach_timer(timer);
	return 1;
}

static inline struct timer_base *get_timer_cpu_base(u32 tflags, u32 cpu)
{
	return &per_cpu(timer_bases, cpu);
}

static inline struct timer_base *get_timer_this_cpu_base(u32 tflags)
{
	return this_cpu_ptr(timer_bases);
}

static inline struct timer_base *get_timer_base(u32 tflags)
{
	return get_timer_cpu_base(tflags, tflags & TIMER_CPUMASK);
}

/* The base a timer armed now goes to: this CPU's (Linux picks a busy CPU's
 * instead, for an unpinned timer armed on an idle CPU, only under NO_HZ). */
static inline struct timer_base *get_target_base(struct timer_base *base, unsigned int tflags)
{
	return get_timer_this_cpu_base(tflags);
}

/* Queue @timer in expiry order (Linux's internal_add_timer puts it in its
 * wheel bucket). CONTEXT: base->lock held. */
static void internal_add_timer(struct timer_base *base, struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &base->pending, entry)
		if (time_before(timer->expires, t->expires))
			break;
	list_add_tail(&timer->entry, &t->entry);
}

/*
 * lock_timer_base - lock the base that holds @timer, with IRQs saved in
 * @flags. The base's lock covers every timer on it. While a timer moves
 * between bases (TIMER_MIGRATING) neither lock covers it: wait until it
 * has arrived, and re-check the flags once locked, as they may have
 * changed before the lock was ours.
 * RETURNS: the base, locked.
 */
static struct timer_base *lock_timer_base(struct timer_list *timer, unsigned long *flags)
{
	for (;;) {
		struct timer_base *base;
		u32 tf;

		/* one read: tf must not be re-read between the test and the lock */
		tf = READ_ONCE(timer->flags);
		if (!(tf & TIMER_MIGRATING)) {
			base = get_timer_base(tf);
			spin_lock_irqsave(&base->lock, *flags);
			if (timer->flags == tf)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
	}
}

/*
 * __mod_timer - (re)arm @timer for @expires on this CPU's base. A pending
 * timer re-armed for the same expiry stays where it is. A timer moves to
 * this CPU's base unless its function is running on its old base's CPU
 * right now: a base change then would let del_timer_sync() miss the
 * running function, and the function could run on two CPUs at once.
 * (Linux's options MOD_TIMER_PENDING_ONLY and MOD_TIMER_REDUCE serve
 * mod_timer_pending and timer_reduce, which nothing here needs.)
 * RETURNS: 1 if the timer was pending.
 */
static int __mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base, *new_base;
	unsigned long flags;
	int ret;

	if (timer_pending(timer) && timer->expires == expires)
		return 1;

	base = lock_timer_base(timer, &flags);
	ret = detach_if_pending(timer, base);
	new_base = get_target_base(base, timer->flags);
	if (base != new_base && base->running_timer != timer) {
		/* lock_timer_base() spins while we hold neither lock */
		timer->flags |= TIMER_MIGRATING;
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(timer->flags, (timer->flags & ~TIMER_BASEMASK) | base->cpu);
	}
	trace_timer_start(timer, expires, timer->flags);
	timer->expires = expires;
	internal_add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires);
}

void add_timer_on(struct timer_list *timer, int cpu)
{
	struct timer_base *new_base, *base;
	unsigned long flags;

	BUG_ON(timer_pending(timer) || !timer->function);
	new_base = get_timer_cpu_base(timer->flags, cpu);
	/* Move it with the old base locked, so that nothing else works on
	 * it under the wrong lock meanwhile (lock_timer_base). */
	base = lock_timer_base(timer, &flags);
	if (base != new_base) {
		timer->flags |= TIMER_MIGRATING;
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(timer->flags, (timer->flags & ~TIMER_BASEMASK) | cpu);
	}
	trace_timer_start(timer, timer->expires, timer->flags);
	internal_add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
}

int try_to_del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = -1;

	base = lock_timer_base(timer, &flags);
	if (base->running_timer != timer)
		ret = detach_if_pending(timer, base);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

int del_timer_sync(struct timer_list *timer)
{
	/* Never from hardirq, where every timer function runs here: it
	 * would wait for itself, or for a function on another CPU that
	 * waits for this one. (Linux allows it for a TIMER_IRQSAFE timer,
	 * whose function no interrupt of its CPU can stop; here all are so.) */
	WARN_ON(in_irq());
	for (;;) {
		int ret = try_to_del_timer_sync(timer);

		if (ret >= 0)
			return ret;
	}
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

/*
 * expire_timers - run the timers on @head, each with base->running_timer
 * set to it and the lock dropped around its function (which may re-arm it,
 * or another CPU delete it or the next ones). CONTEXT: base->lock held,
 * IRQs off.
 */
static void expire_timers(struct timer_base *base, struct list_head *head)
{
	while (!list_empty(head)) {
		struct timer_list *timer = list_first_entry(head, struct timer_list, entry);
		void (*fn)(struct timer_list *);

		base->running_timer = timer;
		detach_timer(timer);
		fn = timer->function;
		spin_unlock(&base->lock);
		call_timer_fn(timer, fn);
		spin_lock(&base->lock);
	}
}

/* Move the timers due by now from @base onto @heads (the head of the
 * sorted list; Linux moves the due bucket of each wheel level).
 * RETURNS: 1 if there were any. CONTEXT: base->lock held. */
static int collect_expired_timers(struct timer_base *base, struct list_head *heads)
{
	struct timer_list *t, *n;

	list_for_each_entry_safe(t, n, &base->pending, entry) {
		if (time_before(jiffies, t->expires))
			break;
		list_move_tail(&t->entry, heads);
	}
	return !list_empty(heads);
}

/* Run every timer of @base that is due by now. CONTEXT: hardirq. */
static void __run_timers(struct timer_base *base)
{
	LIST_HEAD(heads);

	spin_lock(&base->lock);
	if (collect_expired_timers(base, &heads))
		expire_timers(base, &heads);
	base->running_timer = NULL;
	spin_unlock(&base->lock);
}

void run_local_timers(void)
{
	__run_timers(this_cpu_ptr(timer_bases));
}

/*
 * Called from the timer interrupt handler on every CPU, once for each
 * tick period it stood for: this CPU's expired timers, then the tick
 * charged to the current process (Linux's update_process_times;
 * scheduler_tick() does the charging, account_process_tick, here).
 * CONTEXT: hardirq.
 */
void update_process_times(void)
{
	struct task_struct *p = current;

	run_local_timers();
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
	timer_setup(&timer.timer, process_timeout, 0);
	__mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

void init_timers(void)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct timer_base *base = &per_cpu(timer_bases, cpu);

		spin_lock_init(&base->lock);
		base->cpu = cpu;
		INIT_LIST_HEAD(&base->pending);
	}
}
