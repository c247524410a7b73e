/* Small helpers every file uses, after Linux's include/linux/kernel.h. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>

#define ULONG_MAX (~0UL)
#define BITS_PER_BYTE 8
#define BITS_PER_LONG (8 * (int)sizeof(long))
#define BITS_TO_LONGS(nr) DIV_ROUND_UP(nr, BITS_PER_LONG)
#define INT_MAX ((int)(~0U >> 1))
#ifndef UINT_MAX
#define UINT_MAX (~0U)
#endif
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr)-offsetof(type, member)))
#define ALIGN(x, a) (((x) + ((a)-1)) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define min_t(type, a, b) min((type)(a), (type)(b))

/* The position of the most significant set bit, from 1; 0 for 0
 * (Linux's fls, asm-generic/bitops/fls.h). */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/* Stop the kernel: print why, dump the trace if asked, stop the other CPUs
 * and reboot after panic= seconds (Linux's kernel/panic.c). */
void __noreturn panic(const char *fmt, ...) __printf(1, 2);
int hex_to_bin(char ch);
unsigned long int_sqrt(unsigned long x);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
/* The whole string, plus at most one newline, must be the number.
 * RETURNS: 0, -EINVAL or -ERANGE; *res is written only on success. */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);

#endif
