/* PASS/FAIL reporting and child helpers shared by the user/tests programs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int passed, failed;

int check_result(int ok, const char *name, const char *why, ...)
{
	va_list ap;
	char text[256];

	if (ok) {
		passed++;
		printf("PASS %s\n", name);
		return 1;
	}
	failed++;
	va_start(ap, why);
	vsnprintf(text, sizeof(text), why, ap);
	va_end(ap);
	printf("FAIL %s: %s\n", name, text);
	return 0;
}

int check_done(const char *prog)
{
	printf("%s: %d passed, %d failed\n", prog, passed, failed);
	return failed ? 1 : 0;
}

pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	return pid;
}

int reap(pid_t pid)
{
	int status;
	pid_t r = waitpid(pid, &status, 0);

	if (r != pid) {
		check_result(0, "reap", "waitpid(%d) = %d (errno %d)", pid, r, errno);
		return -1;
	}
	return status;
}
