/* A group stop (SIGSTOP) completes, and the parent's waitpid(WUNTRACED)
 * returns, even when threads of the process exit while it is under way:
 * an exiting thread takes its part of the stop with it.
 * The child process starts three threads that spin until released and
 * then exit at once, releases them, waits a little (a different delay
 * each round, to sweep across the moments the threads are on their way
 * out) and stops itself; its parent continues it when the stop is
 * reported, or after three seconds if it never is. */
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define RACERS 3
#define STACK 4096
#define ROUNDS 200
#define CLONE_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		     CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static volatile int go;
static volatile int tids[RACERS];
static char stacks[RACERS][STACK] __attribute__((aligned(8)));

static int racer(void *unused)
{
	while (!go)
		;
	return 0; /* clone's trampoline exits this thread */
}

static int stop_while_threads_exit(void *unused)
{
	long long start = ms_now();
	int round, i;

	for (round = 0; round < ROUNDS && ms_now() - start < 8000; round++) {
		go = 0;
		for (i = 0; i < RACERS; i++)
			clone(racer, stacks[i] + STACK, CLONE_FLAGS, NULL, &tids[i], NULL, &tids[i]);
		go = 1;
		for (i = 0; i < (round % 64) * 25; i++)
			__asm__ __volatile__("" ::: "memory");
		kill(getpid(), SIGSTOP);
		for (i = 0; i < RACERS; i++) {
			int tid;

			while ((tid = tids[i]) != 0)
				syscall(__NR_futex, &tids[i], FUTEX_WAIT, tid, NULL, NULL, 0);
		}
	}
	return 0;
}

static void on_alarm(int sig)
{
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_alarm }; /* no SA_RESTART: waitpid gives up */
	struct itimerval patience = { { 0, 0 }, { 3, 0 } }, off = { { 0, 0 }, { 0, 0 } };
	int stops = 0, hung = 0, st;
	pid_t pid, r;

	sigaction(SIGALRM, &sa, NULL);
	pid = spawn(stop_while_threads_exit, NULL);
	for (;;) {
		setitimer(ITIMER_REAL, &patience, NULL);
		r = waitpid(pid, &st, WUNTRACED);
		setitimer(ITIMER_REAL, &off, NULL);
		if (r == pid && !WIFSTOPPED(st))
			break;
		if (r == pid)
			stops++;
		else
			hung++;
		kill(pid, SIGCONT);
	}
	printf("%d stops reported\n", stops);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the stopping process ran to its end");
	check_result(!hung && stops > 0, "every group stop completed while threads exited",
		     "%d stops never completed (%d did)", hung, stops);
	return check_done("t_group_stop");
}
