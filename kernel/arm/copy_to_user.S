/* unsigned long arm_copy_to_user(void __user *to, const void *from,
 *				    unsigned long n)
 * (Linux's arch/arm/lib/copy_to_user.S): the stores touch user memory.
 * RETURNS: the bytes not copied, 0 on success. The caller has checked the
 * range with access_ok(): the stores are the kernel's own, as on Linux
 * ARMv7; a page user space may only read is read-only for them too, so a
 * write to it faults and copy-on-write or SIGSEGV rules apply as for user space. */
#include <asm/assembler.h>

	.syntax	unified
	.arm
	.text

	.macro	ldr1w ptr, reg, abort
	ldr	\reg, [\ptr], #4
	.endm

	.macro	ldr8w ptr, r1, r2, r3, r4, r5, r6, r7, r8, abort
	ldmia	\ptr!, {\r1, \r2, \r3, \r4, \r5, \r6, \r7, \r8}
	.endm

	.macro	ldr1b ptr, reg, abort
	ldrb	\reg, [\ptr], #1
	.endm

	.macro	str1w ptr, reg, abort
	USERL(\abort, str \reg, [\ptr], #4)
	.endm

	.macro	str8w ptr, r1, r2, r3, r4, r5, r6, r7, r8, abort
	USERL(\abort, stmia \ptr!, {\r1, \r2, \r3, \r4, \r5, \r6, \r7, \r8})
	.endm

	.macro	str1b ptr, reg, abort
	USERL(\abort, strb \reg, [\ptr], #1)
	.endm

	.globl	arm_copy_to_user
	.type	arm_copy_to_user, %function
arm_copy_to_user:
#include "copy_template.S"
	.size	arm_copy_to_user, . - arm_copy_to_user
