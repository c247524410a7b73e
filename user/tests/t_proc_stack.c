/* /proc/<pid>/stack and /proc/<pid>/wchan, as Linux shows them: wchan is
 * the function a process sleeps in, past the scheduler's own (__sched)
 * functions, or "0"; stack is root's only and prints one "[<0>] name+off/size"
 * line per return address (%pB: the name of the byte before it, so the
 * return into ret_fast_syscall reads as the end of what precedes it). Both
 * chains are printed for the QEMU case to check ("own stack:", "sleeper's
 * stack:" lines), as they differ from Linux 6.1's: 6.1 starts a frame later
 * (proc_single_show, not 4.19's proc_pid_stack) without the end mark, and
 * on SMP does not walk another task, which may be running elsewhere. */
#include <ctype.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

/* Read all of @path into @buf, NUL-terminated. RETURNS: the length, or -errno. */
static int read_all(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n, total = 0;

	if (fd < 0)
		return -errno;
	while (total < size - 1 && (n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	if (n < 0)
		total = -errno;
	close(fd);
	if (total >= 0)
		buf[total] = '\0';
	return total;
}

static char path_of[64];

static const char *proc_file(pid_t pid, const char *name)
{
	snprintf(path_of, sizeof(path_of), "/proc/%d/%s", pid, name);
	return path_of;
}

/* @pid's wchan once it is asleep (not "0"), within a second. */
static const char *wchan_when_asleep(pid_t pid)
{
	static char buf[64];
	int i;

	for (i = 0; i < 100; i++) {
		if (read_all(proc_file(pid, "wchan"), buf, sizeof(buf)) > 0 && strcmp(buf, "0"))
			break;
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
	}
	return buf;
}

static int sleeper(void *unused)
{
	nanosleep(&(struct timespec){ 60, 0 }, NULL);
	return 0;
}

/* In a child, while the parent waits for it in waitpid(). */
static void parent_waits(void)
{
	const char *w = wchan_when_asleep(getppid());

	check_result(!strcmp(w, "do_wait"), "a parent in waitpid() waits in do_wait", "wchan \"%s\"", w);
}

static pid_t root_sleeper;

static void as_user(void)
{
	char buf[256];

	CHECK(syscall(__NR_setresgid32, 1000, 1000, 1000) == 0 &&
	      syscall(__NR_setresuid32, 1000, 1000, 1000) == 0, "become user 1000");
	CHECK_EQ(read_all("/proc/self/stack", buf, sizeof(buf)), -EACCES,
		 "a user may not read even its own stack -> EACCES");
	CHECK_EQ(read_all(proc_file(root_sleeper, "stack"), buf, sizeof(buf)), -EACCES,
		 "nor root's process's -> EACCES");
	CHECK(read_all(proc_file(root_sleeper, "wchan"), buf, sizeof(buf)) == 1 && !strcmp(buf, "0"),
	      "root's process's wchan reads \"0\" for a user it may not inspect");
}

/* @s starts with "0x" and hex digits. RETURNS: what follows them, or NULL. */
static const char *hex(const char *s)
{
	if (strncmp(s, "0x", 2) || !isxdigit((unsigned char)s[2]))
		return NULL;
	for (s += 2; isxdigit((unsigned char)*s) && !isupper((unsigned char)*s); s++)
		;
	return s;
}

/* @line is "[<0>] name+0x1c/0x60", or "[<0>] 0x..." (an address with no
 * name, such as the user-space return address). */
static int stack_line(const char *line)
{
	const char *s = line + 6, *e;

	if (strncmp(line, "[<0>] ", 6))
		return 0;
	e = hex(s);
	if (e && !*e)
		return 1;
	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	while (isalnum((unsigned char)*s) || *s == '_' || *s == '.')
		s++;
	return *s == '+' && (e = hex(s + 1)) && *e == '/' && (e = hex(e + 1)) && !*e;
}

/* RETURNS: the number of lines of @text, or -1 if one is not a stack line. */
static int stack_lines(char *text)
{
	char *line, *save;
	int n = 0;

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save), n++)
		if (!stack_line(line)) {
			printf("not a stack line: \"%s\"\n", line);
			return -1;
		}
	return n;
}

int main(void)
{
	char buf[2048], copy[2048], *line, *save;
	struct stat st;
	const char *w;
	int n;

	CHECK(stat("/proc/self/stack", &st) == 0 && st.st_mode == (S_IFREG | 0400),
	      "/proc/self/stack is -r-------- (root's only)");
	CHECK(stat("/proc/self/wchan", &st) == 0 && st.st_mode == (S_IFREG | 0444),
	      "/proc/self/wchan is -r--r--r--");
	n = read_all("/proc/self/wchan", buf, sizeof(buf));
	CHECK(n == 1 && !strcmp(buf, "0"), "a running process's wchan is \"0\", no newline");

	/* Our own chain: what fills the file, down to the system call. */
	n = read_all("/proc/self/stack", buf, sizeof(buf));
	strcpy(copy, buf);
	CHECK(n > 0 && stack_lines(copy) >= 3, "/proc/self/stack: one \"[<0>] name+off/size\" line a frame");
	CHECK(strstr(buf, "[<0>] proc_single_show+0x"), "through proc_single_show, which fills it");
	strcpy(copy, buf);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		printf("own stack: %s\n", line);
	CHECK(strstr(buf, "sys_"), "down to the system call (sys_open or sys_read, as the file is filled)");

	root_sleeper = spawn(sleeper, NULL);
	w = wchan_when_asleep(root_sleeper);
	check_result(!strcmp(w, "hrtimer_nanosleep"), "a process in nanosleep() waits in hrtimer_nanosleep",
		     "wchan \"%s\"", w);
	n = read_all(proc_file(root_sleeper, "stack"), buf, sizeof(buf));
	CHECK(n >= 0, "root reads another process's stack");
	strcpy(copy, buf);
	CHECK(stack_lines(copy) >= 0, "in the same form");
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		printf("sleeper's stack: %s\n", line);

	check_child("parent in waitpid", parent_waits);
	check_child("stack and wchan for a user", as_user);
	kill(root_sleeper, SIGKILL);
	reap(root_sleeper);
	return check_done("t_proc_stack");
}
