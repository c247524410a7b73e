/* The two user thread registers (Linux's arch/arm/include/asm/tls.h, for
 * ARMv6K and later, which have both): TPIDRURO (c13, c0, 3), the TLS
 * pointer user space reads and sets with the set_tls syscall, and
 * TPIDRURW (c13, c0, 2), which user space may write itself. Both are
 * per-thread state: saved in thread_info->tp_value[0] and [1], switched by
 * __switch_to, inherited at fork and cleared at exec, so that no value
 * written by one program is ever seen by another. */
#ifndef _ASM_TLS_H
#define _ASM_TLS_H

#include <asm/thread_info.h>

#ifdef __ASSEMBLY__
/* switch_tls base, tp, tpuser, tmp1, tmp2: save the outgoing thread's
 * TPIDRURW in its thread_info (base), load the incoming one's TLS pointer
 * (tp) and TPIDRURW (tpuser); tmp1 is for Linux's other CPU variants.
 * TPIDRURO needs no saving: only set_tls changes it, and that updates
 * tp_value[0] as well. */
	.macro	switch_tls, base, tp, tpuser, tmp1, tmp2
	mrc	p15, 0, \tmp2, c13, c0, 2	@ get the user r/w register
	mcr	p15, 0, \tp, c13, c0, 3		@ set TLS register
	mcr	p15, 0, \tpuser, c13, c0, 2	@ and the user r/w register
	str	\tmp2, [\base, #TI_TP_VALUE + 4] @ save it
	.endm
#else
#include <linux/compiler.h>

/* Set the TLS pointer (the set_tls syscall). The shadow copy is written
 * first: if we are switched out in between, __switch_to loads the new
 * value back when we return, and the mcr below only repeats it. */
static inline void set_tls(unsigned long val)
{
	current_thread_info()->tp_value[0] = val;
	barrier();
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" : : "r"(val));
}

/* TPIDRURW is saved by __switch_to itself, so no shadow copy to update. */
static inline void set_tpuser(unsigned long val)
{
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 2" : : "r"(val));
}

static inline unsigned long get_tpuser(void)
{
	unsigned long reg;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 2" : "=r"(reg));
	return reg;
}

/* A new program starts with both thread registers zero (exec). */
static inline void flush_tls(void)
{
	set_tls(0);
	set_tpuser(0);
}
#endif

#endif
