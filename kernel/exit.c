/* Ending tasks and reaping them: exit, exit_group, wait4, waitid (Linux
 * 4.19's kernel/exit.c). The seed's path:
 *	sys_exit_group -> do_group_exit -> do_exit -> exit_notify ->
 *	do_notify_parent (SIGCHLD) ... the parent's wait4 -> release_task
 * A thread group's leader stays a zombie until its last thread is gone,
 * and only then is its parent told (delay_group_leader). */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/irq.h>
#include <linux/string.h>
#include <asm/bug.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <uapi/linux/wait.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>
#include <trace/events/sched.h>

void mm_release(struct task_struct *tsk, struct mm_struct *mm);
void disassociate_ctty(int on_exit);

static void __unhash_process(struct task_struct *p, bool group_dead)
{
	nr_threads--;
	detach_pid(p, PIDTYPE_PID);
	if (group_dead) {
		detach_pid(p, PIDTYPE_TGID);
		list_del_init(&p->tasks);
		list_del_init(&p->sibling);
	}
	list_del_init(&p->thread_node);
}

/*
 * This function expects the tasklist_lock write-locked.
 */
static void __exit_signal(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	bool group_dead = thread_group_leader(tsk);
	struct sighand_struct *sighand = tsk->sighand;

	spin_lock(&sighand->siglock);
	if (!group_dead) {
		/* If there is any task waiting for the group exit then
		 * notify it: */
		if (sig->notify_count > 0 && !--sig->notify_count)
			wake_up_process(sig->group_exit_task);
		if (tsk == sig->curr_target)
			sig->curr_target = next_thread(tsk);
	}
	/* Accumulate here the counters for all threads as they die. */
	sig->utime += tsk->utime;
	sig->stime += tsk->stime;
	sig->nr_threads--;
	__unhash_process(tsk, group_dead);
	flush_sigqueue(&tsk->pending);
	tsk->sighand = NULL;
	spin_unlock(&sighand->siglock);

	__cleanup_sighand(sighand);
	clear_tsk_thread_flag(tsk, TIF_SIGPENDING);
	if (group_dead)
		flush_sigqueue(&sig->shared_pending);
}

/* Free what is left of a dead task once it has been reaped (or needs no
 * reaping). Linux frees it from an RCU callback, whence sched_process_free
 * shows up in a softirq; here it is immediate. */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	int zap_leader;
repeat:
	/* don't need to get the RCU readlock here - the process is dead and
	 * can't be modifying its own credentials. */
	__atomic_fetch_sub(&p->cred.user->processes, 1, __ATOMIC_SEQ_CST);
	write_lock_irq(&tasklist_lock);
	__exit_signal(p);

	/* If we are the last non-leader member of the thread group, and the
	 * leader is zombie, then notify the group leader's parent process.
	 * (if it wants notification.) */
	zap_leader = 0;
	leader = p->group_leader;
	if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
		/* If we were the last child thread and the leader has exited
		 * already, and the leader's parent ignores SIGCHLD, then we are
		 * the one who should release the leader. */
		zap_leader = do_notify_parent(leader, leader->exit_signal);
		if (zap_leader)
			leader->exit_state = EXIT_DEAD;
	}
	write_unlock_irq(&tasklist_lock);

	trace_sched_process_free(p);
	put_task_struct(p);

	p = leader;
	if (unlikely(zap_leader))
		goto repeat;
}

/* Leave our address space for init_mm's empty one, and drop it. Linux
 * keeps the old one as a lazy TLB; we switch, so no freed page table is
 * ever left in TTBR0. */
static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;

	mm_release(current, mm);
	if (!mm)
		return;
	spin_lock_irq(&current->alloc_lock);
	current->mm = NULL;
	switch_mm(mm, &init_mm, current);
	current->active_mm = &init_mm;
	spin_unlock_irq(&current->alloc_lock);
	mmput(mm);
}

/* The task that adopts orphans: init (Linux's child_reaper). */
static struct task_struct *child_reaper(void)
{
	return find_task_by_vpid(1);
}


