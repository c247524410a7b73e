/* Private to user/lib: the system call gate and the errno convention. */
#ifndef _USER_LIB_SYSCALL_H
#define _USER_LIB_SYSCALL_H

#include <asm/unistd.h>

long __syscall(long nr, long a, long b, long c, long d, long e, long f);

/* Raw kernel result r -> r, or -1 with errno = -r for -4095..-1. */
long __syscall_ret(unsigned long r);

#define __SC_ARGS(z, a, b, c, d, e, f, ...) \
	(long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f)
/* The kernel's raw answer, unused arguments passed as 0. */
#define SYSCALL_RAW(nr, ...) \
	__syscall(nr, __SC_ARGS(0, ##__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0))
/* The C library's answer: the result, or -1 with errno set. */
#define SYSCALL(nr, ...) __syscall_ret(SYSCALL_RAW(nr, ##__VA_ARGS__))

#endif
