/* signal_kill: the parent installs a SIGINT handler (SA_SIGINFO, so an
 * rt_sigframe and rt_sigreturn) and pause()s; its child kill()s it and
 * exits; pause() returns -EINTR after the handler ran. The child waits
 * until the parent sleeps before it sends: a signal that came before the
 * pause() would leave the parent pausing for ever. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
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

/* Wait (a few seconds at most) until pid sleeps: the state letter after
 * the command name in /proc/<pid>/stat is S. */
static void wait_until_sleeping(pid_t pid)
{
	char path[32], buf[128], *state;
	int i, fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	for (i = 0; i < 100000; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = '\0';
		state = strrchr(buf, ')');
		if (state && state[1] == ' ' && state[2] == 'S')
			return;
		sched_yield();
	}
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
		wait_until_sleeping(parent);
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
