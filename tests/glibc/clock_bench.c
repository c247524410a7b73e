/* clock_bench: what a glibc program pays to read the clock, for make
 * bench. glibc_clock_gettime is clock_gettime(CLOCK_MONOTONIC) as a
 * program calls it (through the vDSO when the kernel maps one);
 * clock_gettime_syscall is the system call itself, for comparison (reported
 * as bench_report.h says). glibc takes a 32-bit vDSO's time only once
 * tv_sec > 0, so the program first waits for the clock's first second,
 * spinning: with maxcpus=1 under -icount, a sleep never ends (the parked
 * CPUs' WFE neither runs instructions nor lets QEMU skip ahead). */
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "bench_report.h"

#define ROUNDS 5
#define N 2000

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
	long per_op[ROUNDS];
	long long t0;
	int r, i;

	for (r = 0; r < ROUNDS; r++) {
		t0 = now_ns();
		for (i = 0; i < N; i++)
			op();
		per_op[r] = (long)((now_ns() - t0) / N);
	}
	report(name, N, per_op, ROUNDS);
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
