/* Races between the threads of one process, as an ordinary user: a
 * descriptor closed and replaced while other threads poll, select, read
 * and write it; memory unmapped or protected while another thread's read
 * or write copies to or from it (Linux: a short count or EFAULT, never a
 * signal, an oops or a leaked page), also through a shared mapping of the
 * very file being read or written while it is truncated; fork() while
 * another thread maps, protects and unmaps (each child sees the memory as
 * it was at its fork); exit_group() and fatal signals while every other
 * thread sleeps in a different blocking call (the process ends at once with
 * that status: Linux's zap_other_threads wakes each); execve() while the
 * other threads block, one of them in vfork(). The runner's checks after
 * the case catch what a race leaks. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include "case.h"

#define SELF "/lib/abuse/threads"
#define PAGE 4096
#define RACE_MS 100
#define COPY_PAGES 16

/* errno is one word for the whole process in this C library (newlib's
 * global reentrancy structure), so the racing threads take the kernel's
 * raw result, -errno on failure (user/lib/syscall_gate.S). */
long __syscall(long nr, long a, long b, long c, long d, long e, long f);
#define RAW(nr, a, b, c) __syscall(nr, (long)(a), (long)(b), (long)(c), 0, 0, 0)

/* poll(2)'s and select(2)'s structures as Linux's uapi has them */
#define POLLIN 0x0001
#define POLLOUT 0x0004
struct pollfd {
	int fd;
	short events, revents;
};
struct kernel_time32 {
	long tv_sec, tv_nsec_or_usec;
};

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* What the racing threads share: the end of the race and what they saw. */
struct race {
	volatile int stop;
	int fd;			/* the descriptor number fought over */
	unsigned char *map;	/* the memory fought over */
	unsigned long calls[4];
	unsigned long wrong[4];	/* answers Linux would not give */
	long last_wrong[4];	/* the last of them, as -errno or a count */
};

/* Count a call whose raw result was @ret; @ok says whether Linux could
 * have answered so. */
static void note(struct race *r, int who, long ret, int ok)
{
	r->calls[who]++;
	if (!ok) {
		r->wrong[who]++;
		r->last_wrong[who] = ret;
	}
}

/* RETURNS: whether the race begun at @start goes on: for RACE_MS, and
 * then until each of the first @who racers has made a call (a loaded host
 * may not run them for a while), but no more than 5 s. */
static bool racing(const struct race *r, long long start, int who)
{
	long long t = ms_now();
	int i;

	if (t < start + RACE_MS)
		return true;
	for (i = 0; i < who; i++)
		if (!r->calls[i])
			return t < start + 5000;
	return false;
}

/* ---- a descriptor closed under poll, select, read and write -------- */

static int fd_poller(void *arg)
{
	struct race *r = arg;

	while (!r->stop) {
		struct pollfd pfd = { .fd = r->fd, .events = POLLIN | POLLOUT };
		struct kernel_time32 ms = { 0, 1000000 }, us = { 0, 1000 };
		unsigned long set[2] = { 1ul << r->fd, 1ul << r->fd };	/* r->fd < 32 */
		long ret;

		ret = RAW(__NR_poll, &pfd, 1, 1);
		/* a closed number is POLLNVAL, never an error */
		note(r, 0, ret, ret >= 0);
		ret = __syscall(__NR_ppoll, (long)&pfd, 1, (long)&ms, 0, 8, 0);
		note(r, 0, ret, ret >= 0);
		ret = __syscall(__NR__newselect, r->fd + 1, (long)&set[0], (long)&set[1], 0, (long)&us, 0);
		note(r, 0, ret, ret >= 0 || ret == -EBADF);
	}
	return 0;
}

static int fd_reader(void *arg)
{
	struct race *r = arg;
	char buf[512];
	long ret;

	while (!r->stop) {
		ret = RAW(__NR_read, r->fd, buf, sizeof(buf));
		/* the write end of a pipe is EBADF for reading */
		note(r, 1, ret, ret >= 0 || ret == -EBADF || ret == -EAGAIN);
		ret = RAW(__NR_fstat64, r->fd, buf, 0);
		note(r, 1, ret, ret == 0 || ret == -EBADF);
		ret = RAW(__NR_lseek, r->fd, 0, SEEK_SET);
		note(r, 1, ret, ret == 0 || ret == -EBADF || ret == -ESPIPE);
	}
	return 0;
}

