/* Interval timers: setitimer, getitimer (Linux's kernel/time/itimer.c).
 * ITIMER_REAL counts real time on the process's real_timer and sends
 * SIGALRM to the thread group's pid, so that it reaches the process
 * whichever thread leads it now; a periodic one is re-armed when its
 * SIGALRM is dequeued (dequeue_signal), as Linux 4.19 does. ITIMER_VIRTUAL
 * (SIGVTALRM) and ITIMER_PROF (SIGPROF) count the group's user, and user
 * plus system, CPU time (kernel/time/posix-cpu-timers.c).
 * Simplified: Linux's real_timer is an hrtimer; ours is a timer_list, so
 * expiries round up to the 10 ms tick. */
#include <linux/errno.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <uapi/linux/time.h>
#include <asm/uaccess.h>

struct itimerval {
	struct timeval it_interval; /* timer interval */
	struct timeval it_value; /* current value */
};

static u64 timeval_to_ns(const struct timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static struct timeval ns_to_timeval(u64 ns)
{
	struct timeval tv;
	u32 rem;

	tv.tv_sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);
	tv.tv_usec = rem / NSEC_PER_USEC;
	return tv;
}

/* The time left on @timer; a pending timer never shows 0. */
static struct timeval itimer_get_remtime(struct timer_list *timer)
{
	u64 rem = 0;

	if (timer_pending(timer)) {
		long j = timer->expires - jiffies;

		rem = j > 0 ? (u64)j * TICK_NSEC : NSEC_PER_USEC;
	}
	return ns_to_timeval(rem);
}

/* ITIMER_PROF or ITIMER_VIRTUAL: what is left of the group's CPU time
 * until it fires, and its interval. */
static void get_cpu_itimer(struct task_struct *tsk, unsigned int clock_id,
			   struct itimerval *const value)
{
	struct cpu_itimer *it = &tsk->signal->it[clock_id];
	u64 val, interval;

	spin_lock_irq(&tsk->sighand->siglock);
	val = it->expires;
	interval = it->incr;
	if (val) {
		u64 utime, stime, t;

		thread_group_cputime(tsk, &utime, &stime);
		t = clock_id == CPUCLOCK_PROF ? utime + stime : utime;
		if (val < t)
			/* about to fire */
			val = TICK_NSEC;
		else
			val -= t;
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	value->it_value = ns_to_timeval(val);
	value->it_interval = ns_to_timeval(interval);
}

static int do_getitimer(int which, struct itimerval *value)
{
	struct task_struct *tsk = current;

	switch (which) {
	case ITIMER_REAL:
		spin_lock_irq(&tsk->sighand->siglock);
		value->it_value = itimer_get_remtime(&tsk->signal->real_timer);
		value->it_interval = ns_to_timeval(tsk->signal->it_real_incr);
		spin_unlock_irq(&tsk->sighand->siglock);
		break;
	case ITIMER_VIRTUAL:
		get_cpu_itimer(tsk, CPUCLOCK_VIRT, value);
		break;
	case ITIMER_PROF:
		get_cpu_itimer(tsk, CPUCLOCK_PROF, value);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

long sys_getitimer(int which, struct itimerval __user *value)
{
	int error = -EFAULT;
	struct itimerval get_buffer;

	if (value) {
		error = do_getitimer(which, &get_buffer);
		if (!error && copy_to_user(value, &get_buffer, sizeof(get_buffer)))
			error = -EFAULT;
	}
	return error;
}

/*
 * ITIMER_REAL went off: SIGALRM to whichever task now holds the group's
 * pid (after a multi-threaded exec, the thread that exec'd).
 * CONTEXT: hardirq (the tick).
 */
void it_real_fn(struct timer_list *timer)
{
	struct signal_struct *sig = container_of(timer, struct signal_struct, real_timer);
	struct pid *leader_pid = sig->pids[PIDTYPE_TGID];

	kill_pid_info(SIGALRM, SEND_SIG_PRIV, leader_pid);
}

/* Arm ITIMER_PROF or ITIMER_VIRTUAL @value from now, reporting the old
 * setting in @ovalue. A tick is added to the first expiry, so that at
 * least the time asked for is used first (the tick is the granularity). */
static void set_cpu_itimer(struct task_struct *tsk, unsigned int clock_id,
			   const struct itimerval *const value, struct itimerval *const ovalue)
{
	struct cpu_itimer *it = &tsk->signal->it[clock_id];
	u64 oval, nval, ointerval, ninterval;

	nval = timeval_to_ns(&value->it_value);
	ninterval = timeval_to_ns(&value->it_interval);
	spin_lock_irq(&tsk->sighand->siglock);
	oval = it->expires;
	ointerval = it->incr;
	if (oval || nval) {
		if (nval > 0)
			nval += TICK_NSEC;
		set_process_cpu_timer(tsk, clock_id, &nval, &oval);
	}
	it->expires = nval;
	it->incr = ninterval;
	spin_unlock_irq(&tsk->sighand->siglock);
	if (ovalue) {
		ovalue->it_value = ns_to_timeval(oval);
		ovalue->it_interval = ns_to_timeval(ointerval);
	}
}

/*
 * Returns true if the timeval is in canonical form
 */
#define timeval_valid(t) (((t)->tv_sec >= 0) && (((unsigned long)(t)->tv_usec) < USEC_PER_SEC))

static int do_setitimer(int which, struct itimerval *value, struct itimerval *ovalue)
{
	struct task_struct *tsk = current;
	struct timer_list *timer;
	u64 expires;

	/*
	 * Validate the timevals in value.
	 */
	if (!timeval_valid(&value->it_value) || !timeval_valid(&value->it_interval))
		return -EINVAL;

	switch (which) {
	case ITIMER_REAL:
again:
		spin_lock_irq(&tsk->sighand->siglock);
		timer = &tsk->signal->real_timer;
		if (ovalue) {
			ovalue->it_value = itimer_get_remtime(timer);
			ovalue->it_interval = ns_to_timeval(tsk->signal->it_real_incr);
		}
		/* We are sharing ->siglock with it_real_fn() */
		if (try_to_del_timer_sync(timer) < 0) {
			spin_unlock_irq(&tsk->sighand->siglock);
			goto again;
		}
		expires = timeval_to_ns(&value->it_value);
		if (expires != 0) {
			tsk->signal->it_real_incr = timeval_to_ns(&value->it_interval);
			mod_timer(timer, jiffies + nsecs_to_jiffies(expires));
		} else {
			tsk->signal->it_real_incr = 0;
		}
		spin_unlock_irq(&tsk->sighand->siglock);
		break;
	case ITIMER_VIRTUAL:
		set_cpu_itimer(tsk, CPUCLOCK_VIRT, value, ovalue);
		break;
	case ITIMER_PROF:
		set_cpu_itimer(tsk, CPUCLOCK_PROF, value, ovalue);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

long sys_setitimer(int which, struct itimerval __user *value, struct itimerval __user *ovalue)
{
	struct itimerval set_buffer, get_buffer;
	int error;

	if (value) {
		if (copy_from_user(&set_buffer, value, sizeof(set_buffer)))
			return -EFAULT;
	} else {
		/* Linux warns once that this misfeature will go; it disarms. */
		memset(&set_buffer, 0, sizeof(set_buffer));
	}
	error = do_setitimer(which, &set_buffer, ovalue ? &get_buffer : NULL);
	if (error || !ovalue)
		return error;
	if (copy_to_user(ovalue, &get_buffer, sizeof(get_buffer)))
		return -EFAULT;
	return 0;
}
