/* Fork and thread bombs stop at Linux's limits with EAGAIN, and the
 * machine recovers once they are killed: RLIMIT_NPROC for a user (every
 * task of that real uid counts, threads too; init's limit is half of
 * max_threads, which alone binds root), and the set*uid + execve case
 * that defers the failure to execve. */
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define RLIMIT_NPROC 6
#define STACK 4096

struct rlimit64 {
	unsigned long long rlim_cur, rlim_max;
};

static long set_nproc(unsigned long long n)
{
	struct rlimit64 lim = { n, n };

	return syscall(__NR_prlimit64, 0, RLIMIT_NPROC, &lim, NULL);
}

static long become(unsigned int uid)
{
	return syscall(__NR_setresgid32, uid, uid, uid) ?: syscall(__NR_setresuid32, uid, uid, uid);
}

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

/* Fork sleepers into pids[] until fork fails. RETURNS: how many. */
static int fork_until_eagain(pid_t *pids, int max)
{
	int n = 0;

	while (n < max && (pids[n] = spawn(sleeper, NULL)) > 0)
		n++;
	return n;
}

static void kill_all(pid_t *pids, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (i = 0; i < n; i++)
		reap(pids[i]);
}

/* As user 1001 with RLIMIT_NPROC 10: nine children (it is the tenth). */
static void fork_bomb(void)
{
	pid_t pids[64];
	int n;

	CHECK_EQ(become(1001), 0, "become user 1001");
	CHECK_EQ(set_nproc(10), 0, "RLIMIT_NPROC 10");
	n = fork_until_eagain(pids, 64);
	CHECK_EQ(n, 9, "nine children fork, then no more");
	CHECK_ERR(fork(), EAGAIN, "at the limit, fork -> EAGAIN");
	kill_all(pids, n);
	n = fork_until_eagain(pids, 64);
	CHECK_EQ(n, 9, "once they are killed and reaped, nine fork again");
	kill_all(pids, n);
}

/* Threads that sleep, each on a page of @stacks. RETURNS: how many
 * clone() made before it failed (errno set), up to @max. */
static int thread_bomb(char *stacks, int max)
{
	const int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
	int n = 0;

	while (n < max && clone(sleeper, stacks + (n + 1) * STACK, flags, NULL) > 0)
		n++;
	return n;
}

static char *stacks;

/* A user's threads count against RLIMIT_NPROC too. */
static int user_thread_bomb(void *unused)
{
	if (become(1002) || set_nproc(10))
		return 100;
	return thread_bomb(stacks, 64) == 9 && errno == EAGAIN ? 0 : 101;
}

static void user_threads(void)
{
	CHECK_EQ(reap(spawn(user_thread_bomb, NULL)), 0, "as user 1002, nine threads, then EAGAIN");
	CHECK_EQ(reap(spawn(user_thread_bomb, NULL)), 0, "and again once that process is gone");
}

/* Wait (up to 5 s) until @pid's real uid is 1003. */
static int is_user_1003(pid_t pid)
{
	char path[32], buf[1024];
	long long start = ms_now();

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	while (ms_now() - start < 5000) {
		if (read_text(path, buf, sizeof(buf)) > 0 && strstr(buf, "\nUid:\t1003\t"))
			return 1;
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	}
	return 0;
}

static int helper_1003(void *unused)
{
	become(1003);
	return sleeper(NULL);
}

/* set*uid() to a user already at its limit succeeds; the execve() after
 * it fails with EAGAIN (Linux defers the check so that programs that
 * ignore set*uid's result are still stopped). */
static void setuid_exec_case(void)
{
	pid_t pids[3];
	int i;

	for (i = 0; i < 3; i++) {
		pids[i] = spawn(helper_1003, NULL);
		CHECK(is_user_1003(pids[i]), "a helper became user 1003");
	}
	CHECK_EQ(set_nproc(2), 0, "root: RLIMIT_NPROC 2");
	CHECK_EQ(become(1003), 0, "setresuid to user 1003, which has 3 processes: allowed");
	CHECK_ERR(execl("/bin/true", "true", (char *)NULL), EAGAIN, "then execve -> EAGAIN");
	kill_all(pids, 3);
}

int main(void)
{
	struct rlimit64 lim;

	CHECK(syscall(__NR_prlimit64, 0, RLIMIT_NPROC, NULL, &lim) == 0 && lim.rlim_cur > 100 &&
	      lim.rlim_cur == lim.rlim_max, "init's RLIMIT_NPROC is max_threads / 2");
	stacks = mmap(NULL, 65 * STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check_child("fork bomb as a user", fork_bomb);
	user_threads();
	check_child("set*uid then execve at the limit", setuid_exec_case);
	return check_done("t_nproc");
}
