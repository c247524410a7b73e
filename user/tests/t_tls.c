/* The user-writable thread register TPIDRURW (c13, c0, 2) is per-thread
 * state, as on Linux (tp_value[1], CVE-2014-9870): a child starts with its
 * parent's value, each process keeps its own across context switches while
 * others write theirs, and a new program starts with it and the TLS
 * pointer (TPIDRURO) zero. */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define WRITERS 8
#define ROUNDS 40

static unsigned long get_tpuser(void)
{
	unsigned long v;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 2" : "=r"(v));
	return v;
}

static void set_tpuser(unsigned long v)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 2" : : "r"(v));
}

static unsigned long get_tls(void)
{
	unsigned long v;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 3" : "=r"(v));
	return v;
}

static int inherits(void *parent_value)
{
	return get_tpuser() == (unsigned long)parent_value ? 0 : 1;
}

/* Write a value of our own, then sleep and look, while the other writers
 * do the same on the same CPUs: the value must stay ours. */
static int keeps_its_own(void *arg)
{
	unsigned long mine = 0x5a000000 | (unsigned long)arg;
	int i;

	set_tpuser(mine);
	for (i = 0; i < ROUNDS; i++) {
		usleep(1000);
		if (get_tpuser() != mine)
			return 1;
	}
	return 0;
}

/* The program exec'd by exec_clears: report both registers. */
static int report_after_exec(void)
{
	return (get_tpuser() == 0 ? 0 : 1) | (get_tls() == 0 ? 0 : 2);
}

static int exec_clears(void *self)
{
	char *argv[] = { self, "after-exec", NULL };

	set_tpuser(0x12345678);
	syscall(__ARM_NR_set_tls, 0x0badc0de);
	execvp(self, argv);
	return 100;
}

int main(int argc, char **argv)
{
	pid_t pids[WRITERS];
	int i, bad = 0, st;

	if (argc > 1 && strcmp(argv[1], "after-exec") == 0)
		return report_after_exec();

	set_tpuser(0xfeedf00d);
	CHECK_EQ(reap(spawn(inherits, (void *)0xfeedf00dUL)), 0,
		 "fork: the child starts with its parent's TPIDRURW");

	for (i = 0; i < WRITERS; i++)
		pids[i] = spawn(keeps_its_own, (void *)(long)i);
	for (i = 0; i < WRITERS; i++) {
		st = reap(pids[i]);
		bad += st != 0;
	}
	check_result(bad == 0, "8 processes each keep their own TPIDRURW across switches",
		     "%d of them saw another's value", bad);
	CHECK_EQ(get_tpuser(), 0xfeedf00d, "and the parent still has its own");

	st = reap(spawn(exec_clears, argv[0]));
	CHECK_EQ(st, 0, "exec: the new program starts with TPIDRURW and TPIDRURO zero");
	return check_done("t_tls");
}
