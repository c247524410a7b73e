/* Process system calls: creation, exec, wait, ids, sessions, exit, the
 * program break, uname and reboot. Thin wrappers: the kernel does the work. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kernel_time.h"
#include "syscall.h"

/* As glibc's fork(): clone(SIGCHLD), so the kernel runs sys_clone ->
 * _do_fork -> copy_process, the chain real Linux traces show. */
pid_t fork(void)
{
	return SYSCALL(__NR_clone, SIGCHLD, 0, NULL, 0, NULL);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return SYSCALL(__NR_execve, path, argv, envp);
}

void _exit(int status)
{
	for (;;)
		SYSCALL_RAW(__NR_exit_group, status);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	struct old_rusage32 kru;
	long r = SYSCALL(__NR_wait4, pid, status, options, ru ? &kru : NULL);

	if (r >= 0 && ru) {
		timeval_from_old(&ru->ru_utime, &kru.ru_utime);
		timeval_from_old(&ru->ru_stime, &kru.ru_stime);
	}
	return r;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return SYSCALL(__NR_waitid, idtype, id, info, options, NULL);
}

int getrusage(int who, struct rusage *ru)
{
	struct old_rusage32 kru;
	long r = SYSCALL(__NR_getrusage, who, &kru);

	if (r == 0) {
		timeval_from_old(&ru->ru_utime, &kru.ru_utime);
		timeval_from_old(&ru->ru_stime, &kru.ru_stime);
	}
	return r;
}

pid_t getpid(void)
{
	return SYSCALL(__NR_getpid);
}

pid_t getppid(void)
{
	return SYSCALL(__NR_getppid);
}

pid_t gettid(void)
{
	return SYSCALL(__NR_gettid);
}

uid_t getuid(void)
{
	return SYSCALL(__NR_getuid32);
}

uid_t geteuid(void)
{
	return SYSCALL(__NR_geteuid32);
}

gid_t getgid(void)
{
	return SYSCALL(__NR_getgid32);
}

gid_t getegid(void)
{
	return SYSCALL(__NR_getegid32);
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	unsigned int r, e, s;
	long ret = SYSCALL(__NR_getresuid32, &r, &e, &s);

	if (ret == 0) {
		*ruid = r;
		*euid = e;
		*suid = s;
	}
	return ret;
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	unsigned int r, e, s;
	long ret = SYSCALL(__NR_getresgid32, &r, &e, &s);

	if (ret == 0) {
		*rgid = r;
		*egid = e;
		*sgid = s;
	}
	return ret;
}

int setpgid(pid_t pid, pid_t pgid)
{
	return SYSCALL(__NR_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
	return SYSCALL(__NR_getpgid, pid);
}

pid_t getpgrp(void)
{
	return SYSCALL(__NR_getpgrp);
}

pid_t setsid(void)
{
	return SYSCALL(__NR_setsid);
}

pid_t getsid(pid_t pid)
{
	return SYSCALL(__NR_getsid, pid);
}

int sched_yield(void)
{
	return SYSCALL(__NR_sched_yield);
}

int uname(struct utsname *buf)
{
	return SYSCALL(__NR_uname, buf);
}

int reboot(int howto)
{
	return SYSCALL(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		       howto, NULL);
}

/* The program break as the kernel last reported it (0: not asked yet). */
static uintptr_t current_brk;

int brk(void *addr)
{
	uintptr_t r = SYSCALL_RAW(__NR_brk, addr);

	if (r != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	current_brk = r;
	return 0;
}

/* sbrk - grow the heap by incr bytes; newlib's malloc calls it through
 * _sbrk. RETURNS: the old break, or (void *)-1 with ENOMEM. */
void *sbrk(ptrdiff_t incr)
{
	uintptr_t old;

	if (!current_brk)
		current_brk = SYSCALL_RAW(__NR_brk, 0);
	old = current_brk;
	if (incr && brk((void *)(old + incr)) < 0)
		return (void *)-1;
	return (void *)old;
}
