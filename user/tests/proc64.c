/* proc64: 64 processes alive at once (each blocks on a pipe until all
 * exist), distinct pids, then each exits with its index and is reaped. */
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define NPROC 64

int main(void)
{
	pid_t pids[NPROC];
	int fds[2], i, j, st, started = 0, distinct = 1, statuses_ok = 1;
	char c;

	pipe(fds);
	for (i = 0; i < NPROC; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(fds[1]);
			read(fds[0], &c, 1);	/* EOF when the parent closes */
			_exit(i);
		}
		started += pids[i] > 0;
	}
	CHECK_EQ(started, NPROC, "64 children started");
	for (i = 0; i < NPROC; i++)
		for (j = i + 1; j < NPROC; j++)
			distinct &= pids[i] != pids[j];
	CHECK(distinct, "64 distinct pids");
	CHECK_EQ(waitpid(-1, &st, WNOHANG), 0, "all 64 are alive at once");
	close(fds[1]);
	for (i = 0; i < NPROC; i++)
		statuses_ok &= pids[i] > 0 && waitpid(pids[i], &st, 0) == pids[i] &&
			       WIFEXITED(st) && WEXITSTATUS(st) == i;
	CHECK(statuses_ok, "each exits with its index and is reaped");
	CHECK_ERR(wait(&st), ECHILD, "none left");
	close(fds[0]);
	return check_done("proc64");
}
