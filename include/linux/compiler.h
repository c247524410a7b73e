/* Compiler attributes and access helpers, after Linux's include/linux/compiler*.h. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __noreturn __attribute__((noreturn))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __section(s) __attribute__((section(s)))
#define __used __attribute__((used))
#define __maybe_unused __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define noinline __attribute__((noinline))
/* No specialised copy (name.constprop.0): traces show the function's own name. */
#define __noclone __attribute__((__noclone__))
/* Not instrumented by -pg: no mcount call, so the function tracer never
 * sees it (for the tracer itself and what it calls). */
#define notrace __attribute__((no_instrument_function))
#undef __always_inline
#define __always_inline inline __attribute__((always_inline))

/* Marks a pointer into user space: never dereference it, copy_from_user it. */
#define __user

#define barrier() __asm__ __volatile__("" ::: "memory")

/* One access the compiler may neither tear, merge nor move across barrier(). */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