/*
 * Determine if a process group is "orphaned", according to the POSIX
 * definition in 2.2.2.52.  Orphaned process groups are not to be affected
 * by terminal-generated stop signals.  Newly orphaned process groups are
 * to receive a SIGHUP and a SIGCONT.
 * CONTEXT: tasklist_lock held.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored_task)
{
	struct task_struct *p;

	list_for_each_entry(p, &all_tasks, tasks) {
		if (task_pgrp_nr(p) != pgrp)
			continue;
		if (p == ignored_task || (p->exit_state && thread_group_empty(p)) ||
		    p->real_parent->tgid == 1)
			continue;
		if (task_pgrp_nr(p->real_parent) != pgrp &&
		    task_session_nr(p->real_parent) == task_session_nr(p))
			return false;
	}
	return true;
}

/* RETURNS: whether current's process group is orphaned. */
bool is_current_pgrp_orphaned(void)
{
	bool retval;

	read_lock(&tasklist_lock);
	retval = will_become_orphaned_pgrp(task_pgrp_nr(current), NULL);
	read_unlock(&tasklist_lock);
	return retval;
}

/* CONTEXT: tasklist_lock held. */
static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &all_tasks, tasks)
		if (task_pgrp_nr(p) == pgrp && (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/*
 * Check to see if any process groups have become orphaned as
 * a result of our exiting, and if they have any stopped jobs,
 * send them a SIGHUP and then a SIGCONT.  (POSIX 3.2.2.2)
 * CONTEXT: tasklist_lock held.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	pid_t pgrp = task_pgrp_nr(tsk);
	struct task_struct *ignored_task = tsk;

	if (!parent)
		/* exit: our father is in a different pgrp than
		 * we are and we were the only connection outside. */
		parent = tsk->real_parent;
	else
		/* reparent: our child is in a different pgrp than
		 * we are, and it was the only connection outside. */
		ignored_task = NULL;

	if (task_pgrp_nr(parent) != pgrp && task_session_nr(parent) == task_session_nr(tsk) &&
	    will_become_orphaned_pgrp(pgrp, ignored_task) && has_stopped_jobs(pgrp)) {
		__kill_pgrp_info(SIGHUP, SEND_SIG_PRIV, pgrp);
		__kill_pgrp_info(SIGCONT, SEND_SIG_PRIV, pgrp);
	}
}

/* An adopted child must not signal its new parent with anything but
 * SIGCHLD ("we don't want people slaying init"), and if it is already a
 * zombie, the new parent hears of it now. Its process group may have
 * lost its last link to the session outside it (kill_orphaned_pgrp).
 * CONTEXT: tasklist_lock held. */
static void reparent_leader(struct task_struct *father, struct task_struct *p,
			    struct list_head *dead)
{
	if (unlikely(p->exit_state == EXIT_DEAD))
		return;

	/* We don't want people slaying init. */
	p->exit_signal = SIGCHLD;

	/* If it has exited notify the new parent about this child's death. */
	if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p)) {
		if (do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			list_move_tail(&p->sibling, dead);
		}
	}

	kill_orphaned_pgrp(p, father);
}

/*
 * When we die, we re-parent all our children, and try to:
 * 1. give them to another thread in our thread group, if such a member exists
 * 2. give them to the init process
 * CONTEXT: tasklist_lock held. Dead children whose new parent will not
 * reap them go on @dead, to be released.
 */
static void forget_original_parent(struct task_struct *father, struct list_head *dead)
{
	struct task_struct *p, *t, *n, *reaper = NULL;

	/* Nothing to hand on: skip the search for a reaper, which would make
	 * the exit of a group of n threads cost n^2. */
	if (list_empty(&father->children))
		return;
	for_each_thread(father, t) {
		if (!(t->flags & PF_EXITING)) {
			reaper = t;
			break;
		}
	}
	if (!reaper)
		reaper = child_reaper();
	if (!reaper || reaper == father) {
		/* init itself is exiting: panic follows in do_exit. */
		return;
	}

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		for_each_thread(p, t) {
			t->real_parent = reaper;
			t->parent = reaper;
		}
		list_move_tail(&p->sibling, &reaper->children);
		/* If this is a threaded reparent there is no need to notify
		 * anyone anything has happened. */
		if (reaper->tgid != father->tgid)
			reparent_leader(father, p, dead);
	}
}

