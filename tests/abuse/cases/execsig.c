/* execve from a thread that is not the leader while signals are pending and
 * ITIMER_REAL ticks, as an ordinary user, ten times over: Linux's
 * de_thread kills the other threads and the exec'ing thread takes over the
 * leader's pid. What the new image must see: the same pid, the blocked
 * mask it exec'd with, the process's shared pending signals (SIGUSR1 and
 * three queued SIGRTMIN with their values, in order) and the timer's
 * SIGALRM, but not a signal that was pending for the old leader thread only
 * (SIGUSR2: it went with that thread). Nothing may leak (the runner counts
 * the sigqueue cache) and no other process may get the timer's signal. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define SELF "/lib/abuse/execsig"
#define ROUNDS 10
#define QUEUED 3

static sigset_t blocked(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGALRM);
	return set;
}

/* The new image. RETURNS: 0 if it saw what Linux shows, else which check
 * failed (1..6). */
static int after_exec(pid_t old_pid)
{
	struct timespec none = { 0, 0 }, second = { 1, 0 };
	sigset_t want = blocked(), mask, pending;
	siginfo_t si;
	int i;

	if (getpid() != old_pid)
		return 1;
	sigprocmask(SIG_BLOCK, NULL, &mask);
	for (i = 1; i < NSIG; i++)
		if (sigismember(&mask, i) != sigismember(&want, i))
			return 2;
	sigpending(&pending);
	if (!sigismember(&pending, SIGUSR1) || !sigismember(&pending, SIGRTMIN))
		return 3;
	if (sigismember(&pending, SIGUSR2))
		return 4;
	sigemptyset(&mask);
	sigaddset(&mask, SIGRTMIN);
	for (i = 0; i < QUEUED; i++)
		if (sigtimedwait(&mask, &si, &none) != SIGRTMIN || si.si_value.sival_int != i)
			return 5;
	sigemptyset(&mask);
	sigaddset(&mask, SIGALRM);
	if (sigtimedwait(&mask, &si, &second) != SIGALRM)
		return 6;
	return 0;
}

static int exec_thread(void *pid)
{
	execl(SELF, "execsig", "after", (char *)pid, (char *)NULL);
	_exit(127);
}

static int __attribute__((noreturn)) spin_thread(void *unused)
{
	for (;;)
		sched_yield();
}

/* One process: block the signals, make them pending, arm a 1 ms periodic
 * ITIMER_REAL, start threads and exec from one of them. */
static int one_round(void *unused)
{
	sigset_t set = blocked();
	struct itimerval it = { { 0, 1000 }, { 0, 1000 } };
	static struct thread spinner, execer;
	static char pid[16];
	int i;

	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 0; i < QUEUED; i++) {
		union sigval v = { .sival_int = i };

		sigqueue(getpid(), SIGRTMIN, v);
	}
	kill(getpid(), SIGUSR1);
	tgkill(getpid(), getpid(), SIGUSR2);
	setitimer(ITIMER_REAL, &it, NULL);
	snprintf(pid, sizeof(pid), "%d", getpid());
	if (thread_start(&spinner, spin_thread, NULL) < 0 || thread_start(&execer, exec_thread, pid) < 0)
		return 126;
	for (;;)
		pause();
}

/* A process that must never get SIGALRM: its default action kills it. */
static int bystander(void *unused)
{
	struct timespec ms = { 0, 1000000 };
	int i;

	signal(SIGALRM, SIG_DFL);
	for (i = 0; i < 5; i++)
		nanosleep(&ms, NULL);
	return 0;
}

int main(int argc, char **argv)
{
	int i, st, by, bad = 0, strays = 0;

	if (argc == 3 && !strcmp(argv[1], "after"))
		return after_exec(atoi(argv[2]));
	case_init(argc, argv);
	as_user();
	for (i = 0; i < ROUNDS; i++) {
		pid_t pid = spawn(one_round, NULL), other = spawn(bystander, NULL);

		st = reap(pid);
		by = reap(other);
		if (st) {
			printf("round %d: status %#x\n", i, st);
			bad++;
		}
		strays += killed_by(by, SIGALRM);
	}
	check_result(!bad, "exec from a thread: the same pid and mask, shared signals and the timer kept, "
			   "the old leader's own signal gone", "%d of %d rounds not", bad, ROUNDS);
	check_result(!strays, "no other process got the timer's SIGALRM", "%d did", strays);
	return check_done("execsig");
}
