/* kill [-SIGNAL] PID...: send a signal (default SIGTERM); SIGNAL is a
 * number or a name such as INT, KILL, USR1 (with or without SIG). kill -l
 * lists the names. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT",
	[SIGCHLD] = "CHLD", [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF", [SIGWINCH] = "WINCH",
	[SIGIO] = "IO", [SIGPWR] = "PWR", [SIGSYS] = "SYS",
};

/* signal_number - RETURNS: the signal named s, or -1 */
static int signal_number(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	int i;

	if (*s && !*end)
		return (n >= 0 && n <= SIGRTMAX) ? (int)n : -1;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (i = 1; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (names[i] && !strcasecmp(s, names[i]))
			return i;
	return -1;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, status = 0;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		for (i = 1; i < (int)(sizeof(names) / sizeof(names[0])); i++)
			printf("%2d %s\n", i, names[i]);
		return 0;
	}
	if (argc > 1 && argv[1][0] == '-') {
		const char *s = argv[1] + 1;

		if (!strcmp(s, "s") && argc > 2)
			s = argv[++i];
		sig = signal_number(s);
		if (sig < 0) {
			fprintf(stderr, "kill: unknown signal %s\n", s);
			return 1;
		}
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: kill [-SIGNAL] PID...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if (kill(atoi(argv[i]), sig) < 0) {
			fprintf(stderr, "kill: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}