/*
 * Send signals to all our closest relatives so that they know
 * to properly mourn us..
 */
static noinline __noclone void exit_notify(struct task_struct *tsk, bool group_dead)
{
	bool autoreap;
	struct task_struct *p, *n;
	LIST_HEAD(dead);

	write_lock_irq(&tasklist_lock);
	forget_original_parent(tsk, &dead);

	if (group_dead)
		kill_orphaned_pgrp(tsk->group_leader, NULL);

	if (thread_group_leader(tsk)) {
		/* A leader with live threads waits, a zombie, until they are
		 * gone (delay_group_leader): release_task notifies then. */
		autoreap = thread_group_empty(tsk) && do_notify_parent(tsk, tsk->exit_signal);
	} else {
		autoreap = true;
	}

	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;

	/* mt-exec, de_thread() is waiting for group leader */
	if (unlikely(tsk->signal->notify_count < 0))
		wake_up_process(tsk->signal->group_exit_task);
	write_unlock_irq(&tasklist_lock);

	list_for_each_entry_safe(p, n, &dead, sibling) {
		list_del_init(&p->sibling);
		release_task(p);
	}
	if (autoreap)
		release_task(tsk);
}

/* Our last schedule(): finish_task_switch drops our own reference. */
static void __noreturn do_task_dead(void)
{
	local_irq_disable();
	current->state = TASK_DEAD;
	schedule();
	BUG();
}

noinline void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	if (unlikely(in_irq()))
		panic("Aiee, killing interrupt handler!");
	if (unlikely(!tsk->pid))
		panic("Attempted to kill the idle task!");

	exit_signals(tsk); /* sets PF_EXITING */
	group_dead = __atomic_sub_fetch(&tsk->signal->live, 1, __ATOMIC_SEQ_CST) == 0;
	if (group_dead) {
		if (tsk->pid == 1)
			panic("Attempted to kill init! exitcode=0x%08x",
			      tsk->signal->group_exit_code ? tsk->signal->group_exit_code : (int)code);
		del_timer_sync(&tsk->signal->real_timer);
	}
	tsk->exit_code = code;
	exit_mm();
	trace_sched_process_exit(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead)
		disassociate_ctty(1);
	exit_thread(tsk);
	exit_notify(tsk, group_dead);
	do_task_dead();
}

long sys_exit(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/*
 * Take down every thread in the group. This is called by fatal signals
 * as well as by sys_exit_group (below).
 */
noinline void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;

	if (signal_group_exit(sig)) {
		exit_code = sig->group_exit_code;
	} else if (!thread_group_empty(current)) {
		struct sighand_struct *const sighand = current->sighand;

		spin_lock_irq(&sighand->siglock);
		if (signal_group_exit(sig))
			/* Another thread got here before we took the lock. */
			exit_code = sig->group_exit_code;
		else {
			sig->group_exit_code = exit_code;
			sig->flags = SIGNAL_GROUP_EXIT;
			zap_other_threads(current);
		}
		spin_unlock_irq(&sighand->siglock);
	}
	do_exit(exit_code);
	/* NOTREACHED */
}

/*
 * this kills every thread in the thread group. Note that any externally
 * wait4()-ing process will get the correct exit code - even if this
 * thread is not the thread group leader.
 */
