/* Readers and writers of the task list at once, on every CPU, as an
 * ordinary user. tasklist_lock is Linux's rwlock_t (kernel/fork.c): many
 * readers at a time, or one writer with IRQs off. For STRESS_MS:
 * - writers: a parent moving its children between two process groups
 *   (setpgid), forkers whose children start a session (setsid) and exit
 *   (copy_process, exit_notify, release_task);
 * - readers: kill(pid, 0), kill(-pgrp, 0), getpgid, getsid and
 *   /proc/<pid>/stat of the moved children, the forkers' wait4, and the
 *   tick's it_real_fn sending SIGALRM (a reader in an interrupt handler).
 * Every answer is checked: a moved child is always alive, in one of the
 *   two groups, in our session. A reader or writer that deadlocks leaves
 *   a count at zero (or the runner's timeout ends the case). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define STRESS_MS 1500
#define GRACE_MS 20000	/* for a worker starved on a loaded host to make its first step */
#define MEMBERS 4
#define READERS 3
#define FORKERS 2

/* What the workers count, in memory they share with the parent. */
struct counts {
	volatile pid_t members[MEMBERS];
	volatile int ready;	/* the members are in group A or B */
	volatile unsigned long moves, move_errors;
	volatile unsigned long forks[FORKERS], fork_errors;
	volatile unsigned long reads[READERS], wrong;
	char first_wrong[96];
};

static struct counts *counts;
static pid_t group_a, group_b, session;

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static int pause_forever(void *arg)
{
	for (;;)
		pause();
	return 0;
}

/* A process group's leader: pauses in a group of its own. */
static int leader(void *arg)
{
	setpgid(0, 0);
	return pause_forever(arg);
}

/* Keep the members moving between groups A and B (setpgid: a writer). */
static int mover(void *arg)
{
	unsigned long n;
	int i;

	for (i = 0; i < MEMBERS; i++) {
		pid_t m = spawn(pause_forever, NULL);

		if (m < 0 || setpgid(m, group_a) < 0)
			counts->move_errors++;
		counts->members[i] = m;
	}
	counts->ready = 1;
	for (n = 0;; n++)
		for (i = 0; i < MEMBERS; i++) {
			if (setpgid(counts->members[i], (n + i) & 1 ? group_a : group_b) == 0)
				counts->moves++;
			else
				counts->move_errors++;
		}
	return 0;
}

/* Children that start a session and exit, each reaped by wait4 (fork,
 * setsid and exit write; wait4 reads). */
static int forker(void *arg)
{
	int i = (int)(long)arg, status;
	pid_t pid;

	for (;;) {
		pid = fork();
		if (pid == 0) {
			setsid();
			_exit(7);
		}
		if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 7)
			counts->forks[i]++;
		else
			counts->fork_errors++;
	}
	return 0;
}

/* Record a wrong answer (the first one's words kept for the report). */
static void wrong(const char *what, pid_t pid, long got)
{
	if (!counts->wrong++)
		snprintf(counts->first_wrong, sizeof(counts->first_wrong), "%s of %d gave %ld (errno %d)",
			 what, pid, got, errno);
}

/* The pgrp field of /proc/<pid>/stat. RETURNS: it, or -1. */
static long proc_stat_pgrp(pid_t pid)
{
	char path[32], buf[256], *paren;
	int fd, ppid, pgrp;
	ssize_t len;
	char state;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return -1;
	buf[len] = 0;
	paren = strrchr(buf, ')');
	if (!paren || sscanf(paren + 1, " %c %d %d", &state, &ppid, &pgrp) != 3)
		return -1;
	return pgrp;
}

static bool in_a_or_b(long pgrp)
{
	return pgrp == group_a || pgrp == group_b;
}

