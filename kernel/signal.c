/* Signals: generation, pending queues, and dequeueing for delivery
 * (Linux 4.19's kernel/signal.c, in the same order and with the same
 * names). The architecture half, building the frame on the user stack and
 * returning from it, is kernel/arm/signal.c.
 *
 * Generation:  kill() -> kill_pid_info -> group_send_sig_info ->
 *   do_send_sig_info -> send_signal -> __send_signal: prepare_signal,
 *   legacy_queue, __sigqueue_alloc, sigaddset, complete_signal ->
 *   signal_wake_up -> signal_wake_up_state (TIF_SIGPENDING), and
 *   trace_signal_generate at the end, whatever the result.
 * Delivery: on the way back to user mode, do_work_pending -> do_signal ->
 *   get_signal -> dequeue_signal, trace_signal_deliver, then the default
 *   action or the handler.
 *
 * CONTEXT: pending sets, queues, blocked masks and the action table are
 * guarded by sighand->siglock, taken with IRQs off. */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <trace/events/signal.h>

/* Signals dequeued before any other: the ones a fault raises. */
#define SYNCHRONOUS_MASK                                                         \
	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
	 sigmask(SIGFPE) | sigmask(SIGSYS))

static struct kmem_cache *sigqueue_cachep;

static void __user *sig_handler(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].sa.sa_handler;
}

static inline bool sig_handler_ignored(void __user *handler, int sig)
{
	/* Is it explicitly or implicitly ignored? */
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

static bool sig_task_ignored(struct task_struct *t, int sig, bool force)
{
	void __user *handler = sig_handler(t, sig);

	/* SIGKILL and SIGSTOP may not be sent to the global init. */
	if (unlikely(t->pid == 1 && sig_kernel_only(sig)))
		return true;
	if (unlikely(t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	return sig_handler_ignored(handler, sig);
}

static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	/* Blocked signals are never ignored, since the signal handler may
	 * change by the time it is unblocked. */
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	return sig_task_ignored(t, sig, force);
}

static inline bool has_pending_signals(sigset_t *signal, sigset_t *blocked)
{
	return ((signal->sig[0] & ~blocked->sig[0]) | (signal->sig[1] & ~blocked->sig[1])) != 0;
}

#define PENDING(p, b) has_pending_signals(&(p)->signal, (b))

static bool recalc_sigpending_tsk(struct task_struct *t)
{
	if ((t->jobctl & JOBCTL_STOP_PENDING) || PENDING(&t->pending, &t->blocked) ||
	    PENDING(&t->signal->shared_pending, &t->blocked)) {
		set_tsk_thread_flag(t, TIF_SIGPENDING);
		return true;
	}
	/* We must never clear the flag in another thread, or in current
	 * when it's possible the current syscall is returning -ERESTART*. */
	return false;
}

/* After recalculating TIF_SIGPENDING, we need to make sure the task wakes up. */
static void recalc_sigpending_and_wake(struct task_struct *t)
{
	if (recalc_sigpending_tsk(t))
		signal_wake_up(t, 0);
}

void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_thread_flag(TIF_SIGPENDING);
}

/* The lowest pending unblocked signal, synchronous ones first. */
static int next_signal(struct sigpending *pending, sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (x) {
		if (x & SYNCHRONOUS_MASK)
			x &= SYNCHRONOUS_MASK;
		return __builtin_ctzl(x) + 1;
	}
	x = pending->signal.sig[1] & ~mask->sig[1];
	if (x)
		return __builtin_ctzl(x) + _NSIG_BPW + 1;
	return 0;
}

/* print-fatal-signals=1 on the command line: say when a signal is dropped
 * or kills a task with a core-dump action (off by default, as in Linux). */
static int print_fatal_signals;

static int setup_print_fatal_signals(char *str)
{
	get_option(&str, &print_fatal_signals);
	return 1;
}
__setup("print-fatal-signals=", setup_print_fatal_signals);

/* A task that floods signals must not flood the console: ten lines every
 * five seconds at most, then a count of what was suppressed. */
static void print_dropped_signal(int sig)
{
	static DEFINE_RATELIMIT_STATE(ratelimit_state, 5 * HZ, 10);

	if (!print_fatal_signals)
		return;

	if (!__ratelimit(&ratelimit_state))
		return;

	pr_info("%s/%d: reached RLIMIT_SIGPENDING, dropped signal %d\n", current->comm,
		current->pid, sig);
}

static void print_fatal_signal(int signr)
{
	pr_info("potentially unexpected fatal signal %d.\n", signr);
	show_regs(task_pt_regs(current));
}

/*
 * allocate a new signal queue record
 * - this may be called without locks if and only if t == current, otherwise an
 *   appropriate lock must be held to stop the target task from exiting
 * CONTEXT: t->sighand->siglock held (__send_signal).
 */
static noinline __noclone struct sigqueue *__sigqueue_alloc(int sig, struct task_struct *t, gfp_t flags,
					 int override_rlimit)
{
	struct sigqueue *q = NULL;
	struct user_struct *user;
	int pending;

	/* Linux reads __task_cred(t)->user under RCU; commit_creds() swaps it
	 * under t's siglock too, which we hold (<linux/cred.h>). */
	user = get_uid(t->cred.user);
	/* A count, unordered (Linux's atomic_inc/atomic_dec). */
	pending = __atomic_add_fetch(&user->sigpending, 1, __ATOMIC_RELAXED);

	if (override_rlimit || (unsigned long)pending <= task_rlimit(t, RLIMIT_SIGPENDING))
		q = kmem_cache_alloc(sigqueue_cachep, flags);
	else
		print_dropped_signal(sig);

	if (unlikely(q == NULL)) {
		__atomic_sub_fetch(&user->sigpending, 1, __ATOMIC_RELAXED);
		free_uid(user);
	} else {
		INIT_LIST_HEAD(&q->list);
		q->flags = 0;
		q->user = user;
	}
	return q;
}

static void __sigqueue_free(struct sigqueue *q)
{
	__atomic_sub_fetch(&q->user->sigpending, 1, __ATOMIC_RELAXED);
	free_uid(q->user);
	kmem_cache_free(sigqueue_cachep, q);
}

void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q;

	sigemptyset(&queue->signal);
	while (!list_empty(&queue->list)) {
		q = list_entry(queue->list.next, struct sigqueue, list);
		list_del_init(&q->list);
		__sigqueue_free(q);
	}
}

/* Flush all pending signals for this kthread. */
void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	clear_tsk_thread_flag(t, TIF_SIGPENDING);
	flush_sigqueue(&t->pending);
	flush_sigqueue(&t->signal->shared_pending);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/* exec: handlers are reset to SIG_DFL, ignored signals stay ignored. */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	int i;
	struct k_sigaction *ka = &t->sighand->action[0];

	for (i = _NSIG; i != 0; i--, ka++) {
		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
}

/* Kernel threads ignore every signal. */
void ignore_signals(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; ++i)
		t->sighand->action[i].sa.sa_handler = SIG_IGN;
	flush_signals(t);
}

static void collect_signal(int sig, struct sigpending *list, siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;

	/* Collect the siginfo appropriate to this signal. Check if there
	 * is another siginfo for the same signal. */
	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo == sig) {
			if (first)
				goto still_pending;
			first = q;
		}
	}
	sigdelset(&list->signal, sig);
	if (first) {
still_pending:
		list_del_init(&first->list);
		*info = first->info;
		__sigqueue_free(first);
	} else {
		/* Ok, it wasn't in the queue. This must be a fast-pathed
		 * signal or we must have been out of queue space. So zero out
		 * the info. */
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_errno = 0;
		info->si_code = SI_USER;
		info->si_pid = 0;
		info->si_uid = 0;
	}
}

