/* Cache maintenance on a user range (Linux's arch/arm/mm/cache-v7.S,
 * v7_coherent_user_range): make instructions written through the data side
 * visible to instruction fetch. The operations take the user's address, so
 * on silicon an unmapped one faults: USER() gives each a fixup, and the
 * function returns -EFAULT instead of the kernel oopsing. (QEMU does not
 * model caches: there the operations never fault.) */
#include <asm/assembler.h>
#include <asm-generic/errno-base.h>

	.syntax	unified
	.arm
	.text

/* dcache_line_size / icache_line_size: the smallest line, from CTR. */
	.macro	dcache_line_size, reg, tmp
	mrc	p15, 0, \tmp, c0, c0, 1		@ read ctr
	lsr	\tmp, \tmp, #16
	and	\tmp, \tmp, #0xf		@ cache line size encoding
	mov	\reg, #4			@ bytes per word
	mov	\reg, \reg, lsl \tmp		@ actual cache line size
	.endm

	.macro	icache_line_size, reg, tmp
	mrc	p15, 0, \tmp, c0, c0, 1		@ read ctr
	and	\tmp, \tmp, #0xf		@ cache line size encoding
	mov	\reg, #4			@ bytes per word
	mov	\reg, \reg, lsl \tmp		@ actual cache line size
	.endm

/* int v7_coherent_user_range(unsigned long start, unsigned long end)
 * Clean the D lines of [start, end) to the Point of Unification, then
 * invalidate the I lines and the branch predictor, on every core (the
 * by-MVA operations are broadcast in the Inner Shareable domain).
 * RETURNS: 0, or -EFAULT if an address in the range is not mapped. */
	.globl	v7_coherent_user_range
v7_coherent_user_range:
	dcache_line_size r2, r3
	sub	r3, r2, #1
	bic	r12, r0, r3
1:
 USER(	mcr	p15, 0, r12, c7, c11, 1	)	@ clean D line to the point of unification
	add	r12, r12, r2
	cmp	r12, r1
	blo	1b
	dsb	ishst
	icache_line_size r2, r3
	sub	r3, r2, #1
	bic	r12, r0, r3
2:
 USER(	mcr	p15, 0, r12, c7, c5, 1	)	@ invalidate I line
	add	r12, r12, r2
	cmp	r12, r1
	blo	2b
	mov	r0, #0
	mcr	p15, 0, r0, c7, c1, 6		@ invalidate BTB Inner Shareable
	dsb	ishst
	isb
	bx	lr

/* Fault handling for the cache operation above. If the virtual address in
 * r0 isn't mapped, fail with -EFAULT. */
9001:
	mov	r0, #-EFAULT
	bx	lr