long sys_exit_group(int error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* Wake the parent sleeping in wait4 (it sits right after sys_exit_group,
 * as in Linux's object code: the return address of do_group_exit's call,
 * the last instruction of sys_exit_group, is this function's first byte,
 * which is why the seed's stack trace names __wake_up_parent+0x0). */
void __wake_up_parent(struct task_struct *p, struct task_struct *parent)
{
	__wake_up(&parent->signal->wait_chldexit, TASK_INTERRUPTIBLE, 1, p);
}

struct waitid_info {
	pid_t pid;
	uid_t uid;
	int status;
	int cause;
};

struct wait_opts {
	int wo_type; /* P_ALL, P_PID, P_PGID */
	pid_t wo_pid;
	int wo_flags;
	struct waitid_info *wo_info;
	int wo_stat;
	struct rusage __user *wo_rusage;
	struct wait_queue_entry child_wait;
	int notask_error;
};

static int eligible_pid(struct wait_opts *wo, struct task_struct *p)
{
	return wo->wo_type == P_ALL || (wo->wo_type == P_PID && p->pid == wo->wo_pid) ||
	       (wo->wo_type == P_PGID && task_pgrp_nr(p) == wo->wo_pid);
}

static int eligible_child(struct wait_opts *wo, struct task_struct *p)
{
	if (!eligible_pid(wo, p))
		return 0;
	/* Wait for all children (clone and not) if __WALL is set or if it
	 * is traced by us. Otherwise only those of the kind asked for:
	 * __WCLONE selects children that send no SIGCHLD. */
	if (!(wo->wo_flags & __WALL) && ((p->exit_signal != SIGCHLD) ^ !!(wo->wo_flags & __WCLONE)))
		return 0;
	return 1;
}

/* Fill in struct rusage's time fields (the rest stays zero). */
static int put_rusage(struct rusage __user *ru, u64 utime, u64 stime)
{
	long r[18] = { 0 }; /* Linux ARM's struct rusage: 2 timevals + 14 longs */

	r[0] = utime / NSEC_PER_SEC;
	r[1] = (utime % NSEC_PER_SEC) / 1000;
	r[2] = stime / NSEC_PER_SEC;
	r[3] = (stime % NSEC_PER_SEC) / 1000;
	return copy_to_user(ru, r, sizeof(r)) ? -EFAULT : 0;
}

/*
 * Handle sys_wait4 work for one task in state EXIT_ZOMBIE. We hold
 * read_lock(&tasklist_lock) on entry. If we return zero, we still hold
 * the lock and this task is uninteresting. If we return nonzero, we have
 * released the lock and the system call should return.
 */
static int wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	int state, status;
	pid_t pid = task_pid_nr(p);
	uid_t uid = p->cred.uid;
	struct waitid_info *infop;
	u64 utime, stime;

	if (!(wo->wo_flags & WEXITED))
		return 0;

	if (unlikely(wo->wo_flags & WNOWAIT)) {
		status = p->exit_code;
		read_unlock(&tasklist_lock);
		goto out_info;
	}
	/* Move the task's state to DEAD only if it's not already:
	 * another thread of ours may be reaping it. */
	state = EXIT_ZOMBIE;
	if (!__atomic_compare_exchange_n(&p->exit_state, &state, EXIT_DEAD, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return 0;
	/* We own this thread, nobody else can reap it. */
	read_unlock(&tasklist_lock);
	/* We are the reaper: charge its times to us, under our siglock, as
	 * other threads of ours may be reaping too. */
	utime = p->utime + p->signal->utime + p->signal->cutime;
	stime = p->stime + p->signal->stime + p->signal->cstime;
	spin_lock_irq(&current->sighand->siglock);
	current->signal->cutime += utime;
	current->signal->cstime += stime;
	spin_unlock_irq(&current->sighand->siglock);
	status = (p->signal->flags & SIGNAL_GROUP_EXIT) ? p->signal->group_exit_code : p->exit_code;
	if (wo->wo_rusage && put_rusage(wo->wo_rusage, utime, stime))
		pid = -EFAULT;
	release_task(p);
out_info:
	wo->wo_stat = status;
	infop = wo->wo_info;
	if (infop) {
		if ((status & 0x7f) == 0) {
			infop->cause = CLD_EXITED;
			infop->status = status >> 8;
		} else {
			infop->cause = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
			infop->status = status & 0x7f;
		}
		infop->pid = pid;
		infop->uid = uid;
	}
	return pid;
}

/* A stopped child we have not reported yet (WUNTRACED): status 0x7f with
 * the stop signal above it. CONTEXT: tasklist_lock held; released when
 * returning non-zero. */
static int wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	int exit_code = 0;
	uid_t uid = 0;
	pid_t pid;

	if (!(wo->wo_flags & WUNTRACED))
		return 0;
	spin_lock_irq(&p->sighand->siglock);
	if ((p->signal->flags & SIGNAL_STOP_STOPPED) && p->signal->group_exit_code) {
		exit_code = p->signal->group_exit_code;
		if (!(wo->wo_flags & WNOWAIT))
			p->signal->group_exit_code = 0;
		/* p may be reaped once tasklist_lock is dropped: read it now */
		uid = p->cred.uid;
	}
	spin_unlock_irq(&p->sighand->siglock);
	if (!exit_code)
		return 0;
	pid = task_pid_nr(p);
	read_unlock(&tasklist_lock);
	if (wo->wo_info) {
		wo->wo_info->cause = CLD_STOPPED;
		wo->wo_info->status = exit_code;
		wo->wo_info->pid = pid;
		wo->wo_info->uid = uid;
	}
	wo->wo_stat = (exit_code << 8) | 0x7f;
	return pid;
}

/* A continued child (WCONTINUED): status 0xffff. */
static int wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
	uid_t uid;
	pid_t pid;

	if (!(wo->wo_flags & WCONTINUED))
		return 0;
	if (!(p->signal->flags & SIGNAL_STOP_CONTINUED))
		return 0;
	spin_lock_irq(&p->sighand->siglock);
	/* Re-check with the lock held. */
	if (!(p->signal->flags & SIGNAL_STOP_CONTINUED)) {
		spin_unlock_irq(&p->sighand->siglock);
		return 0;
	}
	if (!(wo->wo_flags & WNOWAIT))
		p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
	uid = p->cred.uid;
	spin_unlock_irq(&p->sighand->siglock);
	pid = task_pid_nr(p);
	read_unlock(&tasklist_lock);
	if (wo->wo_info) {
		wo->wo_info->cause = CLD_CONTINUED;
		wo->wo_info->status = SIGCONT;
		wo->wo_info->pid = pid;
		wo->wo_info->uid = uid;
	}
	wo->wo_stat = 0xffff;
	return pid;
}

/*
 * Consider @p for a wait by @parent.
 *
 * -ECHILD should be in ->notask_error before the first call.
 * Returns nonzero for a final return, when we have unlocked tasklist_lock.
 * Returns zero if the search for a child should continue;
 * then ->notask_error is 0 if @p is an eligible child.
 */
static int wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
	int exit_state = READ_ONCE(p->exit_state);

	if (unlikely(exit_state == EXIT_DEAD))
		return 0;
	if (!eligible_child(wo, p))
		return 0;
	/* We don't reap group leaders with subthreads. */
	if (exit_state == EXIT_ZOMBIE && thread_group_empty(p))
		return wait_task_zombie(wo, p);
	/* Allow access to stopped/continued state via zombie by falling
	 * through to WUNTRACED/WCONTINUED. */
	wo->notask_error = 0;
	if (exit_state == EXIT_ZOMBIE)
		return 0;
	{
		int ret = wait_task_stopped(wo, p);
		if (ret)
			return ret;
	}
	return wait_task_continued(wo, p);
}