static int __dequeue_signal(struct sigpending *pending, sigset_t *mask, siginfo_t *info)
{
	int sig = next_signal(pending, mask);

	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

/*
 * Dequeue a signal and return the element to the caller, which is
 * expected to free it.
 *
 * All callers have to hold the siglock.
 */
noinline int dequeue_signal(struct task_struct *tsk, sigset_t *mask, siginfo_t *info)
{
	int signr;

	/* We only dequeue private signals from ourselves, we don't let
	 * signalfd steal them. */
	signr = __dequeue_signal(&tsk->pending, mask, info);
	if (!signr) {
		signr = __dequeue_signal(&tsk->signal->shared_pending, mask, info);
		/*
		 * itimer signal ?
		 *
		 * itimers are process shared and we restart periodic
		 * itimers in the signal delivery path to prevent DoS
		 * attacks in the high resolution timer case. This is
		 * compliant with the old way of self-restarting
		 * itimers, as the SIGALRM is a legacy signal and only
		 * queued once. Changing the restart behaviour to
		 * restart the timer in the signal dequeue path is
		 * reducing the timer noise on heavy loaded !highres
		 * systems too.
		 */
		if (unlikely(signr == SIGALRM)) {
			struct timer_list *tmr = &tsk->signal->real_timer;

			if (!timer_pending(tmr) && tsk->signal->it_real_incr != 0) {
				timer_forward(tmr, jiffies, nsecs_to_jiffies(tsk->signal->it_real_incr));
				mod_timer(tmr, tmr->expires);
			}
		}
	}
	recalc_sigpending();
	if (!signr)
		return 0;
	if (unlikely(sig_kernel_stop(signr))) {
		/*
		 * Set a marker that we have dequeued a stop signal.  Our
		 * caller might release the siglock and then the pending
		 * stop signal it is about to process is no longer in the
		 * pending bitmasks, but must still be cleared by a SIGCONT
		 * (and overruled by a SIGKILL).  So those cases clear this
		 * shared flag after we've set it.  Note that this flag may
		 * remain set after the signal we return is ignored or
		 * handled.  That doesn't matter because its only purpose
		 * is to alert stop-signal processing code when another
		 * processor has come along and cleared the flag.
		 */
		current->jobctl |= JOBCTL_STOP_DEQUEUED;
	}
	return signr;
}

/*
 * Tell a process that it has a new active signal..
 *
 * NOTE! we rely on the previous spin_lock to
 * lock interrupts for us! We can only be called with
 * "siglock" held, and the local interrupt must
 * have been disabled when that got acquired!
 *
 * No need to set need_resched since signal event passing
 * goes through ->blocked
 */
noinline void signal_wake_up_state(struct task_struct *t, unsigned int state)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	/* TASK_WAKEKILL also means wake it up in the stopped/traced/killable
	 * case. If it is running on another CPU, kick it so that it sees
	 * TIF_SIGPENDING on its way back to user mode. */
	if (!wake_up_state(t, state | TASK_INTERRUPTIBLE))
		kick_process(t);
}

/* Remove signals in mask from the pending set and queue. */
static void flush_sigqueue_mask(sigset_t *mask, struct sigpending *s)
{
	struct sigqueue *q, *n;
	sigset_t m;

	sigandnsets(&m, mask, &s->signal);
	if (sigisemptyset(&m))
		return;
	sigandnsets(&s->signal, &s->signal, mask);
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigismember(mask, q->info.si_signo)) {
			list_del_init(&q->list);
			__sigqueue_free(q);
		}
	}
}

/* Is p stopped (group stop) right now? */
static bool task_is_stopped(struct task_struct *p)
{
	return (p->state & __TASK_STOPPED) != 0;
}

/* Set the group stop state of a signal_struct, keeping its other flags
 * (SIGNAL_UNKILLABLE). CONTEXT: siglock held. */
static void signal_set_stop_flags(struct signal_struct *sig, unsigned int flags)
{
	sig->flags = (sig->flags & ~SIGNAL_STOP_MASK) | flags;
}

/**
 * task_set_jobctl_pending - set jobctl pending bits
 * @task: target task
 * @mask: pending bits to set
 *
 * Clear @mask from @task->jobctl.  @mask must be subset of
 * %JOBCTL_PENDING_MASK | %JOBCTL_STOP_CONSUME | %JOBCTL_STOP_SIGMASK.  If
 * stop signo is being set, the existing signo is cleared.  If @task is
 * already being killed or exiting, this function becomes noop.
 *
 * CONTEXT: Must be called with @task->sighand->siglock held.
 * RETURNS: %true if @mask is set, %false if made noop because @task was dying.
 */
static bool task_set_jobctl_pending(struct task_struct *task, unsigned long mask)
{
	if (unlikely(fatal_signal_pending(task) || (task->flags & PF_EXITING)))
		return false;
	if (mask & JOBCTL_STOP_SIGMASK)
		task->jobctl &= ~JOBCTL_STOP_SIGMASK;
	task->jobctl |= mask;
	return true;
}

/**
 * task_clear_jobctl_pending - clear jobctl pending bits
 * @task: target task
 * @mask: pending bits to clear
 *
 * Clear @mask from @task->jobctl.  @mask must be subset of
 * %JOBCTL_PENDING_MASK.  If %JOBCTL_STOP_PENDING is being cleared, other
 * STOP bits are cleared together.
 *
 * CONTEXT: Must be called with @task->sighand->siglock held.
 */
static void task_clear_jobctl_pending(struct task_struct *task, unsigned long mask)
{
	if (mask & JOBCTL_STOP_PENDING)
		mask |= JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED;
	task->jobctl &= ~mask;
}

/**
 * task_participate_group_stop - participate in a group stop
 * @task: task participating in a group stop
 *
 * @task has %JOBCTL_STOP_PENDING set and is participating in a group stop.
 * Group stop states are cleared and the group stop count is consumed if
 * %JOBCTL_STOP_CONSUME was set.  If the consumption completes the group
 * stop, the appropriate `SIGNAL_*` flags are set.
 *
 * CONTEXT: Must be called with @task->sighand->siglock held.
 * RETURNS: %true if group stop completion should be notified to the parent,
 * %false otherwise.
 */
static bool task_participate_group_stop(struct task_struct *task)
{
	struct signal_struct *sig = task->signal;
	bool consume = task->jobctl & JOBCTL_STOP_CONSUME;

	task_clear_jobctl_pending(task, JOBCTL_STOP_PENDING);
	if (!consume)
		return false;
	if (sig->group_stop_count)
		sig->group_stop_count--;
	/*
	 * Tell the caller to notify completion iff we are entering into a
	 * fresh group stop.  Read comment in do_signal_stop() for details.
	 */
	if (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		return true;
	}
	return false;
}

/*
 * Handle magic process-wide effects of stop/continue signals. Unlike the
 * signal actions, these happen immediately at signal-generation time.
 * Returns true if the signal should be actually delivered, otherwise
 * it should be dropped.
 */
