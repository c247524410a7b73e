/* sh: a small shell for the lessons. Runs programs found through PATH with
 * arguments; pipelines `a | b`; POSIX redirections `[n]>file`, `[n]>>file`,
 * `[n]<file`, `[n]>&m`, `[n]<&m`, `[n]>&-`, applied in order; `;` and `&`;
 * quotes; $?, $!, $$ and environment variables ($PWD, $OLDPWD kept up to
 * date); builtins cd, pwd, echo, exit, export, history, and the job-control
 * builtins jobs, fg, bg, wait, kill (with %N job specs). Reads commands
 * from stdin (prompt $PS1, default "\w \$ ", on a tty, where the line can
 * be edited and earlier ones recalled with the arrows), from `sh script`,
 * or from `sh -c 'cmd'`. On its controlling terminal it does job control
 * as bash does (bash's jobs.c): each pipeline is a job in its own process
 * group, ^Z stops the foreground job, fg and bg continue it, and a SIGCHLD
 * handler reports a background job that ends or stops while the shell
 * waits at its prompt. This file: reading, parsing, running a command. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

enum token { T_WORD, T_PIPE, T_AMP, T_SEMI, T_GT, T_GTGT, T_LT, T_GTAND,
	     T_LTAND, T_END };

int last_status;		/* $? */
pid_t last_background;		/* $! */
int interactive;		/* commands come from a terminal: prompt */
int job_control;		/* and it is our controlling terminal */

/* The tokenizer's output for one line: words point into word_buf, a
 * redirection's n (its IO_NUMBER) is in token_fd (-1 if none), and each
 * token's source text is [token_start, token_end) of the line. */
static enum token tokens[MAX_WORDS * 2];
static int token_fd[MAX_WORDS * 2];
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
 * quotes, up to the end of its first pipeline (a `;` or `&`): *rest is
 * then the text after it, or NULL at the end of the line.
 * RETURNS: the number of tokens (the last is T_END), or -1 with a
 * message on a syntax error. */
