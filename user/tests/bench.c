/* bench: costs of the basic kernel paths, the same ELF on Kestrel and on
 * Linux (make bench runs both). Each operation runs n times per round and
 * prints the minimum ns per operation over the rounds, then every round:
 *	bench <op> n=<n> x<rounds> min_ns_per_op=<ns> rounds: <ns> ...
 * Time comes from raw clock_gettime(CLOCK_MONOTONIC) system calls (no
 * vDSO); setup (busy processes, a pipe's reader, a 16 MiB heap) is outside
 * the timed part. Under QEMU the figures mean something only with
 * -icount shift=0 (one instruction is one nanosecond).
 *
 * `bench OPERATION...` runs only those; `bench quick` runs each once (n=1,
 * one round): the smoke test of /etc/all-tests, where time is real.
 * `bench smp` leaves out the rows with busy loops, for a run on several
 * CPUs under -icount: QEMU then runs the virtual CPUs in turn, each for a
 * long slice, so a wake-up across CPUs waits for the busy CPU's slice to
 * end, and those rows would time QEMU, not the kernel.
 *
 * Started as process 1 (rdinit=/bin/bench -- CMD...), it first prints the
 * time from reset to its first instructions, read from the generic
 * timer's virtual counter (which both kernels let user space read), then
 * executes /init CMD... */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 5

static int quick, smp;

static long long now_ns(void)
{
	long ts[2];	/* the kernel's 32-bit timespec */

	syscall(__NR_clock_gettime, CLOCK_MONOTONIC, ts);
	return ts[0] * 1000000000LL + ts[1];
}

/* run - time op(n) @rounds times and print the result line; op returns
 * the ns its timed part took */
static void run(const char *name, int n, int rounds, long long (*op)(int n))
{
	long long per_op[ROUNDS], min = 0;
	int r;

	if (quick)
		n = rounds = 1;
	for (r = 0; r < rounds; r++) {
		per_op[r] = op(n) / n;
		if (r == 0 || per_op[r] < min)
			min = per_op[r];
	}
	printf("bench %-18s n=%-5d x%d  min_ns_per_op=%-8lld rounds:", name, n, rounds, min);
	for (r = 0; r < rounds; r++)
		printf(" %lld", per_op[r]);
	printf("\n");
}

static long long op_getpid(int n)
{
	long long t0 = now_ns();

	while (n--)
		getpid();
	return now_ns() - t0;
}

static long long op_fork_exit_wait(int n)
{
	long long t0 = now_ns();
	int st;

	while (n--) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		waitpid(pid, &st, 0);
	}
	return now_ns() - t0;
}

/* fork+exit+wait4 from a parent with 16 MiB of touched heap: the cost of
 * copying and tearing down page tables that map something */
static long long op_fork_16m(int n)
{
	size_t size = 16 << 20;
	char *heap = malloc(size);
	long long t;
	size_t i;

	if (!heap) {
		printf("bench: no 16 MiB heap\n");
		exit(1);
	}
	for (i = 0; i < size; i += 4096)
		heap[i] = 1;
	t = op_fork_exit_wait(n);
	free(heap);
	return t;
}

static long long op_fork_exec_wait(int n)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };
	long long t0 = now_ns();
	int st;

	while (n--) {
		pid_t pid = fork();

		if (pid == 0) {
			execve("/bin/true", argv, envp);
			_exit(127);
		}
		waitpid(pid, &st, 0);
	}
	return now_ns() - t0;
}

static long long op_pipe_pingpong(int n)
{
	int ping[2], pong[2], st, i;
	long long t0, t;
	pid_t pid;
	char c = 0;

	pipe(ping);
	pipe(pong);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < n; i++) {
			read(ping[0], &c, 1);
			write(pong[1], &c, 1);
		}
		_exit(0);
	}
	for (i = 0; i < n; i++) {
		write(ping[1], &c, 1);
		read(pong[0], &c, 1);
	}
	t = now_ns() - t0;
	waitpid(pid, &st, 0);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
	return t;
}

static char stream_buf[64 << 10];

/* pipe_stream - n writes of @chunk bytes into a pipe that a child drains
 * with 64 KiB reads: bulk copies, and a switch each time the pipe is full.
 * Timed from the first write until the reader has seen the last byte. */
static long long pipe_stream(int n, size_t chunk)
{
	int fd[2], st, i;
	long long t0, t;
	pid_t pid;

	pipe(fd);
	pid = fork();
	if (pid == 0) {
		close(fd[1]);
		while (read(fd[0], stream_buf, sizeof(stream_buf)) > 0)
			;
		_exit(0);
	}
	close(fd[0]);
	t0 = now_ns();
	for (i = 0; i < n; i++)
		write(fd[1], stream_buf, chunk);
	close(fd[1]);
	waitpid(pid, &st, 0);
	t = now_ns() - t0;
	return t;
}

static long long op_pipe_4k(int n)
{
	return pipe_stream(n, 4 << 10);
}

static long long op_pipe_64k(int n)
{
	return pipe_stream(n, 64 << 10);
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got++;
}

static long long op_kill_self(int n)
{
	long long t0 = now_ns();

	while (n--)
		kill(getpid(), SIGUSR1);
	return now_ns() - t0;
}

/* round trip: kill() to a child waiting in sigsuspend, which kill()s back;
 * timed from when the child has first signalled that it runs */