static noinline bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;
	sigset_t flush;

	if (signal->flags & SIGNAL_GROUP_EXIT) {
		/* The process is in the middle of dying, nothing to do. */
		return false;
	} else if (sig_kernel_stop(sig)) {
		/* This is a stop signal. Remove SIGCONT from all queues. */
		siginitset(&flush, sigmask(SIGCONT));
		flush_sigqueue_mask(&flush, &signal->shared_pending);
		for_each_thread(p, t)
			flush_sigqueue_mask(&flush, &t->pending);
	} else if (sig == SIGCONT) {
		unsigned int why;
		/* Remove all stop signals from all queues, wake all threads. */
		siginitset(&flush, SIG_KERNEL_STOP_MASK);
		flush_sigqueue_mask(&flush, &signal->shared_pending);
		for_each_thread(p, t) {
			flush_sigqueue_mask(&flush, &t->pending);
			task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING);
			wake_up_state(t, __TASK_STOPPED);
		}
		/* Notify the parent with CLD_CONTINUED if we were stopped.
		 * If we were in the middle of a group stop, pretend it was
		 * already finished, and then continued. The first thread back
		 * from do_signal_stop() reports it (get_signal). */
		why = 0;
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why |= SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why |= SIGNAL_CLD_STOPPED;
		if (why) {
			/* The first thread which returns from do_signal_stop()
			 * will take ->siglock, notice SIGNAL_CLD_MASK, and
			 * notify its parent. See get_signal(). */
			signal_set_stop_flags(signal, why | SIGNAL_STOP_CONTINUED);
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/*
 * Test if P wants to take SIG. After we've checked all threads with this,
 * it's equivalent to finding no threads not blocking SIG. Any threads not
 * blocking SIG were ruled out because they are not running and already
 * have pending signals. Such threads will dequeue from the shared queue
 * as soon as they're available, so putting the signal on the shared queue
 * will be equivalent to sending it to one such thread.
 */
static inline bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig))
		return false;
	if (p->flags & PF_EXITING)
		return false;
	if (sig == SIGKILL)
		return true;
	if (task_is_stopped(p))
		return false;
	return p->on_cpu || !signal_pending(p);
}

static noinline void complete_signal(int sig, struct task_struct *p, int group)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	/* Now find a thread we can wake up to take the signal off the queue.
	 * If the main thread wants the signal, it gets first crack. Probably
	 * the least surprising to the average bear. */
	if (wants_signal(sig, p))
		t = p;
	else if (!group || thread_group_empty(p))
		/* There is just one thread and it does not need to be woken.
		 * It will dequeue unblocked signals before it runs again. */
		return;
	else {
		/* Otherwise try to find a suitable thread. */
		t = signal->curr_target;
		while (!wants_signal(sig, t)) {
			t = next_thread(t);
			if (t == signal->curr_target)
				/* No thread needs to be woken. Any eligible
				 * threads will see the signal in the queue soon. */
				return;
		}
		signal->curr_target = t;
	}

	/* Found a killable thread. If the signal will be fatal, then start
	 * taking the whole group down immediately. */
	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !sigismember(&t->real_blocked, sig)) {
		/* This signal will be fatal to the whole group. */
		if (!sig_kernel_coredump(sig)) {
			/* Start a group exit and wake everybody up. This way we
			 * don't have other threads running and doing things after
			 * a slower thread has the fatal signal pending. */
			signal->flags = SIGNAL_GROUP_EXIT;
			signal->group_exit_code = sig;
			signal->group_stop_count = 0;
			for_each_thread(p, t) {
				task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK);
				sigaddset(&t->pending.signal, SIGKILL);
				signal_wake_up(t, 1);
			}
			return;
		}
	}

	/* The signal is already in the shared-pending queue. Tell the chosen
	 * thread to wake up and dequeue it. */
	signal_wake_up(t, sig == SIGKILL);
}

static inline bool legacy_queue(struct sigpending *signals, int sig)
{
	return (sig < SIGRTMIN) && sigismember(&signals->signal, sig);
}

/* Where nothing listens for it (Linux's signalfd_notify: no signalfd here). */
static inline void signalfd_notify(struct task_struct *tsk, int sig)
{
}

/**
 * __send_signal - queue sig for t and wake a thread to take it
 * @info: the siginfo, or SEND_SIG_NOINFO (from user space, SI_USER),
 *        SEND_SIG_PRIV (from the kernel, SI_KERNEL), SEND_SIG_FORCED
 * @group: 1 for the thread group's shared queue, 0 for t's own
 *
 * CONTEXT: t->sighand->siglock held, IRQs off.
 * RETURNS: 0, or -EAGAIN when a realtime signal cannot be queued.
 */
static noinline __noclone int __send_signal(int sig, struct siginfo *info, struct task_struct *t, int group,
			 int from_ancestor_ns)
{
	struct sigpending *pending;
	struct sigqueue *q;
	int override_rlimit;
	int ret = 0, result;

	assert_spin_locked(&t->sighand->siglock);

	result = TRACE_SIGNAL_IGNORED;
	if (!prepare_signal(sig, t,
			    from_ancestor_ns || (info == SEND_SIG_PRIV) || (info == SEND_SIG_FORCED)))
		goto ret;

	pending = group ? &t->signal->shared_pending : &t->pending;
	/* Short-circuit ignored signals and support queuing exactly one
	 * non-rt signal, so that we can get more detailed information about
	 * the cause of the signal. */
	result = TRACE_SIGNAL_ALREADY_PENDING;
	if (legacy_queue(pending, sig))
		goto ret;

	result = TRACE_SIGNAL_DELIVERED;
	/* fast-pathed signals for kernel-internal things like SIGSTOP or SIGKILL. */
	if (info == SEND_SIG_FORCED)
		goto out_set;

	/* Real-time signals must be queued if sent by sigqueue, or some other
	 * real-time mechanism. It is implementation defined whether kill()
	 * does so. We attempt to do so, on the principle of least surprise,
	 * but since kill is not allowed to fail with EAGAIN when low on memory
	 * we just make sure at least one signal gets delivered and don't pass
	 * on the info struct. */
	if (sig < SIGRTMIN)
		override_rlimit = (is_si_special(info) || info->si_code >= 0);
	else
		override_rlimit = 0;

	q = __sigqueue_alloc(sig, t, GFP_ATOMIC, override_rlimit);
	if (q) {
		list_add_tail(&q->list, &pending->list);
		switch ((unsigned long)info) {
		case (unsigned long)SEND_SIG_NOINFO:
			memset(&q->info, 0, sizeof(q->info));
			q->info.si_signo = sig;
			q->info.si_errno = 0;
			q->info.si_code = SI_USER;
			q->info.si_pid = task_tgid_nr(current);
			q->info.si_uid = current->cred.uid;
			break;
		case (unsigned long)SEND_SIG_PRIV:
			memset(&q->info, 0, sizeof(q->info));
			q->info.si_signo = sig;
			q->info.si_errno = 0;
			q->info.si_code = SI_KERNEL;
			q->info.si_pid = 0;
			q->info.si_uid = 0;
			break;
		default:
			q->info = *info;
			break;
		}
	} else if (!is_si_special(info)) {
		if (sig >= SIGRTMIN && info->si_code != SI_USER) {
			/* Queue overflow, abort. We may abort if the signal
			 * was rt and sent by user using something other than
			 * kill(). */
			result = TRACE_SIGNAL_OVERFLOW_FAIL;
			ret = -EAGAIN;
			goto ret;
		} else {
			/* This is a silent loss of information. We still send
			 * the signal, but the *info bits are lost. */
			result = TRACE_SIGNAL_LOSE_INFO;
		}
	}

out_set:
	signalfd_notify(t, sig);
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, group);
ret:
	trace_signal_generate(sig, info, t, group, result);
	return ret;
}

