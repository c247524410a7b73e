/* sh: a small shell for the lessons. Runs programs found through PATH with
 * arguments; pipelines `a | b`; `>`, `>>`, `<` redirections; `;` and `&`;
 * quotes; $?, $!, $$ and environment variables; builtins cd, echo, exit,
 * export, wait, and the job-control builtins jobs, fg, bg. Reads commands
 * from stdin (prompt "# " on a tty), from `sh script`, or from `sh -c 'cmd'`.
 * On its controlling terminal it does job control as bash does (bash's
 * jobs.c): each pipeline is a job in its own process group, ^Z stops the
 * foreground job, fg and bg continue it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define MAX_LINE	1024
#define MAX_WORDS	64
#define MAX_CMDS	8
#define MAX_JOBS	16

enum token { T_WORD, T_PIPE, T_AMP, T_SEMI, T_GT, T_GTGT, T_LT, T_END };

struct command {
	char *argv[MAX_WORDS + 1];
	int argc;
	char *in, *out;		/* redirections, NULL if none */
	int append;		/* out is `>>` */
};

struct pipeline {
	struct command cmds[MAX_CMDS];
	int ncmds;
	int background;
	const char *text;	/* the pipeline as typed, for the job table */
	int text_len;
};

static int last_status;		/* $? */
static pid_t last_background;	/* $! */
static int interactive;		/* commands come from a terminal: prompt */
static int job_control;		/* and it is our controlling terminal */

/* The tokenizer's output for one line: words point into word_buf, and
 * each token's source text is [token_start, token_end) of the line. */
static enum token tokens[MAX_WORDS * 2];
static char *token_text[MAX_WORDS * 2];
static const char *token_start[MAX_WORDS * 2], *token_end[MAX_WORDS * 2];
static char word_buf[MAX_LINE * 2];

/* append_var - expand $NAME, $?, $!, $$ at *src into *dst.
 * RETURNS: the number of source characters consumed after '$'. */
static int append_var(const char *src, char **dst, char *end)
{
	char value[32], name[64];
	const char *v = NULL;
	int n = 0;

	if (*src == '?' || *src == '!' || *src == '$') {
		long num = *src == '?' ? last_status :
			   *src == '!' ? last_background : getpid();

		snprintf(value, sizeof(value), "%ld", num);
		v = value;
		n = 1;
	} else {
		while ((src[n] == '_' || (src[n] >= 'A' && src[n] <= 'Z') ||
			(src[n] >= 'a' && src[n] <= 'z') ||
			(n && src[n] >= '0' && src[n] <= '9')) && n < 63) {
			name[n] = src[n];
			n++;
		}
		name[n] = '\0';
		if (!n) {
			v = "$";
		} else {
			v = getenv(name);
		}
	}
	while (v && *v && *dst < end)
		*(*dst)++ = *v++;
	return n;
}

/* tokenize - split line into tokens, expanding variables and removing
 * quotes. RETURNS: the number of tokens (the last is T_END), or -1 with a
 * message on a syntax error. */
static int tokenize(const char *line)
{
	char *dst = word_buf, *end = word_buf + sizeof(word_buf) - 1;
	const char *p = line;
	int nt = 0;

	for (;;) {
		if (nt)
			token_end[nt - 1] = p;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		token_start[nt] = p;
		if (nt >= MAX_WORDS * 2 - 1) {
			fprintf(stderr, "sh: line too long\n");
			return -1;
		}
		if (!*p || *p == '#') {
			tokens[nt++] = T_END;
			return nt;
		}
		if (*p == '|' || *p == '&' || *p == ';' || *p == '<' || *p == '>') {
			if (*p == '>' && p[1] == '>') {
				tokens[nt++] = T_GTGT;
				p += 2;
				continue;
			}
			tokens[nt++] = *p == '|' ? T_PIPE : *p == '&' ? T_AMP :
				       *p == ';' ? T_SEMI : *p == '<' ? T_LT : T_GT;
			p++;
			continue;
		}
		tokens[nt] = T_WORD;
		token_text[nt++] = dst;
		while (*p && !strchr(" \t\r\n|&;<>", *p) && dst < end) {
			char quote = 0;

			if (*p == '\'' || *p == '"')
				quote = *p++;
			while (*p && dst < end) {
				if (quote ? *p == quote : strchr(" \t\r\n|&;<>'\"", *p) != NULL)
					break;
				if (*p == '\\' && quote != '\'' && p[1]) {
					*dst++ = p[1];
					p += 2;
				} else if (*p == '$' && quote != '\'') {
					p++;
					p += append_var(p, &dst, end);
				} else {
					*dst++ = *p++;
				}
			}
			if (quote) {
				if (*p != quote) {
					fprintf(stderr, "sh: unterminated %c\n", quote);
					return -1;
				}
				p++;
			}
		}
		*dst++ = '\0';
	}
}

