/* What the abuse cases share (tests/abuse/case.c): the seed the runner
 * passes, a reproducible random stream, dropping to an ordinary user, and
 * the PASS/FAIL lines of user/tests/check.h. A case is a program that
 * exits 0 when every check passed; its last line is its summary. */
#ifndef _TESTS_ABUSE_CASE_H
#define _TESTS_ABUSE_CASE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include "../../user/tests/check.h"

/* Linux ARM EABI numbers our uapi header does not list yet. */
#ifndef __NR_setgid32
#define __NR_setgid32 214
#endif
#ifndef __NR_setgroups32
#define __NR_setgroups32 206
#endif

/* Resource limits (Linux's numbers and struct rlimit). */
#define RLIMIT_STACK 3
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_AS 9
#define RLIMIT_SIGPENDING 11
struct case_rlimit {
	unsigned long cur, max;
};
int case_getrlimit(int resource, struct case_rlimit *rl);
int case_setrlimit(int resource, unsigned long cur, unsigned long max);

/* The ordinary user the cases run as. */
#define ABUSE_UID 1000
#define ABUSE_GID 1000

/* case_init - take the seed from argv[1] (the runner's) or make one, and
 * print it. RETURNS: the seed. */
unsigned int case_init(int argc, char **argv);

/* A seed from the kernel's random bytes, else the clock. */
unsigned int case_random_seed(void);

/* case_rand - the next number of the stream case_init() seeded (xorshift32). */
uint32_t case_rand(void);

/* as_user - become ABUSE_UID/ABUSE_GID for good; exits 2 if the kernel refuses. */
void as_user(void);

/* alarm_soon - SIGALRM in @usec (< 1 s) microseconds, caught by a
 * handler that does not restart system calls: it ends a wait with EINTR. */
void alarm_soon(long usec);

/* killed_by - RETURNS: whether a wait status is death by signal sig. */
bool killed_by(int status, int sig);

#endif