static noinline int send_signal(int sig, struct siginfo *info, struct task_struct *t,
				int group)
{
	/* No pid namespaces here: never from an ancestor namespace. */
	return __send_signal(sig, info, t, group, 0);
}

int __group_send_sig_info(int sig, struct siginfo *info, struct task_struct *p)
{
	return send_signal(sig, info, p, 1);
}

/**
 * lock_task_sighand - take t's siglock, unless t has released its sighand
 *
 * The sighand read may be stale by the time its lock is ours: exec
 * (de_thread) can give t a new one, and release (__exit_signal) takes it
 * away; so check that it is still t's once locked, and try again if not.
 * Linux relies on RCU and SLAB_TYPESAFE_BY_RCU to keep a freed sighand's
 * lock usable meanwhile; here sighands are freed only with tasklist_lock
 * write-locked.
 * CONTEXT: tasklist_lock held, or t is current.
 * RETURNS: the sighand, locked with IRQs off, or NULL.
 */
struct sighand_struct *lock_task_sighand(struct task_struct *tsk, unsigned long *flags)
{
	struct sighand_struct *sighand;

	for (;;) {
		sighand = READ_ONCE(tsk->sighand);
		if (unlikely(sighand == NULL))
			break;
		/*
		 * We need to ensure that tsk->sighand is still the same
		 * after we take the lock, we can race with de_thread() or
		 * __exit_signal(). In the latter case the next iteration
		 * must see ->sighand == NULL.
		 */
		spin_lock_irqsave(&sighand->siglock, *flags);
		if (likely(sighand == tsk->sighand))
			break;
		spin_unlock_irqrestore(&sighand->siglock, *flags);
	}
	return sighand;
}


/* Send to a thread (group = false) or its whole group. RETURNS: 0, -ESRCH
 * if the task is gone, -EAGAIN (see __send_signal). */
noinline int do_send_sig_info(int sig, struct siginfo *info, struct task_struct *p, bool group)
{
	unsigned long flags;
	int ret = -ESRCH;

	if (lock_task_sighand(p, &flags)) {
		ret = send_signal(sig, info, p, group);
		unlock_task_sighand(p, &flags);
	}
	return ret;
}

/*
 * Force a signal that the process can't ignore: if necessary
 * we unblock the signal and change any SIG_IGN to SIG_DFL.
 *
 * Note: If we unblock the signal, we always reset it to SIG_DFL,
 * since we do not want to have a signal handler that was blocked
 * be invoked when user space had explicitly blocked it.
 */
int force_sig_info(int sig, struct siginfo *info, struct task_struct *t)
{
	unsigned long flags;
	int ret, blocked, ignored;
	struct k_sigaction *action;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	action = &t->sighand->action[sig - 1];
	ignored = action->sa.sa_handler == SIG_IGN;
	blocked = sigismember(&t->blocked, sig);
	if (blocked || ignored) {
		action->sa.sa_handler = SIG_DFL;
		if (blocked) {
			sigdelset(&t->blocked, sig);
			recalc_sigpending_and_wake(t);
		}
	}
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	ret = send_signal(sig, info, t, 0);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return ret;
}

void force_sig(int sig, struct task_struct *p)
{
	force_sig_info(sig, SEND_SIG_PRIV, p);
}

/*
 * When things go south during signal handling, we
 * will force a SIGSEGV. And if the signal that caused
 * the problem was already a SIGSEGV, we'll want to
 * make sure we don't even try to deliver the signal..
 */
void force_sigsegv(int sig, struct task_struct *p)
{
	if (sig == SIGSEGV) {
		unsigned long flags;

		spin_lock_irqsave(&p->sighand->siglock, flags);
		p->sighand->action[sig - 1].sa.sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
	}
	force_sig(SIGSEGV, p);
}

/* A fault in user mode: SIGSEGV/SIGBUS/SIGILL with the faulting address. */
int force_sig_fault(int sig, int code, void __user *addr, struct task_struct *t)
{
	struct siginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_errno = 0;
	info.si_code = code;
	info.si_addr = addr;
	return force_sig_info(sig, &info, t);
}

/*
 * Nuke all other threads in the group.
 */
void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	p->signal->group_stop_count = 0;
	for_each_thread(p, t) {
		if (t == p)
			continue;
		task_clear_jobctl_pending(t, JOBCTL_PENDING_MASK);
		/* Don't bother with already dead threads */
		if (t->exit_state)
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, 1);
	}
}

/*
 * Bad permissions for sending the signal: a task may signal another whose
 * real or saved uid is its own real or effective uid, or any with
 * CAP_KILL. t's ids are a consistent pair: commit_creds() writes them
 * with tasklist_lock write-locked, which our caller holds for reading
 * (Linux reads them under RCU).
 */
static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *cred = &current->cred;
	const struct cred *tcred = &t->cred;

	return cred->euid == tcred->suid || cred->euid == tcred->uid || cred->uid == tcred->suid ||
	       cred->uid == tcred->uid || capable(CAP_KILL);
}

/* May current send sig to t? RETURNS: 0, -EINVAL for a bad signal number,
 * -EPERM. CONTEXT: tasklist_lock held (Linux: rcu_read_lock()). */
int check_kill_permission(int sig, struct siginfo *info, struct task_struct *t)
{
	if (!valid_signal(sig))
		return -EINVAL;
	/* Only signals from user space are checked (Linux's si_fromuser). */
	if (info != SEND_SIG_NOINFO && (is_si_special(info) || info->si_code > 0))
		return 0;
	if (current->tgid == t->tgid || kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && task_session_nr(current) == task_session_nr(t))
		return 0;
	return -EPERM;
}

/*
 * send signal info to all the members of a group
 */
noinline int group_send_sig_info(int sig, struct siginfo *info, struct task_struct *p)
{
	int ret = check_kill_permission(sig, info, p);

	if (!ret && sig)
		ret = do_send_sig_info(sig, info, p, true);
	return ret;
}

/*
 * __kill_pgrp_info() sends a signal to a process group: this is what the tty
 * control characters do (^C, ^Z, ^\ in drivers/tty/n_tty.c)
 * - the caller must hold at least a readlock on tasklist_lock
 */
int __kill_pgrp_info(int sig, struct siginfo *info, pid_t pgrp)
{
	struct task_struct *p;
	int retval = -ESRCH, success = 0;

	list_for_each_entry(p, &all_tasks, tasks) {
		if (thread_group_leader(p) && !p->exit_state && task_pgrp_nr(p) == pgrp) {
			int err = group_send_sig_info(sig, info, p);
			success |= !err;
			retval = err;
		}
	}
	return success ? 0 : retval;
}

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	int ret;

	read_lock(&tasklist_lock);
	ret = __kill_pgrp_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, pgrp);
	read_unlock(&tasklist_lock);
	return ret;
}

/*
 * Send @sig to the process whose pid @pid is. The task holding it may
 * change under us (a multi-threaded exec makes another thread its
 * leader): if the one we found is released before we get its sighand,
 * look again. RETURNS: 0, -ESRCH if no task holds @pid, or -EPERM...
 */
noinline int kill_pid_info(int sig, struct siginfo *info, struct pid *pid)
{
	int error = -ESRCH;
	struct task_struct *p;

	for (;;) {
		read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
		p = pid_task(pid, PIDTYPE_PID);
		if (p)
			error = group_send_sig_info(sig, info, p);
		read_unlock(&tasklist_lock);
		if (likely(!p || error != -ESRCH))
			return error;
		/*
		 * The task was unhashed in between, try again.  If it
		 * is dead, pid_task() will return NULL, if we race with
		 * de_thread() it will find the new leader.
		 */
	}
}

