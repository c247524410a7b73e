/* vfp_switch: each process's VFP/NEON registers survive context switches.
 * Six processes, all pinned to CPU 0 (sched_setaffinity, inherited by
 * fork), each load their own values into d0-d31 and FPSCR, keep them live
 * while spinning until the timer preempts them and while calling
 * sched_yield, and check them every round: every switch on that CPU hands
 * the VFP from one of them to another. */
#include "vfp_regs.h"
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NPROC 6
#define ROUNDS 40
#define SPINS 200000

static int run_child(unsigned int seed)
{
	struct vfp_regs in, out;
	static volatile int never;
	int round, bad;

	vfp_pattern(&in, seed);
	for (round = 0; round < ROUNDS; round++) {
		vfp_hold(&in, &out, SPINS, &never, SYS_sched_yield, 0, 0);
		bad = vfp_compare(&in, &out);
		if (bad >= 0) {
			printf("FAIL process %u, round %d: %s%d changed\n", seed, round,
			       bad == 32 ? "FPSCR " : "d", bad);
			return 1;
		}
	}
	return 0;
}

int main(void)
{
	cpu_set_t cpu0;
	int i, status, failed = 0;

	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	sched_setaffinity(0, sizeof(cpu0), &cpu0); /* inherited by the children */
	for (i = 0; i < NPROC; i++)
		if (fork() == 0)
			_exit(run_child(i + 1));
	for (i = 0; i < NPROC; i++)
		if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
			failed++;
	printf("%d processes x %d rounds of spin and sched_yield: d0-d31 and FPSCR %s\n", NPROC,
	       ROUNDS, failed ? "CHANGED" : "intact");
	return failed != 0;
}
