/* Time syscalls: clocks and sleeps (Linux's kernel/time/time.c,
 * posix-timers.c and hrtimer.c nanosleep; the interval timers are in
 * itimer.c). There is no real-time clock on the Pi: CLOCK_REALTIME starts
 * at the epoch at reset, as Linux's does without an RTC or NTP. */
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <uapi/linux/time.h>
#include <asm/uaccess.h>

static struct timespec ns_to_timespec(u64 ns)
{
	struct timespec ts;
	u32 rem;

	ts.tv_sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);
	ts.tv_nsec = rem;
	return ts;
}

static bool timespec_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

static u64 timespec_to_ns(const struct timespec *ts)
{
	return (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/* RETURNS: the clock's time in ns, or -EINVAL in *err for an unknown clock. */
static u64 clock_read(int which_clock, int *err)
{
	*err = 0;
	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return local_clock();
	case CLOCK_PROCESS_CPUTIME_ID: {
		/* every live thread's time too, not only the caller's */
		u64 utime, stime;

		spin_lock_irq(&current->sighand->siglock);
		thread_group_cputime(current, &utime, &stime);
		spin_unlock_irq(&current->sighand->siglock);
		return utime + stime;
	}
	case CLOCK_THREAD_CPUTIME_ID:
		return current->utime + current->stime;
	default:
		*err = -EINVAL;
		return 0;
	}
}

long sys_clock_gettime(int which_clock, struct timespec __user *tp)
{
	int err;
	struct timespec ts = ns_to_timespec(clock_read(which_clock, &err));

	if (err)
		return err;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_getres(int which_clock, struct timespec __user *tp)
{
	int err;
	struct timespec ts = { 0, 1 };

	clock_read(which_clock, &err);
	if (err)
		return err;
	if (which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE)
		ts.tv_nsec = TICK_NSEC;
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

long sys_gettimeofday(struct timeval __user *tv, struct timezone __user *tz)
{
	if (tv) {
		u64 ns = local_clock();
		struct timeval ktv;
		u32 rem;

		ktv.tv_sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);
		ktv.tv_usec = rem / 1000;
		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz) {
		int ktz[2] = { 0, 0 };
		if (copy_to_user(tz, ktz, sizeof(ktz)))
			return -EFAULT;
	}
	return 0;
}

/* Sleep until the absolute time @expires (ns, local_clock()'s) (Linux's
 * do_nanosleep, on a jiffies timer instead of an hrtimer). RETURNS: 0, or
 * -ERESTART_RESTARTBLOCK if a signal came first, the time left written to
 * @rmtp if given (or -EFAULT if it could not be). */
static long __sched do_nanosleep(u64 expires, struct timespec __user *rmtp)
{
	u64 now;

	for (;;) {
		now = local_clock();
		if (now >= expires)
			return 0;
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule_timeout(nsecs_to_jiffies(expires - now));
	}
	__set_current_state(TASK_RUNNING);
	if (rmtp) {
		struct timespec left = ns_to_timespec(expires - now);
		if (copy_to_user(rmtp, &left, sizeof(left)))
			return -EFAULT;
	}
	return -ERESTART_RESTARTBLOCK;
}

static long __sched hrtimer_nanosleep_restart(struct restart_block *restart)
{
	return do_nanosleep(restart->nanosleep.expires, restart->nanosleep.rmtp);
}

/*
 * nanosleep() and clock_nanosleep(): sleep until @expires; if a signal
 * comes first, leave in the restart block how to sleep on, which
 * restart_syscall does when no handler runs. Out of line as in Linux, where
 * a sleeper's /proc/<pid>/wchan names it (do_nanosleep is __sched).
 */
static noinline long hrtimer_nanosleep(u64 expires, struct timespec __user *rmtp)
{
	struct restart_block *restart;
	long ret = do_nanosleep(expires, rmtp);

	if (ret != -ERESTART_RESTARTBLOCK)
		return ret;
	restart = &current->restart_block;
	restart->fn = hrtimer_nanosleep_restart;
	restart->nanosleep.expires = expires;
	restart->nanosleep.rmtp = rmtp;
	return ret;
}

long sys_nanosleep(struct timespec __user *rqtp, struct timespec __user *rmtp)
{
	struct timespec tu;

	if (copy_from_user(&tu, rqtp, sizeof(tu)))
		return -EFAULT;
	if (!timespec_valid(&tu))
		return -EINVAL;
	return hrtimer_nanosleep(local_clock() + timespec_to_ns(&tu), rmtp);
}

long sys_clock_nanosleep(int which_clock, int flags, const struct timespec __user *rqtp,
			 struct timespec __user *rmtp)
{
	struct timespec t;
	int err;
	u64 now = clock_read(which_clock, &err);

	if (err || which_clock == CLOCK_THREAD_CPUTIME_ID ||
	    which_clock == CLOCK_PROCESS_CPUTIME_ID)
		return -EINVAL;
	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (!timespec_valid(&t))
		return -EINVAL;
	if (flags & TIMER_ABSTIME)
		return hrtimer_nanosleep(timespec_to_ns(&t), NULL);
	return hrtimer_nanosleep(now + timespec_to_ns(&t), rmtp);
}
