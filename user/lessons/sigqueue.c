/* sigqueue: SIGUSR1 and SIGRTMIN (34) blocked, each sent three times with
 * kill(), then unblocked: a classic signal is pending at most once
 * (legacy_queue, res=2 in signal_generate), a real-time one queues each. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t usr1, rtmin;

static void handler(int sig, siginfo_t *info, void *ucontext)
{
	if (sig == SIGUSR1)
		usr1++;
	else
		rtmin++;
}

int main(void)
{
	struct sigaction sa;
	sigset_t block, pending;
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || sigaction(SIGRTMIN, &sa, NULL) < 0) {
		perror("sigaction");
		return 1;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &block, NULL);
	for (i = 0; i < 3; i++)
		kill(getpid(), SIGUSR1);
	for (i = 0; i < 3; i++)
		kill(getpid(), SIGRTMIN);
	sigpending(&pending);
	printf("pid=%d pending mask = 0x%08lx%08lx, handlers so far usr1=%d rtmin=%d\n",
	       getpid(), pending.sig[1], pending.sig[0], (int)usr1, (int)rtmin);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	printf("after unblock: SIGUSR1 handled %d time(s), SIGRTMIN handled %d time(s)\n",
	       (int)usr1, (int)rtmin);
	return usr1 == 1 && rtmin == 3 ? 0 : 1;
}