/* kill_pid_info() for a pid number; inline, as GCC made it in the 4.19 build the
 * seeds trace, so kill's stack reads kill_pid_info <- sys_kill. */
static __always_inline int kill_proc_info(int sig, struct siginfo *info, pid_t pid)
{
	/* Linux: rcu_read_lock() around kill_pid_info(..., find_vpid(pid)). */
	struct pid *p = find_get_pid(pid);
	int error = kill_pid_info(sig, info, p);

	put_pid(p);
	return error;
}

/*
 * kill_something_info() interprets pid in interesting ways just like kill(2).
 *
 * POSIX specifies that kill(-1,sig) is unspecified, but what we have
 * is probably wrong. Should make it like BSD or SYSV.
 */
static int kill_something_info(int sig, struct siginfo *info, pid_t pid)
{
	struct task_struct *p;
	int ret, retval = 0, count = 0;

	if (pid > 0)
		return kill_proc_info(sig, info, pid);
	/* -INT_MIN is undefined. Exclude this case to avoid a UBSAN warning */
	if (pid == -2147483647 - 1)
		return -ESRCH;

	read_lock(&tasklist_lock);
	if (pid != -1) {
		ret = __kill_pgrp_info(sig, info, pid ? -pid : task_pgrp_nr(current));
	} else {
		list_for_each_entry(p, &all_tasks, tasks) {
			if (thread_group_leader(p) && p->pid > 1 && p->tgid != current->tgid &&
			    !(p->flags & PF_KTHREAD)) {
				int err = group_send_sig_info(sig, info, p);
				++count;
				if (err != -EPERM)
					retval = err;
			}
		}
		ret = count ? retval : -ESRCH;
	}
	read_unlock(&tasklist_lock);
	return ret;
}

int send_sig_info(int sig, struct siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	return do_send_sig_info(sig, info, p, false);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
}

static u32 nsec_to_clock_t(u64 ns)
{
	return div_u64(ns, NSEC_PER_SEC / 100); /* USER_HZ = 100 */
}

/*
 * Let a parent know about the death of a child.
 * For a stopped/continued status change, use do_notify_parent_cldstop instead.
 *
 * Returns true if our parent ignored us and so we've switched to
 * self-reaping.
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct siginfo info;
	unsigned long flags;
	struct sighand_struct *psig;
	bool autoreap = false;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_errno = 0;
	info.si_pid = task_tgid_nr(tsk);
	info.si_uid = tsk->cred.uid;
	info.si_utime = nsec_to_clock_t(tsk->utime + tsk->signal->utime);
	info.si_stime = nsec_to_clock_t(tsk->stime + tsk->signal->stime);
	info.si_status = tsk->exit_code & 0x7f;
	if (tsk->exit_code & 0x80)
		info.si_code = CLD_DUMPED;
	else if (tsk->exit_code & 0x7f)
		info.si_code = CLD_KILLED;
	else {
		info.si_code = CLD_EXITED;
		info.si_status = tsk->exit_code >> 8;
	}

	psig = tsk->parent->sighand;
	spin_lock_irqsave(&psig->siglock, flags);
	if (sig == SIGCHLD && (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
			       (psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		/* We are exiting and our parent doesn't care. POSIX.1 defines
		 * special semantics for setting SIGCHLD to SIG_IGN or setting
		 * the SA_NOCLDWAIT flag: we should be reaped automatically and
		 * not left for our parent's wait4 call. We still wake the
		 * parent, because a blocked wait4 might now return -ECHILD.
		 * With SA_NOCLDWAIT we still send SIGCHLD, as Linux does. */
		autoreap = true;
		if (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (valid_signal(sig) && sig)
		__group_send_sig_info(sig, &info, tsk->parent);
	__wake_up_parent(tsk, tsk->parent);
	spin_unlock_irqrestore(&psig->siglock, flags);
	return autoreap;
}

/**
 * do_notify_parent_cldstop - notify parent of stopped/continued state change
 * @why: CLD_{CONTINUED|STOPPED}
 *
 * CONTEXT: tasklist_lock held; takes the parent's siglock.
 */
void do_notify_parent_cldstop(struct task_struct *tsk, bool for_ptracer, int why)
{
	struct siginfo info;
	unsigned long flags;
	struct task_struct *parent;
	struct sighand_struct *sighand;

	tsk = tsk->group_leader;
	parent = tsk->real_parent;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_errno = 0;
	info.si_pid = task_tgid_nr(tsk);
	info.si_uid = tsk->cred.uid;
	info.si_utime = nsec_to_clock_t(tsk->utime);
	info.si_stime = nsec_to_clock_t(tsk->stime);
	info.si_code = why;
	switch (why) {
	case CLD_CONTINUED:
		info.si_status = SIGCONT;
		break;
	case CLD_STOPPED:
		info.si_status = tsk->signal->group_exit_code & 0x7f;
		break;
	}

	sighand = parent->sighand;
	spin_lock_irqsave(&sighand->siglock, flags);
	if (sighand->action[SIGCHLD - 1].sa.sa_handler != SIG_IGN &&
	    !(sighand->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
		__group_send_sig_info(SIGCHLD, &info, parent);
	/* Even if SIGCHLD is not generated, we must wake up wait4 calls. */
	__wake_up_parent(tsk, parent);
	spin_unlock_irqrestore(&sighand->siglock, flags);
}

/**
 * do_signal_stop - handle group stop for SIGSTOP and other stop signals
 * @signr: signr causing group stop if initiating
 *
 * If %JOBCTL_STOP_PENDING is not set yet, initiate group stop with @signr
 * and participate in it.  If already set, participate in the existing
 * group stop.  If participated in a group stop (and thus slept), %true is
 * returned with siglock released.
 *
 * CONTEXT: Must be called with @current->sighand->siglock held, which is
 * released on %true return.
 * RETURNS: %false if group stop is already cancelled or the stop signal
 * was cleared by a SIGCONT (siglock still held); %true if participated
 * in group stop (siglock released).
 */
static bool do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	int notify = 0;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		unsigned long gstop = JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
		struct task_struct *t;

		/* signr will be recorded in task->jobctl for retries */
		if (!likely(current->jobctl & JOBCTL_STOP_DEQUEUED) ||
		    unlikely(signal_group_exit(sig)))
			return false;
		/*
		 * There is no group stop already in progress.  We must
		 * initiate one now.
		 *
		 * The condition can be distinguished by testing whether
		 * SIGNAL_STOP_STOPPED is already set.  Don't generate
		 * group_exit_code in such case.
		 */
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 0;
		if (task_set_jobctl_pending(current, signr | gstop))
			sig->group_stop_count++;
		for_each_thread(current, t) {
			if (t == current)
				continue;
			/*
			 * Setting state to TASK_STOPPED for a group stop is
			 * always done with the siglock held, so this check
			 * has no races. A thread that is dying or exiting
			 * takes no part (task_set_jobctl_pending).
			 */
			if (!task_is_stopped(t) && task_set_jobctl_pending(t, signr | gstop)) {
				sig->group_stop_count++;
				signal_wake_up(t, 0);
			}
		}
	}

	/*
	 * If there are no other threads in the group, or if there is a group
	 * stop in progress and we are the last to stop, report to the parent.
	 */
	if (task_participate_group_stop(current))
		notify = CLD_STOPPED;

	__set_current_state(TASK_STOPPED);
	spin_unlock_irq(&current->sighand->siglock);

	/*
	 * Notify the parent of the group stop completion. This is for group
	 * stop and should always be delivered to the real parent of the group
	 * leader.
	 */
	if (notify) {
		read_lock(&tasklist_lock);
		do_notify_parent_cldstop(current, false, notify);
		read_unlock(&tasklist_lock);
	}

	/* Now we don't run again until woken by SIGCONT or SIGKILL */
	schedule();
	return true;
}

