/* signal_kill: the parent installs a SIGINT handler (SA_SIGINFO, so an
 * rt_sigframe and rt_sigreturn) and pause()s; its child kill()s it and
 * exits; pause() returns -EINTR after the handler ran. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_sigint(int sig, siginfo_t *info, void *ucontext)
{
	handled++;
	printf("handler: got signal %d\n", sig);
}

int main(void)
{
	struct sigaction sa;
	pid_t parent = getpid(), pid;
	int r, status;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_sigint;
	sa.sa_flags = SA_SIGINFO;
	r = sigaction(SIGINT, &sa, NULL);
	printf("parent: pid=%d rt_sigaction(SIGINT) -> %d\n", parent, r < 0 ? -errno : r);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		r = kill(parent, SIGINT);
		printf("child: kill(%d, SIGINT) -> %d, exiting\n", parent, r < 0 ? -errno : r);
		exit(0);
	}
	r = pause();
	printf("parent: pause() -> %d (-4 = -EINTR), handler ran %d time(s)\n",
	       r < 0 ? -errno : r, (int)handled);
	if (waitpid(pid, &status, 0) != pid) {
		perror("wait4");
		return 1;
	}
	printf("parent: wait4 -> %d status=0x%x\n", pid, status);
	return handled == 1 && r < 0 && errno == EINTR && status == 0 ? 0 : 1;
}
