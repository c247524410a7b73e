/* sched_setaffinity and sched_getaffinity with Linux's answers: the caller
 * runs on each CPU in turn as soon as it asks (getcpu says so, before and
 * after sched_yield); the mask is inherited by fork and kept by exec;
 * wake-ups, idle CPUs pulling work and fork place a task only on a CPU it
 * may use; a task spinning on another CPU is moved, and a thread waiting
 * for its first turn; a mask belongs to one thread; /proc/<pid>/status
 * shows the mask; bad lengths, masks, pointers, pids and a user's try on
 * root's task get EINVAL, EFAULT, ESRCH and EPERM. The moving is done by
 * the CPUs' stopper threads: ps lists migration/0..3, each bound to its
 * CPU; a task spinning on one CPU is on the new one (/proc/<pid>/stat)
 * when sched_setaffinity returns, and the trace shows migration/N moving
 * it. Needs 4 CPUs. */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread.h>
#include <unistd.h>
#include "check.h"

static const char *self;

static long setaffinity(pid_t pid, unsigned int len, const void *mask)
{
	return syscall(__NR_sched_setaffinity, pid, len, mask);
}

static long getaffinity(pid_t pid, unsigned int len, void *mask)
{
	return syscall(__NR_sched_getaffinity, pid, len, mask);
}

/* Only the CPUs in @mask for @pid. RETURNS: 0 or -1. */
static long pin(pid_t pid, unsigned long mask)
{
	return setaffinity(pid, sizeof(mask), &mask);
}

/* The mask of @pid, or 0 if sched_getaffinity fails. */
static unsigned long mask_of(pid_t pid)
{
	unsigned long mask = 0;

	return getaffinity(pid, sizeof(mask), &mask) == sizeof(mask) ? mask : 0;
}

static int getcpu(void)
{
	unsigned int cpu = ~0u;

	syscall(__NR_getcpu, &cpu, NULL, NULL);
	return cpu;
}

/* The two lines of /proc/<pid>/status that show the mask. */
static int status_shows(pid_t pid, const char *want)
{
	char path[32], buf[4096], *line;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_text(path, buf, sizeof(buf)) <= 0)
		return 0;
	line = strstr(buf, "Cpus_allowed:");
	return line && strncmp(line, want, strlen(want)) == 0;
}

static void each_cpu_in_turn(void)
{
	int cpu, ok;

	for (cpu = 0; cpu < 4; cpu++) {
		char name[80];

		ok = pin(0, 1UL << cpu) == 0 && getcpu() == cpu;
		sched_yield();
		ok = ok && getcpu() == cpu && mask_of(0) == 1UL << cpu;
		snprintf(name, sizeof(name), "pinned to CPU %d: getcpu says %d, before and after sched_yield",
			 cpu, cpu);
		CHECK(ok, name);
	}
	pin(0, 0xd);
	CHECK(status_shows(getpid(), "Cpus_allowed:\td\nCpus_allowed_list:\t0,2-3\n"),
	      "/proc/self/status: Cpus_allowed d, Cpus_allowed_list 0,2-3");
	pin(0, 0xf);
	CHECK(status_shows(getpid(), "Cpus_allowed:\tf\nCpus_allowed_list:\t0-3\n"),
	      "/proc/self/status: Cpus_allowed f, Cpus_allowed_list 0-3");
}

/* A child of a task pinned to CPU 2 starts there, with the same mask, and
 * keeps it across execve (the exec'd program checks). */
static int child_on_2(void *unused)
{
	char *argv[] = { (char *)self, "exec-check", NULL };

	if (getcpu() != 2 || mask_of(0) != 0x4)
		return 1;
	execvp(self, argv);
	return 2;
}

static void inherited_and_kept(void)
{
	pin(0, 0x4);
	CHECK_EQ(reap(spawn(child_on_2, NULL)), 0,
		 "fork: the child runs on CPU 2 with mask 0x4; execve keeps it");
	pin(0, 0xf);
}

/* Ping-pong through pipes while both tasks may use CPUs 1 and 2 only:
 * each wake-up must put the woken task on one of them, though CPUs 0 and 3
 * are idle. */
static void wakeups_stay_on_allowed_cpus(void)
{
	int ping[2], pong[2], i, ok = 1;
	char c = 0;
	pid_t pid;

	pin(0, 0x6);
	pipe(ping);
	pipe(pong);
	pid = fork();
	if (pid == 0) {
		int bad = 0;

		for (i = 0; i < 50; i++) {
			if (read(ping[0], &c, 1) != 1)
				_exit(1);
			bad |= getcpu() != 1 && getcpu() != 2;
			write(pong[1], &c, 1);
		}
		_exit(bad);
	}
	for (i = 0; i < 50; i++) {
		write(ping[1], &c, 1);
		ok &= read(pong[0], &c, 1) == 1 && (getcpu() == 1 || getcpu() == 2);
	}
	CHECK(ok, "50 wake-ups of a task pinned to CPUs 1-2: it runs on one of them");
	CHECK_EQ(reap(pid), 0, "its partner, pinned to CPUs 1-2 too, woke on one of them each time");
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
	pin(0, 0xf);
}

