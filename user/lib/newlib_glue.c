/* The system call layer newlib's libc.a calls (_write, _read, _sbrk, ...:
 * its reentrant wrappers end here). This file alone is compiled against
 * newlib's own headers, because it converts newlib's records (open flags,
 * struct stat) to Linux's; everything else goes to the Linux wrappers. */
#include <asm/stat.h>	/* before newlib's sys/stat.h: it #defines st_atime */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>
#include "newlib_abi.h"
#include "syscall.h"

#undef st_atime
#undef st_mtime
#undef st_ctime

_Static_assert(O_APPEND == NEWLIB_O_APPEND && O_CREAT == NEWLIB_O_CREAT &&
	       O_TRUNC == NEWLIB_O_TRUNC && O_EXCL == NEWLIB_O_EXCL &&
	       O_NONBLOCK == NEWLIB_O_NONBLOCK && O_NOCTTY == NEWLIB_O_NOCTTY &&
	       O_CLOEXEC == NEWLIB_O_CLOEXEC && O_ACCMODE == NEWLIB_O_ACCMODE,
	       "newlib_abi.h matches newlib's sys/_default_fcntl.h");

/* Linux's stat64 record -> newlib's struct stat */
static void stat_from_linux(struct stat *st, const struct stat64 *k)
{
	st->st_dev = k->st_dev;
	st->st_ino = k->st_ino;
	st->st_mode = k->st_mode;
	st->st_nlink = k->st_nlink;
	st->st_uid = k->st_uid;
	st->st_gid = k->st_gid;
	st->st_rdev = k->st_rdev;
	st->st_size = k->st_size;
	st->st_atim.tv_sec = k->st_atime;
	st->st_atim.tv_nsec = k->st_atime_nsec;
	st->st_mtim.tv_sec = k->st_mtime;
	st->st_mtim.tv_nsec = k->st_mtime_nsec;
	st->st_ctim.tv_sec = k->st_ctime;
	st->st_ctim.tv_nsec = k->st_ctime_nsec;
	st->st_blksize = k->st_blksize;
	st->st_blocks = k->st_blocks;
}

int _open(const char *path, int flags, int mode)
{
	return __newlib_open(path, flags, mode);
}

int _close(int fd)
{
	return close(fd);
}

int _read(int fd, void *buf, size_t n)
{
	return read(fd, buf, n);
}

int _write(int fd, const void *buf, size_t n)
{
	return write(fd, buf, n);
}

off_t _lseek(int fd, off_t off, int whence)
{
	return lseek(fd, off, whence);
}

int _fstat(int fd, struct stat *st)
{
	struct stat64 k;
	long r = SYSCALL(__NR_fstat64, fd, &k);

	if (r == 0)
		stat_from_linux(st, &k);
	return r;
}

int _stat(const char *path, struct stat *st)
{
	struct stat64 k;
	long r = SYSCALL(__NR_stat64, path, &k);

	if (r == 0)
		stat_from_linux(st, &k);
	return r;
}

int _isatty(int fd)
{
	return isatty(fd);
}

void *_sbrk(ptrdiff_t incr)
{
	return sbrk(incr);
}

int _kill(int pid, int sig)
{
	return kill(pid, sig);
}

int _getpid(void)
{
	return getpid();
}

int _gettimeofday(struct timeval *tv, void *tz)
{
	return gettimeofday(tv, tz);
}

clock_t _times(struct tms *buf)
{
	return times(buf);
}

int _unlink(const char *path)
{
	return unlink(path);
}

int _link(const char *old, const char *new)
{
	return link(old, new);
}

int _rename(const char *old, const char *new)
{
	return rename(old, new);
}

int _mkdir(const char *path, mode_t mode)
{
	return mkdir(path, mode);
}

int _fork(void)
{
	return fork();
}

int _execve(const char *path, char *const argv[], char *const envp[])
{
	return execve(path, argv, envp);
}

int _wait(int *status)
{
	return wait(status);
}
