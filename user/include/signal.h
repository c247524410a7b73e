/* Signals with Linux's numbers and ABI (replaces newlib's <signal.h>):
 * sigaction() and friends call the rt_sig* system calls directly; the
 * restorer that returns from a handler is sigreturn for plain handlers and
 * rt_sigreturn for SA_SIGINFO ones, as ARM Linux's frames require. */
#ifndef _USER_SIGNAL_H
#define _USER_SIGNAL_H

#include <sys/types.h>
#include <sys/_sigset.h>
#include <linux/signal.h>

#ifndef _SIGSET_T_DECLARED
#define _SIGSET_T_DECLARED
typedef __sigset_t sigset_t;
#endif

/* Like glibc, leave 32 and 33 to the C library: SIGRTMIN is 34, so the
 * same program sends the same numbers under both C libraries. */
#undef SIGRTMIN
#define SIGRTMIN	34
#define NSIG		(_NSIG + 1)

typedef int sig_atomic_t;
typedef __sighandler_t sighandler_t;

struct sigaction {
	union {
		__sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
};
#define sa_handler	__sa_handler.sa_handler
#define sa_sigaction	__sa_handler.sa_sigaction

struct timespec;

sighandler_t signal(int sig, sighandler_t handler);
int raise(int sig);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int tkill(pid_t tid, int sig);
int tgkill(pid_t tgid, pid_t tid, int sig);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *set, int *sig);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigaltstack(const stack_t *ss, stack_t *old_ss);
void psignal(int sig, const char *msg);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

/* XSI (System V) signal calls */
#define SIG_HOLD	((__sighandler_t)2)
int sighold(int sig);
int sigrelse(int sig);
int sigignore(int sig);
int sigpause(int sig);
sighandler_t sigset(int sig, sighandler_t disp);

/* Signal names without "SIG" (POSIX.1-2024): "INT", "RTMIN+1"; numbers
 * are accepted by str2sig too. Both RETURN 0, or -1 for no such signal. */
#define SIG2STR_MAX	16
int sig2str(int sig, char *str);
int str2sig(const char *str, int *sig);

/* the restorers sigaction() installs (user/lib/sigreturn.S) */
void __sigreturn_restorer(void);
void __rt_sigreturn_restorer(void);

#endif