/* parse - build the pipeline that starts at token *pos.
 * RETURNS: 1 with *pos after its terminator, 0 at the end, -1 on error. */
static int parse(int *pos, struct pipeline *pl)
{
	struct command *cmd;
	int i = *pos;

	memset(pl, 0, sizeof(*pl));
	if (tokens[i] == T_END)
		return 0;
	pl->text = token_start[i];
	pl->ncmds = 1;
	cmd = &pl->cmds[0];
	for (;; i++) {
		switch (tokens[i]) {
		case T_WORD:
			if (cmd->argc >= MAX_WORDS) {
				fprintf(stderr, "sh: too many words\n");
				return -1;
			}
			cmd->argv[cmd->argc++] = token_text[i];
			break;
		case T_GT:
		case T_GTGT:
		case T_LT:
			if (tokens[i + 1] != T_WORD) {
				fprintf(stderr, "sh: redirection without a file name\n");
				return -1;
			}
			if (tokens[i] == T_LT) {
				cmd->in = token_text[i + 1];
			} else {
				cmd->out = token_text[i + 1];
				cmd->append = tokens[i] == T_GTGT;
			}
			i++;
			break;
		case T_PIPE:
			if (!cmd->argc) {
				fprintf(stderr, "sh: syntax error: missing command\n");
				return -1;
			}
			if (pl->ncmds >= MAX_CMDS) {
				fprintf(stderr, "sh: pipeline too long\n");
				return -1;
			}
			cmd = &pl->cmds[pl->ncmds++];
			break;
		case T_AMP:
		case T_SEMI:
		case T_END:
			if (!cmd->argc) {
				if (tokens[i] == T_END && pl->ncmds == 1)
					return 0;
				fprintf(stderr, "sh: syntax error: missing command\n");
				return -1;
			}
			pl->background = tokens[i] == T_AMP;
			pl->text_len = token_end[i - 1] - pl->text;
			*pos = tokens[i] == T_END ? i : i + 1;
			return 1;
		}
	}
}

/* redirect - apply cmd's redirections to this process.
 * RETURNS: 0, or -1 with a message. */
static int redirect(const struct command *cmd)
{
	if (cmd->in) {
		int fd = open(cmd->in, O_RDONLY);

		if (fd < 0 || dup2(fd, 0) < 0) {
			fprintf(stderr, "sh: %s: %s\n", cmd->in, strerror(errno));
			return -1;
		}
		close(fd);
	}
	if (cmd->out) {
		int flags = O_WRONLY | O_CREAT | (cmd->append ? O_APPEND : O_TRUNC);
		int fd = open(cmd->out, flags, 0644);

		if (fd < 0 || dup2(fd, 1) < 0) {
			fprintf(stderr, "sh: %s: %s\n", cmd->out, strerror(errno));
			return -1;
		}
		close(fd);
	}
	return 0;
}

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

/* print_job - one line of `jobs` in bash's format:
 * "[1]+  Stopped                 sleep 10" (the state in 24 columns) */
static void print_job(int n, FILE *f)
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
	fprintf(f, "[%d]%c  %-24s%s%s%s\n", n + 1, job_mark(n), state,
		j->state == JOB_DONE && WIFSIGNALED(last) && WCOREDUMP(last) ? "(core dumped) " : "",
		j->text, j->state == JOB_RUNNING && !j->foreground ? " &" : "");
}

/* notify_jobs - report what changed and forget finished jobs, as bash does
 * before each prompt (only >= 0: just that job). A stopped job: its line.
 * A foreground job killed by a signal: the signal's name (a newline after
 * the ^C echo for SIGINT; nothing for SIGPIPE). A background job that
 * finished: its "Done" line, under job control; without, it is kept
 * silently if it is $!, for `wait $!`. */
