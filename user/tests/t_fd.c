/* Descriptors: open/openat/close, lowest free number, dup/dup2/dup3,
 * pipe2, fcntl close-on-exec and status flags, lseek, fstat/stat/lstat. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct stat st;
	int fd, fd2, fds[2];

	fd = open("/tmp/t_fd", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 3, "open O_CREAT");
	CHECK_ERR(open("/tmp/t_fd", O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST, "O_EXCL on an existing file");
	CHECK_ERR(open("/tmp/no/such", O_RDONLY), ENOENT, "open a missing path -> ENOENT");
	CHECK_ERR(open("/tmp/t_fd/x", O_RDONLY), ENOTDIR, "path through a file -> ENOTDIR");
	CHECK_ERR(open("/tmp/t_fd", O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY on a file");
	CHECK_ERR(open("/tmp", O_WRONLY), EISDIR, "open a directory for writing -> EISDIR");
	write(fd, "abcdef", 6);
	CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 6 &&
	      (st.st_mode & 0777) == 0600, "fstat: regular, size 6, mode 0600");
	CHECK(stat("/tmp/t_fd", &st) == 0 && st.st_size == 6, "stat");
	CHECK(lstat("/tmp", &st) == 0 && S_ISDIR(st.st_mode), "lstat of a directory");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6, "lseek SEEK_CUR");
	CHECK_EQ(lseek(fd, -2, SEEK_END), 4, "lseek SEEK_END");
	CHECK_ERR(lseek(fd, -100, SEEK_SET), EINVAL, "lseek before 0 -> EINVAL");

	fd2 = dup(fd);
	CHECK(fd2 > fd, "dup returns the lowest free number");
	CHECK_EQ(lseek(fd2, 0, SEEK_CUR), 4, "dup shares the file offset");
	close(fd2);
	CHECK_EQ(dup(fd), fd2, "a closed number is reused");
	CHECK_EQ(dup2(fd, 20), 20, "dup2 to a chosen number");
	CHECK_EQ(dup2(fd, fd), fd, "dup2 onto itself");
	CHECK_ERR(dup3(fd, fd, 0), EINVAL, "dup3 onto itself -> EINVAL");
	CHECK_EQ(dup3(fd, 21, O_CLOEXEC), 21, "dup3 O_CLOEXEC");
	CHECK_EQ(fcntl(21, F_GETFD), FD_CLOEXEC, "F_GETFD shows FD_CLOEXEC");
	CHECK_EQ(fcntl(20, F_GETFD), 0, "dup2 clears close-on-exec");
	CHECK(fcntl(fd, F_GETFL) >= 0 && (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR, "F_GETFL access mode");
	CHECK_EQ(fcntl(fd, F_DUPFD, 30), 30, "F_DUPFD from 30");
	close(20);
	close(21);
	close(30);
	close(fd2);
	CHECK_EQ(close(fd), 0, "close");
	CHECK_ERR(close(fd), EBADF, "close twice -> EBADF");
	CHECK_ERR(dup(fd), EBADF, "dup of a closed fd -> EBADF");

	CHECK(pipe2(fds, O_CLOEXEC) == 0, "pipe2 O_CLOEXEC");
	CHECK_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC, "pipe2 sets close-on-exec");
	CHECK(fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode), "fstat of a pipe: S_IFIFO");
	CHECK_ERR(lseek(fds[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe -> ESPIPE");
	close(fds[0]);
	close(fds[1]);

	fd = openat(AT_FDCWD, "/tmp/t_fd", O_RDONLY);
	CHECK(fd >= 0, "openat AT_FDCWD");
	close(fd);
	fd2 = open("/tmp", O_RDONLY | O_DIRECTORY);
	fd = openat(fd2, "t_fd", O_RDONLY);
	CHECK(fd >= 0, "openat relative to a directory fd");
	close(fd);
	close(fd2);
	CHECK(stat("/bin/sh", &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 1000 &&
	      (st.st_mode & 0111), "stat /bin/sh: executable file");
	CHECK_EQ(unlink("/tmp/t_fd"), 0, "unlink");
	CHECK_ERR(stat("/tmp/t_fd", &st), ENOENT, "stat after unlink -> ENOENT");
	return check_done("t_fd");
}
