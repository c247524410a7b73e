/* sysconf: system limits and sizes, where glibc finds them on Linux
 * (sysdeps/unix/sysv/linux/sysconf.c): the page size from the auxiliary
 * vector, processors from sched_getaffinity, descriptors from
 * RLIMIT_NOFILE, children from RLIMIT_NPROC; the rest are Linux's constants. */
#include <errno.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "syscall.h"

/* The CPUs this process may run on (glibc's get_nprocs falls back to the
 * same affinity mask). */
static long nprocs(void)
{
	unsigned long mask[4] = { 0 };
	long n = 0, size = SYSCALL_RAW(__NR_sched_getaffinity, 0, sizeof(mask), mask), i;

	if (size < 0)
		return 1;
	for (i = 0; i < (long)(sizeof(mask) / sizeof(mask[0])); i++)
		n += __builtin_popcountl(mask[i]);
	return n ? n : 1;
}

/* Linux's resource numbers (include/uapi/asm-generic/resource.h) */
#define RLIMIT_STACK 3
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIM_INFINITY (~0UL)

/* The soft limit of @resource, @none if unlimited, -1 on error. */
static long rlimit_or(int resource, long none)
{
	struct {
		unsigned long cur, max;
	} rl;

	if (SYSCALL(__NR_ugetrlimit, resource, &rl) < 0)
		return -1;
	return rl.cur == RLIM_INFINITY ? none : (long)rl.cur;
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return getauxval(AT_PAGESZ) ?: 4096;
	case _SC_CLK_TCK:
		return getauxval(AT_CLKTCK) ?: 100;
	case _SC_NPROCESSORS_ONLN:
	case _SC_NPROCESSORS_CONF:
		return nprocs();
	case _SC_OPEN_MAX:
		return rlimit_or(RLIMIT_NOFILE, -1);
	case _SC_CHILD_MAX:
		return rlimit_or(RLIMIT_NPROC, -1);
	case _SC_ARG_MAX:
		/* a quarter of the stack limit, at least 128 KiB (Linux's rule) */
		return rlimit_or(RLIMIT_STACK, -1) / 4 > 131072 ? rlimit_or(RLIMIT_STACK, -1) / 4
								: 131072;
	case _SC_NGROUPS_MAX:
		return 65536;
	case _SC_LINE_MAX:
		return 2048;
	case _SC_HOST_NAME_MAX:
		return 64;
	case _SC_LOGIN_NAME_MAX:
		return 256;
	case _SC_TTY_NAME_MAX:
		return 32;
	case _SC_SYMLOOP_MAX:
		return -1; /* no fixed limit reported, as glibc */
	case _SC_MONOTONIC_CLOCK:
	case _SC_TIMERS:
	case _SC_VERSION:
		return 200809L;
	case _SC_JOB_CONTROL:
	case _SC_SAVED_IDS:
		return 1;
	default:
		errno = EINVAL;
		return -1;
	}
}
