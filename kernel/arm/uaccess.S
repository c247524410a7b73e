/* The other user-memory accessors (Linux's arch/arm/lib/clear_user.S,
 * getuser.S, putuser.S, strncpy_from_user): each access to user memory is
 * in USER(), with an __ex_table entry: if it faults and the page fault
 * handler cannot map the page, execution resumes at the fixup, 9001,
 * which reports the failure. get_user/put_user use LDRT/STRT, one
 * instruction either way and a user-permission check on top of
 * access_ok(). The block copies are copy_from_user.S and copy_to_user.S. */
#include <asm/assembler.h>

	.syntax	unified
	.arm
	.text

/* unsigned long arm_clear_user(void __user *addr, unsigned long n)
 * (Linux's arch/arm/lib/clear_user.S): bytes to a word boundary, then
 * eight bytes a store. RETURNS: the bytes not cleared, 0 on success. */
	.globl	arm_clear_user
arm_clear_user:
	add	ip, r0, r1			@ the end, for the fixup
	mov	r2, #0
1:	tst	r0, #3
	beq	2f
	cmp	r0, ip
	beq	4f
	USER(strb r2, [r0], #1)
	b	1b
2:	mov	r3, #0
	sub	r1, ip, r0
	subs	r1, r1, #8
	blo	3f
5:	USER(stmia r0!, {r2, r3})
	subs	r1, r1, #8
	bhs	5b
3:	cmp	r0, ip
	beq	4f
	USER(strb r2, [r0], #1)
	b	3b
4:	mov	r0, #0
	bx	lr
9001:	sub	r0, ip, r0
	bx	lr

/* long arm_strncpy_from_user(char *dst, const char __user *src, long n):
 * the length of the copied string, n if none ended within n, -EFAULT. */
	.globl	arm_strncpy_from_user
arm_strncpy_from_user:
	mov	ip, #0
1:	cmp	ip, r2
	bge	2f
	USER(ldrbt r3, [r1], #1)
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
	USER(ldrt r2, [r1])
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
	USER(strt r0, [r1])
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
