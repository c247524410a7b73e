/* clock_bench: what a glibc program pays to read the clock, for make
 * bench. glibc_clock_gettime is clock_gettime(CLOCK_MONOTONIC) as a
 * program calls it (through the vDSO when the kernel maps one);
 * clock_gettime_syscall is the system call itself, for comparison.
 * Printed in user/tests/bench.c's format, timed with raw clock_gettime
 * system calls as it is. glibc takes a 32-bit vDSO's time only once
 * tv_sec > 0, so the program first waits for the clock's first second,
 * spinning: with maxcpus=1 under -icount, a sleep never ends (the parked
 * CPUs' WFE neither runs instructions nor lets QEMU skip ahead). */
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 5
#define N 2000

static long long now_ns(void)
{
	long ts[2]; /* the 32-bit timespec of clock_gettime (NR 263) */

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, ts);
	return ts[0] * 1000000000LL + ts[1];
}

static void op_glibc(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
}

static void op_syscall(void)
{
	long ts[2];

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, ts);
}

static void run(const char *name, void (*op)(void))
{
	long per_op[ROUNDS], min = 0;
	long long t0;
	int r, i;

	for (r = 0; r < ROUNDS; r++) {
		t0 = now_ns();
		for (i = 0; i < N; i++)
			op();
		per_op[r] = (long)((now_ns() - t0) / N);
		if (r == 0 || per_op[r] < min)
			min = per_op[r];
	}
	printf("bench %-18s n=%-5d x%d  min_ns_per_op=%-8ld rounds:", name, N, ROUNDS, min);
	for (r = 0; r < ROUNDS; r++)
		printf(" %ld", per_op[r]);
	printf("\n");
}

int main(void)
{
	struct timespec t;

	do
		clock_gettime(CLOCK_MONOTONIC, &t);
	while (t.tv_sec < 1);
	run("glibc_clock_gettime", op_glibc);
	run("clock_gettime_syscall", op_syscall);
	return 0;
}
