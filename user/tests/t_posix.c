/* The POSIX calls our C runtime adds over newlib: select and pselect,
 * sysconf, the setuid family, setpgrp, the XSI sighold/sigrelse/
 * sigignore/sigpause/sigset, and _POSIX_MONOTONIC_CLOCK. The same results
 * on Linux (make test-linux). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int caught;

static void on_sig(int sig)
{
	caught = sig;
}

static int drop_privileges(void *arg)
{
	uid_t r, e, s;

	if (setresgid(1000, 1000, 1000) < 0 || setresuid(1000, 1000, 0) < 0)
		return 1;
	getresuid(&r, &e, &s);
	if (r != 1000 || e != 1000 || s != 0)
		return 2;
	if (seteuid(0) < 0 || geteuid() != 0)
		return 3; /* the saved uid lets us back */
	if (setuid(1000) < 0 || getuid() != 1000)
		return 4;
	if (setuid(0) == 0 || errno != EPERM)
		return 5; /* a root setuid() drops all three */
	return 0;
}

static int new_group(void *arg)
{
	if (setpgrp() < 0)
		return 1;
	return getpgrp() == getpid() ? 0 : 2;
}

int main(void)
{
	int fds[2], st;
	fd_set rd;
	struct timeval tv = { 0, 20000 };
	struct timespec ts = { 0, 0 };
	sigset_t mask;

#ifdef _POSIX_MONOTONIC_CLOCK
	CHECK(_POSIX_MONOTONIC_CLOCK > 0 && sysconf(_SC_MONOTONIC_CLOCK) > 0,
	      "_POSIX_MONOTONIC_CLOCK and sysconf(_SC_MONOTONIC_CLOCK)");
#else
	CHECK(0, "_POSIX_MONOTONIC_CLOCK defined");
#endif
	CHECK_EQ(sysconf(_SC_PAGESIZE), 4096, "sysconf(_SC_PAGESIZE)");
	CHECK_EQ(sysconf(_SC_CLK_TCK), 100, "sysconf(_SC_CLK_TCK)");
	CHECK_EQ(sysconf(_SC_NPROCESSORS_ONLN), 4, "sysconf(_SC_NPROCESSORS_ONLN): 4 CPUs");
	CHECK(sysconf(_SC_OPEN_MAX) >= 20, "sysconf(_SC_OPEN_MAX)");
	CHECK_ERR(sysconf(-1), EINVAL, "sysconf(-1) -> EINVAL");

	pipe(fds);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	CHECK_EQ(select(fds[0] + 1, &rd, NULL, NULL, &tv), 0, "select: empty pipe, timeout");
	CHECK(tv.tv_sec == 0 && tv.tv_usec == 0, "select: no time left");
	write(fds[1], "x", 1);
	FD_SET(fds[0], &rd);
	CHECK_EQ(select(fds[0] + 1, &rd, NULL, NULL, NULL), 1, "select: readable");
	CHECK(FD_ISSET(fds[0], &rd), "select: the descriptor's bit");
	sigemptyset(&mask);
	CHECK_EQ(pselect(fds[0] + 1, &rd, NULL, NULL, &ts, &mask), 1, "pselect with a mask");
	close(fds[0]);
	close(fds[1]);

	st = reap(spawn(drop_privileges, NULL));
	CHECK_EQ(WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st), 0,
		 "setresuid, seteuid back, setuid for good (the failing step)");
	st = reap(spawn(new_group, NULL));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "setpgrp makes a process group leader");

	signal(SIGUSR1, on_sig);
	CHECK_EQ(sighold(SIGUSR1), 0, "sighold");
	raise(SIGUSR1);
	CHECK_EQ(caught, 0, "held: not delivered");
	CHECK(sigset(SIGUSR1, on_sig) == SIG_HOLD, "sigset: it was held");
	CHECK_EQ(caught, SIGUSR1, "sigset unblocks: delivered");
	caught = 0;
	sighold(SIGUSR1);
	raise(SIGUSR1);
	CHECK_EQ(sigrelse(SIGUSR1), 0, "sigrelse");
	CHECK_EQ(caught, SIGUSR1, "released: delivered");
	caught = 0;
	sighold(SIGUSR2);
	signal(SIGUSR2, on_sig);
	raise(SIGUSR2);
	CHECK_ERR(sigpause(SIGUSR2), EINTR, "sigpause: woken by the held signal, EINTR");
	CHECK_EQ(caught, SIGUSR2, "sigpause: its handler ran");
	sigprocmask(SIG_SETMASK, NULL, &mask);
	CHECK(sigismember(&mask, SIGUSR2), "sigpause: the mask comes back");
	sigrelse(SIGUSR2);
	CHECK_EQ(sigignore(SIGUSR1), 0, "sigignore");
	caught = 0;
	raise(SIGUSR1);
	CHECK_EQ(caught, 0, "ignored: no handler runs");
	return check_done("t_posix");
}
