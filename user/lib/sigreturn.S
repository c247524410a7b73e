/* Signal return trampolines that sigaction() installs as sa_restorer: ARM
 * Linux returns from a handler into one of them (arch/arm/kernel/signal.c
 * setup_return), and the kernel restores the frame it pushed. A plain
 * handler's frame needs sigreturn, an SA_SIGINFO one's rt_sigreturn. */
#include <asm/unistd.h>

	.syntax	unified
	.arm
	.text

	.globl	__sigreturn_restorer
	.type	__sigreturn_restorer, %function
__sigreturn_restorer:
	mov	r7, #__NR_sigreturn
	svc	#0
	.size	__sigreturn_restorer, . - __sigreturn_restorer

	.globl	__rt_sigreturn_restorer
	.type	__rt_sigreturn_restorer, %function
__rt_sigreturn_restorer:
	mov	r7, #__NR_rt_sigreturn
	svc	#0
	.size	__rt_sigreturn_restorer, . - __rt_sigreturn_restorer
