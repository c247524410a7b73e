/* rt_sigprocmask, rt_sigpending, rt_sigsuspend: blocking holds a signal
 * pending, unblocking delivers it at once, SIGKILL/SIGSTOP never block,
 * sigsuspend swaps the mask while it waits, fork and exec keep the mask. */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static volatile int count;

static void handler(int sig)
{
	count++;
}

static int child_mask(void *unused)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, SIGUSR1) == 1 ? 0 : 1;
}

int main(void)
{
	sigset_t set, old, pending, empty;
	pid_t pid;

	signal(SIGUSR1, handler);
	sigemptyset(&empty);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0, "block SIGUSR1");
	CHECK_EQ(sigismember(&old, SIGUSR1), 0, "old mask returned");
	count = 0;
	kill(getpid(), SIGUSR1);
	CHECK_EQ(count, 0, "blocked: not delivered");
	CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1) == 1, "sigpending shows it");
	CHECK_EQ(reap(spawn(child_mask, NULL)), 0, "fork keeps the mask");
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0, "unblock");
	CHECK_EQ(count, 1, "delivered on unblock, before sigprocmask returned");
	CHECK(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1) == 0, "no longer pending");

	sigfillset(&set);
	sigprocmask(SIG_SETMASK, &set, NULL);
	sigprocmask(SIG_SETMASK, NULL, &old);
	CHECK(sigismember(&old, SIGKILL) == 0 && sigismember(&old, SIGSTOP) == 0,
	      "SIGKILL and SIGSTOP cannot be blocked");
	CHECK_EQ(sigismember(&old, SIGRTMAX), 1, "signal 64 can be blocked");
	sigprocmask(SIG_SETMASK, &empty, NULL);
	CHECK_ERR(sigprocmask(99, &set, NULL), EINVAL, "bad how -> EINVAL");
	CHECK_ERR(syscall(__NR_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4), EINVAL, "sigsetsize 4 -> EINVAL");

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	count = 0;
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK_ERR(sigsuspend(&empty), EINTR, "sigsuspend returns EINTR after a handler");
	CHECK_EQ(count, 1, "the handler ran inside sigsuspend");
	sigprocmask(SIG_BLOCK, NULL, &old);
	CHECK_EQ(sigismember(&old, SIGUSR1), 1, "sigsuspend restored the blocked mask");
	reap(pid);
	sigprocmask(SIG_SETMASK, &empty, NULL);
	return check_done("t_sigmask");
}
