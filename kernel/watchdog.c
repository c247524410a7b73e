/* The soft lockup detector (Linux's kernel/watchdog.c): a CPU that stays
 * in the kernel for more than 2 * watchdog_thresh seconds without passing
 * through the scheduler is reported, once per lockup, with the registers
 * and backtrace of what the tick interrupted:
 *	watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [fuzz:100]
 * Linux samples from a per-CPU hrtimer every watchdog_thresh * 2 / 5
 * seconds and wakes a per-CPU FIFO thread whose running is the "touch";
 * here each tick samples, asks for a reschedule at the same period (so a
 * loop that calls cond_resched() schedules, as it would to let Linux's
 * thread run), and __schedule() serving a requested reschedule (when
 * Linux's thread would run), or a tick that finds the CPU idle or in user
 * mode, touches. watchdog_thresh=0 turns it off; softlockup_panic=1
 * panics after the report. */
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/nmi.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/traps.h>

int watchdog_thresh = 10;
static int softlockup_panic;

static DEFINE_PER_CPU(unsigned long, watchdog_touch_ts);
static DEFINE_PER_CPU(bool, soft_watchdog_warn);

static int watchdog_thresh_setup(char *str)
{
	int thresh;

	if (kstrtoint(str, 0, &thresh) || thresh < 0 || thresh > 60)
		return 0;
	watchdog_thresh = thresh;
	return 1;
}
__setup("watchdog_thresh=", watchdog_thresh_setup);

static int softlockup_panic_setup(char *str)
{
	return !kstrtoint(str, 0, &softlockup_panic);
}
__setup("softlockup_panic=", softlockup_panic_setup);

/* Seconds, roughly: Linux's running_clock() >> 30LL. */
static unsigned long get_timestamp(void)
{
	return local_clock() >> 30LL;
}

static int get_softlockup_thresh(void)
{
	return watchdog_thresh * 2;
}

/* This CPU served a reschedule, or is idle or in user mode: as in
 * Linux 4.19, only zero the stamp (no clock read on the scheduler's path);
 * the next tick restamps it. notrace, as Linux's: __schedule() calls it. */
notrace void touch_softlockup_watchdog_sched(void)
{
	*this_cpu_ptr(watchdog_touch_ts) = 0;
}

/* Linux's __touch_watchdog(). */
static void __touch_watchdog(void)
{
	*this_cpu_ptr(watchdog_touch_ts) = get_timestamp();
}

/* RETURNS: how long the CPU has been stuck, in seconds, or 0. */
static int is_softlockup(unsigned long touch_ts)
{
	unsigned long now = get_timestamp();

	if (now > touch_ts + get_softlockup_thresh())
		return now - touch_ts;
	return 0;
}

/**
 * watchdog_tick - the soft lockup check of one tick (Linux's watchdog_timer_fn)
 * @regs: what the tick interrupted
 * CONTEXT: hardirq, on every CPU's tick.
 */
void watchdog_tick(struct pt_regs *regs)
{
	unsigned long touch_ts = *this_cpu_ptr(watchdog_touch_ts);
	int duration;

	if (!watchdog_thresh)
		return;
	if (touch_ts == 0 || (current->flags & PF_IDLE) ||
	    (regs && user_mode(regs))) {
		__touch_watchdog();
		*this_cpu_ptr(soft_watchdog_warn) = false;
		return;
	}
	/* Linux's watchdog thread would be woken now: make room for it. */
	if (get_timestamp() >= touch_ts + get_softlockup_thresh() / 5)
		set_tsk_need_resched(current);
	duration = is_softlockup(touch_ts);
	if (!duration) {
		*this_cpu_ptr(soft_watchdog_warn) = false;
		return;
	}
	if (*this_cpu_ptr(soft_watchdog_warn))
		return;
	*this_cpu_ptr(soft_watchdog_warn) = true;
	pr_emerg("watchdog: BUG: soft lockup - CPU#%d stuck for %us! [%s:%d]\n",
		 smp_processor_id(), duration, current->comm, current->pid);
	pr_emerg("Modules linked in:\n");
	if (regs) {
		/* show_regs(), with the backtrace of what was interrupted */
		__show_regs(regs);
		dump_backtrace(regs, current);
	} else {
		dump_stack();
	}
	if (softlockup_panic)
		panic("softlockup: hung tasks");
}
