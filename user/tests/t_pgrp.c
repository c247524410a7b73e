/* Process groups and sessions: getpgrp/getpgid, setpgid, setsid/getsid,
 * kill() to a group, the error cases. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int new_session(void *unused)
{
	pid_t sid = setsid();

	if (sid != getpid() || getsid(0) != sid || getpgrp() != sid)
		return 1;
	/* a session leader cannot make another session */
	return setsid() == -1 && errno == EPERM ? 0 : 2;
}

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

int main(void)
{
	pid_t a, b;
	int st;

	CHECK_EQ(getpgid(0), getpgrp(), "getpgid(0) == getpgrp()");
	CHECK(getsid(0) > 0, "getsid(0)");
	CHECK_EQ(reap(spawn(new_session, NULL)), 0, "setsid in a child: new session and group");

	a = spawn(sleeper, NULL);
	b = spawn(sleeper, NULL);
	CHECK_EQ(setpgid(a, a), 0, "setpgid(child, child): own group");
	CHECK_EQ(setpgid(b, a), 0, "second child joins that group");
	CHECK_EQ(getpgid(b), a, "getpgid(second) is the first's pid");
	CHECK_EQ(kill(-a, SIGTERM), 0, "kill(-pgrp) sends to the group");
	st = reap(a);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "first member killed");
	st = reap(b);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "second member killed");

	CHECK_ERR(setpgid(999999, 0), ESRCH, "setpgid of a missing process -> ESRCH");
	CHECK_ERR(getpgid(999999), ESRCH, "getpgid of a missing process -> ESRCH");
	CHECK_ERR(getsid(999999), ESRCH, "getsid of a missing process -> ESRCH");
	CHECK_ERR(setpgid(0, -1), EINVAL, "negative pgid -> EINVAL");
	CHECK_ERR(kill(-999999, SIGTERM), ESRCH, "kill to an empty group -> ESRCH");
	return check_done("t_pgrp");
}
