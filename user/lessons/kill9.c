/* kill9: SIGKILL to a child sleeping in pause(); the parent sees
 * termsig=9. The child tells the parent through a pipe that it is about
 * to pause, so the signal finds it asleep. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	const struct timespec settle = { .tv_nsec = 100 * 1000 * 1000 };
	int fds[2], status, r;
	pid_t pid;
	char c;

	if (pipe(fds) < 0) {
		perror("pipe");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		printf("child: pid=%d pausing\n", getpid());
		write(fds[1], "p", 1);
		for (;;)
			pause();
	}
	if (read(fds[0], &c, 1) != 1) {
		perror("read");
		return 1;
	}
	nanosleep(&settle, NULL);
	r = kill(pid, SIGKILL);
	if (wait4(pid, &status, 0, NULL) != pid) {
		perror("wait4");
		return 1;
	}
	printf("parent: kill(%d, SIGKILL) -> %d; wait4 -> %d status=0x%x termsig=%d\n",
	       pid, r, pid, status, WTERMSIG(status));
	return WIFSIGNALED(status) && WTERMSIG(status) == 9 ? 0 : 1;
}
