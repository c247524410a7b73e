/* unsigned long arm_copy_from_user(void *to, const void __user *from,
 *				    unsigned long n)
 * (Linux's arch/arm/lib/copy_from_user.S): the loads touch user memory.
 * RETURNS: the bytes not copied, 0 on success. The caller has checked the
 * range with access_ok(): the loads are the kernel's own, as on Linux
 * ARMv7, so they fault only where user space would have no page at all, or
 * where the page fault handler cannot provide one. */
#include <asm/assembler.h>

	.syntax	unified
	.arm
	.text

	.macro	ldr1w ptr, reg, abort
	USERL(\abort, ldr \reg, [\ptr], #4)
	.endm

	.macro	ldr8w ptr, r1, r2, r3, r4, r5, r6, r7, r8, abort
	USERL(\abort, ldmia \ptr!, {\r1, \r2, \r3, \r4, \r5, \r6, \r7, \r8})
	.endm

	.macro	ldr1b ptr, reg, abort
	USERL(\abort, ldrb \reg, [\ptr], #1)
	.endm

	.macro	str1w ptr, reg, abort
	str	\reg, [\ptr], #4
	.endm

	.macro	str8w ptr, r1, r2, r3, r4, r5, r6, r7, r8, abort
	stmia	\ptr!, {\r1, \r2, \r3, \r4, \r5, \r6, \r7, \r8}
	.endm

	.macro	str1b ptr, reg, abort
	strb	\reg, [\ptr], #1
	.endm

	.globl	arm_copy_from_user
	.type	arm_copy_from_user, %function
arm_copy_from_user:
#include "copy_template.S"
	.size	arm_copy_from_user, . - arm_copy_from_user
