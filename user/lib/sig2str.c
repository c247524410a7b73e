/* Signal names (POSIX.1-2024's sig2str and str2sig, as glibc 2.41 has
 * them): Linux's numbers, "SIG" left off, real-time signals named from
 * SIGRTMIN up to the middle and from SIGRTMAX down after it, as bash's
 * `kill -l` lists them. 32 and 33 belong to the C library: no name. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#define NAMES	((int)(sizeof(names) / sizeof(names[0])))
#define RT_MIDDLE	((SIGRTMIN + SIGRTMAX) / 2)

int sig2str(int sig, char *str)
{
	if (sig > 0 && sig < NAMES && names[sig])
		strcpy(str, names[sig]);
	else if (sig == SIGRTMIN)
		strcpy(str, "RTMIN");
	else if (sig > SIGRTMIN && sig <= RT_MIDDLE)
		snprintf(str, SIG2STR_MAX, "RTMIN+%d", sig - SIGRTMIN);
	else if (sig > RT_MIDDLE && sig < SIGRTMAX)
		snprintf(str, SIG2STR_MAX, "RTMAX-%d", SIGRTMAX - sig);
	else if (sig == SIGRTMAX)
		strcpy(str, "RTMAX");
	else
		return -1;
	return 0;
}

/* number - RETURNS: the whole decimal number s, or -1 */
static int number(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtol(s, &end, 10);
	return *end || v > SIGRTMAX ? -1 : (int)v;
}

int str2sig(const char *str, int *sig)
{
	int i, n;

	if ((n = number(str)) >= 0) {
		*sig = n;
		return 0;
	}
	for (i = 1; i < NAMES; i++)
		if (names[i] && !strcmp(str, names[i])) {
			*sig = i;
			return 0;
		}
	n = 0;
	if (!strncmp(str, "RTMIN", 5) && (!str[5] || (str[5] == '+' && (n = number(str + 6)) >= 0)))
		n = SIGRTMIN + n;
	else if (!strncmp(str, "RTMAX", 5) && (!str[5] || (str[5] == '-' && (n = number(str + 6)) >= 0)))
		n = SIGRTMAX - n;
	else
		return -1;
	if (n < SIGRTMIN || n > SIGRTMAX)
		return -1;
	*sig = n;
	return 0;
}
