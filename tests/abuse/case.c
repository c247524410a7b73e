/* Helpers for the abuse cases: see case.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

static uint32_t state = 1;

unsigned int case_random_seed(void)
{
	unsigned int seed = 0;
	struct timespec ts;

	if (syscall(__NR_getrandom, &seed, sizeof(seed), 0) != sizeof(seed) || !seed) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		seed = ts.tv_nsec ^ ts.tv_sec ^ getpid();
	}
	return seed ? seed : 1;
}

unsigned int case_init(int argc, char **argv)
{
	unsigned int seed = argc > 1 ? strtoul(argv[1], NULL, 0) : case_random_seed();

	setvbuf(stdout, NULL, _IOLBF, 0);
	state = seed ? seed : 1;
	printf("%s: seed %u\n", argv[0], seed);
	return seed;
}

uint32_t case_rand(void)
{
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

/* Groups first, while still root. A kernel without setgroups or setgid
 * (ENOSYS) still checks the uid, which is what matters here. */
void as_user(void)
{
	if ((syscall(__NR_setgroups32, 0, NULL) < 0 && errno != ENOSYS) ||
	    (syscall(__NR_setgid32, ABUSE_GID) < 0 && errno != ENOSYS) ||
	    syscall(__NR_setuid32, ABUSE_UID) < 0 || getuid() != ABUSE_UID) {
		printf("FAIL as_user: cannot become uid %d\n", ABUSE_UID);
		exit(2);
	}
}

bool killed_by(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

int case_getrlimit(int resource, struct case_rlimit *rl)
{
	return syscall(__NR_ugetrlimit, resource, rl);
}

int case_setrlimit(int resource, unsigned long cur, unsigned long max)
{
	struct case_rlimit rl = { cur, max };

	return syscall(__NR_setrlimit, resource, &rl);
}

static void on_alarm(int sig)
{
}

void alarm_soon(long usec)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval soon = { { 0, 0 }, { 0, usec } };

	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &soon, NULL);
}
