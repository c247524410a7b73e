/* rt_sigaction: handlers run and get the right arguments, the old action
 * comes back, SIG_IGN, the handled signal is blocked inside its handler,
 * sa_mask, SA_NODEFER, SA_RESETHAND, siginfo for kill and tgkill, the
 * ucontext, and the signals that cannot be caught. */
#include <signal.h>
#include <string.h>
#include <sys/ucontext.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static volatile int count, depth, max_depth, invocations, blocked_inside, usr2_blocked_inside;
static siginfo_t last_info;
static unsigned long last_pc, last_sp;

static void plain(int sig)
{
	sigset_t now;

	count++;
	sigprocmask(SIG_BLOCK, NULL, &now);
	blocked_inside = sigismember(&now, sig);
	usr2_blocked_inside = sigismember(&now, SIGUSR2);
}

static void with_info(int sig, siginfo_t *info, void *uc)
{
	ucontext_t *ctx = uc;

	count++;
	last_info = *info;
	last_pc = ctx->uc_mcontext.arm_pc;
	last_sp = ctx->uc_mcontext.arm_sp;
}

static void reentrant(int sig)
{
	depth++;
	invocations++;
	if (depth > max_depth)
		max_depth = depth;
	if (invocations == 1)
		raise(sig);	/* with SA_NODEFER this nests */
	depth--;
}

static int resethand_child(void *unused)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = plain;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);		/* handled, and the action resets */
	raise(SIGUSR1);		/* default action: terminate */
	return 0;
}

static int install(int sig, void (*h)(int), int flags, int mask_sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	sa.sa_flags = flags;
	if (mask_sig)
		sigaddset(&sa.sa_mask, mask_sig);
	return sigaction(sig, &sa, NULL);
}

int main(void)
{
	struct sigaction sa, old;
	int st;

	CHECK_EQ(install(SIGUSR1, plain, 0, SIGUSR2), 0, "sigaction(SIGUSR1)");
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == plain, "old action returns the handler");
	CHECK(old.sa_flags & SA_RESTORER, "the library set SA_RESTORER");
	CHECK_EQ(sigismember(&old.sa_mask, SIGUSR2), 1, "old action's sa_mask");
	count = 0;
	CHECK_EQ(kill(getpid(), SIGUSR1), 0, "kill(self, SIGUSR1)");
	CHECK_EQ(count, 1, "handler ran once, before kill returned");
	CHECK_EQ(blocked_inside, 1, "the signal is blocked inside its handler");
	CHECK_EQ(usr2_blocked_inside, 1, "sa_mask is blocked inside the handler");
	sigprocmask(SIG_BLOCK, NULL, &sa.sa_mask);
	CHECK_EQ(sigismember(&sa.sa_mask, SIGUSR1), 0, "mask restored after the handler");

	CHECK_EQ(install(SIGUSR1, SIG_IGN, 0, 0), 0, "SIG_IGN");
	count = 0;
	kill(getpid(), SIGUSR1);
	CHECK_EQ(count, 0, "an ignored signal does nothing");

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = with_info;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	count = 0;
	kill(getpid(), SIGUSR2);
	CHECK(count == 1 && last_info.si_signo == SIGUSR2 && last_info.si_code == SI_USER &&
	      last_info.si_pid == getpid() && last_info.si_uid == 0,
	      "SA_SIGINFO from kill: signo, SI_USER, pid, uid");
	CHECK(last_pc != 0 && last_sp != 0, "ucontext holds the interrupted pc and sp");
	tgkill(getpid(), gettid(), SIGUSR2);
	CHECK(last_info.si_code == SI_TKILL && last_info.si_pid == getpid(), "tgkill: SI_TKILL");
	raise(SIGUSR2);
	CHECK_EQ(count, 3, "raise() delivers");

	CHECK_EQ(install(SIGUSR1, reentrant, SA_NODEFER, 0), 0, "SA_NODEFER");
	depth = max_depth = invocations = 0;
	raise(SIGUSR1);
	CHECK_EQ(max_depth, 2, "SA_NODEFER lets the handler nest");
	CHECK_EQ(install(SIGUSR1, reentrant, 0, 0), 0, "without SA_NODEFER");
	depth = max_depth = invocations = 0;
	raise(SIGUSR1);
	CHECK_EQ(max_depth, 1, "the second signal waits until the handler returns");

	st = reap(spawn(resethand_child, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1, "SA_RESETHAND: the second signal kills");

	CHECK_ERR(install(SIGKILL, plain, 0, 0), EINVAL, "SIGKILL cannot be caught");
	CHECK_ERR(install(SIGSTOP, SIG_IGN, 0, 0), EINVAL, "SIGSTOP cannot be ignored");
	CHECK_ERR(install(0, plain, 0, 0), EINVAL, "signal 0 -> EINVAL");
	CHECK_ERR(install(65, plain, 0, 0), EINVAL, "signal 65 -> EINVAL");
	CHECK(sigaction(SIGKILL, NULL, &old) == 0 && old.sa_handler == SIG_DFL, "SIGKILL can be queried");
	CHECK(signal(SIGUSR1, SIG_DFL) == reentrant, "signal() returns the previous handler");
	return check_done("t_sigaction");
}
