/* tracefs under abuse: a pread far past the end of `trace` returns at once
 * (it used to spin in the kernel, deaf to SIGKILL), threads sharing one
 * open `trace` read it while others rewrite the control files, filters and
 * triggers and one consumes trace_pipe (it used to oops), concurrent
 * writers of the enable files and triggers leave the syscall tracepoints
 * balanced, and bad writes get Linux's errno. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"
#include "thread.h"

#define T "/sys/kernel/tracing/"

/* RETURNS: what write() returned, or -errno. */
static long write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	long ret;

	if (fd < 0)
		return -errno;
	ret = write(fd, text, strlen(text));
	if (ret < 0)
		ret = -errno;
	close(fd);
	return ret;
}

/* The whole of @path in @buf (NUL-terminated). RETURNS: its length, or -errno. */
static long read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n, len = 0;

	if (fd < 0)
		return -errno;
	while (len < (long)size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	return len;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* Linux ARM EABI pread64: the 64-bit offset in an even register pair. */
static long pread_at(int fd, void *buf, size_t count, unsigned long long pos)
{
	return syscall(__NR_pread64, fd, buf, count, 0, (unsigned long)pos,
		       (unsigned long)(pos >> 32));
}

static int pread_far(void *unused)
{
	static char buf[4096];
	int fd = open(T "trace", O_RDONLY);

	if (fd < 0)
		return 2;
	return pread_at(fd, buf, sizeof(buf), 1ULL << 32) == 0 ? 0 : 1;
}

/* Run pread_far in a child; it must be done within 5 s. */
static void test_pread_past_4gib(void)
{
	pid_t pid = spawn(pread_far, NULL);
	int i, status = -1;

	for (i = 0; i < 50 && waitpid(pid, &status, WNOHANG) == 0; i++)
		sleep_ms(100);
	if (i == 50) {
		kill(pid, SIGKILL);
		for (i = 0; i < 20 && waitpid(pid, &status, WNOHANG) == 0; i++)
			sleep_ms(100);
		check_result(0, "pread64 of trace at 4 GiB returns", "still reading after 5 s%s",
			     i == 20 ? ", and SIGKILL did not end it" : "");
		return;
	}
	CHECK_EQ(status, 0, "pread64 of trace at 4 GiB returns 0 (end of text) at once");
}

static void test_bad_writes(void)
{
	static const struct {
		const char *file, *text;
	} bad[] = {
		{ "tracing_on", "x\n" },          { "tracing_on", "-1" },
		{ "trace_options", "bogus\n" },   { "trace_options", "nonsense" },
		{ "current_tracer", "nosuch\n" }, { "options/overwrite", "2\n" },
		{ "options/sym-offset", "yes" },  { "options/test_nop_refuse", "1" },
		{ "events/enable", "3\n" },       { "events/sched/sched_switch/enable", "on" },
		{ "set_event", "nosuch:event" },
	};
	char name[96], before[2048], after[2048];
	unsigned int i;

	read_file(T "trace_options", before, sizeof(before));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char path[128];

		snprintf(name, sizeof(name), "echo '%.*s' > %s: EINVAL",
			 (int)strcspn(bad[i].text, "\n"), bad[i].text, bad[i].file);
		snprintf(path, sizeof(path), T "%s", bad[i].file);
		CHECK_EQ(write_file(path, bad[i].text), -EINVAL, name);
	}
	read_file(T "trace_options", after, sizeof(after));
	CHECK(!strcmp(before, after), "the refused writes changed no option");
	memset(name, 'x', 80);
	name[80] = '\0';
	CHECK_EQ(write_file(T "trace_options", name), -EINVAL, "an 80-byte option: EINVAL");
	CHECK_EQ(write_file(T "options/nosuch", "1"), -ENOENT, "options/nosuch: ENOENT");
}

/* ---- Readers and writers at once ---- */

static volatile int stop;
static int trace_fd;

static int reader(void *arg)
{
	static char bufs[4][2048];
	char *buf = bufs[(long)arg];
	int n = 0;

	while (!stop) {
		lseek(trace_fd, 0, SEEK_SET);
		while (read(trace_fd, buf, 2048) > 0 && !stop)
			;
		n++;
	}
	return n;
}

static int option_writer(void *arg)
{
	static const char *const words[] = { "sym-offset", "nosym-offset", "latency-format",
					      "nolatency-format", "noirq-info", "irq-info",
					      "raw", "noraw", "nocontext-info", "context-info" };
	unsigned int i = 0;

	while (!stop) {
		write_file(T "trace_options", words[i++ % 10]);
		write_file(T "options/overwrite", i & 1 ? "0" : "1");
		write_file(T "current_tracer", "nop");
		write_file(T "events/sched/enable", i & 2 ? "1" : "0");
		write_file(T "trace", "");
		read_file(T "trace_options", (char[1024]){ 0 }, 1024);
		read_file(T "set_event", (char[1024]){ 0 }, 1024);
	}
	return 0;
}

static int syscall_enabler(void *arg)
{
	while (!stop) {
		write_file(T "events/raw_syscalls/enable", "1");
		write_file(T "events/raw_syscalls/sys_enter/enable", "0");
		write_file(T "events/raw_syscalls/enable", "0");
		write_file(T "set_event", "raw_syscalls:sys_exit");
	}
	return 0;
}

