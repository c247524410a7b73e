/* The arguments of kill, read alike by /bin/kill (kill.c) and the shell's
 * builtin (sh/jobs.c): a signal by number or by name, with or without SIG,
 * in any case (INT, sigint, RTMIN+1); a pid as a whole number (a negative
 * one is a process group, after "--" or a signal). */
#ifndef _KILL_ARGS_H
#define _KILL_ARGS_H

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

/* signal_of - RETURNS: the signal spec names, or -1 */
static inline int signal_of(const char *spec)
{
	char name[SIG2STR_MAX];
	int i, sig;

	if (!strncasecmp(spec, "SIG", 3))
		spec += 3;
	for (i = 0; spec[i] && i < SIG2STR_MAX - 1; i++)
		name[i] = toupper((unsigned char)spec[i]);
	name[i] = '\0';
	if (spec[i] || str2sig(name, &sig) < 0)
		return -1;
	return sig;
}

/* parse_pid - RETURNS: 1 if s is a whole decimal number (a leading '-'
 * allowed: a process group) that fits a pid_t, with it in *pid */
static inline int parse_pid(const char *s, pid_t *pid)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v != (pid_t)v)
		return 0;
	*pid = v;
	return 1;
}

/* kill_options - skip kill's options: a signal (-s SIG, -n NUM, -SIG),
 * then "--". RETURNS: the index of the first pid argument, with *spec the
 * signal's text, or NULL if none was given. */
static inline int kill_options(int argc, char **argv, const char **spec)
{
	int i = 1;

	*spec = NULL;
	if (argc > 2 && (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n"))) {
		*spec = argv[2];
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--")) {
		*spec = argv[1] + 1;
		i = 2;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	return i;
}

#endif