static int tokenize(const char *line, const char **rest)
{
	char *dst = word_buf, *end = word_buf + sizeof(word_buf) - 1;
	const char *p = line, *digits;
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
			*rest = NULL;
			return nt;
		}
		/* An unquoted word of digits right before < or > is the
		 * redirection's fd (POSIX's IO_NUMBER): `2>f`, not `2 >f`. */
		for (digits = p; *p >= '0' && *p <= '9' && p - digits < 4; p++)
			;
		if (p == digits || (*p != '<' && *p != '>'))
			p = digits;
		if (*p == '<' || *p == '>') {
			token_fd[nt] = p == digits ? -1 : atoi(digits);
			if (p[1] == '&')
				tokens[nt++] = *p == '>' ? T_GTAND : T_LTAND;
			else if (*p == '>' && p[1] == '>')
				tokens[nt++] = T_GTGT;
			else
				tokens[nt++] = *p == '>' ? T_GT : T_LT;
			p += tokens[nt - 1] == T_GT || tokens[nt - 1] == T_LT ? 1 : 2;
			continue;
		}
		if (*p == '|' || *p == '&' || *p == ';') {
			tokens[nt++] = *p == '|' ? T_PIPE : *p == '&' ? T_AMP : T_SEMI;
			p++;
			if (tokens[nt - 1] == T_AMP || tokens[nt - 1] == T_SEMI) {
				token_start[nt] = p;
				tokens[nt++] = T_END;
				*rest = p;
				return nt;
			}
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

/* parse_redirection - add the redirection at token i (its word is
 * token i + 1) to cmd.
 * RETURNS: 0, or -1 with a message on a syntax error. */
static int parse_redirection(struct command *cmd, int i)
{
	struct redirection *r;
	const char *word = token_text[i + 1];

	if (tokens[i + 1] != T_WORD) {
		fprintf(stderr, "sh: redirection without a file name\n");
		return -1;
	}
	if (cmd->nredirs >= MAX_REDIRS) {
		fprintf(stderr, "sh: too many redirections\n");
		return -1;
	}
	r = &cmd->redirs[cmd->nredirs++];
	r->fd = token_fd[i] >= 0 ? token_fd[i] :
		tokens[i] == T_LT || tokens[i] == T_LTAND ? 0 : 1;
	r->file = word;
	switch (tokens[i]) {
	case T_GT:
		r->kind = R_TO;
		break;
	case T_GTGT:
		r->kind = R_APPEND;
		break;
	case T_LT:
		r->kind = R_FROM;
		break;
	default:	/* >&m, <&m, >&- and <&- */
		if (!strcmp(word, "-")) {
			r->kind = R_CLOSE;
			break;
		}
		if (!*word || strspn(word, "0123456789") != strlen(word) || strlen(word) > 4) {
			fprintf(stderr, "sh: %s: bad fd number\n", word);
			return -1;
		}
		r->kind = R_DUP;
		r->dup_fd = atoi(word);
	}
	return 0;
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
		case T_GTAND:
		case T_LTAND:
			if (parse_redirection(cmd, i) < 0)
				return -1;
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

/* save_fd - keep a close-on-exec copy of fd, at 10 or above where
 * redirections rarely reach, with fd's own flags (as dash's savefd).
 * saved[0] is the copy, -1 if fd was closed; saved[1] its FD_CLOEXEC. */
static void save_fd(int fd, int saved[2])
{
	saved[1] = fcntl(fd, F_GETFD, 0);
	saved[0] = fcntl(fd, F_DUPFD, 10);
	if (saved[0] >= 0)
		fcntl(saved[0], F_SETFD, FD_CLOEXEC);
}

/* redirect - apply cmd's redirections to this process, left to right, so
 * `>f 2>&1` sends both to f and `2>&1 >f` only stdout. With saved (one
 * pair per redirection), first keep each fd it changes for restore_fds.
 * RETURNS: 0, or -1 with a message at the first that fails (the ones
 * before it stay applied, as in a shell). */
int redirect(const struct command *cmd, int saved[][2])
{
	int k;

	for (k = 0; k < cmd->nredirs; k++)
		if (saved)
			saved[k][0] = saved[k][1] = -2;
	for (k = 0; k < cmd->nredirs; k++) {
		const struct redirection *r = &cmd->redirs[k];
		int fd, flags;

		if (saved)
			save_fd(r->fd, saved[k]);
		switch (r->kind) {
		case R_CLOSE:
			close(r->fd);
			break;
		case R_DUP:
			/* `n>&n` changes nothing but needs n open */
			if ((r->dup_fd == r->fd ? fcntl(r->fd, F_GETFD, 0) :
			     dup2(r->dup_fd, r->fd)) < 0) {
				fprintf(stderr, "sh: %d: %s\n", r->dup_fd, strerror(errno));
				return -1;
			}
			break;
		default:
			flags = r->kind == R_FROM ? O_RDONLY : O_WRONLY | O_CREAT |
				(r->kind == R_APPEND ? O_APPEND : O_TRUNC);
			fd = open(r->file, flags, 0644);
			if (fd < 0 || (fd != r->fd && dup2(fd, r->fd) < 0)) {
				fprintf(stderr, "sh: %s: %s\n", r->file, strerror(errno));
				if (fd >= 0)
					close(fd);
				return -1;
			}
			if (fd != r->fd)
				close(fd);
		}
	}
	return 0;
}

/* restore_fds - undo what redirect(cmd, saved) changed, last first: each
 * fd gets back its saved file and FD_CLOEXEC flag, or is closed again. */
void restore_fds(const struct command *cmd, int saved[][2])
{
	int k;

	for (k = cmd->nredirs - 1; k >= 0; k--) {
		int fd = cmd->redirs[k].fd;

		if (saved[k][0] == -2)
			continue;
		if (saved[k][0] < 0) {
			close(fd);
			continue;
		}
		dup2(saved[k][0], fd);
		fcntl(fd, F_SETFD, saved[k][1]);
		close(saved[k][0]);
	}
}

/* child_exec - in a forked child: join the job's process group (and take
 * the terminal if it is a foreground job: SIGTTOU is still ignored here),
 * restore the signals the shell changed (dispositions and its blocked
 * SIGCHLD: exec keeps the mask), wire the pipe ends and redirections, run
 * cmd. */
void __attribute__((noreturn))
child_exec(struct command *cmd, pid_t pgid, int in, int out, int background)
{
	builtin_fn *builtin;
	sigset_t none;

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
	signal(SIGCHLD, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out != 1) {
		dup2(out, 1);
		close(out);
	}
	if (redirect(cmd, NULL) < 0)
		_exit(1);
	builtin = find_builtin(cmd->argv[0]);
	if (builtin) {
		int status = builtin(cmd->argc, cmd->argv);

		fflush(stdout);
		_exit(status);
	}
	execvp(cmd->argv[0], cmd->argv);
	fprintf(stderr, "sh: %s: %s\n", cmd->argv[0],
		errno == ENOENT ? "not found" : strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* run_line - run each pipeline of line in turn. The whole line must parse
 * before any of it runs; each pipeline's variables ($?, $!) are expanded
 * just before it runs, as in bash. After each, a SIGCHLD that came
 * meanwhile runs its handler (bash unblocks it after waiting). */
static void run_line(const char *line)
{
	struct pipeline pl;
	const char *p;
	int pos;

	for (p = line; p; ) {
		pos = 0;
		if (tokenize(p, &p) < 0 || parse(&pos, &pl) < 0) {
			last_status = 2;
			return;
		}
	}
	for (p = line; p; ) {
		pos = 0;
		tokenize(p, &p);
		if (parse(&pos, &pl) > 0) {
			last_status = run_pipeline(&pl);
			jobs_poll();
		}
	}
}

/* read_script_line - one line from fd into buf, byte by byte (so that
 * commands the shell starts read the rest of a shared input themselves).
 * RETURNS: its length, or -1 at end of input. */
static int read_script_line(int fd, char *buf, int size)
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
	int fd = 0, n;

	pwd_init();
	if (argc > 2 && !strcmp(argv[1], "-c")) {
		jobs_init();
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
	jobs_init();
	for (;;) {
		notify_jobs(-1);
		if (interactive) {
			n = read_command_line(fd, line, sizeof(line));
			if (n == LINE_INTERRUPTED) {
				last_status = 130;	/* ^C at the prompt, as bash */
				continue;
			}
		} else {
			n = read_script_line(fd, line, sizeof(line));
		}
		if (n < 0)
			break;
		run_line(line);
	}
	if (interactive)
		fputs("exit\n", stderr);
	terminate_stopped_jobs();
	return last_status;
}
