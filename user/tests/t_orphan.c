/* Orphans: a child forks a grandchild and exits; the grandchild is
 * re-parented to init (Linux's forget_original_parent), sees getppid()
 * become 1, and when it exits init reaps it: it does not stay a zombie. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define POLLS	200	/* of 10 ms: 2 s for init to adopt, then to reap */

struct pipes {
	int report[2];	/* grandchild -> test: its pid, then what it saw */
	int go[2];	/* test -> grandchild: closed when it may exit */
};

static void pause_10ms(void)
{
	struct timespec ts = { .tv_nsec = 10 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/* The grandchild: report our pid, wait for the parent to be gone (ppid 1),
 * report that, and exit when the test closes the go pipe. */
static void grandchild(struct pipes *p)
{
	pid_t self = getpid();
	char adopted = 'n', c;
	int i;

	close(p->go[1]);
	write(p->report[1], &self, sizeof(self));
	for (i = 0; i < POLLS && adopted == 'n'; i++) {
		if (getppid() == 1)
			adopted = 'y';
		else
			pause_10ms();
	}
	write(p->report[1], &adopted, 1);
	while (read(p->go[0], &c, 1) > 0)
		;
	_exit(0);
}

/* The child: fork the grandchild and exit at once, leaving it an orphan. */
static int child(void *arg)
{
	pid_t pid = fork();

	if (pid == 0)
		grandchild(arg);
	return pid > 0 ? 0 : 1;
}

/* proc_stat - read /proc/<pid>/stat's state and ppid.
 * RETURNS: 0, or -1 if there is no such process (errno ENOENT). */
static int proc_stat(pid_t pid, char *state, pid_t *ppid)
{
	char path[32], buf[256], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strrchr(buf, ')');	/* after "pid (comm)" */
	if (!p || sscanf(p + 1, " %c %d", state, ppid) != 2)
		return -1;
	return 0;
}

/* gone - RETURNS: 1 once /proc/<pid> has disappeared within POLLS */
static int gone(pid_t pid)
{
	char state;
	pid_t ppid;
	int i;

	for (i = 0; i < POLLS; i++) {
		if (proc_stat(pid, &state, &ppid) < 0 && errno == ENOENT)
			return 1;
		pause_10ms();
	}
	return 0;
}

int main(void)
{
	struct pipes p;
	pid_t pid, ppid = 0, grandchild_pid = 0;
	char adopted = 0, state = 0;
	int in_proc;

	if (!CHECK(pipe(p.report) == 0 && pipe(p.go) == 0, "pipes"))
		return check_done("t_orphan");
	pid = spawn(child, &p);
	close(p.report[1]);
	close(p.go[0]);
	CHECK_EQ(reap(pid), 0, "the child forked the grandchild and exited");
	CHECK_EQ(read(p.report[0], &grandchild_pid, sizeof(grandchild_pid)),
		 sizeof(grandchild_pid), "the grandchild reported its pid");
	CHECK_EQ(read(p.report[0], &adopted, 1), 1, "the grandchild reported its parent");
	CHECK_EQ(adopted, 'y', "the grandchild's getppid() became 1: init adopted it");
	CHECK_ERR(waitpid(grandchild_pid, NULL, WNOHANG), ECHILD,
		  "the grandchild is not our child: we cannot reap it");
	in_proc = CHECK(proc_stat(grandchild_pid, &state, &ppid) == 0, "/proc/<grandchild>/stat");
	if (in_proc)
		CHECK(ppid == 1 && state != 'Z', "/proc shows it alive, parent 1");
	close(p.go[1]);	/* let it exit */
	if (in_proc)	/* a zombie stays in /proc until its parent reaps it */
		CHECK(gone(grandchild_pid), "the grandchild exited and init reaped it: no zombie left");
	return check_done("t_orphan");
}