noinline bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	int signr;

relock:
	spin_lock_irq(&sighand->siglock);
	/* Every stopped thread goes here after wakeup. Check to see if we
	 * should notify the parent, prepare_signal(SIGCONT) encodes the CLD_
	 * si_code into SIGNAL_CLD_MASK bits. */
	if (unlikely(signal->flags & SIGNAL_CLD_MASK)) {
		int why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED : CLD_STOPPED;

		signal->flags &= ~SIGNAL_CLD_MASK;
		spin_unlock_irq(&sighand->siglock);
		read_lock(&tasklist_lock);
		do_notify_parent_cldstop(current, false, why);
		read_unlock(&tasklist_lock);
		goto relock;
	}

	for (;;) {
		struct k_sigaction *ka;

		if (unlikely(current->jobctl & JOBCTL_STOP_PENDING) && do_signal_stop(0))
			goto relock;

		/* The SIGKILL of a group exit is dequeued here like any
		 * other: 4.19 has no shortcut for a task already marked for
		 * death (Linux 5.0 added one). */
		signr = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!signr)
			break; /* will return 0 */

		ka = &sighand->action[signr - 1];

		/* Trace actually delivered signals. */
		trace_signal_deliver(signr, &ksig->info, ka);

		if (ka->sa.sa_handler == SIG_IGN) /* Do nothing. */
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			/* Run the handler. */
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			break; /* will return non-zero "signr" value */
		}

		/* Now we are doing the default action for this signal. */
		if (sig_kernel_ignore(signr)) /* Default is nothing. */
			continue;

		/* Global init gets no signals it doesn't want. */
		if (unlikely(signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(signr))
			continue;

		if (sig_kernel_stop(signr)) {
			/*
			 * The default action is to stop all threads in
			 * the thread group.  The job control signals
			 * do nothing in an orphaned pgrp, but SIGSTOP
			 * always works.  Note that siglock needs to be
			 * dropped during the call to is_orphaned_pgrp()
			 * because of lock ordering with tasklist_lock.
			 * This allows an intervening SIGCONT to be posted.
			 * We need to check for that and bail out if necessary.
			 */
			if (signr != SIGSTOP) {
				spin_unlock_irq(&sighand->siglock);

				/* signals can be posted during this window */

				if (is_current_pgrp_orphaned())
					goto relock;

				spin_lock_irq(&sighand->siglock);
			}
			if (likely(do_signal_stop(ksig->info.si_signo))) {
				/* It released the siglock. */
				goto relock;
			}
			continue;
		}

		spin_unlock_irq(&sighand->siglock);

		/* Anything else is fatal, maybe with a core dump. */
		current->flags |= PF_SIGNALED;
		if (sig_kernel_coredump(signr)) {
			if (print_fatal_signals)
				print_fatal_signal(ksig->info.si_signo);
			/* Linux writes a core file when RLIMIT_CORE allows one
			 * (its default is 0) and reports it in the wait status
			 * (WCOREDUMP). We write no file but report the same. */
			if (task_rlimit(current, RLIMIT_CORE))
				do_group_exit(ksig->info.si_signo | 0x80);
		}
		/* Death signals, no core dump. */
		do_group_exit(ksig->info.si_signo);
		/* NOTREACHED */
	}
	spin_unlock_irq(&sighand->siglock);

	ksig->sig = signr;
	return ksig->sig > 0;
}

/**
 * signal_delivered - called after signal delivery to update blocked signals
 * @ksig: kernel signal struct
 * @stepping: nonzero if debugger single-step or block-step in use
 *
 * This function should be called when a signal has successfully been
 * delivered. It updates the blocked signals accordingly (@ksig->ka.sa.sa_mask
 * is always blocked, and the signal itself is blocked unless %SA_NODEFER
 * is set in @ksig->ka.sa.sa_flags).
 */
static void signal_delivered(struct ksignal *ksig, int stepping)
{
	sigset_t blocked;

	/* A signal was successfully delivered, and the saved sigmask was
	 * stored on the signal frame, and will be restored by sigreturn. So
	 * we can simply clear the restore sigmask flag. */
	clear_thread_flag(TIF_RESTORE_SIGMASK);

	sigorsets(&blocked, &current->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
}

void signal_setup_done(int failed, struct ksignal *ksig, int stepping)
{
	if (failed)
		force_sigsegv(ksig->sig, current);
	else
		signal_delivered(ksig, stepping);
}

/*
 * It could be that complete_signal() picked us to notify about the
 * group-wide signal. Other threads should be notified now to take
 * the shared signals in @which since we will not.
 */
static void retarget_shared_pending(struct task_struct *tsk, sigset_t *which)
{
	sigset_t retarget;
	struct task_struct *t;

	retarget.sig[0] = tsk->signal->shared_pending.signal.sig[0] & which->sig[0];
	retarget.sig[1] = tsk->signal->shared_pending.signal.sig[1] & which->sig[1];
	if (sigisemptyset(&retarget))
		return;
	for_each_thread(tsk, t) {
		if (t == tsk || (t->flags & PF_EXITING))
			continue;
		if (!has_pending_signals(&retarget, &t->blocked))
			continue;
		/* Remove the signals this thread can handle. */
		retarget.sig[0] &= t->blocked.sig[0];
		retarget.sig[1] &= t->blocked.sig[1];
		if (!signal_pending(t))
			signal_wake_up(t, 0);
		if (sigisemptyset(&retarget))
			break;
	}
}

/*
 * The thread is about to exit (PF_EXITING from now on, so group-wide
 * signals and group stops pass it by): hand the shared signals it was
 * told to take to another thread, and if a group stop counts on it, take
 * its part now. If that completes the stop, the parent is told.
 */
void exit_signals(struct task_struct *tsk)
{
	int group_stop = 0;
	sigset_t unblocked;

	if (thread_group_empty(tsk) || signal_group_exit(tsk->signal)) {
		tsk->flags |= PF_EXITING;
		return;
	}

	spin_lock_irq(&tsk->sighand->siglock);
	/*
	 * From now this task is not visible for group-wide signals,
	 * see wants_signal(), do_signal_stop().
	 */
	tsk->flags |= PF_EXITING;

	if (!signal_pending(tsk))
		goto out;

	unblocked.sig[0] = ~tsk->blocked.sig[0];
	unblocked.sig[1] = ~tsk->blocked.sig[1];
	retarget_shared_pending(tsk, &unblocked);

	if (unlikely(tsk->jobctl & JOBCTL_STOP_PENDING) && task_participate_group_stop(tsk))
		group_stop = CLD_STOPPED;
out:
	spin_unlock_irq(&tsk->sighand->siglock);

	/*
	 * If group stop has completed, deliver the notification.  This
	 * should always go to the real parent of the group leader.
	 */
	if (unlikely(group_stop)) {
		read_lock(&tasklist_lock);
		do_notify_parent_cldstop(tsk, false, group_stop);
		read_unlock(&tasklist_lock);
	}
}

void __init_signals(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0, 0);
}

/*
 * System call entry points.
 */

