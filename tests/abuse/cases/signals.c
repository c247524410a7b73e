/* Signal abuse, as an ordinary user: restart_syscall called directly, a
 * flood of queued signals past RLIMIT_SIGPENDING (sigqueue gets EAGAIN, the
 * trace says res=3; kill() loses only the information), storms of SIGSTOP
 * and SIGCONT from several senders, and signals racing with exit, exec and
 * thread exit. Every victim must end when SIGKILLed, and every signal
 * queued must be freed (the runner counts the sigqueue cache). */
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define TRACING "/sys/kernel/tracing/"
#define FLOOD_LIMIT 16

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	return ok ? 0 : -1;
}

static void test_restart_syscall(void)
{
	CHECK_ERR(syscall(__NR_restart_syscall), EINTR, "restart_syscall with nothing to restart");
}

/* Queue signals at ourselves, blocked, past the limit. */
static int flood(void *arg)
{
	union sigval v = { .sival_int = 42 };
	sigset_t block;
	int i, queued = 0, err = 0;

	as_user();
	sigemptyset(&block);
	sigaddset(&block, SIGRTMIN);
	sigaddset(&block, SIGRTMIN + 1);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	if (case_setrlimit(RLIMIT_SIGPENDING, FLOOD_LIMIT, FLOOD_LIMIT) < 0)
		return 10;
	for (i = 0; i < FLOOD_LIMIT + 8; i++) {
		if (sigqueue(getpid(), SIGRTMIN, v) == 0)
			queued++;
		else
			err = errno;
	}
	if (queued != FLOOD_LIMIT || err != EAGAIN)
		return 11;
	/* kill() is not allowed to fail: past the limit, the signal is
	 * still made pending, without its information */
	for (i = 0; i < 8; i++)
		if (kill(getpid(), SIGRTMIN + 1) < 0 || kill(getpid(), SIGUSR1) < 0)
			return 12;
	return 0;	/* exit frees every queued signal */
}

static void test_flood(void)
{
	bool traced = write_file(TRACING "events/signal/signal_generate/enable", "1") == 0;
	char text[65536];
	int fd, n = 0, r, status;

	CHECK(traced, "enable signal_generate (as root)");
	status = reap(spawn(flood, NULL));
	CHECK_EQ(status, 0, "RLIMIT_SIGPENDING: sigqueue gets EAGAIN past it, kill() does not");
	write_file(TRACING "events/signal/signal_generate/enable", "0");
	fd = open(TRACING "trace", O_RDONLY);
	while (fd >= 0 && n < (int)sizeof(text) - 1 && (r = read(fd, text + n, sizeof(text) - 1 - n)) > 0)
		n += r;
	text[n] = '\0';
	close(fd);
	write_file(TRACING "trace", "");
	CHECK(strstr(text, "grp=1 res=3") != NULL, "the trace shows the overflow (res=3)");
	CHECK(strstr(text, "grp=1 res=2") != NULL, "and the information lost (res=2)");
}

/* A victim that keeps running, stopped and continued by senders; it
 * yields, so that on a busy host the senders still get the CPUs. */
static int __attribute__((noreturn)) busy(void *arg)
{
	volatile unsigned long *counter = arg;

	for (;;) {
		(*counter)++;
		sched_yield();
	}
}

static int stop_sender(void *arg)
{
	pid_t victim = *(pid_t *)arg;
	int i;

	for (i = 0; i < 300; i++)
		if (kill(victim, i & 1 ? SIGCONT : SIGSTOP) < 0)
			return 1;
	return 0;
}

static void test_stop_storm(void)
{
	volatile unsigned long *counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t victim = spawn(busy, (void *)counter), senders[3];
	unsigned long before;
	int i, status, ok = 0;

	for (i = 0; i < 3; i++)
		senders[i] = spawn(stop_sender, &victim);
	for (i = 0; i < 3; i++)
		ok += reap(senders[i]) == 0;
	CHECK_EQ(ok, 3, "900 SIGSTOPs and SIGCONTs from three senders");
	kill(victim, SIGCONT);
	before = *counter;
	sleep_ms(100);
	CHECK(*counter != before, "the victim runs again after the last SIGCONT");
	kill(victim, SIGSTOP);
	CHECK_EQ(waitpid(victim, &status, WUNTRACED), victim, "stopped once more");
	CHECK(WIFSTOPPED(status), "waitpid reports the stop");
	kill(victim, SIGKILL);
	CHECK_EQ(waitpid(victim, &status, 0), victim, "SIGKILL ends a stopped victim");
	CHECK(killed_by(status, SIGKILL), "killed by SIGKILL");
	munmap((void *)counter, 4096);
}

static int exit_at_once(void *arg)
{
	return 5;
}

static int exec_true(void *arg)
{
	execl("/bin/true", "true", (char *)NULL);
	return 127;
}

/* Signal a child as fast as possible while it exits or execs. */
static void test_race_exit_exec(void)
{
	int i, exits = 0, execs = 0, kills = 0;

	signal(SIGWINCH, SIG_IGN);
	for (i = 0; i < 100; i++) {
		pid_t pid = spawn(i & 1 ? exec_true : exit_at_once, NULL);
		int status;

		while (kill(pid, SIGWINCH) == 0 && kill(pid, SIGCONT) == 0 && kill(pid, 0) == 0) {
			if (waitpid(pid, &status, WNOHANG) == pid)
				goto reaped;
		}
		waitpid(pid, &status, 0);
reaped:
		if (i & 1)
			execs += WIFEXITED(status) && WEXITSTATUS(status) == 0;
		else
			exits += WIFEXITED(status) && WEXITSTATUS(status) == 5;
	}
	CHECK_EQ(exits, 50, "signals racing with exit: every exit status intact");
	CHECK_EQ(execs, 50, "signals racing with exec: every exec ran");
	for (i = 0; i < 50; i++) {
		pid_t pid = spawn(i & 1 ? exec_true : exit_at_once, NULL);
		int status;

		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		kills += killed_by(status, SIGKILL) || (WIFEXITED(status) && (WEXITSTATUS(status) == 5 ||
									   WEXITSTATUS(status) == 0));
	}
	CHECK_EQ(kills, 50, "SIGKILL racing with exit and exec");
	signal(SIGWINCH, SIG_DFL);
}

static int short_thread(void *arg)
{
	return 0;
}

static volatile sig_atomic_t handled;

static void on_usr2(int sig)
{
	handled++;
}

/* tgkill() at threads while they exit: ESRCH or delivered, nothing else. */
static void test_race_thread_exit(void)
{
	int i, bad = 0;

	signal(SIGUSR2, on_usr2);
	for (i = 0; i < 100; i++) {
		struct thread t;
		int tid = thread_start(&t, short_thread, NULL);

		while (tid > 0 && t.tid) {
			if (syscall(__NR_tgkill, getpid(), tid, SIGUSR2) < 0 && errno != ESRCH)
				bad++;
		}
		thread_join(&t);
	}
	CHECK_EQ(bad, 0, "tgkill racing with thread exit: delivered or ESRCH");
	signal(SIGUSR2, SIG_DFL);
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	/* as root, only to turn the signal_generate event on and off */
	test_flood();
	as_user();
	test_restart_syscall();
	test_stop_storm();
	test_race_exit_exec();
	test_race_thread_exit();
	return check_done("signals");
}
