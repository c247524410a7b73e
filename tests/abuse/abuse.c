/* abuse [-s SEED] [-t SECONDS] [CASE...]: the abuse suite's runner (/bin/abuse).
 *
 * Runs each case of /lib/abuse (all of them, in name order, or those named)
 * as its own process group, with the seed as its argument, its output
 * captured. After each case it checks that the kernel still forks and
 * execs, that MemFree (/proc/meminfo) and every cache's active objects
 * (/proc/slabinfo) are back at their baseline, that no process is left
 * behind, and that a bystander process (the sentinel) was not disturbed.
 * One line per case, the case's output only when it failed, then
 * "abuse: N passed, N failed". Run as root: it reads /proc/slabinfo and
 * reaps what cases leave; the cases drop to an ordinary user themselves.
 * The sources of the cases are tests/abuse/cases/. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define CASE_DIR "/lib/abuse"
#define MAX_CASES 128
#define MAX_CACHES 64
#define MAX_PROCS 64
#define OUTPUT_KEPT 6144	/* the tail of a case's output shown on failure */
#define SETTLE_MS 5000		/* how long freed memory may take to come back */

/* What must be the same before and after a case. */
struct snapshot {
	unsigned long mem_free_kb;
	int nr_caches;
	struct {
		char name[24];
		unsigned long active;
	} caches[MAX_CACHES];
	int nr_procs;
	pid_t procs[MAX_PROCS];	/* user processes, ascending */
};

static struct snapshot baseline;
static unsigned int seed;
static int case_timeout = 120;

/* The sentinel: a bystander that must come through every case untouched. */
#define SENTINEL_BYTES (256 * 1024)
static unsigned char pattern[SENTINEL_BYTES];
static pid_t sentinel;
static int sentinel_req = -1, sentinel_resp = -1;
static int sentinel_status = -1;	/* its wait status, once reaped */

static unsigned long monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000UL + ts.tv_nsec / 1000000;
}

/* "12.3": the seconds since start, without newlib's floating-point printf
 * (whose first use mallocs, which would show as a leak of the runner's). */
static const char *seconds_since(unsigned long start, char *buf)
{
	unsigned long tenths = (monotonic_ms() - start) / 100;

	sprintf(buf, "%lu.%lu", tenths / 10, tenths % 10);
	return buf;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* read_file - the first size-1 bytes of path, NUL-terminated.
 * RETURNS: the length, or -1. */
static int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), len = 0, n;

	if (fd < 0)
		return -1;
	while (len < (int)size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

static int cmp_pid(const void *a, const void *b)
{
	return *(const pid_t *)a - *(const pid_t *)b;
}

/* The field after the comm in /proc/PID/stat: its state letter, and its
 * flags, to tell kernel threads (PF_KTHREAD) from processes. */
static int proc_stat(pid_t pid, char *comm, size_t commlen, char *state, unsigned long *flags)
{
	char path[32], buf[512], *open_paren, *close_paren;
	unsigned long f = 0;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	snprintf(comm, commlen, "%.*s", (int)(close_paren - open_paren - 1), open_paren + 1);
	*state = close_paren[2];
	/* state ppid pgrp session tty_nr tpgid flags */
	sscanf(close_paren + 2, "%*c %*d %*d %*d %*d %*d %lu", &f);
	*flags = f;
	return 0;
}

#define PF_KTHREAD 0x00200000

static void take_snapshot(struct snapshot *s)
{
	static char buf[8192];
	char *line, *save;
	DIR *dir;
	struct dirent *d;

	memset(s, 0, sizeof(*s));
	if (read_file("/proc/meminfo", buf, sizeof(buf)) > 0 && (line = strstr(buf, "MemFree:")))
		s->mem_free_kb = strtoul(line + 8, NULL, 10);
	if (read_file("/proc/slabinfo", buf, sizeof(buf)) > 0) {
		for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			if (!strncmp(line, "slabinfo", 8) || line[0] == '#' || s->nr_caches == MAX_CACHES)
				continue;
			if (sscanf(line, "%23s %lu", s->caches[s->nr_caches].name,
				   &s->caches[s->nr_caches].active) == 2)
				s->nr_caches++;
		}
	}
	dir = opendir("/proc");
	while (dir && (d = readdir(dir)) && s->nr_procs < MAX_PROCS) {
		pid_t pid = atoi(d->d_name);
		char comm[32], state;
		unsigned long flags;

		if (pid > 0 && proc_stat(pid, comm, sizeof(comm), &state, &flags) == 0 &&
		    !(flags & PF_KTHREAD))
			s->procs[s->nr_procs++] = pid;
	}
	if (dir)
		closedir(dir);
	qsort(s->procs, s->nr_procs, sizeof(pid_t), cmp_pid);
}

