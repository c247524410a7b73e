/* Descriptor and pipe abuse, as an ordinary user: running out of
 * descriptors (EMFILE at RLIMIT_NOFILE), dup2/dup3/F_DUPFD to huge or bad
 * numbers, writes to a pipe nobody reads (SIGPIPE, or EPIPE when it is
 * ignored), a full non-blocking pipe, a huge write from a short buffer, and
 * close() or dup2() over a descriptor another thread is blocked reading.
 * The errno values are Linux's (checked with make test-linux). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define SMALL_LIMIT 64

static void sleep_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };

	nanosleep(&ts, NULL);
}

/* Open /dev/null until the kernel refuses. RETURNS: how many opened. */
static int open_until_refused(int *fds, int max, int *err)
{
	int n = 0, fd;

	while (n < max && (fd = open("/dev/null", O_RDONLY)) >= 0)
		fds[n++] = fd;
	*err = errno;
	return n;
}

static void test_emfile(void)
{
	static int fds[4096];
	struct case_rlimit rl;
	int n, err, i, p[2];

	CHECK(case_getrlimit(RLIMIT_NOFILE, &rl) == 0, "emfile: getrlimit");
	CHECK(case_setrlimit(RLIMIT_NOFILE, SMALL_LIMIT, rl.max) == 0, "emfile: lower the limit");
	n = open_until_refused(fds, 4096, &err);
	/* 0, 1 and 2 are open already */
	CHECK_EQ(n, SMALL_LIMIT - 3, "emfile: open until the limit");
	CHECK_EQ(err, EMFILE, "emfile: then EMFILE");
	CHECK_ERR(dup(0), EMFILE, "emfile: dup");
	CHECK_ERR(fcntl(0, F_DUPFD, 0), EMFILE, "emfile: F_DUPFD");
	CHECK_ERR(pipe(p), EMFILE, "emfile: pipe");
	close(fds[n - 1]);
	CHECK_ERR(pipe(p), EMFILE, "emfile: pipe with one free descriptor");
	CHECK(open("/dev/null", O_RDONLY) == fds[n - 1], "emfile: the freed number is reused");
	for (i = 0; i < n; i++)
		close(fds[i]);

	CHECK(case_setrlimit(RLIMIT_NOFILE, rl.cur, rl.max) == 0, "emfile: restore the limit");
}

static void test_dup_numbers(void)
{
	struct case_rlimit rl;

	case_getrlimit(RLIMIT_NOFILE, &rl);
	CHECK_ERR(dup2(0, 0x7fffffff), EBADF, "dup2 to 0x7fffffff");
	CHECK_ERR(dup2(0, -1), EBADF, "dup2 to -1");
	CHECK_ERR(dup2(0, rl.cur), EBADF, "dup2 to RLIMIT_NOFILE");
	CHECK_ERR(dup2(rl.cur - 2, 5), EBADF, "dup2 from a closed descriptor");
	CHECK_ERR(dup2(0x7fffffff, 5), EBADF, "dup2 from 0x7fffffff");
	CHECK_EQ(dup2(1, 1), 1, "dup2 to itself");
	CHECK_ERR(dup2(77, 77), EBADF, "dup2 of a closed descriptor to itself");
	CHECK_ERR(dup3(1, 1, 0), EINVAL, "dup3 to itself");
	CHECK_ERR(dup3(1, 5, 0x12345678), EINVAL, "dup3 with bad flags");
	CHECK_ERR(fcntl(0, F_DUPFD, rl.cur), EINVAL, "F_DUPFD from RLIMIT_NOFILE");
	CHECK_ERR(fcntl(0, F_DUPFD, 0x7fffffff), EINVAL, "F_DUPFD from 0x7fffffff");
	CHECK_ERR(fcntl(0, F_DUPFD, -1), EINVAL, "F_DUPFD from -1");
	CHECK_ERR(close(-1), EBADF, "close(-1)");
	CHECK_ERR(close(0x7fffffff), EBADF, "close(0x7fffffff)");
	CHECK_ERR(fcntl(-1, F_GETFD), EBADF, "F_GETFD of -1");
	CHECK_ERR(fcntl(0, 0x7fff), EINVAL, "fcntl with an unknown command");
}

static int write_to_closed_pipe(void *arg)
{
	int p[2];

	if (pipe(p) < 0)
		return 10;
	close(p[0]);
	write(p[1], "x", 1);
	return 11;	/* not reached: SIGPIPE kills it */
}