static int fd_writer(void *arg)
{
	struct race *r = arg;
	static const char bytes[700];
	long ret;

	while (!r->stop) {
		ret = RAW(__NR_write, r->fd, bytes, sizeof(bytes));
		note(r, 2, ret, ret >= 0 || ret == -EBADF || ret == -EAGAIN || ret == -EPIPE);
		ret = RAW(__NR_fcntl64, r->fd, F_GETFL, 0);
		note(r, 2, ret, ret >= 0 || ret == -EBADF);
	}
	return 0;
}

/* The closer puts a new non-blocking pipe, a scratch file, /dev/zero or
 * nothing at r->fd, over and over, while the others use whatever is there. */
static void test_close_under_use(const char *scratch)
{
	struct race r = { .fd = 20 };
	struct thread t[3];
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	long long start;
	int p[2], rounds = 0, made = 0;

	sigaction(SIGPIPE, &ign, &old);
	thread_start(&t[0], fd_poller, &r);
	thread_start(&t[1], fd_reader, &r);
	thread_start(&t[2], fd_writer, &r);
	for (start = ms_now(); racing(&r, start, 3); rounds++) {
		int fd = -1;

		switch (rounds % 4) {
		case 0:
			if (pipe2(p, O_NONBLOCK) == 0) {
				/* the write end at r->fd, the read end soon closed */
				fd = p[1];
				close(p[0]);
			}
			break;
		case 1:
			if (pipe2(p, O_NONBLOCK) == 0) {
				fd = p[0];
				write(p[1], "data", 4);
				close(p[1]);
			}
			break;
		case 2:
			fd = open(scratch, O_RDWR | O_CREAT, 0600);
			break;
		case 3:
			fd = open("/dev/zero", O_RDWR);
			break;
		}
		if (fd >= 0) {
			made += dup2(fd, r.fd) == r.fd;
			close(fd);
		}
		sched_yield();
		close(r.fd);
		sched_yield();
	}
	r.stop = 1;
	thread_join(&t[0]);
	thread_join(&t[1]);
	thread_join(&t[2]);
	unlink(scratch);
	sigaction(SIGPIPE, &old, NULL);
	CHECK(made == rounds && r.calls[0] && r.calls[1] && r.calls[2],
	      "close-under-use: every thread ran");
	check_result(!r.wrong[0] && !r.wrong[1] && !r.wrong[2],
		     "close-under-use: poll/select, read/fstat/lseek, write/fcntl answer as Linux",
		     "%lu, %lu, %lu wrong of %lu, %lu, %lu (last %ld, %ld, %ld)", r.wrong[0], r.wrong[1],
		     r.wrong[2], r.calls[0], r.calls[1], r.calls[2], r.last_wrong[0], r.last_wrong[1],
		     r.last_wrong[2]);
}

/* ---- memory unmapped under a copy ------------------------------------ */

/* Copies to and from r->map through read() and write() of /dev/zero, a
 * pipe and r->fd: each must copy some bytes or fail with EFAULT. */
static int copier(void *arg)
{
	struct race *r = arg;
	const long len = COPY_PAGES * PAGE;
	int zero = open("/dev/zero", O_RDWR), null = open("/dev/null", O_WRONLY), p[2];
	long ret;

	pipe2(p, O_NONBLOCK);
	while (!r->stop) {
		ret = RAW(__NR_read, zero, r->map, len);
		note(r, 0, ret, ret > 0 || ret == -EFAULT);
		ret = __syscall(__NR_pread64, r->fd, (long)r->map, len, 0, 0, 0);
		note(r, 0, ret, ret >= 0 || ret == -EFAULT);
		ret = __syscall(__NR_pwrite64, r->fd, (long)r->map, len, 0, PAGE, 0);
		note(r, 1, ret, ret > 0 || ret == -EFAULT);
		ret = RAW(__NR_write, p[1], r->map, len);
		note(r, 1, ret, ret > 0 || ret == -EFAULT || ret == -EAGAIN);
		ret = RAW(__NR_read, p[0], r->map + PAGE / 2, len);
		note(r, 0, ret, ret > 0 || ret == -EFAULT || ret == -EAGAIN);
		ret = RAW(__NR_write, null, r->map, len);
		note(r, 1, ret, ret == len);	/* /dev/null reads nothing */
	}
	close(zero);
	close(null);
	close(p[0]);
	close(p[1]);
	return 0;
}

