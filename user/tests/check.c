/* PASS/FAIL reporting and child helpers shared by the user/tests programs. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
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

static void (*child_fn)(void);

/* The child's exit status: how many of its own checks failed. */
static int child_checks(void *unused)
{
	int before = failed;

	child_fn();
	return failed - before;
}

int check_child(const char *name, void (*fn)(void))
{
	child_fn = fn;
	return CHECK_EQ(reap(spawn(child_checks, NULL)), 0, name);
}

long long ms_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int read_text(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n = 0, r = 0;

	if (fd < 0)
		return -1;
	/* a file such as tracefs's trace comes a page or a record per read */
	while (n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	if (r < 0 && n == 0)
		return -1;
	buf[n] = '\0';
	return n;
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
