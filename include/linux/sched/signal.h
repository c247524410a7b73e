/* Per-process signal state shared by the threads of a group (Linux's
 * include/linux/sched/signal.h): the handler table (sighand_struct, shared
 * with CLONE_SIGHAND) and the thread group's signal_struct (shared with
 * CLONE_THREAD), which holds the group-wide pending set and exit state. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/signal_types.h>
#include <linux/timer.h>
#include <linux/wait.h>

struct sighand_struct {
	int count;
	struct k_sigaction action[_NSIG];
	spinlock_t siglock; /* guards pending queues, blocked masks, the action table */
};
extern struct kmem_cache *sighand_cachep; /* kernel/fork.c */

/* Resource limits (Linux's struct rlimit, include/uapi/linux/resource.h). */
struct rlimit {
	unsigned long rlim_cur, rlim_max;
};
#define RLIMIT_CPU 0
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0UL)

struct tty_struct;

/* One CPU-time itimer: 0 expires means disarmed (Linux's struct cpu_itimer). */
struct cpu_itimer {
	u64 expires;
	u64 incr;
};
#define CPUCLOCK_PROF 0
#define CPUCLOCK_VIRT 1

struct signal_struct {
	int sigcnt; /* references */
	int live; /* threads not yet exiting */
	int nr_threads;
	struct list_head thread_head; /* the threads, through task->thread_node */
	wait_queue_head_t wait_chldexit; /* wait4() sleeps here */
	struct task_struct *curr_target; /* where complete_signal starts looking */
	struct sigpending shared_pending; /* signals for the whole group */

	int group_exit_code;
	/* While SIGNAL_GROUP_EXIT: exec or exit_group waits for the other
	 * threads; the last one to go wakes group_exit_task. */
	int notify_count;
	struct task_struct *group_exit_task;
	int group_stop_count;
	unsigned int flags; /* SIGNAL_* */

	pid_t pgrp, session; /* process group and session of the group */
	struct tty_struct *tty; /* controlling terminal */

	/* PIDTYPE_TGID: the thread group's pid, which ITIMER_REAL signals. It
	 * outlives the leader task when another thread execs (de_thread). */
	struct pid *pids[PIDTYPE_MAX];

	/* ITIMER_REAL / alarm(): SIGALRM when real_timer expires, and again
	 * every it_real_incr ns if non-zero (re-armed when it is dequeued). */
	struct timer_list real_timer;
	u64 it_real_incr;

	/* ITIMER_PROF and ITIMER_VIRTUAL: absolute expiries in the group's
	 * CPU time, ns (kernel/time/posix-cpu-timers.c). Not inherited by a
	 * forked child (copy_signal starts from zero). */
	struct cpu_itimer it[2];

	u64 utime, stime, cutime, cstime; /* ns, ours and reaped children's */
	struct rlimit rlim[RLIM_NLIMITS];

	/* The OOM killer (kernel/mm/oom_kill.c): the mm it killed this group
	 * for, held with mmgrab(); and the group's oom_score_adj. */
	struct mm_struct *oom_mm;
	short oom_score_adj; /* OOM kill score adjustment */
};

#define SIGNAL_STOP_STOPPED 0x00000001 /* job control stop in effect */
#define SIGNAL_STOP_CONTINUED 0x00000002 /* SIGCONT since WCONTINUED reap */
#define SIGNAL_GROUP_EXIT 0x00000004 /* group exit in progress */
#define SIGNAL_CLD_STOPPED 0x00000010
#define SIGNAL_CLD_CONTINUED 0x00000020
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_UNKILLABLE 0x00000040 /* for init: ignore fatal signals */
#define SIGNAL_STOP_MASK (SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

static inline int signal_group_exit(const struct signal_struct *sig)
{
	return (sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exit_task;
}

#define for_each_thread(p, t) list_for_each_entry(t, &(p)->signal->thread_head, thread_node)

static inline struct task_struct *next_thread(const struct task_struct *p)
{
	struct list_head *n = p->thread_node.next;

	if (n == &p->signal->thread_head)
		n = n->next;
	return list_entry(n, struct task_struct, thread_node);
}

static inline int thread_group_empty(struct task_struct *p)
{
	return p->signal->nr_threads == 1;
}

static inline unsigned long task_rlimit(const struct task_struct *t, unsigned int limit)
{
	return READ_ONCE(t->signal->rlim[limit].rlim_cur);
}

/* Take tsk's siglock unless it has released its sighand (kernel/signal.c).
 * CONTEXT: tasklist_lock held, or tsk current or pinned by its caller in a
 * way that keeps the sighand from being freed. RETURNS: it, or NULL. */
struct sighand_struct *lock_task_sighand(struct task_struct *tsk, unsigned long *flags);
static inline void unlock_task_sighand(struct task_struct *tsk, unsigned long *flags)
{
	spin_unlock_irqrestore(&tsk->sighand->siglock, *flags);
}

/* ITIMER_REAL's expiry (kernel/time/itimer.c). CONTEXT: hardirq. */
void it_real_fn(struct timer_list *timer);
/* kernel/time/posix-cpu-timers.c and kernel/sched/cputime.c */
void run_posix_cpu_timers(struct task_struct *tsk);
void set_process_cpu_timer(struct task_struct *tsk, unsigned int clock_idx, u64 *newval,
			   u64 *oldval);
void thread_group_cputime(struct task_struct *tsk, u64 *ut, u64 *st);

static inline struct pid *task_tgid(struct task_struct *task)
{
	return task->signal->pids[PIDTYPE_TGID];
}

#define task_pgrp_nr(p) ((p)->signal->pgrp)
#define task_session_nr(p) ((p)->signal->session)

/* Send sig to every process of pgrp. CONTEXT: tasklist_lock held. */
struct siginfo;
int __kill_pgrp_info(int sig, struct siginfo *info, pid_t pgrp);
/* POSIX's orphaned process group test for current's (kernel/exit.c). */
bool is_current_pgrp_orphaned(void);

#endif
