/* The shell's parts (user/bin/sh/): main.c reads, parses and runs command
 * lines; jobs.c keeps the job table and does job control and the SIGCHLD
 * handler, as bash's jobs.c; builtins.c has the builtins that are not about
 * jobs; lineedit.c edits a line typed at a terminal, with history. */
#ifndef _SH_H
#define _SH_H

#include <stdio.h>
#include <sys/types.h>

#define MAX_LINE	1024
#define MAX_WORDS	64
#define MAX_CMDS	8
#define MAX_REDIRS	8

/* One POSIX redirection, `[n]>file`, `[n]>>file`, `[n]<file`, `[n]>&m`,
 * `[n]<&m` or `[n]>&-`, as dash's union node narg/ndup. */
enum redir_kind { R_TO, R_APPEND, R_FROM, R_DUP, R_CLOSE };

struct redirection {
	enum redir_kind kind;
	int fd;			/* n: 1 for > forms, 0 for < forms by default */
	int dup_fd;		/* m, for R_DUP */
	const char *file;	/* for R_TO, R_APPEND, R_FROM */
};

struct command {
	char *argv[MAX_WORDS + 1];
	int argc;
	struct redirection redirs[MAX_REDIRS];	/* applied in this order */
	int nredirs;
};

struct pipeline {
	struct command cmds[MAX_CMDS];
	int ncmds;
	int background;
	const char *text;	/* the pipeline as typed, for the job table */
	int text_len;
};

extern int last_status;		/* $? */
extern pid_t last_background;	/* $! */
extern int interactive;		/* commands come from a terminal: prompt */
extern int job_control;		/* and it is our controlling terminal */

/* main.c */
int redirect(const struct command *cmd, int saved[][2]);
void restore_fds(const struct command *cmd, int saved[][2]);
void __attribute__((noreturn))
child_exec(struct command *cmd, pid_t pgid, int in, int out, int background);

/* builtins.c: a builtin takes its words, returns its exit status */
typedef int builtin_fn(int argc, char **argv);
builtin_fn *find_builtin(const char *name);
void pwd_init(void);

/* jobs.c */
void jobs_init(void);
void jobs_poll(void);
void jobs_allow_sigchld(int allow);
void notify_jobs(int only);
int run_pipeline(struct pipeline *pl);
void terminate_stopped_jobs(void);
builtin_fn builtin_jobs, builtin_fg_bg, builtin_wait, builtin_kill;

/* lineedit.c */
#define LINE_INTERRUPTED	(-2)
int read_command_line(int fd, char *buf, int size);
void lineedit_redraw(void);
builtin_fn builtin_history;

#endif
