/* Signals a hostile program can aim at the kernel's own invariants:
 *   - every signal sent to init (pid 1) that init has no handler for is
 *     dropped (SIGNAL_UNKILLABLE): kill() succeeds, init stays;
 *   - an orphan whose exit signal is not SIGCHLD is adopted by init with
 *     SIGCHLD (reparent_leader) and reaped, not "Attempted to kill init";
 *   - restart_syscall called directly, with nothing to restart: EINTR;
 *   - a SIGSEGV handler with no stack left for its frame: killed by
 *     SIGSEGV (force_sigsegv), not an endless loop;
 *   - queueing past RLIMIT_SIGPENDING: EAGAIN, exactly the limit queued. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define FLOOD 1000
#define SIGPENDING_LIMIT 64
#define RLIMIT_SIGPENDING 11

struct rlimit { /* Linux's */
	unsigned long rlim_cur, rlim_max;
};

/* RETURNS: init's state letter from /proc/1/stat, or '?'. */
static char init_state(void)
{
	char buf[256], *p;
	FILE *f = fopen("/proc/1/stat", "r");
	size_t n;

	if (!f)
		return '?';
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

static void check_init_survives(void)
{
	static const int sigs[] = { SIGTERM, SIGKILL, SIGSEGV, SIGBUS, SIGINT, SIGQUIT, SIGHUP,
				    SIGABRT, SIGUSR1, SIGALRM, SIGSTOP, SIGTSTP, SIGTTIN };
	union sigval v = { .sival_int = 0 };
	int i, failed = 0;
	char state;

	for (i = 0; i < (int)(sizeof(sigs) / sizeof(sigs[0])); i++)
		failed += kill(1, sigs[i]) != 0;
	failed += sigqueue(1, SIGRTMIN, v) != 0;
	usleep(100000);
	state = init_state();
	check_result(failed == 0 && kill(1, 0) == 0 && state != 'T' && state != 'Z' && state != '?',
		     "init ignores 14 fatal and stop signals it has no handler for",
		     "%d sends failed, init's state '%c'", failed, state);
}

/* The middle process: clone a child whose exit signal is sig (like fork,
 * with clone's exit_signal), tell the test its pid, and exit at once so
 * that init adopts it. */
static int orphan_maker(void *arg)
{
	int *fds = arg;
	long pid = syscall(__NR_clone, SIGTERM, 0, 0, 0, 0);

	if (pid == 0) {
		usleep(100000); /* be adopted first */
		_exit(0);
	}
	write(fds[1], &pid, sizeof(pid));
	return 0;
}

static void check_orphan_reaped(void)
{
	int fds[2], i;
	long orphan = 0;

	pipe(fds);
	reap(spawn(orphan_maker, fds));
	read(fds[0], &orphan, sizeof(orphan));
	for (i = 0; i < 300 && kill(orphan, 0) == 0; i++)
		usleep(10000);
	check_result(orphan > 0 && kill(orphan, 0) == -1 && errno == ESRCH && kill(1, 0) == 0,
		     "an orphan with exit signal SIGTERM is reaped by init, which lives on",
		     "orphan %ld still there after 3 s", orphan);
	close(fds[0]);
	close(fds[1]);
}

static void segv_handler(int sig)
{
}

static volatile int never = -1;

/* Recurse until the stack is gone (never is never reached). */
static int recurse(int depth)
{
	volatile char pad[1024];

	if (depth == never)
		return 0;
	pad[0] = (char)depth;
	return recurse(depth + 1) + pad[0];
}

/* A SIGSEGV handler, no alternate stack, and a stack overflow. */
static int overflow_with_handler(void *unused)
{
	signal(SIGSEGV, segv_handler);
	return recurse(0);
}

/* RETURNS: pid's wait status, or -1 if it was still running after 10 s
 * (then it is killed). */
static int reap_within_10s(pid_t pid)
{
	int st, i;

	for (i = 0; i < 1000; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return st;
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

/* Queue FLOOD SIGRTMIN to ourselves with it blocked and a small limit.
 * RETURNS: how many were queued, or -1 if a failure was not EAGAIN. */
static int flood(void *unused)
{
	struct rlimit rl = { SIGPENDING_LIMIT, SIGPENDING_LIMIT };
	union sigval v = { .sival_int = 1 };
	sigset_t set;
	int i, queued = 0;

	syscall(__NR_setrlimit, RLIMIT_SIGPENDING, &rl);
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 0; i < FLOOD; i++) {
		if (sigqueue(getpid(), SIGRTMIN, v) == 0)
			queued++;
		else if (errno != EAGAIN)
			return 255;
	}
	return queued;
}

int main(void)
{
	int st;

	setvbuf(stdout, NULL, _IOLBF, 0);
	check_init_survives();
	check_orphan_reaped();

	errno = 0;
	CHECK_ERR(syscall(__NR_restart_syscall), EINTR,
		  "restart_syscall with nothing to restart: EINTR");

	st = reap_within_10s(spawn(overflow_with_handler, NULL));
	check_result(st != -1 && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
		     "stack overflow with a SIGSEGV handler and no room: killed by SIGSEGV",
		     "wait status %#x (-1: still running after 10 s)", st);

	st = reap(spawn(flood, NULL));
	check_result(WIFEXITED(st) && WEXITSTATUS(st) == SIGPENDING_LIMIT,
		     "RLIMIT_SIGPENDING 64: 64 of 1000 SIGRTMIN queued, the rest EAGAIN",
		     "exit status %d (255: an error other than EAGAIN)", WEXITSTATUS(st));
	return check_done("t_sigabuse");
}
