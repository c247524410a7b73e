/* kill [-SIGNAL | -s SIGNAL] [--] PID...: send a signal (default SIGTERM),
 * as procps's kill(1). SIGNAL is a number or a name such as INT, KILL,
 * USR1, RTMIN+1 (with or without SIG, in any case); a negative PID is a
 * process group. kill -l lists the names, kill -l N names signal N. Job
 * specs (%1) are the shell's: its builtin kill takes them. An argument
 * that is not a whole number is an error, never pid 0 (the caller's own
 * process group). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "kill_args.h"

/* list - `kill -l`: one "N NAME" line per signal; `kill -l N`: its name */
static int list(const char *which)
{
	char name[SIG2STR_MAX];
	int sig;

	if (which) {
		pid_t number;

		sig = parse_pid(which, &number) ? number : signal_of(which);
		if (sig > 128)
			sig -= 128;	/* an exit status: 128 + the signal */
		if (sig2str(sig, name) < 0) {
			fprintf(stderr, "kill: unknown signal %s\n", which);
			return 1;
		}
		printf("%s\n", name);
		return 0;
	}
	for (sig = 1; sig <= SIGRTMAX; sig++)
		if (sig2str(sig, name) == 0)
			printf("%2d %s\n", sig, name);
	return 0;
}

int main(int argc, char **argv)
{
	const char *spec;
	int i, sig = SIGTERM, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-l"))
		return list(argc > 2 ? argv[2] : NULL);
	i = kill_options(argc, argv, &spec);
	if (spec && (sig = signal_of(spec)) < 0) {
		fprintf(stderr, "kill: unknown signal %s\n", spec);
		return 1;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] [--] PID...\n");
		return 1;
	}
	for (; i < argc; i++) {
		pid_t pid;

		if (!parse_pid(argv[i], &pid)) {
			fprintf(stderr, "kill: failed to parse argument: '%s'\n", argv[i]);
			status = 1;
		} else if (kill(pid, sig) < 0) {
			fprintf(stderr, "kill: (%d): %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
