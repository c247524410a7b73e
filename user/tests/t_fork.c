/* fork, vfork and clone: return values, parent/child ids, copy-on-write
 * memory, vfork's shared memory and suspended parent, clone with and
 * without CLONE_VM, inherited descriptors. */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static volatile int shared_value;

static int child_sets_value(void *arg)
{
	shared_value = (int)(long)arg;
	return 0;
}

int main(void)
{
	int fds[2], st;
	pid_t parent = getpid(), pid;
	char c = 0;
	char *stack;

	pid = fork();
	if (pid == 0)
		_exit(getppid() == parent && getpid() != parent ? 0 : 1);
	CHECK(pid > 0, "fork returns the child's pid");
	CHECK_EQ(reap(pid), 0, "child sees getppid() == parent and its own pid");

	shared_value = 1;
	pid = fork();
	if (pid == 0) {
		shared_value = 2;
		_exit(shared_value);
	}
	st = reap(pid);
	CHECK_EQ(WEXITSTATUS(st), 2, "child wrote its copy");
	CHECK_EQ(shared_value, 1, "parent's memory unchanged (copy-on-write)");

	shared_value = 1;
	pid = vfork();
	if (pid == 0) {
		shared_value = 3;	/* vfork: the parent's memory */
		_exit(0);
	}
	CHECK(pid > 0, "vfork returns the child's pid");
	CHECK_EQ(shared_value, 3, "vfork child ran first in shared memory");
	CHECK_EQ(reap(pid), 0, "vfork child exit status");

	CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
	}
	close(fds[1]);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'x', "child inherits descriptors");
	close(fds[0]);
	reap(pid);

	stack = malloc(64 * 1024);
	shared_value = 1;
	pid = clone(child_sets_value, stack + 64 * 1024, SIGCHLD, (void *)5);
	CHECK(pid > 0, "clone(SIGCHLD) creates a process");
	CHECK_EQ(reap(pid), 0, "clone child exits, parent reaps it");
	CHECK_EQ(shared_value, 1, "clone without CLONE_VM copies memory");
	pid = clone(child_sets_value, stack + 64 * 1024, CLONE_VM | SIGCHLD, (void *)6);
	CHECK(pid > 0, "clone(CLONE_VM | SIGCHLD)");
	reap(pid);
	CHECK_EQ(shared_value, 6, "clone with CLONE_VM shares memory");
	free(stack);
	CHECK_ERR(clone(child_sets_value, NULL, SIGCHLD, NULL), EINVAL, "clone without a stack");
	return check_done("t_fork");
}
