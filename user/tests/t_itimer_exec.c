/* ITIMER_REAL belongs to the process, not to its first thread: when a
 * thread other than the leader calls execve, the timer survives into the
 * new image (POSIX) and keeps signalling that process, never the freed
 * task of the old leader nor whatever reuses it. Also a process sharing
 * its signal handlers (CLONE_SIGHAND) that execs gets a table of its own.
 * The program re-executes itself: "t_itimer_exec fire" and "reuse" are the
 * new images. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define SELF "/bin/t_itimer_exec"

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms++;
}

static void nap_ms(int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0)
		;
}

/* Catch SIGALRM, then unblock it (the old image blocked it across exec). */
static void catch_alarms(void)
{
	sigset_t set;

	signal(SIGALRM, on_alarm);
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/* New image "fire": the timer set before exec must go off here, in the
 * process that still has the old pid. RETURNS: the exit status. */
static int after_exec_fire(const char *old_pid)
{
	long long start = ms_now();

	catch_alarms();
	if (getpid() != atoi(old_pid))
		return 3; /* exec from a thread takes over the leader's pid */
	while (!alarms && ms_now() - start < 3000)
		nap_ms(10);
	return alarms ? 0 : 1;
}

/* A child of the new image that must never see SIGALRM: its default
 * action would kill it. */
static int bystander(void *unused)
{
	signal(SIGALRM, SIG_DFL);
	nap_ms(20);
	return 0;
}

/* New image "reuse": the timer ticks every 5 ms while this process forks
 * children, which reuse the task structures freed by the exec. */
static int after_exec_reuse(void)
{
	int i, st;

	catch_alarms();
	for (i = 0; i < 10; i++) {
		pid_t pid = spawn(bystander, NULL);

		while (waitpid(pid, &st, 0) < 0)
			;
		if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
			return 1; /* the old leader's SIGALRM reached a stranger */
	}
	return alarms ? 0 : 2;
}

static int exec_thread(void *arg)
{
	char pid[16];

	snprintf(pid, sizeof(pid), "%d", getpid());
	execl(SELF, "t_itimer_exec", (char *)arg, pid, (char *)NULL);
	_exit(127);
}

/* Block SIGALRM, arm ITIMER_REAL (@usec, repeating if @periodic), and exec
 * @image from a second thread; the leader waits to be killed by exec. */
static int arm_and_exec_from_thread(const char *image, long usec, int periodic)
{
	struct itimerval it = { { 0, periodic ? usec : 0 }, { 0, usec } };
	struct thread t;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	if (thread_start(&t, exec_thread, (void *)image) < 0)
		return 126;
	for (;;)
		pause();
}

static int fire_case(void *unused)
{
	return arm_and_exec_from_thread("fire", 300000, 0);
}

static int reuse_case(void *unused)
{
	return arm_and_exec_from_thread("reuse", 5000, 1);
}

/* A process sharing its parent's handler table (CLONE_SIGHAND without
 * CLONE_THREAD) that execs: exec gives it a table of its own. */
static int exec_true(void *unused)
{
	execl("/bin/true", "true", (char *)NULL);
	_exit(127);
}

static void shared_sighand_exec(void)
{
	size_t size = 16 * 1024;
	char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i, ok = 1;

	for (i = 0; i < 20 && ok; i++) {
		pid_t pid = clone(exec_true, stack + size, CLONE_VM | CLONE_SIGHAND | CLONE_VFORK | SIGCHLD,
				  NULL);

		ok = pid > 0 && reap(pid) == 0;
	}
	CHECK(ok, "a CLONE_SIGHAND child that execs, 20 times");
	munmap(stack, size);
}

int main(int argc, char **argv)
{
	long long start;
	int rounds = 0, bad = 0;

	if (argc == 3 && !strcmp(argv[1], "fire"))
		return after_exec_fire(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "reuse"))
		return after_exec_reuse();

	CHECK_EQ(reap(spawn(fire_case, NULL)), 0,
		 "ITIMER_REAL set before a non-leader thread's exec fires in the new image");
	/* The race needs the freed leader to be reused: try for two seconds. */
	for (start = ms_now(); ms_now() - start < 2000; rounds++)
		if (reap(spawn(reuse_case, NULL)) != 0)
			bad++;
	check_result(!bad, "a periodic ITIMER_REAL across exec signals its own process only",
		     "%d of %d rounds went wrong", bad, rounds);
	shared_sighand_exec();
	return check_done("t_itimer_exec");
}