/* Append to why (a message of size len) how now differs from baseline.
 * RETURNS: true if it does not. */
static bool same_as_baseline(const struct snapshot *now, char *why, size_t len)
{
	size_t used = 0;
	int i, j;

#define WHY(...) (used += snprintf(why + used, used < len ? len - used : 0, __VA_ARGS__))
	why[0] = '\0';
	if (now->mem_free_kb != baseline.mem_free_kb)
		WHY("; MemFree %ld kB %s its baseline", labs((long)(now->mem_free_kb - baseline.mem_free_kb)),
		    now->mem_free_kb < baseline.mem_free_kb ? "below" : "above");
	for (i = 0; i < now->nr_caches; i++) {
		unsigned long before = 0;

		for (j = 0; j < baseline.nr_caches; j++)
			if (!strcmp(baseline.caches[j].name, now->caches[i].name))
				before = baseline.caches[j].active;
		if (now->caches[i].active != before)
			WHY("; %s %+ld objects", now->caches[i].name, (long)(now->caches[i].active - before));
	}
	for (i = 0; i < now->nr_procs; i++) {
		char comm[32] = "?", state = '?';
		unsigned long flags;

		if (bsearch(&now->procs[i], baseline.procs, baseline.nr_procs, sizeof(pid_t), cmp_pid))
			continue;
		proc_stat(now->procs[i], comm, sizeof(comm), &state, &flags);
		WHY("; process %d (%s) left behind, state %c", now->procs[i], comm, state);
	}
	for (i = 0; i < baseline.nr_procs; i++)
		if (!bsearch(&baseline.procs[i], now->procs, now->nr_procs, sizeof(pid_t), cmp_pid))
			WHY("; process %d is gone", baseline.procs[i]);
#undef WHY
	return used == 0;
}

/* Kill what a failed case left: every process not in the baseline. */
static void kill_leftovers(const struct snapshot *now)
{
	int i;

	for (i = 0; i < now->nr_procs; i++)
		if (!bsearch(&now->procs[i], baseline.procs, baseline.nr_procs, sizeof(pid_t), cmp_pid))
			kill(now->procs[i], SIGKILL);
}

/* The sentinel's body: on each request byte, check that nothing it owns
 * changed (the pattern shared copy-on-write with the runner, its ids, its
 * pending signals) and answer 'y', or 'n' and why. A signal that reaches
 * it is recorded and reported at the next request. */
static volatile sig_atomic_t sentinel_signal;

static void sentinel_handler(int sig)
{
	sentinel_signal = sig;
}

static void sentinel_main(int req, int resp, pid_t parent)
{
	char c, answer[128];
	sigset_t pending;
	int sig, i;

	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, sentinel_handler);
	while (read(req, &c, 1) == 1) {
		const char *bad = NULL;

		for (i = 0; i < SENTINEL_BYTES && !bad; i++)
			if (pattern[i] != (unsigned char)(i * 7 + 3))
				bad = "its memory changed";
		sigpending(&pending);
		if (!bad && getppid() != parent)
			bad = "it lost its parent";
		if (!bad && getuid() != 0)
			bad = "its uid changed";
		if (!bad && sentinel_signal) {
			snprintf(answer, sizeof(answer), "n it received signal %d", sentinel_signal);
			sentinel_signal = 0;
		} else {
			snprintf(answer, sizeof(answer), bad ? "n %s" : "y", bad);
		}
		write(resp, answer, strlen(answer) + 1);
	}
	_exit(0);
}

static void start_sentinel(void)
{
	int req[2], resp[2];
	pid_t parent = getpid();

	if (pipe2(req, O_CLOEXEC) < 0 || pipe2(resp, O_CLOEXEC) < 0) {
		printf("abuse: cannot make the sentinel's pipes: %s\n", strerror(errno));
		exit(2);
	}
	sentinel = fork();
	if (sentinel == 0) {
		close(req[1]);
		close(resp[0]);
		sentinel_main(req[0], resp[1], parent);
	}
	close(req[0]);
	close(resp[1]);
	sentinel_req = req[1];
	sentinel_resp = resp[0];
	sentinel_status = -1;
}

