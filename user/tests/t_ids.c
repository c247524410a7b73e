/* Process ids: getpid/getppid/gettid, set_tid_address, the user and
 * group ids (root here), getresuid/getresgid. */
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static int child_checks(void *parent)
{
	return getppid() == (pid_t)(long)parent && getpid() != (pid_t)(long)parent &&
	       gettid() == getpid() ? 0 : 1;
}

int main(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;
	int tidword;

	CHECK(getpid() > 1, "getpid");
	CHECK(getppid() >= 1, "getppid");
	CHECK_EQ(gettid(), getpid(), "gettid == getpid in the main thread");
	CHECK_EQ(syscall(__NR_set_tid_address, &tidword), getpid(), "set_tid_address returns the tid");
	CHECK_EQ(reap(spawn(child_checks, (void *)(long)getpid())), 0, "child's ids");
	CHECK_EQ(getuid(), 0, "getuid (root)");
	CHECK_EQ(geteuid(), 0, "geteuid (root)");
	CHECK_EQ(getgid(), 0, "getgid (root)");
	CHECK_EQ(getegid(), 0, "getegid (root)");
	CHECK(getresuid(&r, &e, &s) == 0 && r == 0 && e == 0 && s == 0, "getresuid");
	CHECK(getresgid(&gr, &ge, &gs) == 0 && gr == 0 && ge == 0 && gs == 0, "getresgid");
	CHECK_EQ(syscall(__NR_getuid), 0, "16-bit getuid (NR 24)");
	return check_done("t_ids");
}
