/* bench: costs of the basic kernel paths, timed with raw
 * clock_gettime(CLOCK_MONOTONIC) system calls (no vDSO). Each operation
 * runs n times per round, 5 rounds; prints the minimum ns per operation
 * and every round, in the format of the Linux 6.1 reference
 * (/work/shared/linux-traces/linux-6.1-qemu/bench.txt). Under QEMU the
 * numbers mean something only with -icount shift=0. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 5

static long long now_ns(void)
{
	long ts[2];	/* the kernel's 32-bit timespec */

	syscall(__NR_clock_gettime, CLOCK_MONOTONIC, ts);
	return ts[0] * 1000000000LL + ts[1];
}

/* run - time op(n) ROUNDS times and print the result line */
static void run(const char *name, int n, void (*op)(int n))
{
	long per_op[ROUNDS], min = 0;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		long long t0 = now_ns();

		op(n);
		per_op[r] = (long)((now_ns() - t0) / n);
		if (r == 0 || per_op[r] < min)
			min = per_op[r];
	}
	printf("bench %-18s n=%-5d x%d  min_ns_per_op=%-8ld rounds:", name, n, ROUNDS, min);
	for (r = 0; r < ROUNDS; r++)
		printf(" %ld", per_op[r]);
	printf("\n");
}

static void op_getpid(int n)
{
	while (n--)
		syscall(__NR_getpid);
}

static void op_fork_exit_wait(int n)
{
	int st;

	while (n--) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		waitpid(pid, &st, 0);
	}
}

static void op_fork_exec_wait(int n)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };
	int st;

	while (n--) {
		pid_t pid = fork();

		if (pid == 0) {
			execve("/bin/true", argv, envp);
			_exit(127);
		}
		waitpid(pid, &st, 0);
	}
}

static void op_pipe_pingpong(int n)
{
	int ping[2], pong[2], st, i;
	pid_t pid;
	char c = 0;

	pipe(ping);
	pipe(pong);
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
	waitpid(pid, &st, 0);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
}

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got++;
}

static void op_kill_self(int n)
{
	while (n--)
		kill(getpid(), SIGUSR1);
}

/* round trip: kill() to a child waiting in sigsuspend, which kill()s back */
static void op_kill_pause(int n)
{
	sigset_t block, wait_mask;
	pid_t pid, parent = getpid();
	int st, i;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	sigdelset(&wait_mask, SIGUSR1);
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < n; i++) {
			sigsuspend(&wait_mask);
			kill(parent, SIGUSR1);
		}
		_exit(0);
	}
	for (i = 0; i < n; i++) {
		kill(pid, SIGUSR1);
		sigsuspend(&wait_mask);
	}
	waitpid(pid, &st, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

static void op_sched_yield(int n)
{
	while (n--)
		syscall(__NR_sched_yield);
}

static int empty_thread(void *arg)
{
	return 0;
}

static void op_thread(int n)
{
	struct thread t;

	while (n--) {
		thread_start(&t, empty_thread, NULL);
		thread_join(&t);
	}
}

int main(void)
{
	long long a, b, best = -1;
	int i;

	for (i = 0; i < 100; i++) {
		a = now_ns();
		b = now_ns();
		if (best < 0 || b - a < best)
			best = b - a;
	}
	printf("bench clock_gettime back-to-back delta_ns=%lld\n", best);
	signal(SIGUSR1, on_usr1);
	run("getpid", 2000, op_getpid);
	run("fork+exit+wait4", 40, op_fork_exit_wait);
	run("fork+execve+wait4", 20, op_fork_exec_wait);
	run("pipe_pingpong", 500, op_pipe_pingpong);
	run("kill_self_SIGUSR1", 400, op_kill_self);
	run("kill_pingpong", 200, op_kill_pause);
	run("sched_yield", 2000, op_sched_yield);
	run("thread_create+join", 40, op_thread);
	return 0;
}
