/* Signals over the rt_sig* system calls (glibc's sysdeps/unix/sysv/linux
 * sigaction.c and friends): the kernel's sigaction layout, the restorer
 * for ARM's two frame kinds, and the 64-bit signal sets. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kernel_time.h"
#include "syscall.h"

/* what rt_sigaction reads and writes (include/linux/signal_types.h with
 * __ARCH_HAS_SA_RESTORER): handler, flags, restorer, then the mask */
struct kernel_sigaction {
	__sighandler_t handler;
	unsigned long flags;
	__sigrestore_t restorer;
	sigset_t mask;
};

/* sigaction - install act for sig, return the old one in oact.
 * Without a caller's own SA_RESTORER, the handler returns through
 * sigreturn (plain frame) or rt_sigreturn (SA_SIGINFO frame). */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct kernel_sigaction kact, koact;
	long r;

	if (act) {
		kact.handler = act->sa_handler;
		kact.flags = act->sa_flags | SA_RESTORER;
		kact.mask = act->sa_mask;
		if (act->sa_flags & SA_RESTORER)
			kact.restorer = act->sa_restorer;
		else if (act->sa_flags & SA_SIGINFO)
			kact.restorer = __rt_sigreturn_restorer;
		else
			kact.restorer = __sigreturn_restorer;
	}
	r = SYSCALL(__NR_rt_sigaction, sig, act ? &kact : NULL,
		    oact ? &koact : NULL, sizeof(sigset_t));
	if (r == 0 && oact) {
		oact->sa_handler = koact.handler;
		oact->sa_flags = koact.flags;
		oact->sa_restorer = koact.restorer;
		oact->sa_mask = koact.mask;
	}
	return r;
}

/* signal - BSD semantics as glibc: handler stays installed, and system
 * calls it interrupts are restarted. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act, oact = { 0 };

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	if (sigaction(sig, &act, &oact) < 0)
		return SIG_ERR;
	return oact.sa_handler;
}

int kill(pid_t pid, int sig)
{
	return SYSCALL(__NR_kill, pid, sig);
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp < 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

int tkill(pid_t tid, int sig)
{
	return SYSCALL(__NR_tkill, tid, sig);
}

int tgkill(pid_t tgid, pid_t tid, int sig)
{
	return SYSCALL(__NR_tgkill, tgid, tid, sig);
}

int raise(int sig)
{
	return tgkill(getpid(), gettid(), sig);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return SYSCALL(__NR_rt_sigprocmask, how, set, oset, sizeof(sigset_t));
}

int sigpending(sigset_t *set)
{
	return SYSCALL(__NR_rt_sigpending, set, sizeof(sigset_t));
}

int sigsuspend(const sigset_t *mask)
{
	return SYSCALL(__NR_rt_sigsuspend, mask, sizeof(sigset_t));
}

int pause(void)
{
	return SYSCALL(__NR_pause);
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
	struct old_timespec32 kts;

	if (timeout)
		timespec_to_old(&kts, timeout);
	return SYSCALL(__NR_rt_sigtimedwait, set, info, timeout ? &kts : NULL,
		       sizeof(sigset_t));
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, NULL);
}

/* sigwait returns the error number instead of setting errno (POSIX) */
int sigwait(const sigset_t *set, int *sig)
{
	int r;

	do
		r = sigtimedwait(set, NULL, NULL);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return errno;
	*sig = r;
	return 0;
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_QUEUE;
	info.si_pid = getpid();
	info.si_uid = getuid();
	info.si_value = value;
	return SYSCALL(__NR_rt_sigqueueinfo, pid, sig, &info);
}

int sigaltstack(const stack_t *ss, stack_t *old_ss)
{
	return SYSCALL(__NR_sigaltstack, ss, old_ss);
}

static int bad_signal(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

int sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return (set->sig[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}

/* The System V / XSI signal calls (glibc's sighold.c, sigrelse.c,
 * sigignore.c, sigset.c, sigpause.c), over sigprocmask and sigaction. */
int sighold(int sig)
{
	sigset_t set;

	if (sigemptyset(&set) < 0 || sigaddset(&set, sig) < 0)
		return -1;
	return sigprocmask(SIG_BLOCK, &set, NULL);
}

int sigrelse(int sig)
{
	sigset_t set;

	if (sigemptyset(&set) < 0 || sigaddset(&set, sig) < 0)
		return -1;
	return sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int sigignore(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	return sigaction(sig, &sa, NULL);
}

/* sigpause (XSI): unblock sig and wait for a signal, the mask restored after. */
int sigpause(int sig)
{
	sigset_t set;

	if (sigprocmask(SIG_BLOCK, NULL, &set) < 0 || sigdelset(&set, sig) < 0)
		return -1;
	return sigsuspend(&set);
}

/* sigset: install disp for sig; SIG_HOLD blocks sig instead. RETURNS: the
 * old disposition, SIG_HOLD if sig was blocked, or SIG_ERR. */
sighandler_t sigset(int sig, sighandler_t disp)
{
	struct sigaction sa, old;
	sigset_t set, oldset;

	if (sigemptyset(&set) < 0 || sigaddset(&set, sig) < 0)
		return SIG_ERR;
	if (disp == SIG_HOLD) {
		if (sigaction(sig, NULL, &old) < 0 || sigprocmask(SIG_BLOCK, &set, &oldset) < 0)
			return SIG_ERR;
		return sigismember(&oldset, sig) ? SIG_HOLD : old.sa_handler;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = disp;
	if (sigaction(sig, &sa, &old) < 0 || sigprocmask(SIG_UNBLOCK, &set, &oldset) < 0)
		return SIG_ERR;
	return sigismember(&oldset, sig) ? SIG_HOLD : old.sa_handler;
}
