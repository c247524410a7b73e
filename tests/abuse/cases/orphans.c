/* Orphans and odd parents, as an ordinary user: a child that clone()s with
 * an exit signal other than SIGCHLD and dies first, so that init adopts
 * the grandchild (Linux's reparent_leader() resets its exit signal: init
 * must not be "slain"); CLONE_PARENT, whose child may not choose the
 * signal its new parent gets; a process group orphaned while one of its
 * processes is stopped (SIGHUP then SIGCONT, POSIX 3.2.2.2), and the
 * terminal stop signals that do nothing in an orphaned group; kill() of a
 * zombie. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* clone() as fork() with the given flags and exit signal. */
static pid_t fork_with(unsigned long flags)
{
	return syscall(__NR_clone, flags, 0, NULL, NULL, NULL);
}

/* Read one byte from fd within ms. RETURNS: it, or -1. */
static int read_within(int fd, long ms)
{
	char c;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	for (; ms > 0; ms -= 10) {
		if (read(fd, &c, 1) == 1)
			return c;
		sleep_ms(10);
	}
	return -1;
}

static int orphan_with_odd_exit_signal(void *arg)
{
	int i;

	/* Ten grandchildren that outlive this child, each of which would
	 * send init SIGUSR1, SIGTERM or SIGKILL when it exits. */
	for (i = 0; i < 10; i++) {
		static const int sigs[] = { SIGUSR1, SIGTERM, SIGKILL, SIGSEGV, SIGRTMIN };

		if (fork_with(sigs[i % 5]) == 0) {
			sleep_ms(100);
			_exit(0);
		}
	}
	return 0;
}

static void test_reparented_exit_signal(void)
{
	int status = reap(spawn(orphan_with_odd_exit_signal, NULL));

	CHECK_EQ(status, 0, "a child whose children have odd exit signals exits");
	sleep_ms(400);	/* the orphans exit, init adopts and reaps them */
	errno = 0;
	CHECK(kill(1, 0) == 0 || errno == EPERM, "init is alive");
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = 1;
}

static int clone_parent_child(void *arg)
{
	int *fds = arg;
	pid_t sibling = fork_with(CLONE_PARENT | SIGUSR1);

	if (sibling == 0)
		_exit(7);
	write(fds[1], &sibling, sizeof(sibling));
	return 0;
}

/* CLONE_PARENT: the new child is the caller's sibling, and its exit signal
 * is the caller's own (SIGCHLD here), not the one passed to clone(). */
static void test_clone_parent(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 }, old;
	pid_t sibling = 0;
	int fds[2], status;

	sigaction(SIGUSR1, &sa, &old);
	pipe(fds);
	CHECK_EQ(reap(spawn(clone_parent_child, fds)), 0, "clone(CLONE_PARENT | SIGUSR1)");
	read(fds[0], &sibling, sizeof(sibling));
	CHECK(sibling > 0, "the sibling was made");
	/* waitpid without __WCLONE finds it: its exit signal is SIGCHLD */
	CHECK_EQ(waitpid(sibling, &status, 0), sibling, "the sibling is our child, reaped as SIGCHLD's");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7, "with its exit status");
	CHECK_EQ(got_usr1, 0, "and no SIGUSR1 reached us");
	sigaction(SIGUSR1, &old, NULL);
	close(fds[0]);
	close(fds[1]);
}

static int report_fd;

static void on_hup(int sig)
{
	write(report_fd, "H", 1);
}

/* The stopped member of a process group about to be orphaned. */
static int stopped_member(void)
{
	struct sigaction sa = { .sa_handler = on_hup };

	sigaction(SIGHUP, &sa, NULL);
	setpgid(0, 0);
	raise(SIGSTOP);
	/* continued: by the SIGCONT that follows the SIGHUP */
	write(report_fd, "C", 1);
	/* in an orphaned group, the terminal stop signals do nothing */
	raise(SIGTSTP);
	write(report_fd, "T", 1);
	_exit(0);
}

static int orphaning_parent(void *arg)
{
	pid_t member = fork();
	int status;

	if (member == 0)
		stopped_member();
	if (waitpid(member, &status, WUNTRACED) != member || !WIFSTOPPED(status))
		return 1;
	write(report_fd, "S", 1);
	return 0;	/* orphans the member's group, which has a stopped job */
}

static void test_orphaned_pgrp(void)
{
	int fds[2];

	pipe(fds);
	report_fd = fds[1];
	CHECK_EQ(reap(spawn(orphaning_parent, NULL)), 0, "the member stopped, its parent exits");
	CHECK_EQ(read_within(fds[0], 2000), 'S', "the member stopped");
	CHECK_EQ(read_within(fds[0], 2000), 'H', "the orphaned group got SIGHUP");
	CHECK_EQ(read_within(fds[0], 2000), 'C', "and SIGCONT");
	CHECK_EQ(read_within(fds[0], 2000), 'T', "SIGTSTP does not stop an orphaned group");
	close(fds[0]);
	close(fds[1]);
}

static void test_kill_zombie(void)
{
	pid_t pid = fork();
	siginfo_t info;
	int status;

	if (pid == 0)
		_exit(3);
	/* wait until it is a zombie, without reaping it */
	memset(&info, 0, sizeof(info));
	CHECK_EQ(waitid(P_PID, pid, &info, WEXITED | WNOWAIT), 0, "waitid WNOWAIT: a zombie");
	CHECK_EQ(kill(pid, SIGKILL), 0, "kill(zombie, SIGKILL) succeeds, as in Linux");
	CHECK_EQ(kill(pid, 0), 0, "kill(zombie, 0): it still exists");
	CHECK_EQ(kill(pid, SIGSTOP), 0, "kill(zombie, SIGSTOP)");
	CHECK_EQ(kill(pid, SIGCONT), 0, "kill(zombie, SIGCONT)");
	CHECK_EQ(waitpid(pid, &status, 0), pid, "reap it");
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3, "its status is its own exit");
	CHECK_ERR(kill(pid, 0), ESRCH, "then it is gone");
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	as_user();
	test_reparented_exit_signal();
	test_clone_parent();
	test_orphaned_pgrp();
	test_kill_zombie();
	return check_done("orphans");
}
