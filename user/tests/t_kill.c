/* kill, tkill, tgkill: signal 0 probes, missing targets, bad signals,
 * a zombie still accepts signals, SIGCHLD is ignored by default, default
 * actions (terminate, stop, continue) seen through wait statuses. */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

static int quick(void *unused)
{
	return 0;
}

int main(void)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };
	pid_t pid;
	int st;

	CHECK_EQ(kill(getpid(), 0), 0, "kill(self, 0) probes");
	CHECK_ERR(kill(999999, 0), ESRCH, "kill to a missing pid -> ESRCH");
	CHECK_ERR(kill(getpid(), 65), EINVAL, "signal 65 -> EINVAL");
	CHECK_ERR(kill(getpid(), -1), EINVAL, "signal -1 -> EINVAL");
	CHECK_ERR(tkill(999999, SIGUSR1), ESRCH, "tkill to a missing tid -> ESRCH");
	CHECK_ERR(tgkill(getpid() + 1000000, gettid(), SIGUSR1), ESRCH, "tgkill with the wrong tgid -> ESRCH");
	CHECK_ERR(tgkill(0, gettid(), SIGUSR1), EINVAL, "tgkill with tgid 0 -> EINVAL");

	pid = spawn(quick, NULL);
	nanosleep(&tick, NULL);	/* now a zombie: SIGCHLD's default is to ignore */
	CHECK_EQ(kill(pid, SIGTERM), 0, "a zombie still accepts kill");
	CHECK_EQ(reap(pid), 0, "and keeps its exit status");

	pid = spawn(sleeper, NULL);
	CHECK_EQ(kill(pid, SIGSTOP), 0, "SIGSTOP a child");
	CHECK(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st), "it stopped");
	CHECK_EQ(kill(pid, SIGTERM), 0, "SIGTERM waits while it is stopped");
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "still stopped, not dead");
	CHECK_EQ(kill(pid, SIGCONT), 0, "SIGCONT");
	st = reap(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "continued, then the pending SIGTERM killed it");

	pid = spawn(sleeper, NULL);
	CHECK_EQ(kill(pid, SIGKILL), 0, "SIGKILL");
	CHECK_EQ(reap(pid), SIGKILL, "status 0x9");
	pid = spawn(sleeper, NULL);
	CHECK_EQ(kill(pid, SIGUSR2), 0, "SIGUSR2");
	CHECK_EQ(reap(pid), SIGUSR2, "default action terminates: status 0xc");
	pid = spawn(sleeper, NULL);
	kill(pid, SIGQUIT);
	st = reap(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGQUIT, "SIGQUIT terminates (core action)");
	CHECK_EQ(kill(getpid(), SIGCHLD), 0, "SIGCHLD to self is ignored by default");
	CHECK_EQ(kill(getpid(), SIGWINCH), 0, "SIGWINCH to self is ignored by default");
	return check_done("t_kill");
}
