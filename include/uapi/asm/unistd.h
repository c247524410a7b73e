/* ARM EABI system call numbers (arch/arm/include/uapi/asm/unistd.h and
 * arch/arm/tools/syscall.tbl): the number goes in r7, `svc #0` enters the
 * kernel. Only the calls this system uses or tests are listed. */
#ifndef _UAPI__ASM_ARM_UNISTD_H
#define _UAPI__ASM_ARM_UNISTD_H

#define __NR_SYSCALL_BASE	0

#define __NR_restart_syscall	0
#define __NR_exit		1
#define __NR_fork		2
#define __NR_read		3
#define __NR_write		4
#define __NR_open		5
#define __NR_close		6
#define __NR_creat		8
#define __NR_link		9
#define __NR_unlink		10
#define __NR_execve		11
#define __NR_chdir		12
#define __NR_mknod		14
#define __NR_chmod		15
#define __NR_lseek		19
#define __NR_getpid		20
#define __NR_mount		21
#define __NR_setuid		23
#define __NR_getuid		24
#define __NR_pause		29
#define __NR_access		33
#define __NR_sync		36
#define __NR_kill		37
#define __NR_rename		38
#define __NR_mkdir		39
#define __NR_rmdir		40
#define __NR_dup		41
#define __NR_pipe		42
#define __NR_times		43
#define __NR_brk		45
#define __NR_getgid		47
#define __NR_geteuid		49
#define __NR_getegid		50
#define __NR_umount2		52
#define __NR_ioctl		54
#define __NR_fcntl		55
#define __NR_setpgid		57
#define __NR_umask		60
#define __NR_chroot		61
#define __NR_dup2		63
#define __NR_getppid		64
#define __NR_getpgrp		65
#define __NR_setsid		66
#define __NR_sigaction		67
#define __NR_sigsuspend		72
#define __NR_sigpending		73
#define __NR_sethostname	74
#define __NR_setrlimit		75
#define __NR_getrusage		77
#define __NR_gettimeofday	78
#define __NR_settimeofday	79
#define __NR_symlink		83
#define __NR_readlink		85
#define __NR_reboot		88
#define __NR_munmap		91
#define __NR_truncate		92
#define __NR_ftruncate		93
#define __NR_fchmod		94
#define __NR_setitimer		104
#define __NR_getitimer		105
#define __NR_stat		106
#define __NR_lstat		107
#define __NR_fstat		108
#define __NR_wait4		114
#define __NR_sysinfo		116
#define __NR_fsync		118
#define __NR_sigreturn		119
#define __NR_clone		120
#define __NR_uname		122
#define __NR_mprotect		125
#define __NR_sigprocmask	126
#define __NR_init_module	128
#define __NR_delete_module	129
#define __NR_getpgid		132
#define __NR_fchdir		133
#define __NR__llseek		140
#define __NR_getdents		141
#define __NR__newselect		142
#define __NR_readv		145
#define __NR_writev		146
#define __NR_getsid		147
#define __NR_sched_yield	158
#define __NR_nanosleep		162
#define __NR_mremap		163
#define __NR_poll		168
#define __NR_prctl		172
#define __NR_rt_sigreturn	173
#define __NR_rt_sigaction	174
#define __NR_rt_sigprocmask	175
#define __NR_rt_sigpending	176
#define __NR_rt_sigtimedwait	177
#define __NR_rt_sigqueueinfo	178
#define __NR_rt_sigsuspend	179
#define __NR_pread64		180
#define __NR_pwrite64		181
#define __NR_getcwd		183
#define __NR_sigaltstack	186
#define __NR_vfork		190
#define __NR_ugetrlimit		191
#define __NR_mmap2		192
#define __NR_ftruncate64	194
#define __NR_stat64		195
#define __NR_lstat64		196
#define __NR_fstat64		197
#define __NR_getuid32		199
#define __NR_getgid32		200
#define __NR_geteuid32		201
#define __NR_getegid32		202
#define __NR_getresuid32	209
#define __NR_getresgid32	211
#define __NR_setuid32		213
#define __NR_getdents64		217
#define __NR_madvise		220
#define __NR_fcntl64		221
#define __NR_gettid		224
#define __NR_tkill		238
#define __NR_futex		240
#define __NR_sched_setaffinity	241
#define __NR_sched_getaffinity	242
#define __NR_exit_group		248
#define __NR_set_tid_address	256
#define __NR_clock_settime	262
#define __NR_clock_gettime	263
#define __NR_clock_getres	264
#define __NR_clock_nanosleep	265
#define __NR_tgkill		268
#define __NR_waitid		280
#define __NR_openat		322
#define __NR_mkdirat		323
#define __NR_fstatat64		327
#define __NR_unlinkat		328
#define __NR_faccessat		334
#define __NR_set_robust_list	338
#define __NR_dup3		358
#define __NR_pipe2		359
#define __NR_rt_tgsigqueueinfo	363
#define __NR_prlimit64		369
#define __NR_finit_module	379
#define __NR_getrandom		384
#define __NR_execveat		387
#define __NR_statx		397

/* The ARM-private calls (arch/arm/include/uapi/asm/unistd.h). */
#define __ARM_NR_BASE		(__NR_SYSCALL_BASE + 0x0f0000)
#define __ARM_NR_breakpoint	(__ARM_NR_BASE + 1)
#define __ARM_NR_cacheflush	(__ARM_NR_BASE + 2)
#define __ARM_NR_usr26		(__ARM_NR_BASE + 3)
#define __ARM_NR_usr32		(__ARM_NR_BASE + 4)
#define __ARM_NR_set_tls	(__ARM_NR_BASE + 5)
#define __ARM_NR_get_tls	(__ARM_NR_BASE + 6)

#endif