/* Replace a dead sentinel, in the baseline too. */
static void restart_sentinel(void)
{
	pid_t old = sentinel;
	int i, status;

	close(sentinel_req);
	close(sentinel_resp);
	if (sentinel_status == -1) {
		kill(sentinel, SIGKILL);
		waitpid(sentinel, &status, 0);
	}
	start_sentinel();
	for (i = 0; i < baseline.nr_procs; i++)
		if (baseline.procs[i] == old)
			baseline.procs[i] = sentinel;
	qsort(baseline.procs, baseline.nr_procs, sizeof(pid_t), cmp_pid);
}

/* ask_sentinel - RETURNS: NULL if it is alive and untouched, else why not
 * (then it is replaced by a fresh one). */
static const char *ask_sentinel(void)
{
	static char answer[160];
	int status, n = 0;
	char c = '?';

	if (write(sentinel_req, &c, 1) == 1) {
		while (n < (int)sizeof(answer) - 1 && read(sentinel_resp, answer + n, 1) == 1 &&
		       answer[n])
			n++;
		answer[n] = '\0';
		if (n && answer[0] == 'y')
			return NULL;
	}
	if (n > 2) {
		memmove(answer, answer + 2, strlen(answer + 2) + 1);
		memmove(answer + strlen("the sentinel: "), answer, strlen(answer) + 1);
		memcpy(answer, "the sentinel: ", strlen("the sentinel: "));
	} else if (sentinel_status != -1 ||
		   (waitpid(sentinel, &status, WNOHANG) == sentinel && (sentinel_status = status, 1))) {
		if (WIFSIGNALED(sentinel_status))
			snprintf(answer, sizeof(answer), "the sentinel was killed by signal %d",
				 WTERMSIG(sentinel_status));
		else
			snprintf(answer, sizeof(answer), "the sentinel exited");
	} else {
		snprintf(answer, sizeof(answer), "the sentinel does not answer");
	}
	restart_sentinel();
	return answer;
}