static void test_sigpipe(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	char buf[16] = "abc";
	struct iovec iov = { buf, 3 };
	int status, p[2];

	status = reap(spawn(write_to_closed_pipe, NULL));
	CHECK(killed_by(status, SIGPIPE), "write to a pipe without readers: SIGPIPE");
	sigaction(SIGPIPE, &ign, &old);
	CHECK(pipe(p) == 0, "pipe");
	close(p[0]);
	CHECK_ERR(write(p[1], buf, 3), EPIPE, "the same with SIGPIPE ignored: EPIPE");
	CHECK_ERR(writev(p[1], &iov, 1), EPIPE, "writev: EPIPE");
	/* Linux's pipe_write() looks for readers before it copies anything */
	CHECK_ERR(write(p[1], NULL, 1), EPIPE, "write from NULL to a pipe without readers");
	CHECK_ERR(read(p[1], buf, 1), EBADF, "read from the write end");
	close(p[1]);
	CHECK(pipe(p) == 0, "pipe");
	CHECK_ERR(write(p[0], buf, 1), EBADF, "write to the read end");
	close(p[1]);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0, "read from a pipe without writers: end of file");
	close(p[0]);
	sigaction(SIGPIPE, &old, NULL);
}

static void test_full_pipe(void)
{
	static char buf[4096];
	long total = 0, n;
	char *map;
	int p[2];

	CHECK(pipe2(p, O_NONBLOCK) == 0, "pipe2 O_NONBLOCK");
	while ((n = write(p[1], buf, sizeof(buf))) > 0)
		total += n;
	CHECK(total > 0 && errno == EAGAIN, "a full non-blocking pipe: EAGAIN");
	while (read(p[0], buf, sizeof(buf)) > 0)
		;
	CHECK_ERR(read(p[0], buf, sizeof(buf)), EAGAIN, "empty non-blocking pipe: EAGAIN");

	/* A huge length from a one-page buffer at the end of a mapping. */
	map = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(map + 4096, 4096);
	memset(map, 'z', 4096);
	n = write(p[1], map, 0x7fffffff);
	CHECK(n == -1 && errno == EFAULT, "write of 2 GiB from one page: EFAULT");
	n = read(p[0], map, 0x7fffffff);
	CHECK(n == -1 && (errno == EFAULT || errno == EAGAIN), "read of 2 GiB into one page");
	n = write(p[1], map + 4096 - 10, 20);
	CHECK(n == 10 || (n == -1 && errno == EFAULT), "write running off the end of a mapping");
	munmap(map, 4096);
	close(p[0]);
	close(p[1]);
}

/* A reader blocked in read() keeps its file: close() and dup2() over its
 * descriptor in another thread do not end the read (Linux's fdget). */
struct race {
	int fd;
	long got;
	char byte;
};

static int blocked_reader(void *arg)
{
	struct race *r = arg;

	r->got = read(r->fd, &r->byte, 1);
	return 0;
}

static void test_close_racing_read(void)
{
	int i, ok_close = 0, ok_dup2 = 0, p[2], null = open("/dev/null", O_RDONLY);
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;

	/* a close() before the read starts leaves the pipe without readers */
	sigaction(SIGPIPE, &ign, &old);
	for (i = 0; i < 50; i++) {
		struct race r = { .got = -2 };
		struct thread t;

		if (pipe(p) < 0)
			break;
		r.fd = p[0];
		thread_start(&t, blocked_reader, &r);
		sleep_ms(i % 3);
		if (i % 2) {
			close(p[0]);
		} else {
			dup2(null, p[0]);
		}
		write(p[1], "k", 1);
		thread_join(&t);
		/* either the read started first and got the byte, or it found
		 * the descriptor already closed or replaced by /dev/null */
		if (i % 2)
			ok_close += (r.got == 1 && r.byte == 'k') || (r.got == -1);
		else
			ok_dup2 += (r.got == 1 && r.byte == 'k') || r.got == 0;
		close(p[0]);
		close(p[1]);
	}
	close(null);
	sigaction(SIGPIPE, &old, NULL);
	CHECK_EQ(ok_close, 25, "close() of a descriptor another thread reads");
	CHECK_EQ(ok_dup2, 25, "dup2() over a descriptor another thread reads");
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	as_user();
	test_emfile();
	test_dup_numbers();
	test_sigpipe();
	test_full_pipe();
	test_close_racing_read();
	return check_done("fd");
}
