/* The shell's jobs (bash's jobs.c): the job table, the SIGCHLD handler
 * that records what children do, job control on the terminal, and the
 * builtins jobs, fg, bg, wait and kill. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../kill_args.h"
#include "sh.h"

#define MAX_JOBS	16

/*
 * Job control, as bash does it. The rules the kernel sets:
 * - A job is one pipeline. Its processes share a process group, named by
 *   the first one's pid: kill(-pgid) and killpg() reach all of them.
 * - The terminal has one foreground process group (tcsetpgrp). Its ^C, ^\
 *   and ^Z send SIGINT, SIGQUIT and SIGTSTP to that group, and only that
 *   group may read the terminal (others get SIGTTIN). The shell gives the
 *   terminal to a foreground job and takes it back when the job stops or
 *   ends. Each child also takes it itself before exec, so that no key
 *   typed in between goes to the shell's group.
 * - While a job has the terminal, the shell is in a background group, and
 *   tcsetpgrp() from a background group gets SIGTTOU, which would stop
 *   the shell: so the shell ignores SIGTTOU (and SIGTSTP, SIGTTIN, SIGINT,
 *   SIGQUIT: the keys are for the job). Children restore the defaults.
 * - waitpid(WUNTRACED) reports a child that stopped, WCONTINUED one that
 *   continued; SIGCONT to the group resumes a stopped job (fg, bg).
 * Jobs are numbered from 1; %+ (the current job) is the one fg and bg
 * take by default, %- the previous one.
 */