static int do_wait_thread(struct wait_opts *wo, struct task_struct *tsk)
{
	struct task_struct *p;

	list_for_each_entry(p, &tsk->children, sibling) {
		int ret = wait_consider_task(wo, p);
		if (ret)
			return ret;
	}
	return 0;
}

/* Is @target a child of ours, or of a thread of ours unless __WNOTHREAD? */
static bool is_effectively_child(struct wait_opts *wo, struct task_struct *target)
{
	struct task_struct *parent = target->real_parent;

	return current == parent ||
	       (!(wo->wo_flags & __WNOTHREAD) && current->signal == parent->signal);
}

/*
 * Waiting for one pid: look it up rather than walk every child, so that
 * the cost does not grow with the number of children (Linux 5.15's
 * do_wait_pid; 4.19 walks the children). The pid must name a thread group
 * (Linux's PIDTYPE_TGID lookup). CONTEXT: tasklist_lock held.
 */
static int do_wait_pid(struct wait_opts *wo)
{
	struct task_struct *target = find_task_by_vpid(wo->wo_pid);

	if (target && target->group_leader == target && is_effectively_child(wo, target))
		return wait_consider_task(wo, target);
	return 0;
}

/* A child of ours changed state: wake the waiter if the child is one it
 * waits for (Linux's child_wait_callback). */
