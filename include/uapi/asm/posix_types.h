/* The kernel's basic ABI types for 32-bit ARM (arch/arm/include/uapi/asm/
 * posix_types.h over include/uapi/asm-generic/posix_types.h), used by the
 * other uapi headers so that kernel and user space agree on every width. */
#ifndef __ARCH_ARM_POSIX_TYPES_H
#define __ARCH_ARM_POSIX_TYPES_H

typedef long			__kernel_long_t;
typedef unsigned long		__kernel_ulong_t;
typedef unsigned short		__kernel_mode_t;
typedef unsigned short		__kernel_ipc_pid_t;
typedef unsigned short		__kernel_uid_t;
typedef unsigned short		__kernel_gid_t;
typedef unsigned short		__kernel_old_dev_t;
typedef int			__kernel_pid_t;
typedef unsigned int		__kernel_uid32_t;
typedef unsigned int		__kernel_gid32_t;
typedef unsigned int		__kernel_size_t;
typedef int			__kernel_ssize_t;
typedef int			__kernel_ptrdiff_t;
typedef __kernel_long_t		__kernel_off_t;
typedef long long		__kernel_loff_t;
typedef __kernel_long_t		__kernel_time_t;
typedef __kernel_long_t		__kernel_clock_t;
typedef int			__kernel_timer_t;
typedef int			__kernel_clockid_t;

#endif
