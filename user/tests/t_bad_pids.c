/* Every system call that takes a pid gives Linux's answer to a negative
 * one, to INT_MIN and to 0 where 0 is no process: ESRCH where Linux looks
 * the number up and finds nothing (find_vpid), EINVAL where it refuses
 * the number first, ECHILD where wait4 finds no child in the group named.
 * rt_sigqueueinfo with a negative pid once indexed the pid hash out of
 * bounds and oopsed (found by the fuzzer). */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

/* Linux's values, which newlib's <sys/resource.h> lacks */
#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define RLIMIT_NOFILE 7

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

/* rt_sigqueueinfo(pid, 0, SI_QUEUE) for every pid from -1 down to -300
 * and INT_MIN. RETURNS: how many did not fail with ESRCH. */
static int sigqueue_negative_pids(void)
{
	siginfo_t si;
	int bad = 0, pid;

	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	for (pid = -1; pid >= -300; pid--)
		if (syscall(__NR_rt_sigqueueinfo, pid, 0, &si) != -1 || errno != ESRCH)
			bad++;
	if (syscall(__NR_rt_sigqueueinfo, INT_MIN, SIGKILL, &si) != -1 || errno != ESRCH)
		bad++;
	return bad;
}

int main(void)
{
	unsigned long mask[1];
	unsigned long long old[2]; /* struct rlimit64 */
	void *head;
	size_t len;
	siginfo_t si;
	int status;
	pid_t child;

	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	CHECK_EQ(sigqueue_negative_pids(), 0, "rt_sigqueueinfo to pids -1..-300 and INT_MIN -> ESRCH");
	CHECK_ERR(syscall(__NR_rt_sigqueueinfo, 0, SIGUSR1, &si), ESRCH, "rt_sigqueueinfo to pid 0 -> ESRCH");
	si.si_code = SI_USER;
	CHECK_ERR(syscall(__NR_rt_sigqueueinfo, -71, SIGUSR1, &si), EPERM,
		  "rt_sigqueueinfo with SI_USER to pid -71 -> EPERM (not itself)");
	si.si_code = SI_QUEUE;
	CHECK_ERR(syscall(__NR_rt_tgsigqueueinfo, getpid(), -5, SIGUSR1, &si), EINVAL,
		  "rt_tgsigqueueinfo to tid -5 -> EINVAL");
	CHECK_ERR(syscall(__NR_rt_tgsigqueueinfo, INT_MIN, getpid(), SIGUSR1, &si), EINVAL,
		  "rt_tgsigqueueinfo to tgid INT_MIN -> EINVAL");

	CHECK_ERR(kill(INT_MIN, SIGKILL), ESRCH, "kill(INT_MIN) -> ESRCH");
	CHECK_ERR(kill(-INT_MAX, SIGKILL), ESRCH, "kill(-INT_MAX): no such process group -> ESRCH");
	CHECK_ERR(syscall(__NR_tkill, -1, SIGKILL), EINVAL, "tkill(-1) -> EINVAL");
	CHECK_ERR(syscall(__NR_tkill, INT_MIN, SIGKILL), EINVAL, "tkill(INT_MIN) -> EINVAL");
	CHECK_ERR(syscall(__NR_tgkill, -1, getpid(), SIGKILL), EINVAL, "tgkill(-1, self) -> EINVAL");
	CHECK_ERR(syscall(__NR_tgkill, getpid(), INT_MIN, SIGKILL), EINVAL, "tgkill(self, INT_MIN) -> EINVAL");

	CHECK_ERR(setpgid(-5, 0), EINVAL, "setpgid(-5, 0): the group would be -5 -> EINVAL");
	CHECK_ERR(setpgid(-5, 1), ESRCH, "setpgid(-5, 1) -> ESRCH");
	CHECK_ERR(setpgid(INT_MIN, 1), ESRCH, "setpgid(INT_MIN, 1) -> ESRCH");
	CHECK_ERR(setpgid(0, -1), EINVAL, "setpgid(0, -1) -> EINVAL");
	CHECK_ERR(getpgid(-1), ESRCH, "getpgid(-1) -> ESRCH");
	CHECK_ERR(getpgid(INT_MIN), ESRCH, "getpgid(INT_MIN) -> ESRCH");
	CHECK_ERR(getsid(-1), ESRCH, "getsid(-1) -> ESRCH");
	CHECK_ERR(getsid(INT_MIN), ESRCH, "getsid(INT_MIN) -> ESRCH");

	CHECK_ERR(syscall(__NR_getpriority, PRIO_PROCESS, -1), ESRCH, "getpriority(PRIO_PROCESS, -1) -> ESRCH");
	CHECK_ERR(syscall(__NR_getpriority, PRIO_PGRP, INT_MIN), ESRCH, "getpriority(PRIO_PGRP, INT_MIN) -> ESRCH");
	CHECK_ERR(syscall(__NR_setpriority, PRIO_PROCESS, INT_MIN, 0), ESRCH,
		  "setpriority(PRIO_PROCESS, INT_MIN) -> ESRCH");
	CHECK_ERR(syscall(__NR_prlimit64, -1, RLIMIT_NOFILE, NULL, old), ESRCH, "prlimit64(-1) -> ESRCH");
	CHECK_ERR(syscall(__NR_prlimit64, INT_MIN, RLIMIT_NOFILE, NULL, old), ESRCH,
		  "prlimit64(INT_MIN) -> ESRCH");
	CHECK_ERR(syscall(__NR_sched_getaffinity, -1, sizeof(mask), mask), ESRCH,
		  "sched_getaffinity(-1) -> ESRCH");
	CHECK_ERR(syscall(__NR_sched_getaffinity, INT_MIN, sizeof(mask), mask), ESRCH,
		  "sched_getaffinity(INT_MIN) -> ESRCH");
	CHECK_ERR(syscall(__NR_get_robust_list, -1, &head, &len), ESRCH, "get_robust_list(-1) -> ESRCH");

	child = spawn(sleeper, NULL);
	CHECK_ERR(wait4(INT_MIN, &status, WNOHANG, NULL), ESRCH, "wait4(INT_MIN) -> ESRCH");
	CHECK_ERR(wait4(-INT_MAX, &status, WNOHANG, NULL), ECHILD,
		  "wait4(-INT_MAX) with a child in another group -> ECHILD");
	CHECK_ERR(waitid(P_PID, -1, &si, WEXITED | WNOHANG), EINVAL, "waitid(P_PID, -1) -> EINVAL");
	CHECK_ERR(waitid(P_PID, INT_MIN, &si, WEXITED | WNOHANG), EINVAL, "waitid(P_PID, INT_MIN) -> EINVAL");
	CHECK_ERR(waitid(P_PGID, -1, &si, WEXITED | WNOHANG), EINVAL, "waitid(P_PGID, -1) -> EINVAL");
	kill(child, SIGKILL);
	CHECK(reap(child) == SIGKILL, "the child is still there to be killed and reaped");
	return check_done("t_bad_pids");
}
