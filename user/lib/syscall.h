/* Private to user/lib: the system call gate and the errno convention.
 * Linux ARM EABI: number in r7, arguments in r0-r5, `svc #0`, result in r0
 * (-4095..-1 = -errno). Each wrapper puts the svc inline, with only the
 * registers its call uses, as glibc's INTERNAL_SYSCALL does; syscall(2),
 * whose number is not known at compile time, goes through __syscall
 * (syscall_gate.S). */
#ifndef _USER_LIB_SYSCALL_H
#define _USER_LIB_SYSCALL_H

#include <asm/unistd.h>

long __syscall(long nr, long a, long b, long c, long d, long e, long f);

/* errno = -r; RETURNS: -1. Out of line: only failures pay for it. */
long __syscall_error(long r);

/* Raw kernel result r -> r, or -1 with errno = -r for -4095..-1. */
static inline long __syscall_ret(unsigned long r)
{
	if (__builtin_expect(r > -4096UL, 0))
		return __syscall_error((long)r);
	return (long)r;
}

#define __SC_REG(reg, name, val) register long name __asm__(reg) = (long)(val)
#define __SC_SVC(...) \
	__asm__ __volatile__("svc #0" : "+r"(r0) : "r"(r7), ##__VA_ARGS__ : "memory")

static inline long __syscall0(long n)
{
	__SC_REG("r7", r7, n);
	register long r0 __asm__("r0");

	__asm__ __volatile__("svc #0" : "=r"(r0) : "r"(r7) : "memory");
	return r0;
}

static inline long __syscall1(long n, long a)
{
	__SC_REG("r7", r7, n);
	__SC_REG("r0", r0, a);

	__SC_SVC();
	return r0;
}

static inline long __syscall2(long n, long a, long b)
{
	__SC_REG("r7", r7, n);
	__SC_REG("r0", r0, a);
	__SC_REG("r1", r1, b);

	__SC_SVC("r"(r1));
	return r0;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	__SC_REG("r7", r7, n);
	__SC_REG("r0", r0, a);
	__SC_REG("r1", r1, b);
	__SC_REG("r2", r2, c);

	__SC_SVC("r"(r1), "r"(r2));
	return r0;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	__SC_REG("r7", r7, n);
	__SC_REG("r0", r0, a);
	__SC_REG("r1", r1, b);
	__SC_REG("r2", r2, c);
	__SC_REG("r3", r3, d);

	__SC_SVC("r"(r1), "r"(r2), "r"(r3));
	return r0;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	__SC_REG("r7", r7, n);
	__SC_REG("r0", r0, a);
	__SC_REG("r1", r1, b);
	__SC_REG("r2", r2, c);
	__SC_REG("r3", r3, d);
	__SC_REG("r4", r4, e);

	__SC_SVC("r"(r1), "r"(r2), "r"(r3), "r"(r4));
	return r0;
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	__SC_REG("r7", r7, n);
	__SC_REG("r0", r0, a);
	__SC_REG("r1", r1, b);
	__SC_REG("r2", r2, c);
	__SC_REG("r3", r3, d);
	__SC_REG("r4", r4, e);
	__SC_REG("r5", r5, f);

	__SC_SVC("r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5));
	return r0;
}

/* SYSCALL_RAW(nr, args...) is __syscallN(nr, args...), N counted. */
#define __SC_NARGS_X(a, b, c, d, e, f, g, n, ...) n
#define __SC_NARGS(...) __SC_NARGS_X(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0, )
#define __SC_CONCAT_X(a, b) a##b
#define __SC_CONCAT(a, b) __SC_CONCAT_X(a, b)
/* The kernel's raw answer. */
#define SYSCALL_RAW(...) __SC_CONCAT(__syscall, __SC_NARGS(__VA_ARGS__))(__SC_MAP(__VA_ARGS__))
/* The C library's answer: the result, or -1 with errno set. */
#define SYSCALL(...) __syscall_ret(SYSCALL_RAW(__VA_ARGS__))

/* Cast each argument to long (pointers, ints and unsigned alike). */
#define __SC_MAP(...) __SC_CONCAT(__SC_MAP, __SC_NARGS(__VA_ARGS__))(__VA_ARGS__)
#define __SC_MAP0(n) (long)(n)
#define __SC_MAP1(n, a) (long)(n), (long)(a)
#define __SC_MAP2(n, a, b) __SC_MAP1(n, a), (long)(b)
#define __SC_MAP3(n, a, b, c) __SC_MAP2(n, a, b), (long)(c)
#define __SC_MAP4(n, a, b, c, d) __SC_MAP3(n, a, b, c), (long)(d)
#define __SC_MAP5(n, a, b, c, d, e) __SC_MAP4(n, a, b, c, d), (long)(e)
#define __SC_MAP6(n, a, b, c, d, e, f) __SC_MAP5(n, a, b, c, d, e), (long)(f)

#endif