static void notify_jobs(int only)
{
	int n;

	for (n = 0; n < MAX_JOBS; n++) {
		struct job *j = &jobs[n];
		int last;

		if ((only >= 0 && n != only) || j->notified ||
		    (j->state != JOB_STOPPED && j->state != JOB_DONE))
			continue;
		last = j->wstatus[j->nprocs - 1];
		if (j->state == JOB_STOPPED) {
			fputc('\n', stderr);
			print_job(n, stderr);
			j->notified = 1;
			continue;
		}
		if (j->foreground) {
			if (WIFSIGNALED(last) && WTERMSIG(last) == SIGINT)
				fputc('\n', stderr);
			else if (WIFSIGNALED(last) && WTERMSIG(last) != SIGPIPE)
				fprintf(stderr, "%s%s\n", strsignal(WTERMSIG(last)),
					WCOREDUMP(last) ? " (core dumped)" : "");
		} else if (job_control) {
			print_job(n, stderr);
		} else if (j->pids[j->nprocs - 1] == last_background) {
			continue;
		}
		delete_job(n);
	}
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
	notify_jobs(n);
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

/* find_job - the job an argument names: none, %, %% or %+ the current
 * job, %- the previous one, %N or N job N. RETURNS: its index, or -1
 * with a message. */
static int find_job(const char *cmd, const char *spec)
{
	const char *num = spec && spec[0] == '%' ? spec + 1 : spec;
	int n;

	if (!spec || !*num || !strcmp(num, "%") || !strcmp(num, "+"))
		n = current_job;
	else if (!strcmp(num, "-"))
		n = previous_job;
	else
		n = num[strspn(num, "0123456789")] ? -1 : atoi(num) - 1;
	if (n < 0 || n >= MAX_JOBS || jobs[n].state == JOB_FREE) {
		fprintf(stderr, "sh: %s: %s: no such job\n", cmd, spec ? spec : "current");
		return -1;
	}
	return n;
}

/* A stopped job would stay stopped after the shell is gone: end it, as
 * bash does when it exits (its terminate_stopped_jobs). */
static void terminate_stopped_jobs(void)
{
	int n;

	for (n = 0; n < MAX_JOBS; n++)
		if (jobs[n].state == JOB_STOPPED) {
			killpg(jobs[n].pgid, SIGTERM);
			killpg(jobs[n].pgid, SIGCONT);
		}
}

static int builtin_jobs(int argc, char **argv)
{
	int n;

	reap_children();
	for (n = 0; n < MAX_JOBS; n++)
		if (jobs[n].state != JOB_FREE) {
			print_job(n, stdout);
			jobs[n].notified = 1;
		}
	for (n = 0; n < MAX_JOBS; n++)
		if (jobs[n].state == JOB_DONE)
			delete_job(n);
	return 0;
}

/* builtin_fg_bg - `fg [%N]` and `bg [%N]` */
static int builtin_fg_bg(int argc, char **argv)
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
static int builtin_wait(int argc, char **argv)
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
		int proc;

		n = argv[i][0] == '%' ? find_job("wait", argv[i]) : job_of_pid(atoi(argv[i]), &proc);
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

static int builtin_echo(int argc, char **argv)
{
	char line[MAX_LINE + 1];
	size_t len = 0, done;
	ssize_t n;
	int i = 1, newline = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i++;
	}
	/* One write for the whole line, as bash's echo does: a tracefs or
	 * proc control file takes its value from one write. */
	for (; i < argc && len < MAX_LINE; i++)
		len += snprintf(line + len, sizeof(line) - len, "%s%s", argv[i],
				i + 1 < argc ? " " : "");
	if (len > MAX_LINE)
		len = MAX_LINE;
	if (newline)
		line[len++] = '\n';
	fflush(stdout);
	/* What a file takes in part, as stdio does, the rest is written again. */
	for (done = 0; done < len; done += n) {
		n = write(1, line + done, len - done);
		if (n <= 0) {
			/* bash's message: e.g. a tracefs or proc file refused the value */
			fprintf(stderr, "sh: echo: write error: %s\n",
				strerror(n < 0 ? errno : ENOSPC));
			return 1;
		}
	}
	return 0;
}

static int builtin_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");

	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int builtin_exit(int argc, char **argv)
{
	terminate_stopped_jobs();
	exit(argc > 1 ? atoi(argv[1]) : last_status);
}

static int builtin_export(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strchr(argv[i], '='))
			putenv(argv[i]);
	return 0;
}

