/* PASS/FAIL reporting for the system call tests: one line per check,
 * "PASS name" or "FAIL name: why", then "prog: N passed, N failed". */
#ifndef _USER_TESTS_CHECK_H
#define _USER_TESTS_CHECK_H

#include <errno.h>
#include <string.h>
#include <sys/types.h>

/* check_result - report one check; why is printf-style, used on failure.
 * RETURNS: ok, so that callers can skip checks that depend on it. */
int check_result(int ok, const char *name, const char *why, ...)
	__attribute__((format(printf, 3, 4)));

/* check_child - run @fn in a forked child (which may drop privileges or
 * die without harm to the caller), and check as @name that none of the
 * checks it made failed. RETURNS: 1 if none did. */
int check_child(const char *name, void (*fn)(void));

/* ms_now - RETURNS: CLOCK_MONOTONIC in milliseconds. */
long long ms_now(void);

/* read_text - up to @size - 1 bytes of @path, NUL-terminated.
 * RETURNS: the length, or -1. */
int read_text(const char *path, char *buf, int size);

/* check_done - print the summary. RETURNS: the exit status, 0 if all passed. */
int check_done(const char *prog);

/* cond must hold; on failure the text of cond and errno are printed */
#define CHECK(cond, name) \
	check_result(!!(cond), name, "%s (errno %d: %s)", #cond, errno, strerror(errno))

/* got must equal want (as longs) */
#define CHECK_EQ(got, want, name) ({ \
	long __g = (long)(got), __w = (long)(want); int __e = errno; \
	check_result(__g == __w, name, "%s = %ld, want %ld (errno %d: %s)", \
		     #got, __g, __w, __e, strerror(__e)); })

/* a call must fail with err: returns -1 and errno == err */
#define CHECK_ERR(call, err, name) ({ \
	errno = 0; long __r = (long)(call); int __e = errno; \
	check_result(__r == -1 && __e == (err), name, "%s = %ld errno %d (%s), want -1 errno %d (%s)", \
		     #call, __r, __e, strerror(__e), (err), strerror(err)); })

/* fork a child that returns fn(arg) as its exit status.
 * RETURNS: the child's pid, or -1. */
pid_t spawn(int (*fn)(void *), void *arg);

/* wait for pid. RETURNS: its wait status, or -1 (and a FAIL line). */
int reap(pid_t pid);

#endif