/* The kernel still forks, execs and reaps. RETURNS: NULL, or why not. */
static const char *kernel_still_up(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return "fork failed";
	if (pid == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return "cannot run /bin/true";
	return NULL;
}

/* The captured output of a case: its last OUTPUT_KEPT bytes. */
struct output {
	char text[OUTPUT_KEPT + 1];
	size_t len;
	bool cut;
};

static void output_add(struct output *o, const char *buf, size_t n)
{
	if (n >= OUTPUT_KEPT) {
		buf += n - OUTPUT_KEPT;
		n = OUTPUT_KEPT;
		o->cut = true;
	}
	if (o->len + n > OUTPUT_KEPT) {
		size_t drop = o->len + n - OUTPUT_KEPT;

		memmove(o->text, o->text + drop, o->len - drop);
		o->len -= drop;
		o->cut = true;
	}
	memcpy(o->text + o->len, buf, n);
	o->len += n;
	o->text[o->len] = '\0';
}

/* The last non-empty line of the output: the case's summary. */
static const char *last_line(struct output *o, char *line, size_t size)
{
	char *end = o->text + o->len, *start;

	while (end > o->text && end[-1] == '\n')
		end--;
	for (start = end; start > o->text && start[-1] != '\n'; start--)
		;
	snprintf(line, size, "%.*s", (int)(end - start), start);
	return line;
}

/* Read what the case writes until it exits or its time is up.
 * RETURNS: its wait status, or -1 if it had to be killed. */
static int collect(pid_t pid, int fd, struct output *o)
{
	unsigned long deadline = monotonic_ms() + case_timeout * 1000UL;
	char buf[512];
	int status, n;
	bool timed_out = false;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	for (;;) {
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			output_add(o, buf, n);
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		if (!timed_out && monotonic_ms() > deadline) {
			kill(-pid, SIGKILL);
			timed_out = true;
		}
		sleep_ms(20);
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		output_add(o, buf, n);
	return timed_out ? -1 : status;
}

/* Reap any child other than the sentinel (a case's orphans are init's, so
 * these can only be children a case made the runner's, e.g. CLONE_PARENT). */
static void reap_strays(void)
{
	pid_t pid;
	int status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
		if (pid == sentinel)
			sentinel_status = status;
}

/* Print the captured output of a failed case, each line indented. */
static void print_output(const struct output *o)
{
	const char *line, *nl;

	if (!o->len)
		printf("  | (no output)\n");
	else if (o->cut)
		printf("  | ...\n");
	for (line = o->text; *line; line = nl ? nl + 1 : line + strlen(line)) {
		nl = strchr(line, '\n');
		printf("  | %.*s\n", nl ? (int)(nl - line) : (int)strlen(line), line);
	}
}

/* run_case - run the program at path as case name and check the system
 * afterwards; print the outcome unless quiet (the warm-up run).
 * RETURNS: true if it passed. */
static bool run_case(const char *path, const char *name, bool quiet)
{
	static struct output out;
	char seedarg[16], problem[160] = "", diff[1024], summary[160], tenths[16];
	unsigned long start = monotonic_ms();
	struct snapshot now;
	const char *why;
	int pipefd[2], status, waited;
	pid_t pid;

	snprintf(seedarg, sizeof(seedarg), "%u", seed);
	memset(&out, 0, sizeof(out));
	if (pipe2(pipefd, O_CLOEXEC) < 0) {
		printf("abuse: %s FAIL: no pipe: %s\n", name, strerror(errno));
		return false;
	}
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		dup2(null, 0);
		close(null);
		dup2(pipefd[1], 1);
		dup2(pipefd[1], 2);
		execl(path, name, seedarg, (char *)NULL);
		printf("cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	if (pid > 0)
		setpgid(pid, pid);
	status = pid > 0 ? collect(pid, pipefd[0], &out) : -1;
	close(pipefd[0]);
	reap_strays();

	if (pid < 0)
		snprintf(problem, sizeof(problem), "fork failed");
	else if (status == -1)
		snprintf(problem, sizeof(problem), "timed out after %d s", case_timeout);
	else if (WIFSIGNALED(status))
		snprintf(problem, sizeof(problem), "killed by signal %d", WTERMSIG(status));
	else if (WEXITSTATUS(status))
		snprintf(problem, sizeof(problem), "exit status %d", WEXITSTATUS(status));
	if (!problem[0] && ((why = kernel_still_up()) || (why = ask_sentinel())))
		snprintf(problem, sizeof(problem), "%s", why);

	if (quiet)
		return !problem[0];
	/* Freed memory comes back once the last references are dropped: by
	 * init reaping orphans, by a task's final schedule. Give it time. */
	for (waited = 0;; waited += 50) {
		take_snapshot(&now);
		if (same_as_baseline(&now, diff, sizeof(diff)) || waited >= SETTLE_MS)
			break;
		sleep_ms(50);
	}
	if (!problem[0] && !diff[0]) {
		printf("abuse: %s ok (%s s): %s\n", name, seconds_since(start, tenths),
		       last_line(&out, summary, sizeof(summary)));
		return true;
	}
	printf("abuse: %s FAIL (%s s): %s%s\n", name, seconds_since(start, tenths),
	       problem, problem[0] ? diff : diff + 2);
	print_output(&out);
	kill_leftovers(&now);
	sleep_ms(200);
	take_snapshot(&baseline);	/* blame the next case only for its own */
	return false;
}

/* Touch the stack the runner will use, so that its pages, faulted in
 * once, are in the baseline and not counted against the first case. */
static void __attribute__((noinline)) prefault_stack(void)
{
	volatile char room[64 * 1024];

	memset((char *)room, 0, sizeof(room));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* All the cases in CASE_DIR, sorted. RETURNS: how many. */
static int list_cases(char **names)
{
	DIR *dir = opendir(CASE_DIR);
	struct dirent *d;
	int n = 0;

	while (dir && (d = readdir(dir)) && n < MAX_CASES)
		if (d->d_name[0] != '.')
			names[n++] = strdup(d->d_name);
	if (dir)
		closedir(dir);
	qsort(names, n, sizeof(char *), cmp_name);
	return n;
}


#define NR_D_STATE 24

/* The three load averages of /proc/loadavg ("1.23 0.45 0.06") into @loads. */
static void read_loads(char *loads, size_t size)
{
	char line[128];
	int n = 0, spaces = 0;

	if (read_file("/proc/loadavg", line, sizeof(line)) <= 0)
		line[0] = '\0';
	while (line[n] && !(line[n] == ' ' && ++spaces == 3))
		n++;
	snprintf(loads, size, "%.*s", n, line);
}

/* Wait for the kernel's next sample (every 5 s) to move the load averages
 * from @loads, which then holds the new ones; 6 s at most. */
static void next_sample(char *loads, size_t size)
{
	unsigned long start = monotonic_ms();
	char now[64];

	do {
		sleep_ms(20);
		read_loads(now, sizeof(now));
	} while (!strcmp(now, loads) && monotonic_ms() - start < 6000);
	snprintf(loads, size, "%s", now);
}

/* NR_D_STATE processes in uninterruptible sleep: each is the parent of a
 * vfork() whose child blocks reading @fd (a vfork parent waits in
 * TASK_KILLABLE, Linux's D state); they end when as many bytes come
 * through @fd. RETURNS: how many were started. */
static int start_d_state(int fd, pid_t *pids)
{
	int i;

	for (i = 0; i < NR_D_STATE; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			break;
		if (pids[i] == 0) {
			pid_t child = vfork();
			char c;

			if (child == 0) {
				read(fd, &c, 1);
				_exit(0);
			}
			waitpid(child, NULL, 0);
			_exit(0);
		}
	}
	return i;
}

/* Tasks in D state count in the load average, as on Linux. Prints the
 * load averages now (after the run: its fuzz workers kept CPUs busy for
 * seconds, across several of the kernel's 5 s samples), then at the next
 * two samples while NR_D_STATE processes are in D state: the second is
 * taken with them all there, and tests/qemu/cases_abuse.py works out from
 * the two how many tasks it counted. */
static void check_loadavg_counts_d_state(void)
{
	static pid_t pids[NR_D_STATE];
	char comm[32], state, bytes[NR_D_STATE], loads[64];
	unsigned long flags, start = monotonic_ms();
	int pipefd[2], nr, i, asleep = 0;

	read_loads(loads, sizeof(loads));
	printf("abuse: loadavg %s\n", loads);
	if (pipe(pipefd) < 0)
		return;
	nr = start_d_state(pipefd[0], pids);
	while (asleep < nr && monotonic_ms() - start < 2000) {
		sleep_ms(10);
		for (asleep = 0, i = 0; i < nr; i++)
			asleep += proc_stat(pids[i], comm, sizeof(comm), &state, &flags) == 0 &&
				  state == 'D';
	}
	printf("abuse: %d of %d processes in D state\n", asleep, NR_D_STATE);
	for (i = 0; i < 2; i++) {
		next_sample(loads, sizeof(loads));
		printf("abuse: loadavg sample %s\n", loads);
	}
	memset(bytes, 0, sizeof(bytes));
	write(pipefd[1], bytes, nr);
	for (i = 0; i < nr; i++)
		waitpid(pids[i], NULL, 0);
	close(pipefd[0]);
	close(pipefd[1]);
}

int main(int argc, char **argv)
{
	static char *names[MAX_CASES];
	int i, opt, nr, passed = 0, failed = 0;
	bool seeded = false;

	while ((opt = getopt(argc, argv, "s:t:")) != -1) {
		if (opt == 's')
			seed = strtoul(optarg, NULL, 0), seeded = true;
		else if (opt == 't')
			case_timeout = atoi(optarg);
		else {
			printf("usage: abuse [-s SEED] [-t SECONDS] [CASE...]\n");
			return 2;
		}
	}
	if (!seeded)
		seed = case_random_seed();
	if (optind < argc) {
		for (nr = 0; optind < argc && nr < MAX_CASES; nr++)
			names[nr] = argv[optind++];
	} else {
		nr = list_cases(names);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);	/* a dead sentinel's pipe is an answer, not an end */
	for (i = 0; i < SENTINEL_BYTES; i++)
		pattern[i] = (unsigned char)(i * 7 + 3);
	start_sentinel();
	printf("abuse: %d cases, seed %u (rerun with: abuse -s %u)\n", nr, seed, seed);
	prefault_stack();
	/* A dry run, so that what the runner's own first fork, exec, pipe and
	 * buffers set up for good is in the baseline. */
	run_case("/bin/true", "true", true);
	take_snapshot(&baseline);	/* twice: the first faults in baseline's own pages */
	take_snapshot(&baseline);
	printf("abuse: baseline: MemFree %lu kB, %d slab caches, %d processes\n",
	       baseline.mem_free_kb, baseline.nr_caches, baseline.nr_procs);
	for (i = 0; i < nr; i++) {
		char path[128];

		snprintf(path, sizeof(path), "%s/%s", CASE_DIR, names[i]);
		if (run_case(path, names[i], false))
			passed++;
		else
			failed++;
	}
	printf("abuse: %d passed, %d failed\n", passed, failed);
	check_loadavg_counts_d_state();
	return failed ? 1 : 0;
}
