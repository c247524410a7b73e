/* User-space copies with user permissions and fault fixups (Linux's
 * arch/arm/lib/copy_from_user.S, copy_to_user.S, getuser.S, putuser.S,
 * much simplified: byte loops, word-sized where both sides are aligned).
 * Every LDRT/STRT has an __ex_table entry: if it faults and the page fault
 * handler cannot map the page, execution resumes at the fixup, which
 * returns what was left to copy. */
	.syntax	unified
	.arm
	.text

	.macro	user_insn, insn:vararg
9999:	\insn
	.pushsection __ex_table, "a"
	.align	2
	.long	9999b, 9001f
	.popsection
	.endm

/* unsigned long arm_copy_from_user(void *to, const void __user *from, unsigned long n) */
	.globl	arm_copy_from_user
arm_copy_from_user:
	orr	r3, r0, r1
	tst	r3, #3
	bne	2f
1:	cmp	r2, #4
	blo	2f
	user_insn ldrt	r3, [r1], #4
	str	r3, [r0], #4
	sub	r2, r2, #4
	b	1b
2:	cmp	r2, #0
	beq	3f
	user_insn ldrbt	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	2b
3:
9001:	mov	r0, r2
	bx	lr

/* unsigned long arm_copy_to_user(void __user *to, const void *from, unsigned long n) */
	.globl	arm_copy_to_user
arm_copy_to_user:
	orr	r3, r0, r1
	tst	r3, #3
	bne	2f
1:	cmp	r2, #4
	blo	2f
	ldr	r3, [r1], #4
	user_insn strt	r3, [r0], #4
	sub	r2, r2, #4
	b	1b
2:	cmp	r2, #0
	beq	3f
	ldrb	r3, [r1], #1
	user_insn strbt	r3, [r0], #1
	sub	r2, r2, #1
	b	2b
3:
9001:	mov	r0, r2
	bx	lr

/* unsigned long arm_clear_user(void __user *addr, unsigned long n) */
	.globl	arm_clear_user
arm_clear_user:
	mov	r2, #0
1:	cmp	r1, #0
	beq	9001f
	user_insn strbt	r2, [r0], #1
	sub	r1, r1, #1
	b	1b
9001:	mov	r0, r1
	bx	lr

/* long arm_strncpy_from_user(char *dst, const char __user *src, long n):
 * the length of the copied string, n if none ended within n, -EFAULT. */
	.globl	arm_strncpy_from_user
arm_strncpy_from_user:
	mov	ip, #0
1:	cmp	ip, r2
	bge	2f
	user_insn ldrbt	r3, [r1], #1
	strb	r3, [r0], #1
	cmp	r3, #0
	beq	2f
	add	ip, ip, #1
	b	1b
2:	mov	r0, ip
	bx	lr
9001:	mvn	r0, #13			@ -EFAULT
	bx	lr

/* int __get_user_4(u32 *val, const void __user *addr) */
	.globl	__get_user_4
__get_user_4:
	tst	r1, #3
	bne	2f
	user_insn ldrt	r2, [r1]
	str	r2, [r0]
	mov	r0, #0
	bx	lr
2:	push	{r0, lr}		@ unaligned: byte by byte
	mov	r2, #4
	ldr	r0, [sp]
	bl	arm_copy_from_user
	cmp	r0, #0
	mvnne	r0, #13
	pop	{r1, pc}
9001:	mvn	r0, #13
	bx	lr

/* int __put_user_4(u32 val, void __user *addr) */
	.globl	__put_user_4
__put_user_4:
	tst	r1, #3
	bne	2f
	user_insn strt	r0, [r1]
	mov	r0, #0
	bx	lr
2:	push	{r0, lr}
	mov	r0, r1
	mov	r1, sp
	mov	r2, #4
	bl	arm_copy_to_user
	cmp	r0, #0
	mvnne	r0, #13
	pop	{r1, pc}
9001:	mvn	r0, #13
	bx	lr
