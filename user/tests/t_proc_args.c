/* What exec leaves for /proc: /proc/<pid>/cmdline is the argument strings
 * and environ the environment strings, NUL-separated, as Linux shows them
 * (with a rewritten title running on into the environment); environ and
 * maps are only for those who may inspect the process. And
 * rt_sigqueueinfo/rt_tgsigqueueinfo: a process may send itself any
 * siginfo, but not forge a kernel or kill() one for another.
 * The program re-executes itself as "t_proc_args show". */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define SELF "/bin/t_proc_args"
#define PR_SET_DUMPABLE 4

static const char want_cmdline[] = "t_proc_args\0show\0a b\0\0last";
static const char want_environ[] = "K1=v1\0K2=\0EMPTY_LAST=";

/* Read all of @path into @buf. RETURNS: the length, or -errno. */
static int read_all(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n, total = 0;

	if (fd < 0)
		return -errno;
	while (total < size && (n = read(fd, buf + total, size - total)) > 0)
		total += n;
	close(fd);
	return total;
}

static int same(const char *got, int n, const char *want, int len)
{
	return n == len && !memcmp(got, want, len);
}

/* The new image: its own cmdline and environ, then a new title. */
static int show(char **argv)
{
	char buf[512], title[64];
	int n, bad = 0, args = 0, i;

	n = read_all("/proc/self/cmdline", buf, sizeof(buf));
	bad |= !same(buf, n, want_cmdline, sizeof(want_cmdline)) << 0;
	n = read_all("/proc/self/environ", buf, sizeof(buf));
	bad |= !same(buf, n, want_environ, sizeof(want_environ)) << 1;
	/* setproctitle: a title longer than the arguments, over them and
	 * on into the environment that follows, NUL-terminated */
	for (i = 0; argv[i]; i++)
		args += strlen(argv[i]) + 1;
	memset(title, 'T', sizeof(title));
	memcpy(title, "title:", 6);
	title[args + 8] = '\0';
	memcpy(argv[0], title, args + 9);
	n = read_all("/proc/self/cmdline", buf, sizeof(buf));
	bad |= !same(buf, n, title, args + 9) << 2;
	return bad;
}

static void exec_show(void)
{
	char *argv[] = { "t_proc_args", "show", "a b", "", "last", NULL };
	char *envp[] = { "K1=v1", "K2=", "EMPTY_LAST=", NULL };

	execve(SELF, argv, envp);
	_exit(127);
}

/* A process that sleeps after exec, with the same environment. */
static int waiting_child(void *unused)
{
	char *argv[] = { "t_proc_args", "wait", NULL };
	char *envp[] = { "K1=v1", "K2=", "EMPTY_LAST=", NULL };

	execve(SELF, argv, envp);
	return 127;
}

static volatile int got_code, got_pid;

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
	got_code = si->si_code;
	got_pid = si->si_pid;
}

static int sleeper(void *unused)
{
	for (;;)
		pause();
	return 0;
}

/* A process of user 1000 that changed its ids: not dumpable. */
static int user_sleeper(void *unused)
{
	if (syscall(__NR_setresgid32, 1000, 1000, 1000) || syscall(__NR_setresuid32, 1000, 1000, 1000))
		return 1;
	return sleeper(NULL);
}

static char path_of[64];

static const char *proc_file(pid_t pid, const char *name)
{
	snprintf(path_of, sizeof(path_of), "/proc/%d/%s", pid, name);
	return path_of;
}

static pid_t root_pid, user_pid;

