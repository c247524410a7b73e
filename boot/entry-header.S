/* Register roles and macros shared by the entry code (Linux's
 * arch/arm/kernel/entry-header.S). */
#include <asm/bug.h>
	.syntax	unified
	.arm

scno	.req	r7		@ syscall number (EABI: passed in r7)
tbl	.req	r8		@ syscall table pointer
why	.req	r8		@ non-zero when returning from a syscall (for restarts)
tsk	.req	r9		@ current thread_info

	.macro	get_thread_info, rd
	mov	\rd, sp, lsr #13		@ THREAD_SIZE = 8 KiB
	mov	\rd, \rd, lsl #13
	.endm

/* Return to user mode from the pt_regs at sp + offset. `fast` keeps r0,
 * which holds a syscall's return value. The PSR must be a user one with
 * IRQs on (valid_user_regs sees to it for frames from user space): anything
 * else is a kernel bug, and is reported as one (an oops with the registers,
 * which kills the task) rather than ever letting user code gain a mode. */
	.macro	restore_user_regs, fast = 0, offset = 0
	mov	r2, sp
	ldr	r1, [r2, #\offset + S_PSR]	@ get calling cpsr
	ldr	lr, [r2, #\offset + S_PC]!	@ get pc
	tst	r1, #PSR_I_BIT | 0x0f
	bne	1f
	msr	spsr_cxsf, r1			@ save in spsr_svc
	clrex
	.if	\fast
	ldmdb	r2, {r1 - lr}^			@ get calling r1 - lr
	.else
	ldmdb	r2, {r0 - lr}^			@ get calling r0 - lr
	.endif
	mov	r0, r0				@ no banked register access right after ldm ^
	add	sp, sp, #\offset + PT_REGS_SIZE
	movs	pc, lr				@ return & move spsr_svc into cpsr
1:	bug	"Returning to usermode but unexpected PSR bits set?", \@
	.endm
