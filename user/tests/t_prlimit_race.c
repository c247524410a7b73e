/* prlimit64 on a process that is exiting at that moment: the kernel must
 * answer with the limits or -ESRCH, never touch the task after it is
 * gone. Children exit at once and are reaped by the kernel (SIGCHLD
 * ignored), while the parent reads and writes their limits as fast as it
 * can; two seconds of it. */
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define RLIMIT_NOFILE 7

struct rlimit64 {
	unsigned long long rlim_cur, rlim_max;
};

int main(void)
{
	struct rlimit64 lim = { 512, 4096 }, old;
	long long start = ms_now();
	int rounds = 0, bad = 0;

	signal(SIGCHLD, SIG_IGN);
	while (ms_now() - start < 2000) {
		pid_t pid = fork();
		long r;

		if (pid == 0)
			_exit(0);
		do
			r = syscall(__NR_prlimit64, pid, RLIMIT_NOFILE, &lim, &old);
		while (r == 0 && ms_now() - start < 5000);
		if (errno != ESRCH)
			bad++;
		rounds++;
	}
	check_result(!bad && rounds > 0, "prlimit64 racing with the target's exit: the limits or ESRCH",
		     "%d of %d rounds ended with another error", bad, rounds);
	return check_done("t_prlimit_race");
}