static void as_user(void)
{
	char buf[256];

	CHECK(syscall(__NR_setresgid32, 1000, 1000, 1000) == 0 &&
	      syscall(__NR_setresuid32, 1000, 1000, 1000) == 0, "become user 1000");
	CHECK(read_all(proc_file(root_pid, "cmdline"), buf, sizeof(buf)) > 0,
	      "a user reads root's process's cmdline");
	CHECK_EQ(read_all(proc_file(root_pid, "environ"), buf, sizeof(buf)), -EACCES,
		 "but not its environ -> EACCES");
	CHECK_EQ(read_all(proc_file(root_pid, "maps"), buf, sizeof(buf)), -EACCES,
		 "nor its maps -> EACCES");
	CHECK_EQ(read_all(proc_file(user_pid, "environ"), buf, sizeof(buf)), -EACCES,
		 "nor the environ of its own user's process that changed ids (not dumpable)");
	CHECK_EQ(read_all("/proc/self/environ", buf, sizeof(buf)), -EACCES,
		 "having changed its ids, not even its own (root's now, as it is not dumpable)");
	CHECK_EQ(syscall(__NR_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0), 0, "PR_SET_DUMPABLE 1");
	CHECK(read_all("/proc/self/environ", buf, sizeof(buf)) > 0, "then its own environ, yes");
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO };
	siginfo_t si;
	char buf[512];
	pid_t pid;
	int st, n;

	if (argc > 1 && !strcmp(argv[1], "show"))
		return show(argv);
	if (argc > 1 && !strcmp(argv[1], "wait"))
		for (;;)
			pause();

	pid = fork();
	if (pid == 0)
		exec_show();
	st = reap(pid);
	check_result(st == 0, "the new image's cmdline, environ and rewritten title", "status %#x: %s%s%s",
		     st, st & 0x100 ? "cmdline " : "", st & 0x200 ? "environ " : "",
		     st & 0x400 ? "title" : "");

	/* root looks at another process's files while it sleeps after exec */
	pid = spawn(waiting_child, NULL);
	for (n = 0; n < 100; n++) {
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
		if (read_all(proc_file(pid, "environ"), buf, sizeof(buf)) == sizeof(want_environ))
			break;
	}
	CHECK(same(buf, read_all(proc_file(pid, "environ"), buf, sizeof(buf)), want_environ,
		   sizeof(want_environ)), "root reads another process's environ");
	kill(pid, SIGKILL);
	reap(pid);

	sigaction(SIGUSR1, &sa, NULL);
	memset(&si, 0, sizeof(si));
	si.si_code = SI_USER; /* what kill() sends: only to oneself */
	si.si_pid = 4242;
	CHECK_EQ(syscall(__NR_rt_sigqueueinfo, getpid(), SIGUSR1, &si), 0,
		 "rt_sigqueueinfo to itself with si_code SI_USER");
	CHECK(got_code == SI_USER && got_pid == 4242, "the handler gets the siginfo as sent");
	si.si_code = SI_TKILL;
	CHECK_EQ(syscall(__NR_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, &si), 0,
		 "rt_tgsigqueueinfo to itself with SI_TKILL");
	CHECK(got_code == SI_TKILL, "delivered as SI_TKILL");
	root_pid = spawn(sleeper, NULL);
	CHECK_ERR(syscall(__NR_rt_sigqueueinfo, root_pid, SIGUSR1, &si), EPERM,
		  "SI_TKILL to another process -> EPERM");
	si.si_code = SI_KERNEL;
	CHECK_ERR(syscall(__NR_rt_sigqueueinfo, root_pid, SIGUSR1, &si), EPERM,
		  "a kernel si_code to another process -> EPERM");
	si.si_code = SI_QUEUE;
	CHECK_EQ(syscall(__NR_rt_sigqueueinfo, root_pid, 0, &si), 0,
		 "SI_QUEUE to another process is fine");
	CHECK_ERR(syscall(__NR_rt_tgsigqueueinfo, 0, root_pid, SIGUSR1, &si), EINVAL,
		  "rt_tgsigqueueinfo with tgid 0 -> EINVAL");

	user_pid = spawn(user_sleeper, NULL);
	nanosleep(&(struct timespec){ 0, 50000000 }, NULL);
	check_child("environ and maps across users", as_user);
	kill(root_pid, SIGKILL);
	kill(user_pid, SIGKILL);
	reap(root_pid);
	reap(user_pid);
	return check_done("t_proc_args");
}