/*
 * Install @newset as @tsk's mask. If @tsk was told to take a group-wide
 * signal it now blocks, another thread of the group is woken to take it.
 * CONTEXT: @tsk == current, siglock held.
 */
static void __set_task_blocked(struct task_struct *tsk, const sigset_t *newset)
{
	if (signal_pending(tsk) && !thread_group_empty(tsk)) {
		sigset_t newblocked;
		/* A set of now blocked but previously unblocked signals. */
		sigandnsets(&newblocked, newset, &current->blocked);
		retarget_shared_pending(tsk, &newblocked);
	}
	tsk->blocked = *newset;
	recalc_sigpending();
}

/**
 * set_current_blocked - change current->blocked mask
 * @newset: new mask
 *
 * It is wrong to change ->blocked directly, this helper should be used
 * to ensure the process can't miss a shared signal we are going to block.
 * SIGKILL and SIGSTOP can never be blocked.
 */
void set_current_blocked(sigset_t *newset)
{
	sigdelsetmask(newset, sigmask(SIGKILL) | sigmask(SIGSTOP));
	__set_current_blocked(newset);
}

void __set_current_blocked(const sigset_t *newset)
{
	struct task_struct *tsk = current;

	/*
	 * In case the signal mask hasn't changed, there is nothing we need
	 * to do. The current->blocked shouldn't be modified by other task.
	 */
	if (sigequalsets(&tsk->blocked, newset))
		return;

	spin_lock_irq(&tsk->sighand->siglock);
	__set_task_blocked(tsk, newset);
	spin_unlock_irq(&tsk->sighand->siglock);
}

/* rt_sigprocmask */
int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	struct task_struct *tsk = current;
	sigset_t newset;

	if (oldset)
		*oldset = tsk->blocked;
	switch (how) {
	case SIG_BLOCK:
		sigorsets(&newset, &tsk->blocked, set);
		break;
	case SIG_UNBLOCK:
		sigandnsets(&newset, &tsk->blocked, set);
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(&newset);
	return 0;
}

long sys_rt_sigprocmask(int how, sigset_t __user *nset, sigset_t __user *oset,
			size_t sigsetsize)
{
	sigset_t old_set, new_set;
	int error;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	old_set = current->blocked;
	if (nset) {
		if (copy_from_user(&new_set, nset, sizeof(sigset_t)))
			return -EFAULT;
		sigdelsetmask(&new_set, sigmask(SIGKILL) | sigmask(SIGSTOP));
		error = sigprocmask(how, &new_set, NULL);
		if (error)
			return error;
	}
	if (oset && copy_to_user(oset, &old_set, sizeof(sigset_t)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(sigset_t __user *uset, size_t sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	sigorsets(&pending, &current->pending.signal, &current->signal->shared_pending.signal);
	spin_unlock_irq(&current->sighand->siglock);
	/* Outside the lock because only this thread touches it. */
	pending.sig[0] &= current->blocked.sig[0];
	pending.sig[1] &= current->blocked.sig[1];
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

static void prepare_kill_siginfo(int sig, struct siginfo *info)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_errno = 0;
	info->si_code = SI_USER;
	info->si_pid = task_tgid_nr(current);
	info->si_uid = current->cred.uid;
}

/**
 *  sys_kill - send a signal to a process
 *  @pid: the PID of the process
 *  @sig: signal to be sent
 */
long sys_kill(pid_t pid, int sig)
{
	struct siginfo info;

	prepare_kill_siginfo(sig, &info);
	return kill_something_info(sig, &info, pid);
}

static int do_send_specific(pid_t tgid, pid_t pid, int sig, struct siginfo *info)
{
	struct task_struct *p;
	int error = -ESRCH;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	p = find_task_by_vpid(pid);
	if (p && (tgid <= 0 || task_tgid_nr(p) == tgid)) {
		error = check_kill_permission(sig, info, p);
		/* The null signal is a permissions and process existence
		 * probe. No signal is actually delivered. */
		if (!error && sig)
			error = do_send_sig_info(sig, info, p, false);
	}
	read_unlock(&tasklist_lock);
	return error;
}

static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct siginfo info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_errno = 0;
	info.si_code = SI_TKILL;
	info.si_pid = task_tgid_nr(current);
	info.si_uid = current->cred.uid;
	return do_send_specific(tgid, pid, sig, &info);
}

/**
 *  sys_tgkill - send signal to one specific thread
 *  @tgid: the thread group ID of the thread
 *  @pid: the PID of the thread
 *  @sig: signal to be sent
 *
 *  This syscall also checks the @tgid and returns -ESRCH even if the PID
 *  exists but it's not belonging to the target process anymore. This
 *  method solves the problem of threads exiting and PIDs getting reused.
 */
long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
	/* This is only valid for single tasks */
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

long sys_tkill(pid_t pid, int sig)
{
	/* This is only valid for single tasks */
	if (pid <= 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

static int do_rt_sigqueueinfo(pid_t pid, int sig, struct siginfo *info)
{
	/* Not even root can pretend to send signals from the kernel.
	 * Nor can they impersonate a kill()/tgkill(), which adds source info:
	 * unless it is to themselves. */
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && task_pid_nr(current) != pid)
		return -EPERM;
	info->si_signo = sig;
	/* POSIX.1b doesn't mention process groups.  */
	return kill_proc_info(sig, info, pid);
}

/**
 *  sys_rt_sigqueueinfo - send signal information to a signal
 *  @pid: the PID of the thread
 *  @sig: signal to be sent
 *  @uinfo: signal info to be sent
 */
long sys_rt_sigqueueinfo(pid_t pid, int sig, siginfo_t __user *uinfo)
{
	struct siginfo info;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	return do_rt_sigqueueinfo(pid, sig, &info);
}

static int do_rt_tgsigqueueinfo(pid_t tgid, pid_t pid, int sig, struct siginfo *info)
{
	/* This is only valid for single tasks */
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	/* Not even root can pretend to send signals from the kernel.
	 * Nor can they impersonate a kill()/tgkill(), which adds source info. */
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && task_pid_nr(current) != pid)
		return -EPERM;
	info->si_signo = sig;
	return do_send_specific(tgid, pid, sig, info);
}

long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t pid, int sig, siginfo_t __user *uinfo)
{
	struct siginfo info;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	return do_rt_tgsigqueueinfo(tgid, pid, sig, &info);
}

int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct task_struct *p = current, *t;
	struct k_sigaction *k;
	sigset_t mask;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;

	k = &p->sighand->action[sig - 1];

	spin_lock_irq(&p->sighand->siglock);
	if (oact)
		*oact = *k;

	if (act) {
		sigdelsetmask(&act->sa.sa_mask, sigmask(SIGKILL) | sigmask(SIGSTOP));
		*k = *act;
		/*
		 * POSIX 3.3.1.3:
		 *  "Setting a signal action to SIG_IGN for a signal that is
		 *   pending shall cause the pending signal to be discarded,
		 *   whether or not it is blocked."
		 *
		 *  "Setting a signal action to SIG_DFL for a signal that is
		 *   pending and whose default action is to ignore the signal
		 *   (for example, SIGCHLD), shall cause the pending signal to
		 *   be discarded, whether or not it is blocked"
		 */
		if (sig_handler_ignored(sig_handler(p, sig), sig)) {
			sigemptyset(&mask);
			sigaddset(&mask, sig);
			flush_sigqueue_mask(&mask, &p->signal->shared_pending);
			for_each_thread(p, t)
				flush_sigqueue_mask(&mask, &t->pending);
		}
	}
	spin_unlock_irq(&p->sighand->siglock);
	return 0;
}

