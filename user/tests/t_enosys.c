/* Unknown system calls: numbers past the table and holes in it return
 * -ENOSYS; unknown ARM-private calls (0xf0000 + n) too; a number beyond
 * the ARM-private range is an undefined instruction: SIGILL. */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int beyond_arm_private(void *unused)
{
	syscall(0x100000);
	return 0;
}

int main(void)
{
	int st;

	CHECK_ERR(syscall(9999), ENOSYS, "syscall 9999 -> ENOSYS");
	CHECK_ERR(syscall(223), ENOSYS, "syscall 223 (a hole) -> ENOSYS");
	CHECK_ERR(syscall(7), ENOSYS, "syscall 7 (old waitpid) -> ENOSYS");
	CHECK_ERR(syscall(__ARM_NR_BASE + 0x100), ENOSYS, "unknown ARM-private call -> ENOSYS");
	CHECK_EQ(syscall(__ARM_NR_set_tls, 0x1234), 0, "__ARM_NR_set_tls");
	CHECK_EQ(syscall(__ARM_NR_get_tls), 0x1234, "__ARM_NR_get_tls reads it back");
	st = reap(spawn(beyond_arm_private, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGILL, "syscall 0x100000 -> SIGILL");
	CHECK(getpid() > 0, "still alive");
	return check_done("t_enosys");
}