/* Spin for 100 ms; exit 1 if ever seen off CPU 3. */
static int spin_on_3(void *unused)
{
	long long end = ms_now() + 100;
	int bad = 0;

	while (ms_now() < end)
		bad |= getcpu() != 3;
	return bad;
}

static void idle_cpus_pull_only_what_may_come(void)
{
	pid_t pid[3];
	int i, ok = 1;

	pin(0, 0x8);
	for (i = 0; i < 3; i++)
		pid[i] = spawn(spin_on_3, NULL);
	pin(0, 0x1);
	for (i = 0; i < 3; i++)
		ok &= reap(pid[i]) == 0;
	CHECK(ok, "three busy tasks pinned to CPU 3 stay there while CPUs 0-2 are idle");
	pin(0, 0xf);
}

/* On CPU 1, say so, then spin in user space until getcpu says 2, 3, then
 * 1, reporting each (0xff: not within 2 s). */
static int follow_the_mask(void *arg)
{
	static const char order[] = { 2, 3, 1 };
	int fd = *(int *)arg, i;
	char c = 1;

	pin(0, 0x2);
	write(fd, &c, 1);
	for (i = 0; i < 3; i++) {
		long long end = ms_now() + 2000;
		volatile int spin;

		c = order[i];

		while (getcpu() != c && ms_now() < end)
			for (spin = 0; spin < 10000; spin++)
				;
		if (getcpu() != c)
			c = (char)0xff;
		write(fd, &c, 1);
	}
	return 0;
}

static void running_task_is_moved(void)
{
	static const char order[] = { 2, 3, 1 };
	int fds[2], i, ok = 1;
	char c;
	pid_t pid;

	pin(0, 0x1);
	pipe(fds);
	pid = spawn(follow_the_mask, &fds[1]);
	ok &= read(fds[0], &c, 1) == 1 && c == 1;
	for (i = 0; i < 3; i++) {
		ok &= pin(pid, 1UL << order[i]) == 0;
		ok &= read(fds[0], &c, 1) == 1 && c == order[i];
	}
	CHECK(ok, "a task spinning on CPU 1 is moved to CPU 2, 3, then 1 by another's sched_setaffinity");
	reap(pid);
	close(fds[0]);
	close(fds[1]);
	pin(0, 0xf);
}

static volatile int thread_cpu = -1, mask_read;

/* Spin until on CPU 3 (at most 2 s), say where it ended, and stay until
 * its creator has read its mask (a thread that is gone has none). */
static int spin_to_3(void *unused)
{
	long long end = ms_now() + 2000;

	while (getcpu() != 3 && ms_now() < end)
		;
	thread_cpu = getcpu();
	while (!mask_read && ms_now() < end + 2000)
		;
	return 0;
}

/* A new thread waits for CPU 0, where its creator runs: its own mask (by
 * its tid) sends it to CPU 3; its creator's mask is unchanged. */
static void one_thread_moved(void)
{
	struct thread t;
	int tid, ok;

	pin(0, 0x1);
	tid = thread_start(&t, spin_to_3, NULL);
	ok = tid > 0 && pin(tid, 0x8) == 0 && mask_of(tid) == 0x8;
	mask_read = 1;
	thread_join(&t);
	CHECK(ok && thread_cpu == 3 && mask_of(0) == 0x1,
	      "sched_setaffinity(a thread's tid) moves that thread to CPU 3, not its creator");
	pin(0, 0xf);
}

/* Field @field (1-based, as proc(5) numbers them) of /proc/<pid>/stat.
 * RETURNS: its value, or -999 if unreadable. */
static long stat_field(pid_t pid, int field)
{
	char path[32], buf[1024], *p;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, buf, sizeof(buf)) <= 0 || !(p = strrchr(buf, ')')))
		return -999;
	for (i = 2; i < field; i++) /* field 2 is "(comm)"; p is at its end */
		if (!(p = strchr(p + 1, ' ')))
			return -999;
	return strtol(p + 1, NULL, 10);
}

#define PRIO_PROCESS 0 /* setpriority(2); newlib has no <sys/resource.h> one */
#define STAT_PRIORITY 18
#define STAT_NICE 19
#define STAT_PROCESSOR 39
#define STAT_RT_PRIORITY 40
#define STAT_POLICY 41
#define SCHED_FIFO 1