/* Linux ARM's struct sigaction for rt_sigaction (the kernel's layout). */
struct rt_sigaction_user {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

/**
 *  sys_rt_sigaction - alter an action taken by a process
 *  @sig: signal to be sent
 *  @act: new sigaction
 *  @oact: used to save the previous sigaction
 *  @sigsetsize: size of sigset_t type
 */
long sys_rt_sigaction(int sig, const struct rt_sigaction_user __user *act,
		      struct rt_sigaction_user __user *oact, size_t sigsetsize)
{
	struct k_sigaction new_sa, old_sa;
	struct rt_sigaction_user u;
	int ret;

	/* XXX: Don't preclude handling different sized sigset_t's. */
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&u, act, sizeof(u)))
			return -EFAULT;
		new_sa.sa.sa_handler = u.sa_handler;
		new_sa.sa.sa_flags = u.sa_flags;
		new_sa.sa.sa_restorer = u.sa_restorer;
		new_sa.sa.sa_mask = u.sa_mask;
	}
	ret = do_sigaction(sig, act ? &new_sa : NULL, oact ? &old_sa : NULL);
	if (!ret && oact) {
		u.sa_handler = old_sa.sa.sa_handler;
		u.sa_flags = old_sa.sa.sa_flags;
		u.sa_restorer = old_sa.sa.sa_restorer;
		u.sa_mask = old_sa.sa.sa_mask;
		if (copy_to_user(oact, &u, sizeof(u)))
			return -EFAULT;
	}
	return ret;
}

/* Sleep until a signal comes in; its handler runs, then -EINTR. */
long sys_pause(void)
{
	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

static int sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);

	while (!signal_pending(current)) {
		__set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	set_restore_sigmask();
	return -ERESTARTNOHAND;
}

/**
 *  sys_rt_sigsuspend - replace the signal mask for a value with the
 *	@unewset value until a signal is received
 *  @unewset: new signal mask value
 *  @sigsetsize: size of sigset_t type
 */
long sys_rt_sigsuspend(sigset_t __user *unewset, size_t sigsetsize)
{
	sigset_t newset;

	/* XXX: Don't preclude handling different sized sigset_t's. */
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

/* A siginfo to user space, all 128 bytes of it (the kernel's copy is
 * cleared before it is filled, so nothing leaks). RETURNS: 0 or -EFAULT. */
int copy_siginfo_to_user(siginfo_t __user *to, const siginfo_t *from)
{
	if (copy_to_user(to, from, sizeof(struct siginfo)))
		return -EFAULT;
	return 0;
}

/**
 *  do_sigtimedwait - wait for queued signals specified in @which
 *  @which: queued signals to wait for
 *  @info: if non-null, the signal's siginfo is returned here
 *  @timeout_ns: timeout (ns), or ~0 for none
 */
static int do_sigtimedwait(const sigset_t *which, siginfo_t *info, u64 timeout_ns)
{
	struct task_struct *tsk = current;
	sigset_t mask = *which;
	int sig;

	/* Invert the set of allowed signals to get those we want to block. */
	sigdelsetmask(&mask, sigmask(SIGKILL) | sigmask(SIGSTOP));
	mask.sig[0] = ~mask.sig[0];
	mask.sig[1] = ~mask.sig[1];

	spin_lock_irq(&tsk->sighand->siglock);
	sig = dequeue_signal(tsk, &mask, info);
	if (!sig && timeout_ns) {
		long left;
		/* None ready, temporarily unblock those we're interested while
		 * we are sleeping in so that we'll be awakened when they
		 * arrive. Unblocking is always fine, we can avoid
		 * set_current_blocked(). */
		tsk->real_blocked = tsk->blocked;
		tsk->blocked.sig[0] &= mask.sig[0];
		tsk->blocked.sig[1] &= mask.sig[1];
		recalc_sigpending();
		spin_unlock_irq(&tsk->sighand->siglock);

		__set_current_state(TASK_INTERRUPTIBLE);
		left = schedule_timeout(timeout_ns == ~0ULL ? MAX_SCHEDULE_TIMEOUT
							   : nsecs_to_jiffies(timeout_ns));

		spin_lock_irq(&tsk->sighand->siglock);
		__set_task_blocked(tsk, &tsk->real_blocked);
		sigemptyset(&tsk->real_blocked);
		sig = dequeue_signal(tsk, &mask, info);
		if (!sig)
			sig = left ? -EINTR : -EAGAIN;
	} else if (!sig) {
		sig = -EAGAIN;
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	return sig;
}

long sys_rt_sigtimedwait(const sigset_t __user *uthese, siginfo_t __user *uinfo,
			 const struct timespec __user *uts, size_t sigsetsize)
{
	sigset_t these;
	struct timespec ts;
	siginfo_t info;
	u64 timeout = ~0ULL;
	int ret;

	/* XXX: Don't preclude handling different sized sigset_t's. */
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		timeout = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	ret = do_sigtimedwait(&these, &info, timeout);
	if (ret > 0 && uinfo && copy_siginfo_to_user(uinfo, &info))
		ret = -EFAULT;
	return ret;
}

/* The alternate signal stack (Linux's do_sigaltstack and friends). */

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;

	if (oss) {
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (ss) {
		void __user *ss_sp = ss->ss_sp;
		size_t ss_size = ss->ss_size;
		unsigned ss_flags = ss->ss_flags;
		int ss_mode;

		if (on_sig_stack(sp))
			return -EPERM;
		ss_mode = ss_flags & ~SS_FLAG_BITS;
		if (ss_mode != SS_DISABLE && ss_mode != SS_ONSTACK && ss_mode != 0)
			return -EINVAL;
		if (ss_mode == SS_DISABLE) {
			ss_size = 0;
			ss_sp = NULL;
		} else if (ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		t->sas_ss_sp = (unsigned long)ss_sp;
		t->sas_ss_size = ss_size;
		t->sas_ss_flags = ss_flags;
	}
	return 0;
}

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(stack_t)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL,
			     task_pt_regs(current)->ARM_sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(stack_t)))
		err = -EFAULT;
	return err;
}

/* The alternate stack as sigaltstack set it, into a signal frame's
 * uc_stack (rt_sigreturn gives it back through restore_altstack); an
 * SS_AUTODISARM stack is disarmed until then, so that a handler running on
 * it can take signals on it again. RETURNS: 0, or -EFAULT. */
int __save_altstack(stack_t __user *uss, unsigned long sp)
{
	struct task_struct *t = current;
	int err = put_user((unsigned long)t->sas_ss_sp, (unsigned long __user *)&uss->ss_sp) |
		  put_user(t->sas_ss_flags, &uss->ss_flags) | put_user(t->sas_ss_size, &uss->ss_size);

	if (err)
		return err;
	if (t->sas_ss_flags & SS_AUTODISARM)
		sas_ss_reset(t);
	return 0;
}

int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(stack_t)))
		return -EFAULT;
	/* squash all but EFAULT for now */
	do_sigaltstack(&new, NULL, task_pt_regs(current)->ARM_sp);
	return 0;
}

/**
 *  sys_restart_syscall - restart a system call
 *
 *  Run what the interrupted syscall left in restart_block. Called directly,
 *  with nothing to resume, that is do_no_restart_syscall: -EINTR.
 */
long sys_restart_syscall(void)
{
	struct restart_block *restart = &current->restart_block;

	return restart->fn(restart);
}

long do_no_restart_syscall(struct restart_block *param)
{
	return -EINTR;
}
