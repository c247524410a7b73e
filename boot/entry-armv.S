/* Exception vectors and the entry/exit of interrupts, aborts and undefined
 * instructions, plus __switch_to (Linux's arch/arm/kernel/entry-armv.S).
 *
 * Every exception is handled in SVC mode on the current task's kernel stack:
 * the vector stub saves r0, the return address and the SPSR on a 3-word
 * stack of the exception's own mode, switches to SVC, and picks the handler
 * by the mode that was interrupted (user or SVC), which builds a struct
 * pt_regs frame and calls C. */
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include "entry-header.S"

	.section ".text.vectors", "ax"
	.align	5
	.globl	__vectors_start
__vectors_start:
	b	vector_rst
	b	vector_und
	b	vector_swi
	b	vector_pabt
	b	vector_dabt
	b	vector_addrexcptn
	b	vector_irq
	b	vector_fiq

/* vector_stub: from exception mode `mode` to the SVC-mode handler chosen
 * by the interrupted mode. `correction` turns the banked lr into the
 * address to return to. */
	.macro	vector_stub, name, mode, correction=0
	.align	5
vector_\name:
	.if \correction
	sub	lr, lr, #\correction
	.endif
	stmia	sp, {r0, lr}			@ r0 and the parent's PC
	mrs	lr, spsr
	str	lr, [sp, #8]			@ the parent's CPSR
	mrs	r0, cpsr
	eor	r0, r0, #(\mode ^ SVC_MODE)
	msr	spsr_cxsf, r0			@ SVC mode, IRQs still masked
	and	lr, lr, #0x0f			@ the parent's mode
	mov	r0, sp				@ r0 -> the three saved words
	ldr	lr, [pc, lr, lsl #2]
	movs	pc, lr				@ to the handler, in SVC mode
	.endm

	vector_stub	irq, IRQ_MODE, 4
	.long	__irq_usr			@  0  (USR_26 / USR_32)
	.long	__irq_invalid			@  1  (FIQ_26 / FIQ_32)
	.long	__irq_invalid			@  2  (IRQ_26 / IRQ_32)
	.long	__irq_svc			@  3  (SVC_26 / SVC_32)
	.rept	12
	.long	__irq_invalid
	.endr

	vector_stub	dabt, ABT_MODE, 8
	.long	__dabt_usr
	.long	__dabt_invalid
	.long	__dabt_invalid
	.long	__dabt_svc
	.rept	12
	.long	__dabt_invalid
	.endr

	vector_stub	pabt, ABT_MODE, 4
	.long	__pabt_usr
	.long	__pabt_invalid
	.long	__pabt_invalid
	.long	__pabt_svc
	.rept	12
	.long	__pabt_invalid
	.endr

	/* lr_und is the undefined instruction + 4 (ARM) or + 2 (Thumb):
	 * do_undefinstr() corrects it by the T bit. */
	vector_stub	und, UND_MODE
	.long	__und_usr
	.long	__und_invalid
	.long	__und_invalid
	.long	__und_svc
	.rept	12
	.long	__und_invalid
	.endr

/* Reset and the address exception cannot happen while the kernel runs;
 * FIQs are never enabled. Report them as a bad mode. */
vector_rst:
vector_addrexcptn:
vector_fiq:
	cpsid	aif, #SVC_MODE
	mov	r0, sp
	b	bad_mode

	.text

/* Build pt_regs for an exception taken in SVC mode. The frame is placed so
 * that sp ends 8-byte aligned (the AAPCS needs it in C); the original sp is
 * what S_SP records. In: r0 -> {r0, pc, cpsr} saved by the stub. */
	.macro	svc_entry
	sub	sp, sp, #(PT_REGS_SIZE - 4)
	tst	sp, #4
	subeq	sp, sp, #4
	stmia	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}
	add	r7, sp, #S_SP - 4
	mov	r6, #-1
	add	r2, sp, #(PT_REGS_SIZE - 4)
	addeq	r2, r2, #4
	str	r3, [sp, #-4]!
	mov	r3, lr
	stmia	r7, {r2 - r6}			@ sp, lr, pc, cpsr, ORIG_r0
	.endm

/* Back to the interrupted SVC code: IRQs off, restore everything including
 * sp and the CPSR (from SPSR_svc, set from the frame), and clear the
 * exclusive monitor so an interrupted ldrex/strex pair retries. */
	.macro	svc_exit, rpsr
	cpsid	i
	msr	spsr_cxsf, \rpsr
	clrex
	ldmia	sp, {r0 - pc}^
	.endm

/* Build pt_regs for an exception taken in user mode; sp is the task's
 * kernel stack top, already aligned. */
	.macro	usr_entry
	sub	sp, sp, #PT_REGS_SIZE
	stmib	sp, {r1 - r12}
	ldmia	r0, {r3 - r5}
	add	r0, sp, #S_PC
	mov	r6, #-1
	str	r3, [sp]
	stmia	r0, {r4 - r6}			@ pc, cpsr, ORIG_r0
	stmdb	r0, {sp, lr}^			@ the user's sp and lr
	mov	fp, #0				@ the backtrace ends here
	.endm

/* Let the abort and undefined handlers run with IRQs on if the parent had
 * them on, as Linux does: they may sleep (a page fault allocating memory). */
	.macro	enable_irq_if_parent, psr
	tst	\psr, #PSR_I_BIT
	bne	1f
	cpsie	i
1:
	.endm

	.align	5
__irq_svc:
	svc_entry
	mov	r0, sp
	bl	handle_arch_irq
	svc_exit r5

	.align	5
__irq_usr:
	usr_entry
	mov	r0, sp
	bl	handle_arch_irq
	get_thread_info tsk
	mov	why, #0
	b	ret_to_user_from_irq

	.align	5
__dabt_svc:
	svc_entry
	mrc	p15, 0, r0, c6, c0, 0		@ DFAR: the faulting address
	mrc	p15, 0, r1, c5, c0, 0		@ DFSR: why
	enable_irq_if_parent r5
	mov	r2, sp
	bl	do_DataAbort
	svc_exit r5

	.align	5
__dabt_usr:
	usr_entry
	mrc	p15, 0, r0, c6, c0, 0		@ DFAR
	mrc	p15, 0, r1, c5, c0, 0		@ DFSR
	cpsie	i
	mov	r2, sp
	bl	do_DataAbort
	b	ret_from_exception

	.align	5
__pabt_svc:
	svc_entry
	mrc	p15, 0, r0, c6, c0, 2		@ IFAR
	mrc	p15, 0, r1, c5, c0, 1		@ IFSR
	enable_irq_if_parent r5
	mov	r2, sp
	bl	do_PrefetchAbort
	svc_exit r5

	.align	5
__pabt_usr:
	usr_entry
	mrc	p15, 0, r0, c6, c0, 2		@ IFAR
	mrc	p15, 0, r1, c5, c0, 1		@ IFSR
	cpsie	i
	mov	r2, sp
	bl	do_PrefetchAbort
	b	ret_from_exception

	.align	5
__und_svc:
	svc_entry
	enable_irq_if_parent r5
	mov	r0, sp
	bl	do_undefinstr
	svc_exit r5

	.align	5
__und_usr:
	usr_entry
	cpsie	i
	mov	r0, sp
	bl	do_undefinstr
	b	ret_from_exception

/* An exception from a mode we never run in (FIQ, IRQ, abort...). */
__irq_invalid:
__dabt_invalid:
__pabt_invalid:
__und_invalid:
	svc_entry
	mov	r0, sp
	b	bad_mode

ret_from_exception:
	get_thread_info tsk
	mov	why, #0
	b	ret_to_user

/* struct task_struct *__switch_to(struct task_struct *prev,
 *	struct thread_info *prev_ti, struct thread_info *next_ti)
 * Save prev's callee-saved registers in its thread_info, load next's TLS
 * register and registers, and return prev (now "last") on next's stack.
 * The exclusive monitor is cleared so that a ldrex of one task can never
 * pair with a strex of another (ARM ARM A3.4.5). */
	.globl	__switch_to
__switch_to:
	add	ip, r1, #TI_CPU_SAVE
	stmia	ip!, {r4 - r9, sl, fp, sp, lr}
	ldr	r4, [r2, #TI_TP_VALUE]
	mcr	p15, 0, r4, c13, c0, 3		@ TPIDRURO: user TLS pointer
	clrex
	add	r4, r2, #TI_CPU_SAVE
	ldmia	r4, {r4 - r9, sl, fp, sp, pc}