/* What /bin/ps prints, into buf. RETURNS: its length, or -1. */
static int ps_output(char *buf, int size)
{
	int fds[2], n = 0, r;
	pid_t pid;

	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		execl("/bin/ps", "ps", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (n < size - 1 && (r = read(fds[0], buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return n;
}

/* The stopper threads as a user sees them: ps lists migration/0..3 asleep
 * (S); each runs only on its own CPU, at the real-time priority Linux
 * shows for them (-100), which a nice value does not change, and refuses
 * a new mask. */
static void stopper_threads(void)
{
	static char buf[8192];
	unsigned long all = 0xf;
	int cpu;

	CHECK(ps_output(buf, sizeof(buf)) > 0, "ps runs");
	for (cpu = 0; cpu < 4; cpu++) {
		char want[32], name[96], *line;
		pid_t pid = 0;

		snprintf(want, sizeof(want), " S migration/%d\n", cpu);
		line = strstr(buf, want);
		if (line) {
			while (line > buf && line[-1] != '\n')
				line--;
			pid = atoi(line);
		}
		snprintf(name, sizeof(name), "ps: migration/%d, asleep", cpu);
		if (!CHECK(pid > 0, name))
			continue;
		snprintf(name, sizeof(name),
			 "migration/%d: on CPU %d, mask %x, priority -100, SCHED_FIFO 99", cpu, cpu,
			 1 << cpu);
		CHECK(stat_field(pid, STAT_PROCESSOR) == cpu && mask_of(pid) == 1UL << cpu &&
			      stat_field(pid, STAT_PRIORITY) == -100 &&
			      stat_field(pid, STAT_RT_PRIORITY) == 99 &&
			      stat_field(pid, STAT_POLICY) == SCHED_FIFO,
		      name);
		snprintf(name, sizeof(name), "sched_setaffinity(migration/%d) -> EINVAL", cpu);
		CHECK_ERR(setaffinity(pid, sizeof(all), &all), EINVAL, name);
		if (cpu != 1)
			continue;
		CHECK(syscall(__NR_setpriority, PRIO_PROCESS, pid, 5) == 0 &&
			      stat_field(pid, STAT_NICE) == 5 && stat_field(pid, STAT_PRIORITY) == -100,
		      "renice 5 migration/1: nice 5, priority still -100");
		syscall(__NR_setpriority, PRIO_PROCESS, pid, 0);
	}
}

/* Spin in user space, with no system call, until killed. */
static int spin_forever(void *unused)
{
	for (;;)
		;
	return 0;
}

/* The whole of the trace file, into buf. RETURNS: its length. */
static int read_trace(char *buf, int size)
{
	int fd = open("/sys/kernel/tracing/trace", O_RDONLY), n = 0, r;

	if (fd < 0)
		return 0;
	while (n < size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(fd);
	return n;
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd >= 0) {
		write(fd, text, strlen(text));
		close(fd);
	}
}

#define MIGRATE_ENABLE "/sys/kernel/tracing/events/sched/sched_migrate_task/enable"

/*
 * Linux's guarantee: when sched_setaffinity returns, a task that was
 * running on a CPU the new mask leaves out is already on an allowed one
 * (its CPU's stopper moved it while the caller waited). A task spinning
 * on CPU 1 is sent around CPUs 2, 3 and 1 twenty times; each time
 * /proc/<pid>/stat shows the new CPU at once. The trace shows the last
 * move made by migration/3 on CPU 3.
 */
static void running_task_moved_before_return(void)
{
	static const int order[] = { 2, 3, 1 };
	static char trace[32768];
	char want[80], task[24], *line;
	pid_t pid;
	int i, ok = 1, cpu = 1;

	pin(0, 0x1);
	pid = spawn(spin_forever, NULL);
	ok &= pin(pid, 0x2) == 0;
	usleep(20000); /* running on CPU 1 by now */
	for (i = 0; i < 20; i++) {
		cpu = order[i % 3];
		ok &= pin(pid, 1UL << cpu) == 0 && stat_field(pid, STAT_PROCESSOR) == cpu;
		usleep(2000);
	}
	CHECK(ok, "a task spinning on another CPU is on the new one when sched_setaffinity returns, 20 times");

	write_file("/sys/kernel/tracing/trace", "");
	write_file(MIGRATE_ENABLE, "1");
	ok = pin(pid, 0x1) == 0;
	write_file(MIGRATE_ENABLE, "0");
	snprintf(want, sizeof(want), " pid=%d prio=120 orig_cpu=%d dest_cpu=0", pid, cpu);
	snprintf(task, sizeof(task), "migration/%d-", cpu);
	read_trace(trace, sizeof(trace));
	line = strstr(trace, want);
	while (line && line > trace && line[-1] != '\n')
		line--;
	CHECK(ok && line && strstr(line, task) && strstr(line, task) < strstr(line, want),
	      "trace: migration/3 moves it from CPU 3 to 0 (sched_migrate_task)");
	write_file("/sys/kernel/tracing/trace", "");
	kill(pid, SIGKILL);
	reap(pid);
	pin(0, 0xf);
}

static long drop_root(void)
{
	if (syscall(__NR_setresgid32, 1000, 1000, 1000) || syscall(__NR_setresuid32, 1000, 1000, 1000))
		return -1;
	return 0;
}

/* As uid 1000: root's tasks may be read but not changed; its own may. */
static void as_a_user(void)
{
	unsigned long mask = 0x1;

	if (drop_root()) {
		CHECK(0, "setresuid(1000)");
		return;
	}
	CHECK_ERR(setaffinity(1, sizeof(mask), &mask), EPERM, "user: sched_setaffinity(init) -> EPERM");
	CHECK_ERR(setaffinity(getppid(), sizeof(mask), &mask), EPERM,
		  "user: sched_setaffinity(root's process) -> EPERM");
	CHECK_EQ(mask_of(1), 0xf, "user: sched_getaffinity(init) is allowed");
	CHECK_EQ(setaffinity(0, sizeof(mask), &mask), 0, "user: sched_setaffinity(self)");
	CHECK_EQ(getcpu(), 0, "user: then on CPU 0");
}

static int exit_at_once(void *unused)
{
	return 0;
}

static int user_sleeper(void *unused)
{
	drop_root();
	pause();
	return 0;
}

static void errors(void)
{
	unsigned long mask[2] = { 0x2, 0x5a5a5a5a };
	pid_t gone, user;

	CHECK_ERR(getaffinity(0, 0, mask), EINVAL, "sched_getaffinity len 0 -> EINVAL");
	CHECK_ERR(getaffinity(0, 2, mask), EINVAL, "sched_getaffinity len 2 -> EINVAL");
	CHECK_ERR(getaffinity(0, 5, mask), EINVAL, "sched_getaffinity len 5 -> EINVAL");
	CHECK_ERR(getaffinity(0, 4, NULL), EFAULT, "sched_getaffinity to NULL -> EFAULT");
	CHECK(getaffinity(0, sizeof(mask), mask) == 4 && mask[0] == 0xf && mask[1] == 0x5a5a5a5a,
	      "sched_getaffinity len 8 -> 4, the second word untouched");

	CHECK_ERR(setaffinity(0, 4, NULL), EFAULT, "sched_setaffinity from NULL -> EFAULT");
	CHECK_ERR(setaffinity(0, 0, mask), EINVAL, "sched_setaffinity len 0 (empty mask) -> EINVAL");
	mask[0] = 0;
	CHECK_ERR(setaffinity(0, 4, mask), EINVAL, "sched_setaffinity empty mask -> EINVAL");
	mask[0] = 0xf0;
	CHECK_ERR(setaffinity(0, 4, mask), EINVAL, "sched_setaffinity CPUs 4-7 only -> EINVAL");
	CHECK_EQ(mask_of(0), 0xf, "a refused mask changes nothing");
	mask[0] = 0x2;
	mask[1] = ~0UL;
	CHECK(setaffinity(0, sizeof(mask), mask) == 0 && mask_of(0) == 0x2 && getcpu() == 1,
	      "sched_setaffinity len 8: the bytes past the kernel's mask are ignored");
	mask[0] = ~0UL;
	CHECK(setaffinity(0, 4, mask) == 0 && mask_of(0) == 0xf,
	      "sched_setaffinity all ones -> the 4 CPUs");

	gone = spawn(exit_at_once, NULL);
	reap(gone);
	CHECK_ERR(setaffinity(gone, 4, mask), ESRCH, "sched_setaffinity of a reaped pid -> ESRCH");
	CHECK_ERR(getaffinity(gone, 4, mask), ESRCH, "sched_getaffinity of a reaped pid -> ESRCH");
	CHECK_ERR(setaffinity(-1, 4, mask), ESRCH, "sched_setaffinity(-1) -> ESRCH");

	user = spawn(user_sleeper, NULL);
	CHECK(pin(user, 0x4) == 0 && mask_of(user) == 0x4, "root sets a user's process's mask");
	kill(user, SIGKILL);
	reap(user);
	check_child("as uid 1000", as_a_user);
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && strcmp(argv[1], "exec-check") == 0)
		return !(getcpu() == 2 && mask_of(0) == 0x4);
	each_cpu_in_turn();
	inherited_and_kept();
	wakeups_stay_on_allowed_cpus();
	idle_cpus_pull_only_what_may_come();
	running_task_is_moved();
	stopper_threads();
	running_task_moved_before_return();
	one_thread_moved();
	errors();
	return check_done("t_affinity");
}
