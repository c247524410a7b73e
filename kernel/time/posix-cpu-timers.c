/* The CPU-time interval timers ITIMER_PROF and ITIMER_VIRTUAL (Linux's
 * kernel/time/posix-cpu-timers.c, the process-wide itimer part; no POSIX
 * CPU-clock timers here). Each is an absolute expiry in the thread
 * group's CPU time (user + system for PROF, user for VIRT), checked on
 * every tick of a CPU running one of the group's threads. */
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/time.h>

/* The group's CPU time as clock @clock_idx counts it. CONTEXT: siglock. */
static u64 group_cpu_time(struct task_struct *tsk, unsigned int clock_idx)
{
	u64 utime, stime;

	thread_group_cputime(tsk, &utime, &stime);
	return clock_idx == CPUCLOCK_PROF ? utime + stime : utime;
}

/*
 * Set one of the process-wide special case CPU timers or RLIMIT_CPU.
 * The tsk->sighand->siglock must be held by the caller.
 * @newval: relative (0 disarms), made absolute here; @oldval: the old
 * absolute expiry, made the time that was left.
 */
void set_process_cpu_timer(struct task_struct *tsk, unsigned int clock_idx, u64 *newval,
			   u64 *oldval)
{
	u64 now = group_cpu_time(tsk, clock_idx);

	if (oldval) {
		/*
		 * We are setting itimer. The *oldval is absolute and we update
		 * it to be relative, *newval argument is relative and we update
		 * it to be absolute.
		 */
		if (*oldval) {
			if (*oldval <= now) {
				/* Just about to fire. */
				*oldval = TICK_NSEC;
			} else {
				*oldval -= now;
			}
		}
		if (!*newval)
			return;
		*newval += now;
	}
}

/* Fire @it if the group's @cur_time has reached it: @signo to the group,
 * and again @incr later if it repeats. CONTEXT: siglock held. */
static void check_cpu_itimer(struct task_struct *tsk, struct cpu_itimer *it, u64 cur_time,
			     int signo)
{
	if (!it->expires)
		return;
	if (cur_time >= it->expires) {
		if (it->incr)
			it->expires += it->incr;
		else
			it->expires = 0;
		__group_send_sig_info(signo, SEND_SIG_PRIV, tsk);
	}
}

/*
 * This is called from the timer interrupt handler. The irq handler has
 * already updated our counts. We need to check if any timers fire now.
 * Interrupts are disabled.
 */
void run_posix_cpu_timers(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;
	u64 utime, stime;

	/* The fast path: no CPU itimer armed (and idle tasks have none). */
	if (!READ_ONCE(sig->it[CPUCLOCK_PROF].expires) && !READ_ONCE(sig->it[CPUCLOCK_VIRT].expires))
		return;
	if (!lock_task_sighand(tsk, &flags))
		return;
	thread_group_cputime(tsk, &utime, &stime);
	check_cpu_itimer(tsk, &sig->it[CPUCLOCK_PROF], utime + stime, SIGPROF);
	check_cpu_itimer(tsk, &sig->it[CPUCLOCK_VIRT], utime, SIGVTALRM);
	unlock_task_sighand(tsk, &flags);
}
