/* The system calls, under their Linux names and prototypes (Linux's
 * include/linux/syscalls.h). kernel/arm/calls.c puts them in the table at
 * their ARM EABI numbers; each is implemented in the file Linux has it in. */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/signal_types.h>

struct pt_regs;
struct rt_sigaction_user;
struct timespec;
struct timeval;
struct timezone;
struct itimerval;
struct rlimit;
struct rlimit64;
struct new_utsname;
struct stat64;
struct iovec;
struct linux_dirent64;
struct rusage;
struct tms;
struct sysinfo;
struct pollfd;
struct statx;
struct robust_list_head;

/* The C library's time structures on 32-bit ARM (32-bit time_t). */
struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

long sys_ni_syscall(void);

/* kernel/exit.c */
long sys_exit(int error_code);
long sys_exit_group(int error_code);
long sys_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage __user *ru);
long sys_waitid(int which, pid_t upid, siginfo_t __user *infop, int options,
		struct rusage __user *ru);

/* kernel/fork.c and kernel/arm/process.c */
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tidptr,
	       unsigned long tls, int __user *child_tidptr);
long sys_set_tid_address(int __user *tidptr);

/* kernel/fs/exec.c */
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);

/* kernel/sys.c */
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_getresuid(uid_t __user *ruid, uid_t __user *euid, uid_t __user *suid);
long sys_getresgid(gid_t __user *rgid, gid_t __user *egid, gid_t __user *sgid);
long sys_setuid(uid_t uid);
long sys_setgid(gid_t gid);
long sys_setreuid(uid_t ruid, uid_t euid);
long sys_setregid(gid_t rgid, gid_t egid);
long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long sys_setfsuid(uid_t uid);
long sys_setfsgid(gid_t gid);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);
long sys_sethostname(char __user *name, int len);
long sys_setdomainname(char __user *name, int len);

/* kernel/uid16.c: the 16-bit id calls */
long sys_chown16(const char __user *filename, u16 user, u16 group);
long sys_lchown16(const char __user *filename, u16 user, u16 group);
long sys_fchown16(unsigned int fd, u16 user, u16 group);
long sys_setregid16(u16 rgid, u16 egid);
long sys_setgid16(u16 gid);
long sys_setreuid16(u16 ruid, u16 euid);
long sys_setuid16(u16 uid);
long sys_setresuid16(u16 ruid, u16 euid, u16 suid);
long sys_getresuid16(u16 __user *ruid, u16 __user *euid, u16 __user *suid);
long sys_setresgid16(u16 rgid, u16 egid, u16 sgid);
long sys_getresgid16(u16 __user *rgid, u16 __user *egid, u16 __user *sgid);
long sys_setfsuid16(u16 uid);
long sys_setfsgid16(u16 gid);
long sys_getgroups16(int gidsetsize, u16 __user *grouplist);
long sys_setgroups16(int gidsetsize, u16 __user *grouplist);
long sys_getuid16(void);
long sys_geteuid16(void);
long sys_getgid16(void);
long sys_getegid16(void);

/* kernel/groups.c */
long sys_getgroups(int gidsetsize, gid_t __user *grouplist);
long sys_setgroups(int gidsetsize, gid_t __user *grouplist);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(pid_t pid);
long sys_newuname(struct new_utsname __user *name);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_umask(int mask);
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim);
long sys_getrusage(int who, struct rusage __user *ru);
long sys_times(struct tms __user *tbuf);
long sys_sysinfo(struct sysinfo __user *info);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5);
long sys_getrandom(char __user *buf, size_t count, unsigned int flags);

/* kernel/sched/core.c, kernel/time/ */
long sys_sched_yield(void);
long sys_nanosleep(struct timespec __user *rqtp, struct timespec __user *rmtp);
long sys_clock_gettime(int which_clock, struct timespec __user *tp);
long sys_clock_getres(int which_clock, struct timespec __user *tp);
long sys_clock_nanosleep(int which_clock, int flags, const struct timespec __user *rqtp,
			 struct timespec __user *rmtp);
long sys_gettimeofday(struct timeval __user *tv, struct timezone __user *tz);
long sys_setitimer(int which, struct itimerval __user *value, struct itimerval __user *ovalue);
long sys_getitimer(int which, struct itimerval __user *value);
long sys_restart_syscall(void);

/* kernel/signal.c and kernel/arm/signal.c */
long sys_kill(pid_t pid, int sig);
long sys_tkill(pid_t pid, int sig);
struct statfs64;
long sys_statfs64(const char __user *pathname, size_t sz, struct statfs64 __user *buf);
long sys_fstatfs64(unsigned int fd, size_t sz, struct statfs64 __user *buf);
long sys_tgkill(pid_t tgid, pid_t pid, int sig);
long sys_rt_sigaction(int sig, const struct rt_sigaction_user __user *act,
		      struct rt_sigaction_user __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, sigset_t __user *set, sigset_t __user *oset, size_t sigsetsize);
