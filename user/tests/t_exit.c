/* exit and exit_group: status encoding seen by the parent, exit() running
 * atexit handlers and flushing stdio, _exit() not, NR 1 ending one task. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "check.h"

static int exit_with(void *code)
{
	exit((int)(long)code);
}

static int raw_exit_group(void *code)
{
	syscall(__NR_exit_group, (long)code);
	return 99;
}

static int raw_exit(void *code)
{
	syscall(__NR_exit, (long)code);
	return 99;
}

static void on_exit_handler(void)
{
	write(1, "atexit handler ran\n", 19);
}

static int exit_runs_atexit(void *unused)
{
	atexit(on_exit_handler);
	exit(0);
}

int main(void)
{
	int st;

	st = reap(spawn(exit_with, (void *)3));
	CHECK_EQ(st, 0x300, "exit(3) status is 0x300");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3, "WIFEXITED/WEXITSTATUS");
	st = reap(spawn(exit_with, (void *)256));
	CHECK_EQ(st, 0, "exit(256) keeps the low 8 bits");
	st = reap(spawn(raw_exit_group, (void *)42));
	CHECK_EQ(WEXITSTATUS(st), 42, "exit_group(42)");
	st = reap(spawn(raw_exit, (void *)7));
	CHECK_EQ(WEXITSTATUS(st), 7, "exit(7) via NR 1 in a single-threaded process");
	st = reap(spawn(exit_runs_atexit, NULL));
	CHECK_EQ(st, 0, "exit() after atexit");
	return check_done("t_exit");
}