/* The unmapper takes r->map away, protects it or maps it back, at random. */
static void unmap_under_copies(struct race *r, bool file_backed)
{
	const long len = COPY_PAGES * PAGE;
	struct thread t;
	long long start;

	thread_start(&t, copier, r);
	for (start = ms_now(); racing(r, start, 2);) {
		unsigned int what = case_rand() % 4, first = case_rand() % COPY_PAGES;
		unsigned char *part = r->map + first * PAGE;
		long part_len = (COPY_PAGES - first) * PAGE;

		if (what == 0)
			munmap(part, part_len);
		else if (what == 1)
			mprotect(part, part_len, case_rand() % 2 ? PROT_NONE : PROT_READ);
		else if (what == 2 && file_backed)
			ftruncate(r->fd, first * PAGE);	/* the mapping's tail is past EOF */
		else if (file_backed)
			mmap(r->map, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, r->fd, 0);
		else
			mmap(r->map, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			     -1, 0);
		sched_yield();
	}
	r->stop = 1;
	thread_join(&t);
	munmap(r->map, len);
}

static void test_unmap_under_copy(const char *scratch)
{
	const long len = COPY_PAGES * PAGE;
	struct race anon = { 0 }, file = { 0 };

	anon.fd = open(scratch, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ftruncate(anon.fd, len);
	anon.map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unmap_under_copies(&anon, false);
	close(anon.fd);

	/* reads and writes of the file through a mapping of that file */
	file.fd = open(scratch, O_RDWR | O_CREAT | O_TRUNC, 0600);
	ftruncate(file.fd, len);
	file.map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, file.fd, 0);
	unmap_under_copies(&file, true);
	close(file.fd);
	unlink(scratch);

	check_result(anon.calls[0] && anon.calls[1] && !anon.wrong[0] && !anon.wrong[1],
		     "unmap-under-copy: copies to and from anonymous memory give a count or EFAULT",
		     "%lu/%lu to, %lu/%lu from went wrong (last %ld, %ld)", anon.wrong[0],
		     anon.calls[0], anon.wrong[1], anon.calls[1], anon.last_wrong[0],
		     anon.last_wrong[1]);
	check_result(file.calls[0] && file.calls[1] && !file.wrong[0] && !file.wrong[1],
		     "unmap-under-copy: copies through a mapping of the file itself, truncated",
		     "%lu/%lu to, %lu/%lu from went wrong (last %ld, %ld)", file.wrong[0],
		     file.calls[0], file.wrong[1], file.calls[1], file.last_wrong[0],
		     file.last_wrong[1]);
}

/* ---- fork while another thread changes the mappings ----------------- */

#define SLOTS 7		/* a child's exit status has a bit for each, and one more */
#define SLOT_PAGES 4
#define MINE_WRONG 0x80

struct mm_race {
	volatile int stop;
	unsigned char *area;		/* SLOTS * SLOT_PAGES pages */
	volatile unsigned char pattern[SLOTS];	/* what slot i holds, 0 while it changes */
	unsigned long changes;
};

/* Maps each slot again with a new pattern, or unmaps or protects it;
 * pattern[i] is 0 from before a change of slot i until the new pattern is
 * all there, so a slot whose pattern reads the same before and after a
 * fork held that pattern throughout. */
