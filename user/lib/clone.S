/* clone(fn, stack, flags, arg, parent_tid, tls, child_tid) as glibc's ARM
 * clone.S: the new task starts on `stack` and runs fn(arg), then exit()s
 * (NR 1, the task alone) with fn's result. ARM's sys_clone takes
 * (flags, newsp, parent_tid, tls, child_tid): CONFIG_CLONE_BACKWARDS. */
#include <asm/unistd.h>
#include <asm-generic/errno-base.h>

	.syntax	unified
	.arm
	.text
	.globl	clone
	.type	clone, %function
clone:
	cmp	r0, #0			@ fn and stack are required
	cmpne	r1, #0
	beq	1f
	bic	r1, r1, #7
	stmdb	r1!, {r0, r3}		@ the child finds fn at [sp], arg at [sp, #4]
	push	{r4, r7}
	mov	r0, r2			@ flags
	ldr	r2, [sp, #8]		@ parent_tid
	ldr	r3, [sp, #12]		@ tls
	ldr	r4, [sp, #16]		@ child_tid
	mov	r7, #__NR_clone
	svc	#0
	cmp	r0, #0
	beq	2f
	pop	{r4, r7}
	cmn	r0, #4096
	bxcc	lr			@ parent: the tid
	b	__syscall_error		@ or -1 with errno
1:	mvn	r0, #(EINVAL - 1)	@ r0 = -EINVAL
	b	__syscall_error
2:	mov	fp, #0			@ child: outermost frame
	ldr	r0, [sp, #4]
	ldr	ip, [sp]
	blx	ip
	mov	r7, #__NR_exit
	svc	#0
	.size	clone, . - clone
