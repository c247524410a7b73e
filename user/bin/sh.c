/* sh: a small shell for the lessons. Runs programs found through PATH with
 * arguments; pipelines `a | b`; `>`, `>>`, `<` redirections; `;` and `&`;
 * quotes; $?, $!, $$ and environment variables; builtins cd, echo, exit,
 * wait, jobs, export. Reads commands from stdin (prompt "# " on a tty),
 * from `sh script`, or from `sh -c 'cmd'`. On its controlling terminal it
 * gives each foreground job its own process group and the terminal, as
 * bash does, so that ^C reaches the job and not the shell. */
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
};

static int last_status;		/* $? */
static pid_t last_background;	/* $! */
static int interactive;		/* commands come from a terminal: prompt */
static int job_control;		/* and it is our controlling terminal */
static pid_t jobs[MAX_JOBS];	/* background pids not yet reaped */

/* The tokenizer's output for one line: words point into word_buf. */
static enum token tokens[MAX_WORDS * 2];
static char *token_text[MAX_WORDS * 2];
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
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
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

static int status_of(int wstatus)
{
	return WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus) : WEXITSTATUS(wstatus);
}

static void add_job(pid_t pid)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (!jobs[i]) {
			jobs[i] = pid;
			return;
		}
}

/* forget_job - drop pid from the job table. RETURNS: 1 if it was there. */
static int forget_job(pid_t pid)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i] == pid) {
			jobs[i] = 0;
			return 1;
		}
	return 0;
}

/* reap_jobs - collect finished background jobs without blocking */
static void reap_jobs(void)
{
	int wstatus;
	pid_t pid;

	while ((pid = waitpid(-1, &wstatus, WNOHANG)) > 0)
		if (forget_job(pid) && interactive)
			printf("[%d] done, status %d\n", pid, status_of(wstatus));
}

/* builtin_wait - `wait [pid]`: wait for one job or all of them.
 * RETURNS: the exit status of the last one waited for. */
static int builtin_wait(int argc, char **argv)
{
	int wstatus, status = 0;
	pid_t pid;

	if (argc > 1) {
		pid = atoi(argv[1]);
		if (waitpid(pid, &wstatus, 0) != pid) {
			fprintf(stderr, "sh: wait: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		forget_job(pid);
		return status_of(wstatus);
	}
	while ((pid = wait(&wstatus)) > 0) {
		forget_job(pid);
		status = status_of(wstatus);
	}
	return status;
}

static int builtin_echo(int argc, char **argv)
{
	char line[MAX_LINE + 1];
	size_t len = 0;
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
	return write(1, line, len) == (ssize_t)len ? 0 : 1;
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
	exit(argc > 1 ? atoi(argv[1]) : last_status);
}

static int builtin_jobs(int argc, char **argv)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i])
			printf("[%d] running\n", jobs[i]);
	return 0;
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
	{ "cd", builtin_cd },
	{ "echo", builtin_echo },
	{ "exit", builtin_exit },
	{ "export", builtin_export },
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

/* child_exec - in a forked child: join the job's process group, restore
 * default signals, wire the pipe ends and redirections, run cmd. */
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

/* run_pipeline - start every command of pl, wait for a foreground one.
 * RETURNS: the exit status of the last command ($?). */
static int run_pipeline(struct pipeline *pl)
{
	const struct builtin *b = find_builtin(pl->cmds[0].argv[0]);
	pid_t pids[MAX_CMDS], pgid = 0;
	int i, in = 0, wstatus, status = 0;

	if (pl->ncmds == 1 && !pl->background && b)
		return run_builtin_here(b, &pl->cmds[0]);
	fflush(stdout);
	for (i = 0; i < pl->ncmds; i++) {
		int fds[2] = { -1, 1 };

		if (i + 1 < pl->ncmds && pipe(fds) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pids[i] = fork();
		if (pids[i] < 0) {
			fprintf(stderr, "sh: fork: %s\n", strerror(errno));
			if (fds[0] >= 0) {
				close(fds[0]);
				close(fds[1]);
			}
			break;
		}
		if (pids[i] == 0) {
			if (fds[0] >= 0)
				close(fds[0]);
			child_exec(&pl->cmds[i], pgid, in, fds[1], pl->background);
		}
		if (!pgid)
			pgid = pids[i];
		if (job_control)
			setpgid(pids[i], pgid);
		if (in != 0)
			close(in);
		if (fds[1] != 1)
			close(fds[1]);
		in = fds[0];
	}
	if (in > 0)
		close(in);
	if (pl->background) {
		if (i > 0) {
			last_background = pids[i - 1];
			add_job(pids[i - 1]);
			if (interactive)
				printf("[%d]\n", pids[i - 1]);
		}
		return 0;
	}
	if (job_control && i > 0)
		tcsetpgrp(0, pgid);
	status = i < pl->ncmds ? 1 : 0;
	while (i-- > 0) {
		if (waitpid(pids[i], &wstatus, 0) != pids[i] || i + 1 < pl->ncmds)
			continue;
		status = status_of(wstatus);
		if (WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGINT)
			fputc('\n', stderr);	/* after the ^C echo */
		else if (WIFSIGNALED(wstatus) && WTERMSIG(wstatus) != SIGPIPE)
			fprintf(stderr, "%s\n", strsignal(WTERMSIG(wstatus)));
	}
	if (job_control)
		tcsetpgrp(0, getpgrp());
	return status;
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
	job_control = interactive && tcgetpgrp(0) == getpgrp();
	if (interactive) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);
	}
	for (;;) {
		if (interactive) {
			reap_jobs();
			fputs("# ", stdout);
		}
		if (read_line(fd, line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	if (interactive)
		fputs("\n", stdout);
	return last_status;
}
