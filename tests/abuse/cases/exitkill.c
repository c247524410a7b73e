/* Signals aimed at processes while they exit, with interval timers firing
 * on every tick, as an ordinary user. The tick sends ITIMER_REAL's SIGALRM
 * from its interrupt (it_real_fn -> kill_pid_info, under tasklist_lock);
 * a kill() of a process group checks each member's credentials under its
 * task lock while holding tasklist_lock; an exiting task takes its own
 * task lock to drop its files and fs. Were that last one taken with
 * interrupts on, the tick could come inside it and wait for tasklist_lock,
 * whose holder waits for that task lock: every CPU stops for good, with
 * interrupts off, and nothing is ever printed again (the fuzz campaign's
 * hang, issue 8). For STRESS_MS: tickers take SIGALRM every 10 ms,
 * exiters make children that exit at once, all in one process group, and
 * a prober sends that group signal 0 without pause. The window is a few
 * instructions wide, so this finds it only now and then: with a 2 ms
 * delay put inside exit_fs's lock, the kernel before the fix hung in 1
 * run of 3 (CPU 0 in it_real_fn waiting for tasklist_lock, the prober
 * holding it and waiting for the task lock), and never after it. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define STRESS_MS 2000
#define TICKERS 2
#define EXITERS 4
#define PROBERS 1
#define PROBE_GRACE_MS 20000

/* What the workers count, in memory they share with the parent. */
struct counts {
	volatile unsigned long exits[EXITERS];
	volatile unsigned long probes[PROBERS], probe_errors[PROBERS];
};

static struct counts *counts;

static void on_alarm(int sig)
{
}

/* SIGALRM every tick, until killed. */
static int ticker(void *arg)
{
	struct itimerval every = { { 0, 10000 }, { 0, 10000 } };

	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &every, NULL);
	for (;;)
		pause();
	return 0;
}

static pid_t group;

/*
 * A child that shares the caller's memory, files and fs and exits at once,
 * on a stack it never touches: the cheapest exit there is, so that most
 * of the machine's time goes to exiting. The caller does not wait for it:
 * SIGCHLD is ignored, so the child reaps itself.
 * RETURNS: the child's pid, or -errno.
 */
static long clone_exit(void)
{
	static char stack[64];
	register unsigned long r0 __asm__("r0") = CLONE_VM | CLONE_FS | CLONE_FILES | SIGCHLD;
	register unsigned long r1 __asm__("r1") = (unsigned long)(stack + sizeof(stack));
	register unsigned long r7 __asm__("r7") = __NR_clone;

	__asm__ __volatile__("svc #0\n\t"
			     "cmp r0, #0\n\t"
			     "bne 1f\n\t"
			     "mov r7, #1\n\t"	/* the child: __NR_exit(0) */
			     "svc #0\n"
			     "1:"
			     : "+r"(r0)
			     : "r"(r1), "r"(r7)
			     : "memory", "cc");
	return r0;
}

/* Children that exit at once, in the exiters' group. */
static int exiter(void *arg)
{
	int i = (int)(long)arg;

	setpgid(0, group);	/* the first exiter's own, which the others join */
	signal(SIGCHLD, SIG_IGN);
	for (;;)
		if (clone_exit() > 0)
			counts->exits[i]++;
	return 0;
}

/* Signal 0 to the exiters' group, over and over: a permission check of
 * every member, each under its task lock. */
static int prober(void *arg)
{
	int i = (int)(long)arg;

	for (;;) {
		if (kill(-group, 0) == 0)
			counts->probes[i]++;
		else
			counts->probe_errors[i]++;
	}
	return 0;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

int main(int argc, char **argv)
{
	pid_t pids[TICKERS + EXITERS + PROBERS];
	unsigned long exits = 0, probes = 0, errors = 0;
	int n = 0, i, status, all_killed = 1;

	case_init(argc, argv);
	as_user();
	counts = mmap(NULL, sizeof(*counts), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!CHECK(counts != MAP_FAILED, "shared counters"))
		return check_done("exitkill");
	for (i = 0; i < TICKERS; i++)
		pids[n++] = spawn(ticker, NULL);
	for (i = 0; i < EXITERS; i++) {
		pids[n] = spawn(exiter, (void *)(long)i);
		if (i == 0)
			group = pids[n];
		setpgid(pids[n], group);
		n++;
	}
	for (i = 0; i < PROBERS; i++)
		pids[n++] = spawn(prober, (void *)(long)i);
	sleep_ms(STRESS_MS);
	/* On a loaded host the prober can be queued behind dozens of exiting
	 * children for seconds: give it up to PROBE_GRACE_MS more for its first
	 * probe (a hang still shows: no probe, or the suite's timeout). */
	for (i = 0; i < PROBE_GRACE_MS / 10 && !counts->probes[0] && !counts->probe_errors[0]; i++)
		sleep_ms(10);
	for (i = n - 1; i >= 0; i--)	/* the probers first: the group must outlive them */
		kill(pids[i], SIGKILL);
	for (i = 0; i < n; i++) {
		status = reap(pids[i]);
		all_killed &= killed_by(status, SIGKILL);
	}
	for (i = 0; i < EXITERS; i++)
		exits += counts->exits[i];
	for (i = 0; i < PROBERS; i++) {
		probes += counts->probes[i];
		errors += counts->probe_errors[i];
	}
	CHECK(all_killed, "every ticker, exiter and prober ended by SIGKILL");
	check_result(exits > 0, "the exiters' children came and went", "%lu exits", exits);
	check_result(probes > 0 && !errors, "kill(-group, 0) found the group every time",
		     "%lu probes, %lu failed", probes, errors);
	printf("exitkill: %lu exits and %lu group probes in %d ms under a 10 ms itimer\n", exits,
	       probes, STRESS_MS);
	return check_done("exitkill");
}
