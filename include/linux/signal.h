/* Signal sets and the kernel's signal API (Linux's include/linux/signal.h
 * and include/linux/sched/signal.h). Signal numbers start at 1; bit
 * (sig - 1) of a sigset_t stands for sig. */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/cred.h>
#include <linux/sched/signal.h>
#include <linux/signal_types.h>

#define sigmask(sig) (1UL << ((sig)-1))

static inline void sigaddset(sigset_t *set, int _sig)
{
	unsigned long sig = _sig - 1;
	set->sig[sig / _NSIG_BPW] |= 1UL << (sig % _NSIG_BPW);
}

static inline void sigdelset(sigset_t *set, int _sig)
{
	unsigned long sig = _sig - 1;
	set->sig[sig / _NSIG_BPW] &= ~(1UL << (sig % _NSIG_BPW));
}

static inline int sigismember(const sigset_t *set, int _sig)
{
	unsigned long sig = _sig - 1;
	return 1 & (set->sig[sig / _NSIG_BPW] >> (sig % _NSIG_BPW));
}

static inline int sigisemptyset(const sigset_t *set)
{
	return (set->sig[0] | set->sig[1]) == 0;
}

static inline int sigequalsets(const sigset_t *set1, const sigset_t *set2)
{
	return set1->sig[0] == set2->sig[0] && set1->sig[1] == set2->sig[1];
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = 0;
}

static inline void sigfillset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = ~0UL;
}

static inline void siginitset(sigset_t *set, unsigned long mask)
{
	set->sig[0] = mask;
	set->sig[1] = 0;
}

static inline void sigorsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
	r->sig[1] = a->sig[1] | b->sig[1];
}

static inline void sigandnsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
	r->sig[1] = a->sig[1] & ~b->sig[1];
}

static inline void sigdelsetmask(sigset_t *set, unsigned long mask)
{
	set->sig[0] &= ~mask;
}

static inline int valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

/* The default actions (Linux's sig_kernel_* classes). */
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK                                                   \
	(sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | sigmask(SIGABRT) | \
	 sigmask(SIGFPE) | sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGSYS) |   \
	 sigmask(SIGXCPU) | sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK \
	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | sigmask(SIGURG))
#define siginmask(sig, mask) ((sig) < SIGRTMIN && (sigmask(sig) & (mask)))
#define sig_kernel_only(sig) siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig) siginmask(sig, SIG_KERNEL_IGNORE_MASK)
#define sig_kernel_stop(sig) siginmask(sig, SIG_KERNEL_STOP_MASK)
#define sig_fatal(t, signr)                                                   \
	(!siginmask(signr, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) && \
	 (t)->sighand->action[(signr)-1].sa.sa_handler == SIG_DFL)

/* Special values for a siginfo pointer (Linux 4.19). */
#define SEND_SIG_NOINFO ((struct siginfo *)0) /* from user space: SI_USER, sender's pid */
#define SEND_SIG_PRIV ((struct siginfo *)1) /* from the kernel: SI_KERNEL */
#define SEND_SIG_FORCED ((struct siginfo *)2) /* kernel, not even queued */
#define is_si_special(info) ((info) <= SEND_SIG_FORCED)

/* What get_signal() hands the architecture to set up a handler. */
struct ksignal {
	struct k_sigaction ka;
	siginfo_t info;
	int sig;
};

/* task->jobctl bits (Linux's include/linux/sched/jobctl.h, the subset for
 * group stop: no ptrace traps). */
#define JOBCTL_STOP_SIGMASK 0xffff /* signr of the last group stop */
#define JOBCTL_STOP_DEQUEUED (1UL << 16) /* stop signal dequeued */
#define JOBCTL_STOP_PENDING (1UL << 17) /* task should stop for group stop */
#define JOBCTL_STOP_CONSUME (1UL << 18) /* consume group stop count */
#define JOBCTL_PENDING_MASK JOBCTL_STOP_PENDING

static inline int __fatal_signal_pending(struct task_struct *p)
{
	return sigismember(&p->pending.signal, SIGKILL);
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && __fatal_signal_pending(p);
}

/* Would a signal end a sleep in @state? A task that set a sleeping state
 * but has a signal it must see does not sleep (schedule()). */
static inline int signal_pending_state(long state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return 0;
	if (!signal_pending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) || __fatal_signal_pending(p);
}

