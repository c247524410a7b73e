/* sched_yield, and two processes taking turns through pipes (each
 * blocking read is a context switch). */
#include <sched.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int ping[2], pong[2], i, ok = 1;
	char c = 0;
	pid_t pid;

	CHECK_EQ(sched_yield(), 0, "sched_yield alone");
	for (i = 0; i < 100; i++)
		ok &= sched_yield() == 0;
	CHECK(ok, "100 sched_yield calls");
	pipe(ping);
	pipe(pong);
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < 100; i++) {
			if (read(ping[0], &c, 1) != 1)
				_exit(1);
			c++;
			write(pong[1], &c, 1);
		}
		_exit(0);
	}
	for (i = 0; i < 100 && ok; i++) {
		char want = c + 1;

		write(ping[1], &c, 1);
		ok &= read(pong[0], &c, 1) == 1 && c == want;
	}
	CHECK(ok, "100 ping-pong round trips between two processes");
	CHECK_EQ(reap(pid), 0, "partner exits cleanly");
	return check_done("t_sched");
}
