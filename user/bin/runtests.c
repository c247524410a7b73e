/* runtests NAME...: run each program (found through PATH) in turn and
 * frame its output with "=== NAME" and "=== NAME status N" lines, then print
 * "runtests: N passed, N failed" (a program passes when it exits 0).
 * What init runs for the automated boots: init -- /bin/runtests t_fork ... */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* run_one - RETURNS: the program's wait status, or -1 if fork failed */
static int run_one(char *name)
{
	char *argv[] = { name, NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(name, argv);
		printf("runtests: cannot run %s: %s\n", name, strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

int main(int argc, char **argv)
{
	int i, passed = 0, failed = 0;

	for (i = 1; i < argc; i++) {
		int status;

		printf("=== %s\n", argv[i]);
		status = run_one(argv[i]);
		if (status >= 0 && WIFEXITED(status))
			printf("=== %s status %d\n", argv[i], WEXITSTATUS(status));
		else if (status >= 0 && WIFSIGNALED(status))
			printf("=== %s killed by signal %d\n", argv[i], WTERMSIG(status));
		else
			printf("=== %s did not run\n", argv[i]);
		if (status == 0)
			passed++;
		else
			failed++;
	}
	printf("runtests: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
