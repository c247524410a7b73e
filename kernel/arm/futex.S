/* Compare and exchange a futex word in user memory (Linux's
 * arch/arm/include/asm/futex.h futex_atomic_cmpxchg_inatomic, SMP flavour):
 * LDREX/STREX at the user address, with __ex_table fixups so that an
 * address that cannot be mapped returns -EFAULT. The caller checks that
 * the address is below TASK_SIZE. */
	.syntax	unified
	.arm
	.text

/* int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval)
 * RETURNS: 0 with *uval the word's value before (swapped only if it was
 * oldval), or -EFAULT. */
	.globl	futex_atomic_cmpxchg_inatomic
futex_atomic_cmpxchg_inatomic:
	push	{r4, r5}
	dmb	ish
1:	ldrex	r4, [r1]
	teq	r4, r2
	bne	3f
2:	strex	r5, r3, [r1]
	teq	r5, #0
	bne	1b
3:	dmb	ish
	str	r4, [r0]
	mov	r0, #0
	pop	{r4, r5}
	bx	lr
4:	mvn	r0, #13		@ -EFAULT
	pop	{r4, r5}
	bx	lr

	.pushsection __ex_table, "a"
	.align	2
	.long	1b, 4b
	.long	2b, 4b
	.popsection
