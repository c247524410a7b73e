/* Register roles and macros shared by the entry code (Linux's
 * arch/arm/kernel/entry-header.S). */
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
 * IRQs on: anything else is a kernel bug, never let user code gain a mode. */
	.macro	restore_user_regs, fast = 0, offset = 0
	ldr	r1, [sp, #\offset + S_PSR]
	ldr	lr, [sp, #\offset + S_PC]!
	tst	r1, #PSR_I_BIT | 0x0f
	bne	bad_user_psr
	msr	spsr_cxsf, r1
	clrex
	.if	\fast
	ldmdb	sp, {r1 - lr}^
	.else
	ldmdb	sp, {r0 - lr}^
	.endif
	mov	r0, r0				@ no banked register access right after ldm ^
	add	sp, sp, #PT_REGS_SIZE - S_PC
	movs	pc, lr
	.endm
