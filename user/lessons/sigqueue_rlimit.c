/* sigqueue_rlimit: __send_signal at RLIMIT_SIGPENDING (lesson 3). With the
 * limit at 2, and SIGRTMIN, SIGRTMIN+1 and SIGUSR1 blocked: two sigqueue()s
 * of SIGRTMIN take the user's two queue entries; a sigqueue() of SIGRTMIN+1
 * then fails with EAGAIN (__sigqueue_alloc refuses: res=3,
 * TRACE_SIGNAL_OVERFLOW_FAIL); kill() of SIGRTMIN+1 may not fail, so the
 * signal is marked pending without its siginfo (res=4,
 * TRACE_SIGNAL_LOSE_INFO); and SIGUSR1 from kill() goes past the limit
 * (override_rlimit for a classic signal). Unblocked, the handler sees
 * SIGUSR1 with the sender's pid, the two queued values, and SIGRTMIN+1 as
 * collect_signal makes it up: SI_USER from pid 0. The count is per user, so
 * the program first becomes a user of its own (uid 4242). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define RLIMIT_SIGPENDING 11	/* Linux's; newlib's <sys/resource.h> has no rlimits */
#define NR_DELIVERIES 8

struct delivery {
	int sig, code, pid, value;
};

static struct delivery seen[NR_DELIVERIES];
static volatile sig_atomic_t nr_seen;

static void handler(int sig, siginfo_t *info, void *ucontext)
{
	if (nr_seen < NR_DELIVERIES)
		seen[nr_seen++] = (struct delivery){ sig, info->si_code, info->si_pid,
						     info->si_value.sival_int };
}

static const char *code_name(int code)
{
	return code == SI_QUEUE ? "SI_QUEUE" : code == SI_USER ? "SI_USER" : "?";
}

int main(void)
{
	struct { unsigned long cur, max; } limit = { 2, 2 };
	struct sigaction sa;
	sigset_t block;
	int i, ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGRTMIN);
	sigaddset(&block, SIGRTMIN + 1);
	if (sigaction(SIGUSR1, &sa, NULL) < 0 || sigaction(SIGRTMIN, &sa, NULL) < 0 ||
	    sigaction(SIGRTMIN + 1, &sa, NULL) < 0 ||
	    syscall(__NR_setrlimit, RLIMIT_SIGPENDING, &limit) < 0 || setresuid(4242, 4242, 4242) < 0) {
		perror("sigqueue_rlimit: set-up");
		return 1;
	}
	sigprocmask(SIG_BLOCK, &block, NULL);
	printf("RLIMIT_SIGPENDING=%lu uid=%d, signals %d %d %d blocked\n", limit.cur, (int)getuid(),
	       SIGUSR1, SIGRTMIN, SIGRTMIN + 1);
	for (i = 1; i <= 3; i++) {
		int sig = i < 3 ? SIGRTMIN : SIGRTMIN + 1;

		ret = sigqueue(getpid(), sig, (union sigval){ .sival_int = i });
		printf("sigqueue(%d, value %d) -> %d%s%s\n", sig, i, ret, ret < 0 ? " " : "",
		       ret < 0 ? strerror(errno) : "");
	}
	printf("kill(%d) -> %d\n", SIGRTMIN + 1, kill(getpid(), SIGRTMIN + 1));
	printf("kill(%d) -> %d\n", SIGUSR1, kill(getpid(), SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	for (i = 0; i < nr_seen; i++)
		printf("handler: signal %d %s from %s value %d\n", seen[i].sig, code_name(seen[i].code),
		       seen[i].pid == getpid() ? "itself" : seen[i].pid ? "another pid" : "pid 0",
		       seen[i].value);
	return nr_seen == 4 ? 0 : 1;
}