/* Look at the members over and over, checking every answer. */
static int reader(void *arg)
{
	int r = (int)(long)arg, i;
	unsigned long n;
	long got;

	while (!counts->ready)
		sleep_ms(1);
	for (n = 0;; n++) {
		for (i = 0; i < MEMBERS; i++) {
			pid_t m = counts->members[i];

			if ((got = kill(m, 0)) != 0)
				wrong("kill(pid, 0)", m, got);
			if (!in_a_or_b(got = getpgid(m)))
				wrong("getpgid", m, got);
			if ((got = getsid(m)) != session)
				wrong("getsid", m, got);
			if (n % 8 == 0 && !in_a_or_b(got = proc_stat_pgrp(m)))
				wrong("/proc/<pid>/stat's pgrp", m, got);
		}
		if ((got = kill(-group_a, 0)) != 0)
			wrong("kill(-pgrp, 0)", -group_a, got);
		counts->reads[r]++;
	}
	return 0;
}

static void on_alarm(int sig)
{
}

/* SIGALRM every 10 ms: the tick's it_real_fn looks the process up. */
static int ticker(void *arg)
{
	struct itimerval every = { { 0, 10000 }, { 0, 10000 } };

	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &every, NULL);
	return pause_forever(arg);
}

/* RETURNS: whether every worker has made its first step. */
static bool all_started(void)
{
	int i;

	for (i = 0; i < READERS; i++)
		if (!counts->reads[i])
			return false;
	for (i = 0; i < FORKERS; i++)
		if (!counts->forks[i])
			return false;
	return counts->moves;
}

int main(int argc, char **argv)
{
	pid_t pids[3 + FORKERS + READERS + 1];
	unsigned long reads = 0, forks = 0;
	int n = 0, i, all_killed = 1;

	case_init(argc, argv);
	as_user();
	counts = mmap(NULL, sizeof(*counts), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!CHECK(counts != MAP_FAILED, "shared counters"))
		return check_done("tasklist");
	session = getsid(0);
	/* Set the groups from both sides, so that they exist before anyone uses them. */
	group_a = pids[n++] = spawn(leader, NULL);
	setpgid(group_a, group_a);
	group_b = pids[n++] = spawn(leader, NULL);
	setpgid(group_b, group_b);
	pids[n++] = spawn(mover, NULL);
	for (i = 0; i < FORKERS; i++)
		pids[n++] = spawn(forker, (void *)(long)i);
	for (i = 0; i < READERS; i++)
		pids[n++] = spawn(reader, (void *)(long)i);
	pids[n++] = spawn(ticker, NULL);
	sleep_ms(STRESS_MS);
	for (i = 0; i < GRACE_MS / 10 && !all_started(); i++)
		sleep_ms(10);
	for (i = n - 1; i >= 2; i--)	/* the mover before the groups its members are in */
		kill(pids[i], SIGKILL);
	kill(-group_a, SIGKILL);
	kill(-group_b, SIGKILL);
	for (i = 0; i < n; i++)
		all_killed &= killed_by(reap(pids[i]), SIGKILL);
	for (i = 0; i < READERS; i++)
		reads += counts->reads[i];
	for (i = 0; i < FORKERS; i++)
		forks += counts->forks[i];
	CHECK(all_killed, "every worker ended by SIGKILL");
	check_result(all_started(), "every reader, forker and the mover made progress",
		     "reads %lu %lu %lu, forks %lu %lu, moves %lu", counts->reads[0],
		     counts->reads[1], counts->reads[2], counts->forks[0], counts->forks[1],
		     counts->moves);
	check_result(!counts->wrong, "the moved children were always alive, in group A or B",
		     "%lu wrong answers, the first: %s", counts->wrong, counts->first_wrong);
	check_result(!counts->move_errors, "setpgid moved them every time", "%lu failed",
		     counts->move_errors);
	check_result(!counts->fork_errors, "each fork's child was reaped with its status",
		     "%lu failed", counts->fork_errors);
	printf("tasklist: %lu rounds of reads, %lu setpgid, %lu forks in %d ms\n", reads,
	       counts->moves, forks, STRESS_MS);
	return check_done("tasklist");
}