static int mapper(void *arg)
{
	struct mm_race *m = arg;
	unsigned char next = 1;

	while (!m->stop) {
		unsigned int i = case_rand() % SLOTS;
		unsigned char *slot = m->area + i * SLOT_PAGES * PAGE;

		m->pattern[i] = 0;
		__sync_synchronize();
		switch (case_rand() % 3) {
		case 0:
			munmap(slot, SLOT_PAGES * PAGE);
			break;
		case 1:
			mmap(slot, SLOT_PAGES * PAGE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			next = next == 255 ? 1 : next + 1;
			memset(slot, next, SLOT_PAGES * PAGE);
			mprotect(slot, SLOT_PAGES * PAGE, PROT_READ);
			__sync_synchronize();
			m->pattern[i] = next;
			break;
		case 2:
			mprotect(slot, SLOT_PAGES * PAGE, PROT_NONE);
			break;
		}
		m->changes++;
	}
	return 0;
}

static volatile int slot_checked;

/* A slot the mapper changed between the parent's look and the fork may
 * be gone in the child: the parent knows it was not held. */
static void on_slot_fault(int sig)
{
	_exit(1 << slot_checked);
}

/* The child of a fork: each slot that held a pattern when it forked
 * (known[i]) must hold it in every byte, and the parent's write after the
 * fork (made before it writes to @go) must not show. RETURNS: a bit for
 * each slot that did not, and MINE_WRONG if the parent's write showed. */
static int check_slots(struct mm_race *m, const unsigned char *known, volatile unsigned char *mine,
		       int go)
{
	struct sigaction sa = { .sa_handler = on_slot_fault };
	unsigned int i, j;
	int wrong = 0;
	char c;

	sigaction(SIGSEGV, &sa, NULL);
	for (i = 0; i < SLOTS; i++) {
		const unsigned char *slot = m->area + i * SLOT_PAGES * PAGE;

		slot_checked = i;
		for (j = 0; known[i] && j < SLOT_PAGES * PAGE; j += 512)
			if (slot[j] != known[i]) {
				wrong |= 1 << i;
				break;
			}
	}
	read(go, &c, 1);
	return wrong | (*mine == 1 ? 0 : MINE_WRONG);
}

#define FORKS 8
#define CHANGES 8

static void test_fork_while_mapping(void)
{
	struct mm_race m = { 0 };
	struct thread t;
	unsigned char known[SLOTS];
	volatile unsigned char *mine;
	int forks = 0, bad = 0, last_bad = 0, status, held, i, go[2];
	long long end;

	m.area = mmap(NULL, SLOTS * SLOT_PAGES * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mine = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pipe(go);
	thread_start(&t, mapper, &m);
	/* at least FORKS forks while the mapper makes at least CHANGES changes */
	for (end = ms_now() + 5000; (forks < FORKS || m.changes < CHANGES) && ms_now() < end; forks++) {
		pid_t pid;

		*mine = 1;
		for (i = 0; i < SLOTS; i++)
			known[i] = m.pattern[i];
		pid = fork();
		if (pid == 0)
			_exit(check_slots(&m, known, mine, go[0]));
		/* the slots that held their pattern throughout the fork */
		for (held = MINE_WRONG, i = 0; i < SLOTS; i++)
			if (known[i] && m.pattern[i] == known[i])
				held |= 1 << i;
		*mine = 2;	/* copy-on-write: the child must still see 1 */
		write(go[1], "g", 1);
		if (pid < 0 || waitpid(pid, &status, 0) != pid)
			break;
		if (!WIFEXITED(status) || (WEXITSTATUS(status) & held)) {
			bad++;
			last_bad = status;
		}
	}
	m.stop = 1;
	thread_join(&t);
	close(go[0]);
	close(go[1]);
	munmap(m.area, SLOTS * SLOT_PAGES * PAGE);
	munmap((void *)mine, PAGE);
	check_result(forks >= FORKS && m.changes >= CHANGES,
		     "fork-while-mapping: forks and mapping changes raced", "%d forks, %lu changes",
		     forks, m.changes);
	check_result(!bad, "fork-while-mapping: each child sees the memory of its fork",
		     "%d of %d children saw other memory (last status %#x)", bad, forks, last_bad);
}

/* ---- the process ends while its threads block ----------------------- */

static int pipe_fds[2], full_pipe[2];
static volatile int futex_word;

static void on_usr1(int sig)
{
}

/* Each sleeper blocks in a different call for ever, unless woken. */
static int sleeper(void *arg)
{
	struct timespec hour = { 3600, 0 };
	struct pollfd pfd = { .fd = pipe_fds[0], .events = POLLIN };
	sigset_t none, usr2;
	char c, buf[PAGE] = { 0 };
	fd_set rd;

	sigemptyset(&none);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	switch ((long)arg) {
	case 0:
		read(pipe_fds[0], &c, 1);
		break;
	case 1:
		futex(&futex_word, FUTEX_WAIT, 0, NULL);
		break;
	case 2:
		nanosleep(&hour, NULL);
		break;
	case 3:
		RAW(__NR_poll, &pfd, 1, -1);
		break;
	case 4:
		FD_ZERO(&rd);
		FD_SET(pipe_fds[0], &rd);
		select(pipe_fds[0] + 1, &rd, NULL, NULL, NULL);
		break;
	case 5:
		sigsuspend(&usr2);	/* SIGUSR1 is caught: only a fatal signal ends it */
		break;
	case 6:
		sigtimedwait(&usr2, NULL, &hour);
		break;
	case 7:
		while (write(full_pipe[1], buf, sizeof(buf)) > 0)
			;
		break;
	case 8:
		clock_nanosleep(CLOCK_MONOTONIC, 0, &hour, NULL);
		break;
	case 9:
		waitpid(-1, NULL, 0);	/* the sleeping child below */
		break;
	}
	return 0;
}

#define SLEEPERS 10

/* A child whose threads sleep in every blocking call; then it ends as @how
 * says. RETURNS (in the child): nothing; it ends. */
static int sleepy_process(void *arg)
{
	static struct thread t[SLEEPERS];
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct timespec hour = { 3600, 0 };
	long how = (long)arg, i;

	setpgid(0, 0);	/* so that its sleeping child can be killed with it */
	sigaction(SIGUSR1, &sa, NULL);
	pipe(pipe_fds);
	pipe(full_pipe);
	if (fork() == 0) {
		nanosleep(&hour, NULL);	/* killed by the parent's end (its group) */
		_exit(0);
	}
	for (i = 0; i < SLEEPERS; i++)
		thread_start(&t[i], sleeper, (void *)i);
	sleep_ms(20);
	switch (how) {
	case 0:
		syscall(__NR_exit_group, 7);
		break;
	case 1:
		kill(getpid(), SIGTERM);	/* default action: the whole process ends */
		break;
	case 2:
		/* the leader leaves first; a sleeping thread's group exit ends the rest */
		syscall(__NR_tgkill, getpid(), t[3].tid, SIGSEGV);
		syscall(__NR_exit, 0);
		break;
	case 3:
		/* a thread (not the leader) exits the group */
		syscall(__NR_tgkill, getpid(), t[5].tid, SIGQUIT);
		break;
	}
	nanosleep(&hour, NULL);
	return 0;
}

#define ENDS 4
#define END_WAIT_MS 10000	/* "at once", on a loaded host; a hang is for ever */

static void test_end_while_blocked(void)
{
	static const struct {
		const char *name;
		int want;	/* wait status */
	} ends[ENDS] = {
		{ "exit_group(7) while 10 threads block", 7 << 8 },
		{ "SIGTERM while 10 threads block", SIGTERM },
		{ "the leader exits, then a thread's SIGSEGV", SIGSEGV },
		/* RLIMIT_CORE is 0: no core, so no WCOREDUMP flag */
		{ "a thread's SIGQUIT while others block", SIGQUIT },
	};
	long long start = ms_now();
	pid_t pid[ENDS];
	unsigned int i;

	/* all four at once: each needs its threads asleep first */
	for (i = 0; i < ENDS; i++)
		pid[i] = spawn(sleepy_process, (void *)(long)i);
	for (i = 0; i < ENDS; i++) {
		int status = -1, waited;
		char name[96];

		while ((waited = waitpid(pid[i], &status, WNOHANG)) == 0 &&
		       ms_now() - start < END_WAIT_MS)
			sleep_ms(5);
		if (waited == 0) {
			kill(-pid[i], SIGKILL);
			kill(pid[i], SIGKILL);
			waitpid(pid[i], &status, 0);
		}
		kill(-pid[i], SIGKILL);	/* its sleeping child */
		snprintf(name, sizeof(name), "end-while-blocked: %s", ends[i].name);
		check_result(waited == pid[i] && status == ends[i].want, name, "%s, status %#x, want %#x",
			     waited == pid[i] ? "ended" : "still there after 10 s", status, ends[i].want);
	}
}

/* ---- execve while the other threads block --------------------------- */

static int vforker(void *arg)
{
	pid_t pid = vfork();

	if (pid == 0) {
		struct timespec t = { 0, 100 * 1000000 };

		nanosleep(&t, NULL);
		_exit(0);
	}
	return 0;
}

static int exec_while_blocked(void *arg)
{
	static struct thread t[SLEEPERS + 1];
	long i;

	pipe(pipe_fds);
	pipe(full_pipe);
	for (i = 0; i < SLEEPERS; i++)
		if (i != 9)	/* no child to wait for here but the vfork one */
			thread_start(&t[i], sleeper, (void *)i);
	thread_start(&t[SLEEPERS], vforker, NULL);
	sleep_ms(20);
	execl(SELF, SELF, "exec-ok", (char *)NULL);
	return 100;
}

static void test_exec_while_blocked(void)
{
	pid_t pid = spawn(exec_while_blocked, NULL);
	int status = reap(pid);

	check_result(status == 42 << 8, "exec-while-blocked: execve with 11 threads blocked, one in vfork",
		     "status %#x, want exit 42", status);
	while (waitpid(-1, NULL, WNOHANG) > 0)	/* the vfork child, now ours? no: its parent's */
		;
}

int main(int argc, char **argv)
{
	char scratch[64];

	if (argc > 1 && !strcmp(argv[1], "exec-ok"))
		return getpid() > 0 ? 42 : 1;
	case_init(argc, argv);
	as_user();
	snprintf(scratch, sizeof(scratch), "/tmp/threads.%d", getpid());
	test_close_under_use(scratch);
	test_unmap_under_copy(scratch);
	test_fork_while_mapping();
	test_end_while_blocked();
	test_exec_while_blocked();
	return check_done("threads");
}