static int child_wait_callback(struct wait_queue_entry *wait, unsigned mode, int sync, void *key)
{
	struct wait_opts *wo = container_of(wait, struct wait_opts, child_wait);
	struct task_struct *p = key;

	if (!eligible_pid(wo, p))
		return 0;
	return default_wake_function(wait, mode, sync, key);
}

/* Out of line as in Linux's build: a waiting parent's /proc/<pid>/wchan. */
static noinline __noclone long do_wait(struct wait_opts *wo)
{
	struct task_struct *tsk;
	int retval;

	trace_sched_process_wait(wo->wo_type == P_ALL ? 0 : wo->wo_pid);

	wo->child_wait.flags = 0;
	wo->child_wait.func = child_wait_callback;
	wo->child_wait.private = current;
	INIT_LIST_HEAD(&wo->child_wait.entry);
	add_wait_queue(&current->signal->wait_chldexit, &wo->child_wait);
repeat:
	/* If there is nothing that can match our criteria, just get out. We
	 * will clear ->notask_error to zero if we see any child that might
	 * later match our criteria, even if we are not able to reap it yet. */
	wo->notask_error = -ECHILD;
	set_current_state(TASK_INTERRUPTIBLE);
	read_lock(&tasklist_lock);
	if (wo->wo_type == P_PID) {
		retval = do_wait_pid(wo);
		if (retval)
			goto end;
	} else {
		for_each_thread(current, tsk) {
			retval = do_wait_thread(wo, tsk);
			if (retval)
				goto end;
			if (wo->wo_flags & __WNOTHREAD)
				break;
		}
	}
	read_unlock(&tasklist_lock);

	retval = wo->notask_error;
	if (!retval && !(wo->wo_flags & WNOHANG)) {
		retval = -ERESTARTSYS;
		if (!signal_pending(current)) {
			schedule();
			goto repeat;
		}
	}
end:
	__set_current_state(TASK_RUNNING);
	remove_wait_queue(&current->signal->wait_chldexit, &wo->child_wait);
	return retval;
}

static long kernel_waitid(int which, pid_t upid, struct waitid_info *infop, int options,
			  struct rusage __user *ru)
{
	struct wait_opts wo;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
	case P_PGID:
		if (upid <= 0)
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	wo.wo_type = which;
	wo.wo_pid = upid;
	wo.wo_flags = options;
	wo.wo_info = infop;
	wo.wo_stat = 0;
	wo.wo_rusage = ru;
	return do_wait(&wo);
}

long sys_waitid(int which, pid_t upid, siginfo_t __user *infop, int options,
		struct rusage __user *ru)
{
	struct waitid_info info = { .status = 0 };
	long err = kernel_waitid(which, upid, &info, options, ru);
	siginfo_t si;
	int signo = 0;

	if (err > 0) {
		signo = SIGCHLD;
		err = 0;
	}
	if (!err && infop) {
		memset(&si, 0, sizeof(si));
		si.si_signo = signo;
		si.si_code = info.cause;
		si.si_pid = info.pid;
		si.si_uid = info.uid;
		si.si_status = info.status;
		if (copy_to_user(infop, &si, sizeof(si)))
			return -EFAULT;
	}
	return err;
}

long kernel_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct wait_opts wo;
	int type;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	/* -INT_MIN is not defined */
	if (upid == -2147483647 - 1)
		return -ESRCH;
	if (upid == -1) {
		type = P_ALL;
	} else if (upid < 0) {
		type = P_PGID;
		upid = -upid;
	} else if (upid == 0) {
		type = P_PGID;
		upid = task_pgrp_nr(current);
	} else {
		type = P_PID;
	}

	wo.wo_type = type;
	wo.wo_pid = upid;
	wo.wo_flags = options | WEXITED;
	wo.wo_info = NULL;
	wo.wo_stat = 0;
	wo.wo_rusage = ru;
	ret = do_wait(&wo);
	if (ret > 0 && stat_addr && put_user(wo.wo_stat, stat_addr))
		ret = -EFAULT;
	return ret;
}

long sys_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}
