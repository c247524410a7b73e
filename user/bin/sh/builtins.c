/* The shell's builtins that are not about jobs (those are in jobs.c): cd,
 * pwd, echo, exit, export, and the table that names them all. Messages and
 * statuses are bash's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* pwd_init - make $PWD name the working directory, as bash does at start
 * (an inherited $PWD is kept only if it still names it). */
void pwd_init(void)
{
	char cwd[MAX_LINE];

	if (getcwd(cwd, sizeof(cwd)))
		setenv("PWD", cwd, 1);
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

/* builtin_cd - `cd DIR`, `cd` ($HOME), `cd -` ($OLDPWD, then say where):
 * on success $OLDPWD is the old $PWD and $PWD the new directory. */
static int builtin_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");
	const char *old = getenv("PWD");
	char cwd[MAX_LINE], previous[MAX_LINE];
	int dash = argc > 1 && !strcmp(argv[1], "-");

	if (argc > 2) {
		fprintf(stderr, "sh: cd: too many arguments\n");
		return 1;
	}
	if (dash)
		dir = getenv("OLDPWD");
	if (!dir) {
		fprintf(stderr, "sh: cd: %s not set\n", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	snprintf(previous, sizeof(previous), "%s", old ? old : "");
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (!getcwd(cwd, sizeof(cwd)))
		snprintf(cwd, sizeof(cwd), "%s", dir);
	if (old)
		setenv("OLDPWD", previous, 1);
	setenv("PWD", cwd, 1);
	if (dash)
		printf("%s\n", cwd);
	return 0;
}

/* builtin_pwd - print the working directory (the kernel's answer: no
 * symbolic links are followed by cd here, so $PWD is the same) */
static int builtin_pwd(int argc, char **argv)
{
	char cwd[MAX_LINE];

	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "sh: pwd: error retrieving current directory: %s\n",
			strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
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

	/* setenv() copies: the words live only until the next line is read */
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (eq) {
			*eq = '\0';
			setenv(argv[i], eq + 1, 1);
			*eq = '=';
		}
	}
	return 0;
}

static const struct builtin {
	const char *name;
	builtin_fn *fn;
} builtins[] = {
	{ "bg", builtin_fg_bg },
	{ "cd", builtin_cd },
	{ "echo", builtin_echo },
	{ "exit", builtin_exit },
	{ "export", builtin_export },
	{ "fg", builtin_fg_bg },
	{ "history", builtin_history },
	{ "jobs", builtin_jobs },
	{ "kill", builtin_kill },
	{ "pwd", builtin_pwd },
	{ "wait", builtin_wait },
};

/* find_builtin - RETURNS: the builtin called name, or NULL */
builtin_fn *find_builtin(const char *name)
{
	unsigned int i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(name, builtins[i].name))
			return builtins[i].fn;
	return NULL;
}
