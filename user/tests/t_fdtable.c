/* Descriptor tables across fork and exit, at the table's far end: a
 * child gets every open descriptor, high ones included, and its exit
 * closes them all (dup_fd and close_files look at open descriptors only). */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int p[2], q[2], status, lowest;
	char c;
	pid_t pid;

	CHECK_EQ(pipe(p), 0, "pipe");
	CHECK_EQ(dup2(p[1], 250), 250, "a write end at descriptor 250");
	CHECK_EQ(dup3(p[1], 255, O_CLOEXEC), 255, "and at 255, close-on-exec");
	close(p[1]);
	CHECK_EQ(pipe(q), 0, "a second pipe");
	lowest = dup(0);
	close(lowest);
	pid = fork();
	if (pid == 0) {
		int ok = fcntl(250, F_GETFD) == 0 && fcntl(255, F_GETFD) == FD_CLOEXEC &&
			 write(250, "x", 1) == 1 && dup(0) == lowest;

		write(q[1], ok ? "y" : "n", 1);
		_exit(0);
	}
	CHECK(read(q[0], &c, 1) == 1 && c == 'y', "the child has them, flags and all, and the same free numbers");
	waitpid(pid, &status, 0);
	close(250);
	close(255);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	CHECK_EQ(read(p[0], &c, 1), 1, "what the child wrote");
	CHECK_EQ(read(p[0], &c, 1), 0, "then end of file: the child's exit closed its copies");
	return check_done("t_fdtable");
}