enum job_state { JOB_FREE, JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct job {
	enum job_state state;			/* JOB_FREE: an unused slot */
	pid_t pgid;
	int nprocs;
	pid_t pids[MAX_CMDS];
	enum job_state proc_state[MAX_CMDS];	/* running, stopped or done */
	int wstatus[MAX_CMDS];			/* how each stopped or ended */
	int foreground;				/* the shell waits for it */
	int notified;				/* its state has been reported */
	char text[MAX_LINE];			/* the command as typed */
};

static struct job jobs[MAX_JOBS];
static int current_job = -1, previous_job = -1;	/* %+ and %- */
static pid_t shell_pgrp;

/*
 * SIGCHLD, as bash has it: a handler (SA_RESTART) records what waitpid()
 * reports. It runs only where the job table may change under the shell's
 * feet without harm: SIGCHLD stays blocked, and is let through while the
 * shell waits at its prompt (where the handler also reports at once what
 * it found, and draws the prompt and the line being typed again) and
 * between two commands (jobs_poll). A child's SIGCHLD is therefore never
 * ignored (signal_generate ... res=0) and always delivered to the shell's
 * handler (signal_deliver sig=17), as in the seed's trace of bash.
 */
static volatile sig_atomic_t at_prompt;
static sigset_t sigchld_set;

static int status_of(int wstatus)
{
	return WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
}

/* newest_job - RETURNS: the highest-numbered job below `below` in state,
 * or -1 (bash's most_recent_job_in_state) */
static int newest_job(int below, enum job_state state)
{
	while (--below >= 0)
		if (jobs[below].state == state)
			return below;
	return -1;
}

/* set_current_job - make job n %+; %- becomes the old %+ if that one is
 * stopped, else the newest other stopped job, else the newest running
 * one (bash's set_current_job). */
static void set_current_job(int n)
{
	int candidate;

	if (current_job != n) {
		previous_job = current_job;
		current_job = n;
	}
	if (previous_job >= 0 && previous_job != n && jobs[previous_job].state == JOB_STOPPED)
		return;
	if (jobs[n].state == JOB_STOPPED) {
		candidate = newest_job(n, JOB_STOPPED);
		if (candidate >= 0) {
			previous_job = candidate;
			return;
		}
	}
	candidate = newest_job(jobs[n].state == JOB_RUNNING ? n : MAX_JOBS, JOB_RUNNING);
	previous_job = candidate >= 0 ? candidate : n;
}

/* reset_current - choose %+ again after jobs changed: a stopped job if
 * there is one (%+ itself, else %-, else the newest), else the newest
 * running job (bash's reset_current). */
static void reset_current(void)
{
	int n;

	if (current_job >= 0 && jobs[current_job].state == JOB_STOPPED)
		n = current_job;
	else if (previous_job >= 0 && jobs[previous_job].state == JOB_STOPPED)
		n = previous_job;
	else if ((n = newest_job(MAX_JOBS, JOB_STOPPED)) < 0)
		n = newest_job(MAX_JOBS, JOB_RUNNING);
	if (n >= 0)
		set_current_job(n);
	else
		current_job = previous_job = -1;
}

/* new_job - take a slot for pipeline pl: the one after the highest in
 * use, as bash numbers jobs. RETURNS: its index, or -1 with a message. */
static int new_job(const struct pipeline *pl)
{
	int n = MAX_JOBS, len = pl->text_len < MAX_LINE ? pl->text_len : MAX_LINE - 1;

	while (n > 0 && jobs[n - 1].state == JOB_FREE)
		n--;
	if (n == MAX_JOBS && (n = newest_job(MAX_JOBS, JOB_FREE)) < 0) {
		fprintf(stderr, "sh: too many jobs\n");
		return -1;
	}
	memset(&jobs[n], 0, sizeof(jobs[n]));
	jobs[n].state = JOB_RUNNING;
	jobs[n].foreground = !pl->background;
	memcpy(jobs[n].text, pl->text, len);
	return n;
}

static void delete_job(int n)
{
	jobs[n].state = JOB_FREE;
	if (n == current_job || n == previous_job)
		reset_current();
}

/* job_of_pid - RETURNS: the job pid is in (its place in *proc), or -1.
 * Newest first: a pid used again belongs to the later job. */
static int job_of_pid(pid_t pid, int *proc)
{
	int n, i;

	for (n = MAX_JOBS - 1; n >= 0; n--)
		for (i = 0; jobs[n].state != JOB_FREE && i < jobs[n].nprocs; i++)
			if (jobs[n].pids[i] == pid) {
				*proc = i;
				return n;
			}
	return -1;
}

/* record_status - note what waitpid() said about pid (bash's waitchld):
 * its process stopped, continued or ended, and so perhaps its job. */
static void record_status(pid_t pid, int wstatus)
{
	enum job_state old;
	struct job *j;
	int n, i, running = 0, stopped = 0;

	n = job_of_pid(pid, &i);
	if (n < 0)
		return;
	j = &jobs[n];
	if (WIFCONTINUED(wstatus)) {
		j->proc_state[i] = JOB_RUNNING;
	} else {
		j->proc_state[i] = WIFSTOPPED(wstatus) ? JOB_STOPPED : JOB_DONE;
		j->wstatus[i] = wstatus;
	}
	for (i = 0; i < j->nprocs; i++) {
		running |= j->proc_state[i] == JOB_RUNNING;
		stopped |= j->proc_state[i] == JOB_STOPPED;
	}
	old = j->state;
	j->state = running ? JOB_RUNNING : stopped ? JOB_STOPPED : JOB_DONE;
	if (j->state == old)
		return;
	j->notified = 0;
	if (j->state == JOB_STOPPED) {
		j->foreground = 0;	/* a stopped job is in the background */
		set_current_job(n);
	} else if (j->state == JOB_RUNNING) {
		reset_current();
	}
}

/* reap - one waitpid() for any child, with the stop and continue reports
 * under job control. RETURNS: its result (0: nothing yet, with WNOHANG). */
static pid_t reap(int options)
{
	int wstatus;
	pid_t pid;

	if (job_control)
		options |= WUNTRACED | WCONTINUED;
	do {
		pid = waitpid(-1, &wstatus, options);
	} while (pid < 0 && errno == EINTR);
	if (pid > 0)
		record_status(pid, wstatus);
	return pid;
}

/* reap_children - record every change already there, without blocking */
static void reap_children(void)
{
	while (reap(WNOHANG) > 0)
		;
}

/* wait_for_job - wait until job n has stopped or ended, recording what
 * other jobs do meanwhile. */
static void wait_for_job(int n)
{
	while (jobs[n].state == JOB_RUNNING)
		if (reap(0) < 0)
			jobs[n].state = JOB_DONE;	/* ECHILD: nothing left to wait for */
}

/* job_status - RETURNS: job n's $?: its last process's, or 128 + the
 * signal that stopped it */
static int job_status(int n)
{
	const struct job *j = &jobs[n];
	int i;

	if (j->state == JOB_STOPPED)
		for (i = 0; i < j->nprocs; i++)
			if (j->proc_state[i] == JOB_STOPPED)
				return 128 + WSTOPSIG(j->wstatus[i]);
	return j->nprocs ? status_of(j->wstatus[j->nprocs - 1]) : 1;
}

static char job_mark(int n)
{
	return n == current_job ? '+' : n == previous_job ? '-' : ' ';
}

/* format_job - job n's line of `jobs`, in bash's format, into buf:
 * "[1]+  Stopped                 sleep 10\n" (the state in 24 columns) */
static void format_job(int n, char *buf, size_t size)
{
	const struct job *j = &jobs[n];
	int last = j->wstatus[j->nprocs - 1];
	char state[32];

	if (j->state == JOB_RUNNING)
		strcpy(state, "Running");
	else if (j->state == JOB_STOPPED)
		strcpy(state, "Stopped");
	else if (WIFSIGNALED(last))
		snprintf(state, sizeof(state), "%s", strsignal(WTERMSIG(last)));
	else if (WEXITSTATUS(last))
		snprintf(state, sizeof(state), "Exit %d", WEXITSTATUS(last));
	else
		strcpy(state, "Done");
	snprintf(buf, size, "[%d]%c  %-24s%s%s%s\n", n + 1, job_mark(n), state,
		 j->state == JOB_DONE && WIFSIGNALED(last) && WCOREDUMP(last) ? "(core dumped) " : "",
		 j->text, j->state == JOB_RUNNING && !j->foreground ? " &" : "");
}

/* say - write text to stderr in one write(): also safe in the handler */
static void say(const char *text)
{
	ssize_t unused = write(2, text, strlen(text));

	(void)unused;
}

/* report_jobs - report what changed and forget finished jobs, as bash
 * does before each prompt (only >= 0: just that job). A stopped job: its
 * line. A foreground job killed by a signal: the signal's name (a newline
 * after the ^C echo for SIGINT; nothing for SIGPIPE). A background job
 * that finished: its "Done" line, under job control; without, it is kept
 * silently if it is $!, for `wait $!`. now: the shell is at its prompt
 * (in the SIGCHLD handler): the lines replace the prompt's line, and no
 * empty line comes first. RETURNS: how many lines were printed. */
static int report_jobs(int only, int now)
{
	char line[MAX_LINE + 64];
	int n, printed = 0;

	for (n = 0; n < MAX_JOBS; n++) {
		struct job *j = &jobs[n];
		int last;

		if ((only >= 0 && n != only) || j->notified ||
		    (j->state != JOB_STOPPED && j->state != JOB_DONE))
			continue;
		last = j->wstatus[j->nprocs - 1];
		if (now && !printed)
			say("\r\033[K");	/* to the start of the prompt's line, cleared */
		if (j->state == JOB_STOPPED) {
			if (!now)
				say("\n");
			format_job(n, line, sizeof(line));
			say(line);
			j->notified = 1;
			printed++;
			continue;
		}
		if (j->foreground) {
			if (WIFSIGNALED(last) && WTERMSIG(last) == SIGINT) {
				say("\n");
			} else if (WIFSIGNALED(last) && WTERMSIG(last) != SIGPIPE) {
				snprintf(line, sizeof(line), "%s%s\n", strsignal(WTERMSIG(last)),
					 WCOREDUMP(last) ? " (core dumped)" : "");
				say(line);
			}
		} else if (job_control) {
			format_job(n, line, sizeof(line));
			say(line);
			printed++;
		} else if (j->pids[j->nprocs - 1] == last_background) {
			continue;
		}
		delete_job(n);
	}
	return printed;
}

void notify_jobs(int only)
{
	report_jobs(only, 0);
}

/* sigchld_handler - bash's: reap whatever changed; at the prompt, say so */
static void sigchld_handler(int sig)
{
	int saved_errno = errno;

	reap_children();
	if (at_prompt && report_jobs(-1, 1))
		lineedit_redraw();
	errno = saved_errno;
}

/* jobs_allow_sigchld - let SIGCHLD's handler run (allow: the shell waits
 * at its prompt, and reports at once) or block it again */
void jobs_allow_sigchld(int allow)
{
	if (allow) {
		at_prompt = 1;
		sigprocmask(SIG_UNBLOCK, &sigchld_set, NULL);
	} else {
		sigprocmask(SIG_BLOCK, &sigchld_set, NULL);
		at_prompt = 0;
	}
}

/* jobs_poll - let a SIGCHLD that came meanwhile run its handler now */
void jobs_poll(void)
{
	sigprocmask(SIG_UNBLOCK, &sigchld_set, NULL);
	sigprocmask(SIG_BLOCK, &sigchld_set, NULL);
}

/* jobs_init - job control if the shell is interactive on its controlling
 * terminal (the keys' signals then are for the jobs, so the shell ignores
 * them); the SIGCHLD handler in any case. */
void jobs_init(void)
{
	struct sigaction sa;

	shell_pgrp = getpgrp();
	job_control = interactive && tcgetpgrp(0) == shell_pgrp;
	if (interactive) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
		signal(SIGTTIN, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);
	}
	sigemptyset(&sigchld_set);
	sigaddset(&sigchld_set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &sigchld_set, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = sigchld_handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
}

static void give_terminal_to(pid_t pgrp)
{
	if (job_control)
		tcsetpgrp(0, pgrp);
}

/* run_in_foreground - give job n the terminal, wait until it stops or
 * ends, take the terminal back and report. RETURNS: its status ($?). */
static int run_in_foreground(int n)
{
	int status;

	give_terminal_to(jobs[n].pgid);
	wait_for_job(n);
	give_terminal_to(shell_pgrp);	/* we are in the background: SIGTTOU is ignored */
	status = job_status(n);
	report_jobs(n, 0);
	return status;
}

/* continue_job - `fg` or `bg` (bash's start_job): say which job, send
 * SIGCONT to its process group, and wait for it in the foreground or
 * leave it running in the background. RETURNS: the builtin's status. */
static int continue_job(const char *cmd, int n, int foreground)
{
	struct job *j = &jobs[n];
	int i;

	if (j->state == JOB_DONE) {
		fprintf(stderr, "sh: %s: job has terminated\n", cmd);
		return 1;
	}
	if (!foreground && j->state == JOB_RUNNING) {
		fprintf(stderr, "sh: bg: job %d already in background\n", n + 1);
		return 0;
	}
	if (foreground) {
		set_current_job(n);
		j->foreground = 1;
		/* before saying so: a key typed after the text reaches the job */
		give_terminal_to(j->pgid);
		printf("%s\n", j->text);
	} else {
		printf("[%d]%s%s &\n", n + 1, n == current_job ? "+ " :
		       n == previous_job ? "- " : " ", j->text);
		j->foreground = 0;
	}
	if (killpg(j->pgid, SIGCONT) == 0 || errno == ESRCH) {
		for (i = 0; i < j->nprocs; i++)
			if (j->proc_state[i] == JOB_STOPPED)
				j->proc_state[i] = JOB_RUNNING;
		j->state = JOB_RUNNING;
	}
	if (foreground)
		return run_in_foreground(n);
	reset_current();
	return 0;
}

/* job_named - the job whose command starts with (contains, for %?text)
 * text. RETURNS: its index, -1 if none, -2 if more than one. */
static int job_named(const char *text, int contains)
{
	int n, found = -1;

	for (n = 0; n < MAX_JOBS; n++) {
		if (jobs[n].state == JOB_FREE)
			continue;
		if (contains ? !strstr(jobs[n].text, text) : strncmp(jobs[n].text, text, strlen(text)))
			continue;
		if (found >= 0)
			return -2;
		found = n;
	}
	return found;
}

/* find_job - the job an argument names (bash's get_job_spec): none, %,
 * %% or %+ the current job, %- the previous one, %N or N job N, %text the
 * job whose command starts with text, %?text the one that contains it.
 * RETURNS: its index, or -1 with a message. */
static int find_job(const char *cmd, const char *spec)
{
	const char *s = spec && spec[0] == '%' ? spec + 1 : spec;
	int n;

	if (!spec || !*s || !strcmp(s, "%") || !strcmp(s, "+"))
		n = current_job;
	else if (!strcmp(s, "-"))
		n = previous_job;
	else if (!s[strspn(s, "0123456789")])
		n = strlen(s) < 4 ? atoi(s) - 1 : -1;
	else
		n = job_named(s[0] == '?' ? s + 1 : s, s[0] == '?');
	if (n == -2) {
		fprintf(stderr, "sh: %s: %s: ambiguous job spec\n", cmd, spec);
		return -1;
	}
	if (n < 0 || n >= MAX_JOBS || jobs[n].state == JOB_FREE) {
		fprintf(stderr, "sh: %s: %s: no such job\n", cmd, spec ? spec : "current");
		return -1;
	}
	return n;
}

/* A stopped job would stay stopped after the shell is gone: end it, as
 * bash does when it exits (its terminate_stopped_jobs). */
void terminate_stopped_jobs(void)
{
	int n;

	for (n = 0; n < MAX_JOBS; n++)
		if (jobs[n].state == JOB_STOPPED) {
			killpg(jobs[n].pgid, SIGTERM);
			killpg(jobs[n].pgid, SIGCONT);
		}
}

int builtin_jobs(int argc, char **argv)
{
	char line[MAX_LINE + 64];
	int n;

	reap_children();
	for (n = 0; n < MAX_JOBS; n++)
		if (jobs[n].state != JOB_FREE) {
			format_job(n, line, sizeof(line));
			fputs(line, stdout);
			jobs[n].notified = 1;
		}
	for (n = 0; n < MAX_JOBS; n++)
		if (jobs[n].state == JOB_DONE)
			delete_job(n);
	return 0;
}

/* builtin_fg_bg - `fg [%N]` and `bg [%N]` */
int builtin_fg_bg(int argc, char **argv)
{
	int n;

	if (!job_control) {
		fprintf(stderr, "sh: %s: no job control\n", argv[0]);
		return 1;
	}
	reap_children();
	n = find_job(argv[0], argv[1]);
	if (n < 0)
		return 1;
	return continue_job(argv[0], n, argv[0][0] == 'f');
}

/* builtin_wait - `wait`: wait for every running background job, status 0;
 * `wait PID|%N`: for that job. RETURNS: the status of the last one named. */
int builtin_wait(int argc, char **argv)
{
	int i, n, status = 0;

	if (argc < 2) {
		for (n = 0; n < MAX_JOBS; n++)
			if (jobs[n].state == JOB_RUNNING && !jobs[n].foreground)
				wait_for_job(n);
		for (n = 0; n < MAX_JOBS; n++)
			if (jobs[n].state == JOB_DONE)
				delete_job(n);
		return 0;
	}
	for (i = 1; i < argc; i++) {
		pid_t pid;
		int proc;

		if (argv[i][0] != '%' && !parse_pid(argv[i], &pid)) {
			fprintf(stderr, "sh: wait: `%s': not a pid or valid job spec\n", argv[i]);
			status = 2;
			continue;
		}
		n = argv[i][0] == '%' ? find_job("wait", argv[i]) : job_of_pid(pid, &proc);
		if (n < 0) {
			if (argv[i][0] != '%')
				fprintf(stderr, "sh: wait: pid %s is not a child of this shell\n", argv[i]);
			status = 127;
			continue;
		}
		wait_for_job(n);
		status = job_status(n);
		if (jobs[n].state == JOB_DONE)
			delete_job(n);
	}
	return status;
}

/* list_signals - `kill -l`: every name, numbered, as bash prints them;
 * `kill -l N...`: the name of each signal (or of 128 + it, an exit status) */
static int list_signals(int argc, char **argv)
{
	char name[SIG2STR_MAX];
	int i, sig, status = 0, column = 0;

	for (i = 0; i < argc; i++) {
		pid_t number;

		sig = parse_pid(argv[i], &number) ? number : signal_of(argv[i]);
		if (sig > 128)
			sig -= 128;
		if (sig <= 0 || sig2str(sig, name) < 0) {
			fprintf(stderr, "sh: kill: %s: invalid signal specification\n", argv[i]);
			status = 1;
		} else if (argv[i][0] >= '0' && argv[i][0] <= '9') {
			printf("%s\n", name);
		} else {
			printf("%d\n", sig);
		}
	}
	if (argc)
		return status;
	for (sig = 1; sig <= SIGRTMAX; sig++) {
		if (sig2str(sig, name) < 0)
			continue;
		printf("%2d) SIG%s%s", sig, name, ++column % 5 ? "\t" : "\n");
	}
	if (column % 5)
		printf("\n");
	return 0;
}

/* kill_job - send sig to job n: to its process group, or to each of its
 * processes if it has none of its own (no job control). A stopped job
 * that is asked to end also gets SIGCONT, to act on it (bash's kill_pid).
 * RETURNS: 0, or -1 with errno. */
static int kill_job(int n, int sig)
{
	struct job *j = &jobs[n];
	int i, r = 0;

	if (!job_control) {
		for (i = 0; i < j->nprocs; i++)
			if (j->proc_state[i] != JOB_DONE && kill(j->pids[i], sig) < 0)
				r = -1;
		return r;
	}
	if (killpg(j->pgid, sig) < 0)
		return -1;
	if (j->state == JOB_STOPPED && (sig == SIGTERM || sig == SIGHUP))
		killpg(j->pgid, SIGCONT);
	return 0;
}

/* builtin_kill - bash's kill: `kill [-s SIG | -n NUM | -SIG] PID|%JOB...`
 * and `kill -l [SIG...]`. A pid is a whole number (negative: a process
 * group, after `--` or a signal); anything else is an error, never pid 0
 * (the shell's own process group). */
int builtin_kill(int argc, char **argv)
{
	const char *spec;
	int i, sig = SIGTERM, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-l"))
		return list_signals(argc - 2, argv + 2);
	i = kill_options(argc, argv, &spec);
	if (spec && (sig = signal_of(spec)) < 0) {
		fprintf(stderr, "sh: kill: %s: invalid signal specification\n", spec);
		return 1;
	}
	if (i >= argc) {
		fprintf(stderr, "sh: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n");
		return 2;
	}
	reap_children();
	for (; i < argc; i++) {
		pid_t pid;
		int n;

		if (argv[i][0] == '%') {
			n = find_job("kill", argv[i]);
			if (n < 0) {
				status = 1;
			} else if (kill_job(n, sig) < 0) {
				fprintf(stderr, "sh: kill: %s: %s\n", argv[i], strerror(errno));
				status = 1;
			}
		} else if (!parse_pid(argv[i], &pid)) {
			fprintf(stderr, "sh: kill: %s: arguments must be process or job IDs\n", argv[i]);
			status = 1;
		} else if (kill(pid, sig) < 0) {
			fprintf(stderr, "sh: kill: (%s) - %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}

/* run_builtin_here - a builtin alone in the foreground runs in the shell
 * itself, its redirections applied around it and the shell's own fds
 * given back after it.
 * RETURNS: its exit status. */
static int run_builtin_here(builtin_fn *builtin, struct command *cmd)
{
	int saved[MAX_REDIRS][2], status = 1;

	fflush(stdout);
	fflush(stderr);
	if (redirect(cmd, saved) == 0)
		status = builtin(cmd->argc, cmd->argv);
	fflush(stdout);
	fflush(stderr);
	restore_fds(cmd, saved);
	return status;
}

/* run_pipeline - start every command of pl as one job; wait for it
 * unless it is a background job.
 * RETURNS: the exit status of the last command ($?). */
int run_pipeline(struct pipeline *pl)
{
	builtin_fn *builtin = find_builtin(pl->cmds[0].argv[0]);
	struct job *j;
	int n, i, in = 0, status;

	if (pl->ncmds == 1 && !pl->background && builtin)
		return run_builtin_here(builtin, &pl->cmds[0]);
	n = new_job(pl);
	if (n < 0)
		return 1;
	j = &jobs[n];
	fflush(stdout);
	for (i = 0; i < pl->ncmds; i++) {
		int fds[2] = { -1, 1 };
		pid_t pid;

		if (i + 1 < pl->ncmds && pipe(fds) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pid = fork();
		if (pid < 0) {
			fprintf(stderr, "sh: fork: %s\n", strerror(errno));
			if (fds[0] >= 0) {
				close(fds[0]);
				close(fds[1]);
			}
			break;
		}
		if (pid == 0) {
			if (fds[0] >= 0)
				close(fds[0]);
			child_exec(&pl->cmds[i], j->pgid, in, fds[1], pl->background);
		}
		if (!j->pgid)
			j->pgid = pid;
		if (job_control)
			setpgid(pid, j->pgid);	/* as the child does: whichever runs first */
		j->pids[j->nprocs] = pid;
		j->proc_state[j->nprocs++] = JOB_RUNNING;
		if (in != 0)
			close(in);
		if (fds[1] != 1)
			close(fds[1]);
		in = fds[0];
	}
	if (in > 0)
		close(in);
	if (!j->nprocs) {
		delete_job(n);
		return 1;
	}
	if (pl->background) {
		last_background = j->pids[j->nprocs - 1];
		if (interactive)
			fprintf(stderr, "[%d] %d\n", n + 1, last_background);
		reset_current();
		return 0;
	}
	status = run_in_foreground(n);
	return i < pl->ncmds ? 1 : status;
}

