/* File and directory system calls: open/read/write/close, descriptors,
 * pipes, stat (the stat64 family), directories, mounts, ioctl/termios.
 * Flags and records are Linux ARM's (see user/include). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>
#include <asm/stat.h>
#include "syscall.h"

_Static_assert(sizeof(struct stat) == sizeof(struct stat64), "struct stat is stat64");
_Static_assert(__builtin_offsetof(struct stat, st_size) ==
	       __builtin_offsetof(struct stat64, st_size), "st_size");
_Static_assert(__builtin_offsetof(struct stat, st_ino) ==
	       __builtin_offsetof(struct stat64, st_ino), "st_ino");

/* the mode argument exists only with O_CREAT (and O_TMPFILE) */
static mode_t open_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return SYSCALL(__NR_open, path, flags | O_LARGEFILE, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return SYSCALL(__NR_openat, dirfd, path, flags | O_LARGEFILE, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
	return SYSCALL(__NR_close, fd);
}

ssize_t read(int fd, void *buf, size_t n)
{
	return SYSCALL(__NR_read, fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return SYSCALL(__NR_write, fd, buf, n);
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return SYSCALL(__NR_readv, fd, iov, iovcnt);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return SYSCALL(__NR_writev, fd, iov, iovcnt);
}

off_t lseek(int fd, off_t off, int whence)
{
	return SYSCALL(__NR_lseek, fd, off, whence);
}

int dup(int fd)
{
	return SYSCALL(__NR_dup, fd);
}

int dup2(int fd, int fd2)
{
	return SYSCALL(__NR_dup2, fd, fd2);
}

int dup3(int fd, int fd2, int flags)
{
	return SYSCALL(__NR_dup3, fd, fd2, flags);
}

int pipe(int fds[2])
{
	return SYSCALL(__NR_pipe, fds);
}

int pipe2(int fds[2], int flags)
{
	return SYSCALL(__NR_pipe2, fds, flags);
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return SYSCALL(__NR_fcntl64, fd, cmd, arg);
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return SYSCALL(__NR_ioctl, fd, request, arg);
}

int stat(const char *path, struct stat *st)
{
	return SYSCALL(__NR_stat64, path, st);
}

int lstat(const char *path, struct stat *st)
{
	return SYSCALL(__NR_lstat64, path, st);
}

int fstat(int fd, struct stat *st)
{
	return SYSCALL(__NR_fstat64, fd, st);
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return SYSCALL(__NR_fstatat64, dirfd, path, st, flags);
}

int getdents64(int fd, void *buf, size_t len)
{
	return SYSCALL(__NR_getdents64, fd, buf, len);
}

int access(const char *path, int mode)
{
	return SYSCALL(__NR_access, path, mode);
}

int chdir(const char *path)
{
	return SYSCALL(__NR_chdir, path);
}

int fchdir(int fd)
{
	return SYSCALL(__NR_fchdir, fd);
}

/* getcwd - the kernel returns the length with the NUL; buf NULL asks for
 * a malloc()ed buffer (glibc extension). */
char *getcwd(char *buf, size_t size)
{
	char *mem = NULL;

	if (!buf) {
		if (!size)
			size = 4096;
		buf = mem = malloc(size);
		if (!buf)
			return NULL;
	}
	if (SYSCALL(__NR_getcwd, buf, size) < 0) {
		free(mem);
		return NULL;
	}
	return buf;
}

int mkdir(const char *path, mode_t mode)
{
	return SYSCALL(__NR_mkdir, path, mode);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return SYSCALL(__NR_mkdirat, dirfd, path, mode);
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return SYSCALL(__NR_mknod, path, mode, dev);
}

int rmdir(const char *path)
{
	return SYSCALL(__NR_rmdir, path);
}

int unlink(const char *path)
{
	return SYSCALL(__NR_unlink, path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return SYSCALL(__NR_unlinkat, dirfd, path, flags);
}

int link(const char *old, const char *new)
{
	return SYSCALL(__NR_link, old, new);
}

int symlink(const char *target, const char *path)
{
	return SYSCALL(__NR_symlink, target, path);
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return SYSCALL(__NR_readlink, path, buf, size);
}

int rename(const char *old, const char *new)
{
	return SYSCALL(__NR_rename, old, new);
}

int chmod(const char *path, mode_t mode)
{
	return SYSCALL(__NR_chmod, path, mode);
}

int fchmod(int fd, mode_t mode)
{
	return SYSCALL(__NR_fchmod, fd, mode);
}

mode_t umask(mode_t mask)
{
	return SYSCALL(__NR_umask, mask);
}

int ftruncate(int fd, off_t len)
{
	return SYSCALL(__NR_ftruncate, fd, len);
}

int fsync(int fd)
{
	return SYSCALL(__NR_fsync, fd);
}

void sync(void)
{
	SYSCALL(__NR_sync);
}

int chroot(const char *path)
{
	return SYSCALL(__NR_chroot, path);
}

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data)
{
	return SYSCALL(__NR_mount, source, target, fstype, flags, data);
}

int umount2(const char *target, int flags)
{
	return SYSCALL(__NR_umount2, target, flags);
}

int umount(const char *target)
{
	return umount2(target, 0);
}

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int actions, const struct termios *t)
{
	if (actions < TCSANOW || actions > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + actions, t);
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}

int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}