long sys_rt_sigpending(sigset_t __user *set, size_t sigsetsize);
long sys_rt_sigsuspend(sigset_t __user *unewset, size_t sigsetsize);
long sys_rt_sigtimedwait(const sigset_t __user *uthese, siginfo_t __user *uinfo,
			 const struct timespec __user *uts, size_t sigsetsize);
long sys_rt_sigqueueinfo(pid_t pid, int sig, siginfo_t __user *uinfo);
long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t pid, int sig, siginfo_t __user *uinfo);
long sys_pause(void);
long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss);
/* These two take the saved registers: entry-common.S's wrappers pass them. */
long sys_sigreturn(struct pt_regs *regs);
long sys_rt_sigreturn(struct pt_regs *regs);
long sys_sigreturn_wrapper(void);
long sys_rt_sigreturn_wrapper(void);

/* kernel/futex.c */
long sys_futex(u32 __user *uaddr, int op, u32 val, struct timespec __user *utime,
	       u32 __user *uaddr2, u32 val3);

/* kernel/mm/mmap.c */
long sys_brk(unsigned long brk);
long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	       unsigned long fd, unsigned long pgoff);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);

/* kernel/fs/: files, directories, pipes, the tty, mounts */
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_pread64(unsigned int fd, char __user *buf, size_t count, u32 pad, u32 pos_lo,
		 u32 pos_hi);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, u32 pad, u32 pos_lo,
		  u32 pos_hi);
long sys_open(const char __user *filename, int flags, int mode);
long sys_openat(int dfd, const char __user *filename, int flags, int mode);
long sys_creat(const char __user *pathname, int mode);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_llseek(unsigned int fd, unsigned long offset_high, unsigned long offset_low,
		loff_t __user *result, unsigned int whence);
long sys_stat64(const char __user *filename, struct stat64 __user *statbuf);
long sys_lstat64(const char __user *filename, struct stat64 __user *statbuf);
long sys_fstat64(unsigned long fd, struct stat64 __user *statbuf);
long sys_fstatat64(int dfd, const char __user *filename, struct stat64 __user *statbuf, int flag);
long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent, unsigned int count);
long sys_chdir(const char __user *filename);
long sys_fchdir(unsigned int fd);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fcntl64(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_access(const char __user *filename, int mode);
long sys_faccessat(int dfd, const char __user *filename, int mode);
long sys_mkdir(const char __user *pathname, int mode);
long sys_mkdirat(int dfd, const char __user *pathname, int mode);
long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev);
long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev);
long sys_chmod(const char __user *filename, umode_t mode);
long sys_fchmod(unsigned int fd, umode_t mode);
long sys_fchmodat(int dfd, const char __user *filename, umode_t mode);
long sys_chown(const char __user *filename, uid_t user, gid_t group);
long sys_lchown(const char __user *filename, uid_t user, gid_t group);
long sys_fchown(unsigned int fd, uid_t user, gid_t group);
long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_rmdir(const char __user *pathname);
long sys_rename(const char __user *oldname, const char __user *newname);
long sys_readlink(const char __user *path, char __user *buf, int bufsiz);
long sys_ftruncate64(unsigned int fd, u32 pad, u32 len_lo, u32 len_hi);
long sys_truncate64(const char __user *path, u32 pad, u32 len_lo, u32 len_hi);
long sys_truncate(const char __user *path, long length);
long sys_ftruncate(unsigned int fd, unsigned long length);
long sys_fsync(unsigned int fd);
long sys_sync(void);
long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout);
long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data);
long sys_umount(char __user *name, int flags);
long sys_madvise(unsigned long start, size_t len_in, int behavior);
long sys_sendfile64(int out_fd, int in_fd, loff_t __user *offset, size_t count);
long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer);
struct rseq;
long sys_rseq(struct rseq __user *rseq, u32 rseq_len, int flags, u32 sig);
long sys_readlinkat(int dfd, const char __user *path, char __user *buf, int bufsiz);
long sys_select(int n, u32 __user *inp, u32 __user *outp, u32 __user *exp,
		struct timeval __user *tvp);
long sys_pselect6(int n, u32 __user *inp, u32 __user *outp, u32 __user *exp,
		  struct timespec __user *tsp, void __user *sig);
long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct timespec __user *tsp,
	       const sigset_t __user *sigmask, size_t sigsetsize);
long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname);
long sys_symlink(const char __user *oldname, const char __user *newname);
long sys_linkat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		int flags);
long sys_link(const char __user *oldname, const char __user *newname);
long sys_renameat(int olddfd, const char __user *oldname, int newdfd,
		  const char __user *newname);
long sys_utimensat(int dfd, const char __user *filename, struct timespec __user *utimes,
		   int flags);

/* kernel/futex.c */
long sys_set_robust_list(struct robust_list_head __user *head, size_t len);
long sys_get_robust_list(int pid, struct robust_list_head __user *__user *head_ptr,
			 size_t __user *len_ptr);

/* kernel/sched/core.c, kernel/printk.c */
long sys_sched_setaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask_ptr);
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask_ptr);
long sys_getcpu(unsigned __user *cpup, unsigned __user *nodep, void __user *unused);
long sys_syslog(int type, char __user *buf, int len);

#endif
