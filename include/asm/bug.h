/* BUG() and WARN(): a kernel bug is an undefined instruction that the
 * undefined-instruction handler recognises and turns into an oops
 * (Linux's arch/arm/include/asm/bug.h uses the same encoding). The
 * assembly `bug` macro (Linux's assembler.h) also records a message for
 * the BUG in __bug_table, which report_bug prints as Linux does. */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

#define BUG_INSTR_VALUE 0xe7f001f2

#ifdef __ASSEMBLY__
/* bug "message", line: an undefined instruction whose oops reads
 * "kernel BUG at message:line!". */
	.macro	bug, msg, line
1:	.inst	BUG_INSTR_VALUE
	.pushsection .rodata.str, "aMS", %progbits, 1
2:	.asciz	"\msg"
	.popsection
	.pushsection __bug_table, "aw"
	.align	2
	.word	1b, 2b
	.hword	\line
	.popsection
	.endm
#else
#include <linux/compiler.h>

/* One __bug_table record: the BUG instruction, its "file" (for the
 * assembly macro, the message) and line (Linux's struct bug_entry). */
struct bug_entry {
	unsigned long bug_addr;
	const char *file;
	unsigned short line;
};

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

#endif
