/* The timing and the report line shared by the glibc bench programs
 * (vfp_bench, clock_bench): user/tests/bench.c's format, which
 * tools/bench_table.py reads, timed with raw clock_gettime system calls
 * as bench.c is, so that both kernels are timed the same way. */
#ifndef BENCH_REPORT_H
#define BENCH_REPORT_H
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
	long ts[2]; /* the 32-bit timespec of clock_gettime (NR 263) */

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, ts);
	return ts[0] * 1000000000LL + ts[1];
}

/* Print "bench <name> n=<n> x<rounds> min_ns_per_op=<min> rounds: ..."
 * for the @rounds per-operation times in @per_op. */
static void report(const char *name, int n, const long *per_op, int rounds)
{
	long min = per_op[0];
	int r;

	for (r = 1; r < rounds; r++)
		if (per_op[r] < min)
			min = per_op[r];
	printf("bench %-18s n=%-5d x%d  min_ns_per_op=%-8ld rounds:", name, n, rounds, min);
	for (r = 0; r < rounds; r++)
		printf(" %ld", per_op[r]);
	printf("\n");
}
#endif
