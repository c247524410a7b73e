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

	.macro	ldrusr abort, insn:vararg
	USERL(\abort, \insn)
	.endm

	.macro	strusr abort, insn:vararg
	\insn
	.endm

	.globl	arm_copy_from_user
	.type	arm_copy_from_user, %function
arm_copy_from_user:
#include "copy_template.S"
	.size	arm_copy_from_user, . - arm_copy_from_user
