/* wait4 and waitid: the status encoding for exits and kills, WNOHANG,
 * ECHILD, a specific pid, waitid's siginfo, WNOWAIT, stop and continue. */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int exit5(void *unused)
{
	return 5;
}

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

int main(void)
{
	struct timespec tick = { .tv_nsec = 20 * 1000 * 1000 };
	struct rusage ru;
	siginfo_t info;
	pid_t pid, a, b;
	int st;

	CHECK_ERR(wait(&st), ECHILD, "wait without children");
	CHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD, "WNOHANG without children");

	pid = spawn(exit5, NULL);
	CHECK_EQ(wait4(pid, &st, 0, &ru), pid, "wait4 with rusage");
	CHECK_EQ(st, 0x500, "exit(5) encodes as 0x500");

	pid = spawn(sleeper, NULL);
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "WNOHANG on a running child returns 0");
	kill(pid, SIGTERM);
	CHECK_EQ(waitpid(pid, &st, 0), pid, "waitpid(pid)");
	CHECK_EQ(st, SIGTERM, "killed by SIGTERM encodes as 0xf");
	CHECK(WIFSIGNALED(st) && !WIFEXITED(st), "WIFSIGNALED");

	a = spawn(exit5, NULL);
	b = spawn(sleeper, NULL);
	CHECK_EQ(waitpid(a, &st, 0), a, "waitpid picks the named child");
	kill(b, SIGKILL);
	CHECK_EQ(waitpid(-1, &st, 0), b, "waitpid(-1) gets the other");
	CHECK_EQ(st, SIGKILL, "SIGKILL encodes as 0x9");
	CHECK_ERR(waitpid(a, &st, 0), ECHILD, "a reaped child is gone");

	pid = spawn(exit5, NULL);
	memset(&info, 0, sizeof(info));
	CHECK_EQ(waitid(P_PID, pid, &info, WEXITED | WNOWAIT), 0, "waitid WNOWAIT");
	CHECK(info.si_signo == SIGCHLD && info.si_code == CLD_EXITED &&
	      info.si_pid == pid && info.si_status == 5, "waitid siginfo: SIGCHLD CLD_EXITED pid status");
	CHECK_EQ(waitpid(pid, &st, 0), pid, "WNOWAIT left the zombie");

	pid = spawn(sleeper, NULL);
	nanosleep(&tick, NULL);
	kill(pid, SIGSTOP);
	CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid, "WUNTRACED reports the stop");
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "stopped status 0x137f");
	kill(pid, SIGCONT);
	CHECK_EQ(waitpid(pid, &st, WCONTINUED), pid, "WCONTINUED reports the continue");
	CHECK(WIFCONTINUED(st), "continued status 0xffff");
	kill(pid, SIGKILL);
	reap(pid);
	CHECK_ERR(waitid(P_ALL, 0, &info, 0), EINVAL, "waitid without WEXITED etc.");
	return check_done("t_wait");
}