/* kernel/signal.c */
void recalc_sigpending(void);
void signal_wake_up_state(struct task_struct *t, unsigned int state);
static inline void signal_wake_up(struct task_struct *t, bool resume)
{
	signal_wake_up_state(t, resume ? TASK_WAKEKILL : 0);
}
int do_send_sig_info(int sig, struct siginfo *info, struct task_struct *p, bool group);
int group_send_sig_info(int sig, struct siginfo *info, struct task_struct *p);
int __group_send_sig_info(int sig, struct siginfo *info, struct task_struct *p);
int kill_pid_info(int sig, struct siginfo *info, struct pid *pid);
int kill_pgrp(pid_t pgrp, int sig, int priv);
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, struct siginfo *info, struct task_struct *p);
int force_sig_info(int sig, struct siginfo *info, struct task_struct *t);
void force_sig(int sig, struct task_struct *p);
/* restart_block.fn when there is nothing to restart: -EINTR. Every task
 * starts with it (init_task's, inherited at fork); sigreturn resets it. */
long do_no_restart_syscall(struct restart_block *param);
/* A frame could not be set up for sig: SIGSEGV, and if sig was SIGSEGV
 * its handler is reset first so that the task dies instead of looping. */
void force_sigsegv(int sig, struct task_struct *p);
int force_sig_fault(int sig, int code, void __user *addr, struct task_struct *t);
bool do_notify_parent(struct task_struct *tsk, int sig);
/* Wake the parent's wait4 (kernel/exit.c). */
void __wake_up_parent(struct task_struct *p, struct task_struct *parent);
void do_notify_parent_cldstop(struct task_struct *tsk, bool for_ptracer, int why);
int dequeue_signal(struct task_struct *tsk, sigset_t *mask, siginfo_t *info);
bool get_signal(struct ksignal *ksig);
void signal_setup_done(int failed, struct ksignal *ksig, int stepping);
void flush_signals(struct task_struct *t);
void flush_sigqueue(struct sigpending *queue);
void flush_signal_handlers(struct task_struct *t, int force_default);
void exit_signals(struct task_struct *tsk);
void zap_other_threads(struct task_struct *p);
void __set_current_blocked(const sigset_t *newset);
void set_current_blocked(sigset_t *newset);
void ignore_signals(struct task_struct *t);
int sigprocmask(int how, sigset_t *set, sigset_t *oldset);
void __cleanup_sighand(struct sighand_struct *sighand);
int restore_altstack(const stack_t __user *uss);
int __save_altstack(stack_t __user *uss, unsigned long sp);
int copy_siginfo_to_user(siginfo_t __user *to, const siginfo_t *from);

/* The alternate signal stack, inline as in Linux's
 * include/linux/sched/signal.h. */
static inline int on_sig_stack(unsigned long sp)
{
	/* An SS_AUTODISARM stack is disarmed while a handler runs on it, so
	 * we cannot be on it unless user code set SS_AUTODISARM from there. */
	if (current->sas_ss_flags & SS_AUTODISARM)
		return 0;
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

static inline int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

static inline void sas_ss_reset(struct task_struct *p)
{
	p->sas_ss_sp = 0;
	p->sas_ss_size = 0;
	p->sas_ss_flags = SS_DISABLE;
}

/* The stack a handler runs on: the alternate one for SA_ONSTACK handlers,
 * unless we are already on it. */
static inline unsigned long sigsp(unsigned long sp, struct ksignal *ksig)
{
	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && !sas_ss_flags(sp))
		return current->sas_ss_sp + current->sas_ss_size;
	return sp;
}

static inline void set_restore_sigmask(void)
{
	set_thread_flag(TIF_RESTORE_SIGMASK);
}

static inline void restore_saved_sigmask(void)
{
	if (test_thread_flag(TIF_RESTORE_SIGMASK)) {
		clear_thread_flag(TIF_RESTORE_SIGMASK);
		__set_current_blocked(&current->saved_sigmask);
	}
}

static inline sigset_t *sigmask_to_save(void)
{
	if (test_thread_flag(TIF_RESTORE_SIGMASK))
		return &current->saved_sigmask;
	return &current->blocked;
}

/* user-space checks: may current signal p? (kernel/signal.c) */
int check_kill_permission(int sig, struct siginfo *info, struct task_struct *t);

#endif
