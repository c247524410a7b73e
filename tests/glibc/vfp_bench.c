/* vfp_bench: what the VFP state adds to a context switch, for make bench.
 * Two processes ping-pong a byte through pipes, each round trip two
 * context switches when they share a CPU (maxcpus=1). Without VFP use the
 * switches cost what they did before this kernel had VFP support; with
 * VFP use, each process executes a VFP instruction every time it runs, so
 * every switch also saves 32 double registers, traps at the next VFP
 * instruction and loads them back (Linux's scheme: eager save, lazy
 * restore). Reported as bench_report.h says. */
#pragma GCC target("fpu=neon-vfpv4")
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bench_report.h"

#define ROUNDS 5
#define N 500

static void touch_vfp(int use_vfp)
{
	if (use_vfp)
		__asm__ __volatile__("vadd.f64 d0, d0, d1" : : : "d0");
}

/* RETURNS: ns per round trip of n */
static long pingpong(int n, int use_vfp)
{
	int ping[2], pong[2], i;
	long long t0;
	char c = 'x';
	pid_t pid;

	if (pipe(ping) || pipe(pong))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(ping[1]); /* so that the parent's close ends the loop */
		close(pong[0]);
		while (read(ping[0], &c, 1) == 1) {
			touch_vfp(use_vfp);
			write(pong[1], &c, 1);
		}
		_exit(0);
	}
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		write(ping[1], &c, 1);
		read(pong[0], &c, 1);
		touch_vfp(use_vfp);
	}
	t0 = now_ns() - t0;
	close(ping[1]);
	waitpid(pid, NULL, 0);
	close(ping[0]);
	close(pong[0]);
	close(pong[1]);
	return (long)(t0 / n);
}

static void run(const char *name, int use_vfp)
{
	long per_op[ROUNDS];
	int r;

	for (r = 0; r < ROUNDS; r++)
		per_op[r] = pingpong(N, use_vfp);
	report(name, N, per_op, ROUNDS);
}

int main(void)
{
	run("glibc_pingpong", 0);
	run("glibc_pingpong_vfp", 1);
	return 0;
}