static long long op_kill_pause(int n)
{
	sigset_t block, wait_mask;
	pid_t pid, parent = getpid();
	long long t0, t;
	int st, i;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	sigdelset(&wait_mask, SIGUSR1);
	pid = fork();
	if (pid == 0) {
		kill(parent, SIGUSR1);
		for (i = 0; i < n; i++) {
			sigsuspend(&wait_mask);
			kill(parent, SIGUSR1);
		}
		_exit(0);
	}
	sigsuspend(&wait_mask);
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		kill(pid, SIGUSR1);
		sigsuspend(&wait_mask);
	}
	t = now_ns() - t0;
	waitpid(pid, &st, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	return t;
}

/* kill ping-pong while busy processes (endless loops) share the CPU: how
 * long a task that slept waits for the CPU after its wake-up */
static int nr_busy;

static long long op_kill_pause_busy(int n)
{
	pid_t busy[100];
	long long t;
	int i, st;

	for (i = 0; i < nr_busy; i++) {
		busy[i] = fork();
		if (busy[i] == 0)
			for (;;)
				__asm__ __volatile__("" ::: "memory");
	}
	t = op_kill_pause(n);
	for (i = 0; i < nr_busy; i++)
		kill(busy[i], SIGKILL);
	for (i = 0; i < nr_busy; i++)
		waitpid(busy[i], &st, 0);
	return t;
}

static long long op_sched_yield(int n)
{
	long long t0 = now_ns();

	while (n--)
		sched_yield();
	return now_ns() - t0;
}

static int empty_thread(void *arg)
{
	return 0;
}

static long long op_thread(int n)
{
	long long t0 = now_ns();
	struct thread t;

	while (n--) {
		thread_start(&t, empty_thread, NULL);
		thread_join(&t);
	}
	return now_ns() - t0;
}

/* As process 1: the time from reset to here, then the real init. */
static void boot_time(char **argv)
{
	uint32_t lo, hi, frq;
	uint64_t cnt;

	__asm__ __volatile__("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));	/* CNTVCT */
	__asm__ __volatile__("mrc p15, 0, %0, c14, c0, 0" : "=r"(frq));			/* CNTFRQ */
	cnt = (uint64_t)hi << 32 | lo;
	printf("bench %-18s n=%-5d x%d  min_ns_per_op=%-8llu rounds: %llu\n", "boot_to_user", 1,
	       1, cnt * 1000000000ULL / frq, cnt * 1000000000ULL / frq);
	argv[0] = "/init";
	execv("/init", argv);
	printf("bench: cannot run /init\n");
}

static const struct bench_op {
	const char *name;
	int n, rounds;
	long long (*op)(int n);
	int busy;	/* busy loops for op_kill_pause_busy */
} ops[] = {
	{ "getpid", 2000, ROUNDS, op_getpid, 0 },
	{ "fork+exit+wait4", 40, ROUNDS, op_fork_exit_wait, 0 },
	{ "fork16MiB+exit+wait4", 10, ROUNDS, op_fork_16m, 0 },
	{ "fork+execve+wait4", 20, ROUNDS, op_fork_exec_wait, 0 },
	{ "pipe_pingpong", 500, ROUNDS, op_pipe_pingpong, 0 },
	{ "pipe_4KiB_write", 1000, ROUNDS, op_pipe_4k, 0 },
	{ "pipe_64KiB_write", 100, ROUNDS, op_pipe_64k, 0 },
	{ "kill_self_SIGUSR1", 400, ROUNDS, op_kill_self, 0 },
	{ "kill_pingpong", 200, ROUNDS, op_kill_pause, 0 },
	{ "kill_pingpong_1busy", 20, 3, op_kill_pause_busy, 1 },
	{ "kill_pingpong_10busy", 20, 3, op_kill_pause_busy, 10 },
	{ "kill_pingpong_100busy", 20, 3, op_kill_pause_busy, 100 },
	{ "sched_yield", 2000, ROUNDS, op_sched_yield, 0 },
	{ "thread_create+join", 40, ROUNDS, op_thread, 0 },
};

/* selected - RETURNS: whether the command line asks for this operation
 * (all of them when it names none) */
static int selected(const char *name, int argc, char **argv)
{
	int i, named = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "quick") || !strcmp(argv[i], "smp"))
			continue;
		named = 1;
		if (!strcmp(argv[i], name))
			return 1;
	}
	return !named;
}

/* bench [quick|smp] [OPERATION...]: the named operations, or all */
int main(int argc, char **argv)
{
	long long a, b, best = -1;
	unsigned int i;

	if (getpid() == 1)
		boot_time(argv);
	quick = argc > 1 && !strcmp(argv[1], "quick");
	smp = argc > 1 && !strcmp(argv[1], "smp");
	for (i = 0; i < 100; i++) {
		a = now_ns();
		b = now_ns();
		if (best < 0 || b - a < best)
			best = b - a;
	}
	printf("bench clock_gettime back-to-back delta_ns=%lld\n", best);
	signal(SIGUSR1, on_usr1);
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (!selected(ops[i].name, argc, argv) || (smp && ops[i].busy))
			continue;
		nr_busy = ops[i].busy;
		run(ops[i].name, ops[i].n, ops[i].rounds, ops[i].op);
	}
	return 0;
}