/* Filters and triggers rewritten while the events fire, triggers arming
 * and disarming a syscall event (soft mode) against the enable writers. */
static int filter_trigger_writer(void *arg)
{
	static const char *const filters[] = { "sig == 10 && comm ~ \"t_*\"", "0", "(sig",
						"pid > 1 || !(sig & 3)" };
	static const char *const triggers[] = {
		"stacktrace:5 if sig == 10", "!stacktrace",
		"enable_event:syscalls:sys_enter_getppid", "!enable_event:syscalls:sys_enter_getppid",
		"disable_event:raw_syscalls:sys_exit:2", "!disable_event:raw_syscalls:sys_exit",
	};
	unsigned int i = 0;

	while (!stop) {
		write_file(T "events/signal/signal_generate/filter", filters[i % 4]);
		write_file(T "events/signal/signal_generate/trigger", triggers[i % 6]);
		write_file(T "events/syscalls/sys_enter_getppid/enable", i & 1 ? "1" : "0");
		read_file(T "events/signal/signal_generate/filter", (char[512]){ 0 }, 512);
		read_file(T "events/signal/signal_generate/trigger", (char[512]){ 0 }, 512);
		kill(getpid(), SIGCHLD);
		i++;
	}
	return 0;
}

/* A consuming reader: trace_pipe, without blocking. */
static int pipe_reader(void *arg)
{
	static char buf[2048];
	int fd = open(T "trace_pipe", O_RDONLY | O_NONBLOCK);

	while (!stop && fd >= 0)
		if (read(fd, buf, sizeof(buf)) <= 0)
			sleep_ms(1);
	if (fd >= 0)
		close(fd);
	return 0;
}

static void test_concurrent_readers_and_writers(void)
{
	struct thread t[10];
	int n = 0, i;
	char *text = malloc(64 * 1024);

	trace_fd = open(T "trace", O_RDONLY);
	CHECK(trace_fd >= 0, "open trace for the readers");
	write_file(T "events/enable", "1");
	stop = 0;
	for (i = 0; i < 3; i++)
		n += thread_start(&t[i], reader, (void *)(long)i) > 0;
	n += thread_start(&t[3], option_writer, NULL) > 0;
	n += thread_start(&t[4], option_writer, NULL) > 0;
	n += thread_start(&t[5], syscall_enabler, NULL) > 0;
	n += thread_start(&t[6], syscall_enabler, NULL) > 0;
	n += thread_start(&t[7], syscall_enabler, NULL) > 0;
	n += thread_start(&t[8], filter_trigger_writer, NULL) > 0;
	n += thread_start(&t[9], pipe_reader, NULL) > 0;
	CHECK_EQ(n, 10, "3 readers of one open trace, 2 option writers, 3 enable writers, "
		 "a filter and trigger writer, a trace_pipe reader");
	sleep_ms(1500);
	stop = 1;
	for (i = 0; i < 10; i++)
		thread_join(&t[i]);
	close(trace_fd);
	check_result(1, "the kernel survived them", "%s", "");

	/* The triggers' soft-mode references are all given back. */
	write_file(T "events/signal/signal_generate/filter", "0");
	write_file(T "events/signal/signal_generate/trigger", "!stacktrace");
	write_file(T "events/signal/signal_generate/trigger",
		   "!enable_event:syscalls:sys_enter_getppid");
	write_file(T "events/signal/signal_generate/trigger", "!disable_event:raw_syscalls:sys_exit");
	write_file(T "events/syscalls/sys_enter_getppid/enable", "0");
	read_file(T "events/syscalls/sys_enter_getppid/enable", text, 64);
	check_result(!strcmp(text, "0\n"), "sys_enter_getppid is off, no trigger holds it",
		     "its enable file reads %s", text);
	read_file(T "events/raw_syscalls/sys_exit/enable", text, 64);
	check_result(!strchr(text, '*'), "no trigger holds sys_exit in soft mode",
		     "its enable file reads %s", text);
	write_file(T "tracing_on", "1");

	/* Balanced: with every event off, then sys_enter alone on, a
	 * syscall is traced exactly when sys_enter is on. */
	write_file(T "events/enable", "0");
	write_file(T "trace_options", "nosym-offset");
	write_file(T "trace_options", "nolatency-format");
	write_file(T "trace_options", "context-info");
	write_file(T "trace_options", "noraw");
	write_file(T "trace_options", "irq-info");
	write_file(T "trace", "");
	getppid();
	write_file(T "events/raw_syscalls/sys_enter/enable", "1");
	getppid();
	write_file(T "events/raw_syscalls/sys_enter/enable", "0");
	getppid();
	read_file(T "trace", text, 64 * 1024);
	n = 0;
	for (char *p = text; (p = strstr(p, "sys_enter: NR 64 ")); p++)
		n++;
	CHECK_EQ(n, 1, "after the storm, sys_enter traces the one getppid made while it was on");
	write_file(T "trace", "");
	free(text);
}

int main(void)
{
	test_pread_past_4gib();
	test_bad_writes();
	test_concurrent_readers_and_writers();
	write_file(T "options/overwrite", "1");
	write_file(T "events/enable", "0");
	return check_done("t_tracefs");
}
