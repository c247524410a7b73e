/* The system call gate of syscall(2), whose number is only known at run
 * time (Linux ARM EABI): number in r7, arguments in r0-r5, `svc #0`, result
 * in r0 (-4095..-1 = -errno). The other wrappers inline their svc (syscall.h). */
#include <asm/unistd.h>

	.syntax	unified
	.arm
	.text

/* long __syscall(long nr, long a, long b, long c, long d, long e, long f)
 * Returns the kernel's raw r0; __syscall_ret() turns errors into errno. */
	.globl	__syscall
	.type	__syscall, %function
__syscall:
	mov	ip, sp
	push	{r4, r5, r6, r7}
	mov	r7, r0
	mov	r0, r1
	mov	r1, r2
	mov	r2, r3
	ldm	ip, {r3, r4, r5}
	svc	#0
	pop	{r4, r5, r6, r7}
	bx	lr
	.size	__syscall, . - __syscall
