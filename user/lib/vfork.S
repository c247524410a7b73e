/* vfork() as glibc's ARM vfork.S: the child runs on the parent's stack
 * until it calls execve() or _exit(), so this wrapper must not touch the
 * stack (no frame for the child to pop twice); r7 is saved in ip. */
#include <asm/unistd.h>

	.syntax	unified
	.arm
	.text
	.globl	vfork
	.type	vfork, %function
vfork:
	mov	ip, r7
	mov	r7, #__NR_vfork
	svc	#0
	mov	r7, ip
	cmn	r0, #4096
	bxcc	lr			@ pid in the parent, 0 in the child
	b	__syscall_error		@ -1 with errno
	.size	vfork, . - vfork
