/* Bad user pointers: every call that copies to or from user memory
 * returns -EFAULT for NULL, an unmapped address and a kernel address,
 * and the process lives on. Raw syscall() so no library copy hides it. */
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void *const bad[] = { (void *)0, (void *)0x10, (void *)0xc0008000 };
static const char *const bad_name[] = { "NULL", "unmapped", "kernel" };

int main(void)
{
	struct stat st;
	char name[96];
	int fds[2];
	unsigned int i;

	pipe(fds);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		void *p = bad[i];

#define EFAULT_CASE(what, call) \
		snprintf(name, sizeof(name), "%s with a %s pointer -> EFAULT", what, bad_name[i]); \
		CHECK_ERR(call, EFAULT, name)

		EFAULT_CASE("write", syscall(__NR_write, fds[1], p, 4));
		write(fds[1], "abcd", 4);
		EFAULT_CASE("read", syscall(__NR_read, fds[0], p, 4));
		EFAULT_CASE("open", syscall(__NR_open, p, O_RDONLY, 0));
		EFAULT_CASE("stat64 path", syscall(__NR_stat64, p, &st));
		EFAULT_CASE("fstat64 buffer", syscall(__NR_fstat64, 0, p));
		EFAULT_CASE("clock_gettime", syscall(__NR_clock_gettime, CLOCK_MONOTONIC, p));
		EFAULT_CASE("uname", syscall(__NR_uname, p));
		EFAULT_CASE("pipe", syscall(__NR_pipe, p));
		if (p) {	/* NULL means "no new action/mask" there */
			EFAULT_CASE("rt_sigaction", syscall(__NR_rt_sigaction, SIGUSR1, p, NULL, 8));
			EFAULT_CASE("rt_sigprocmask", syscall(__NR_rt_sigprocmask, SIG_BLOCK, p, NULL, 8));
		}
		EFAULT_CASE("nanosleep", syscall(__NR_nanosleep, p, NULL));
		EFAULT_CASE("execve", syscall(__NR_execve, p, NULL, NULL));
		EFAULT_CASE("getcwd", syscall(__NR_getcwd, p, 64));
		EFAULT_CASE("chdir", syscall(__NR_chdir, p));
		{
			char buf[4];

			read(fds[0], buf, sizeof(buf));	/* drain what read() left */
		}
	}
	CHECK_EQ(write(fds[1], "ok", 2), 2, "the process is still fine");
	return check_done("t_efault");
}
