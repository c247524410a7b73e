/* vfork: the parent sleeps until the child execs or exits, killably; a
 * storm of vforks whose children leave at once, with the parent using its
 * kernel stack right after each (uname copies a struct from it), must not
 * see a byte changed by the child's wake-up of it (the completion lived in
 * that stack frame). */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int usr1;

static void on_usr1(int sig)
{
	usr1++;
}

/* Two seconds of vfork + _exit/execve; RETURNS: rounds with a wrong
 * uname or a wrong status. */
static int vfork_storm(int *rounds)
{
	struct utsname ref, u;
	long long start = ms_now();
	int bad = 0, st;

	uname(&ref);
	for (*rounds = 0; ms_now() - start < 2000; ++*rounds) {
		pid_t pid = vfork();

		if (pid == 0) {
			if (*rounds & 1)
				execl("/bin/true", "true", (char *)NULL);
			_exit(7);
		}
		uname(&u);
		if (memcmp(&u, &ref, sizeof(u)))
			bad++;
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != ((*rounds & 1) ? 0 : 7))
			bad++;
	}
	return bad;
}

/* The pid of stuck_parent's child, in memory shared with it. */
static volatile pid_t *stuck_child;

/* A vfork parent that is waiting for a child that never execs; the child
 * sleeps @arg seconds, then exits. */
static int stuck_parent(void *arg)
{
	pid_t pid = vfork();

	if (pid == 0) {
		struct timespec ts = { (long)arg, 0 };

		*stuck_child = getpid();
		nanosleep(&ts, NULL);
		_exit(0);
	}
	return usr1 == 1 ? 3 : 4;
}

int main(void)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int rounds, bad = vfork_storm(&rounds), st;
	pid_t parent;

	check_result(!bad && rounds > 10, "vfork storm: the parent's kernel stack is its own again",
		     "%d of %d rounds went wrong", bad, rounds);

	stuck_child = mmap(NULL, sizeof(*stuck_child), PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	signal(SIGUSR1, on_usr1);
	parent = spawn(stuck_parent, (void *)2L);
	while (!*stuck_child)
		nanosleep(&tick, NULL);
	CHECK_EQ(kill(parent, SIGUSR1), 0, "SIGUSR1 to a vfork parent");
	CHECK_EQ(waitpid(parent, &st, WNOHANG), 0, "it waits on: only a fatal signal ends the wait");
	CHECK(waitpid(parent, &st, 0) == parent && WIFEXITED(st) && WEXITSTATUS(st) == 3,
	      "once the child exits, the parent returns and runs its handler");

	*stuck_child = 0;
	parent = spawn(stuck_parent, (void *)10L);
	while (!*stuck_child)
		nanosleep(&tick, NULL);
	CHECK_EQ(kill(parent, SIGKILL), 0, "SIGKILL to a vfork parent");
	st = reap(parent);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL && kill(*stuck_child, 0) == 0,
	      "it dies at once, while its child still sleeps (10 s)");
	kill(*stuck_child, SIGKILL);
	return check_done("t_vfork");
}
