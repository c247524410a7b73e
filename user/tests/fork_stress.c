/* fork_stress: 200 rounds of fork, child exit(i & 0xff), wait4; every
 * status must come back intact and no child may be left over. */
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define ROUNDS 200

int main(void)
{
	int i, st, bad = 0, failed_forks = 0;
	pid_t pid;

	for (i = 0; i < ROUNDS; i++) {
		pid = fork();
		if (pid == 0)
			_exit(i & 0xff);
		if (pid < 0) {
			failed_forks++;
			continue;
		}
		if (waitpid(pid, &st, 0) != pid || st != (i & 0xff) << 8)
			bad++;
	}
	CHECK_EQ(failed_forks, 0, "200 forks succeed");
	CHECK_EQ(bad, 0, "200 exit statuses come back intact");
	CHECK_ERR(wait(&st), ECHILD, "no child left behind");
	return check_done("fork_stress");
}
