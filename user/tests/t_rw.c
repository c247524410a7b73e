/* read/write/readv/writev on pipes and files: data round trip, EOF,
 * EPIPE with SIGPIPE ignored, SIGPIPE's default action, bad descriptors. */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static int write_to_closed_pipe(void *unused)
{
	int fds[2];

	pipe(fds);
	close(fds[0]);
	write(fds[1], "x", 1);
	return 0;
}

int main(void)
{
	char buf[64];
	struct iovec iov[3];
	int fds[2], fd, st;

	CHECK(pipe(fds) == 0, "pipe");
	CHECK_EQ(write(fds[1], "hello", 5), 5, "write 5 bytes to a pipe");
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 5, "read returns what is there");
	CHECK(memcmp(buf, "hello", 5) == 0, "same bytes");
	iov[0] = (struct iovec){ "ab", 2 };
	iov[1] = (struct iovec){ "", 0 };
	iov[2] = (struct iovec){ "cde", 3 };
	CHECK_EQ(writev(fds[1], iov, 3), 5, "writev gathers");
	memset(buf, 0, sizeof(buf));
	iov[0] = (struct iovec){ buf, 1 };
	iov[1] = (struct iovec){ buf + 10, 4 };
	CHECK_EQ(readv(fds[0], iov, 2), 5, "readv scatters");
	CHECK(buf[0] == 'a' && memcmp(buf + 10, "bcde", 4) == 0, "readv order");
	close(fds[1]);
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 0, "read at EOF returns 0");
	close(fds[0]);

	pipe(fds);
	close(fds[0]);
	signal(SIGPIPE, SIG_IGN);
	CHECK_ERR(write(fds[1], "x", 1), EPIPE, "write to a pipe without readers -> EPIPE");
	signal(SIGPIPE, SIG_DFL);
	close(fds[1]);
	st = reap(spawn(write_to_closed_pipe, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE, "SIGPIPE's default action kills");

	fd = open("/tmp/t_rw", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0, "create /tmp/t_rw");
	CHECK_EQ(write(fd, "0123456789", 10), 10, "write to a file");
	CHECK_EQ(lseek(fd, 2, SEEK_SET), 2, "lseek");
	CHECK_EQ(read(fd, buf, 3), 3, "read from a file");
	CHECK(memcmp(buf, "234", 3) == 0, "file contents");
	close(fd);
	unlink("/tmp/t_rw");

	CHECK_ERR(read(-1, buf, 1), EBADF, "read(-1) -> EBADF");
	CHECK_ERR(write(99, buf, 1), EBADF, "write to a closed fd -> EBADF");
	fd = open("/bin/sh", O_RDONLY);
	CHECK_ERR(write(fd, "x", 1), EBADF, "write to a read-only fd -> EBADF");
	close(fd);
	return check_done("t_rw");
}
