/* BUG() and WARN(): a kernel bug is an undefined instruction that the
 * undefined-instruction handler recognises and turns into an oops
 * (Linux's arch/arm/include/asm/bug.h uses the same encoding). */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

#include <linux/compiler.h>

#define BUG_INSTR_VALUE 0xe7f001f2

#ifndef HOST_TEST
#define BUG()                                                         \
	do {                                                          \
		__asm__ __volatile__(".word 0xe7f001f2" ::: "memory"); \
		__builtin_unreachable();                              \
	} while (0)
#else
#define BUG() __builtin_trap()
#endif

#define BUG_ON(cond)                  \
	do {                          \
		if (unlikely(cond))   \
			BUG();        \
	} while (0)

void __warn(const char *file, int line);
#define WARN_ON(cond)                                       \
	({                                                  \
		int __ret_warn_on = !!(cond);               \
		if (unlikely(__ret_warn_on))                \
			__warn(__FILE__, __LINE__);         \
		unlikely(__ret_warn_on);                    \
	})

#endif
