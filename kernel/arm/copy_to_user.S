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

	.macro	ldrusr abort, insn:vararg
	\insn
	.endm

	.macro	strusr abort, insn:vararg
	USERL(\abort, \insn)
	.endm

	.globl	arm_copy_to_user
	.type	arm_copy_to_user, %function
arm_copy_to_user:
#include "copy_template.S"
	.size	arm_copy_to_user, . - arm_copy_to_user