static const struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
} builtins[] = {
	{ "bg", builtin_fg_bg },
	{ "cd", builtin_cd },
	{ "echo", builtin_echo },
	{ "exit", builtin_exit },
	{ "export", builtin_export },
	{ "fg", builtin_fg_bg },
	{ "jobs", builtin_jobs },
	{ "wait", builtin_wait },
};

/* find_builtin - RETURNS: the builtin called name, or NULL */
static const struct builtin *find_builtin(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(name, builtins[i].name))
			return &builtins[i];
	return NULL;
}

/* run_builtin_here - a builtin alone in the foreground runs in the shell
 * itself, its redirections applied around it.
 * RETURNS: its exit status. */
static int run_builtin_here(const struct builtin *b, struct command *cmd)
{
	int saved_in = dup(0), saved_out = dup(1), status = 1;

	fflush(stdout);
	if (redirect(cmd) == 0)
		status = b->fn(cmd->argc, cmd->argv);
	fflush(stdout);
	dup2(saved_in, 0);
	dup2(saved_out, 1);
	close(saved_in);
	close(saved_out);
	return status;
}

/* child_exec - in a forked child: join the job's process group (and take
 * the terminal if it is a foreground job: SIGTTOU is still ignored here),
 * restore default signals, wire the pipe ends and redirections, run cmd. */
static void __attribute__((noreturn))
child_exec(struct command *cmd, pid_t pgid, int in, int out, int background)
{
	const struct builtin *b;
	int status;

	if (job_control) {
		setpgid(0, pgid);
		if (!background)
			tcsetpgrp(0, pgid ? pgid : getpid());
	}
	if (interactive) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGTSTP, SIG_DFL);
		signal(SIGTTIN, SIG_DFL);
		signal(SIGTTOU, SIG_DFL);
	}
	if (in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out != 1) {
		dup2(out, 1);
		close(out);
	}
	if (redirect(cmd) < 0)
		_exit(1);
	b = find_builtin(cmd->argv[0]);
	if (b) {
		status = b->fn(cmd->argc, cmd->argv);
		fflush(stdout);
		_exit(status);
	}
	execvp(cmd->argv[0], cmd->argv);
	fprintf(stderr, "sh: %s: %s\n", cmd->argv[0],
		errno == ENOENT ? "not found" : strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* run_pipeline - start every command of pl as one job; wait for it
 * unless it is a background job.
 * RETURNS: the exit status of the last command ($?). */
static int run_pipeline(struct pipeline *pl)
{
	const struct builtin *b = find_builtin(pl->cmds[0].argv[0]);
	struct job *j;
	int n, i, in = 0, status;

	if (pl->ncmds == 1 && !pl->background && b)
		return run_builtin_here(b, &pl->cmds[0]);
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

static void run_line(const char *line)
{
	struct pipeline pl;
	int pos = 0, r;

	if (tokenize(line) < 0) {
		last_status = 2;
		return;
	}
	while ((r = parse(&pos, &pl)) > 0)
		last_status = run_pipeline(&pl);
	if (r < 0)
		last_status = 2;
}

/* read_line - one line from fd into buf, byte by byte (so that commands
 * the shell starts read the rest of a shared input themselves).
 * RETURNS: its length, or -1 at end of input. */
static int read_line(int fd, char *buf, int size)
{
	int n = 0, got = 0;
	char c;

	for (;;) {
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got = 1;
		if (c == '\n')
			break;
		if (n < size - 1)
			buf[n++] = c;
	}
	buf[n] = '\0';
	return got ? n : -1;
}

int main(int argc, char **argv)
{
	char line[MAX_LINE];
	int fd = 0;

	if (argc > 2 && !strcmp(argv[1], "-c")) {
		run_line(argv[2]);
		return last_status;
	}
	if (argc > 1) {
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
	}
	interactive = fd == 0 && isatty(0);
	shell_pgrp = getpgrp();
	job_control = interactive && tcgetpgrp(0) == shell_pgrp;
	signal(SIGCHLD, SIG_DFL);	/* ignored, children would reap themselves */
	if (interactive) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
		signal(SIGTTIN, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);
	}
	for (;;) {
		reap_children();
		notify_jobs(-1);
		if (interactive)
			fputs("# ", stdout);
		if (read_line(fd, line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	if (interactive)
		fputs("\n", stdout);
	terminate_stopped_jobs();
	return last_status;
}
