/* execve: argv and envp arrive intact, the pid stays, O_CLOEXEC
 * descriptors close, handled signals reset to default while ignored ones
 * stay ignored and the mask is kept; the error cases. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define SELF "/bin/t_exec"

static void handler(int sig)
{
}

/* the re-executed image: argv[1] == "--child", checks what it inherited */
static int child_main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t mask;
	int ok = 1;

	ok &= argc == 5 && !strcmp(argv[2], "two words") && !strcmp(argv[3], "") &&
	      atoi(argv[4]) == getpid();
	ok &= getenv("T_EXEC") && !strcmp(getenv("T_EXEC"), "yes") && !getenv("PATH");
	ok &= fcntl(10, F_GETFD) < 0 && errno == EBADF;	/* O_CLOEXEC closed it */
	ok &= fcntl(11, F_GETFD) == 0;			/* kept open */
	sigaction(SIGUSR1, NULL, &sa);
	ok &= sa.sa_handler == SIG_DFL;			/* handler reset */
	sigaction(SIGUSR2, NULL, &sa);
	ok &= sa.sa_handler == SIG_IGN;			/* ignored stays */
	sigprocmask(SIG_BLOCK, NULL, &mask);
	ok &= sigismember(&mask, SIGHUP) == 1;		/* mask kept */
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	char pidbuf[16], *envp[] = { "T_EXEC=yes", NULL };
	sigset_t mask;
	pid_t pid;
	int fd;

	if (argc > 1 && !strcmp(argv[1], "--child"))
		return child_main(argc, argv);

	pid = fork();
	if (pid == 0) {
		char *args[] = { SELF, "--child", "two words", "", pidbuf, NULL };

		snprintf(pidbuf, sizeof(pidbuf), "%d", getpid());
		fd = open("/bin/t_exec", O_RDONLY | O_CLOEXEC);
		dup2(fd, 10);
		fcntl(10, F_SETFD, FD_CLOEXEC);
		dup2(fd, 11);
		signal(SIGUSR1, handler);
		signal(SIGUSR2, SIG_IGN);
		sigemptyset(&mask);
		sigaddset(&mask, SIGHUP);
		sigprocmask(SIG_BLOCK, &mask, NULL);
		execve(SELF, args, envp);
		_exit(99);
	}
	CHECK_EQ(reap(pid), 0, "exec keeps pid, passes argv/envp, closes O_CLOEXEC, resets handlers");

	pid = fork();
	if (pid == 0) {
		char *args[] = { "true", NULL };

		execve("/bin/true", args, envp);
		_exit(99);
	}
	CHECK_EQ(reap(pid), 0, "execve /bin/true exits 0");
	{
		char *args[] = { "x", NULL };

		CHECK_ERR(execve("/no/such/file", args, envp), ENOENT, "execve missing file");
		CHECK_ERR(execve("/bin", args, envp), EACCES, "execve a directory");
		CHECK_ERR(execve("/bin/true/x", args, envp), ENOTDIR, "execve through a file");
	}
	return check_done("t_exec");
}
