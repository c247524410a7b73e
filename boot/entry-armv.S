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
#include <asm/tls.h>
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

	.section .entry.text, "ax"

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
 * Save prev's callee-saved registers and TPIDRURW in its thread_info, load
 * next's two thread registers, let the VFP code save the VFP state
 * (Linux's thread_notify THREAD_NOTIFY_SWITCH), load next's registers, and
 * return prev (now "last") on next's stack. The exclusive monitor is
 * cleared so that a ldrex of one task can never pair with a strex of
 * another (ARM ARM A3.4.5). */
	.globl	__switch_to
__switch_to:
	add	ip, r1, #TI_CPU_SAVE
	stmia	ip!, {r4 - r9, sl, fp, sp, lr}
	ldr	r4, [r2, #TI_TP_VALUE]
	ldr	r5, [r2, #TI_TP_VALUE + 4]
	switch_tls r1, r4, r5, r3, r7
	clrex
	mov	r5, r0
	add	r4, r2, #TI_CPU_SAVE
	mov	r0, r2
	bl	vfp_thread_switch
	mov	r0, r5
	ldmia	r4, {r4 - r9, sl, fp, sp, pc}

/*
 * The kuser helpers (Linux's CONFIG_KUSER_HELPERS, __kuser_helper_start in
 * arch/arm/kernel/entry-armv.S): five entry points at fixed addresses at the
 * top of the vector page, which early_trap_init() maps user-readable and
 * executable at 0xffff0000 in every process.
 *
 * Why they exist: a program built for ARMv5 (Debian's armel, -march=armv5te)
 * must also run on an ARMv6/v7 SMP system, yet ARMv5 has no ldrex/strex, no
 * dmb and no TLS register, and `swp` is not atomic against other cores'
 * exclusives. So such a program cannot itself do an atomic compare-and-swap,
 * a memory barrier or read its thread pointer correctly on every CPU it may
 * meet. Instead glibc (and libgcc's __sync_* helpers) call these: the kernel
 * puts here the right code for the CPU it runs on. Each helper has a fixed
 * address and a fixed-size slot, part of the ABI (Linux's
 * Documentation/arm/kernel_user_helpers.txt); new ones are only ever added
 * below the old ones, and __kuser_helper_version counts the 32-byte slots.
 *
 * This block is only a template: it is copied, and runs, at its final
 * address. Branches between helpers are PC-relative, so they stay right.
 */
	.macro	kuser_pad, sym, size
	.if	(. - \sym) & 3
	.rept	4 - ((. - \sym) & 3)
	.byte	0
	.endr
	.endif
	.rept	(\size - (. - \sym)) / 4
	.word	0xe7fddef1			@ an undefined instruction
	.endr
	.endm

	.section ".rodata.vectors_page", "a"
	.align	5
	.globl	__kuser_helper_start
__kuser_helper_start:

/* int __kuser_cmpxchg64(const int64_t *oldval, const int64_t *newval,
 *			  volatile int64_t *ptr);			0xffff0f60
 * *ptr = *newval if *ptr == *oldval, atomically; returns 0 (C set) if it
 * stored, non-zero (C clear) if not. Full barriers before and after. */
__kuser_cmpxchg64:
	stmfd	sp!, {r4, r5, r6, r7}
	ldrd	r4, r5, [r0]			@ the old value
	ldrd	r6, r7, [r1]			@ the new value
	dmb	ish
1:	ldrexd	r0, r1, [r2]			@ the current value
	eors	r3, r0, r4			@ compare with the old value (low)
	eorseq	r3, r1, r5			@ and (high)
	strexdeq r3, r6, r7, [r2]		@ store the new value if equal
	teqeq	r3, #1				@ the exclusive store failed?
	beq	1b				@ then try again
	dmb	ish
	rsbs	r0, r3, #0			@ 0 and C set on success
	ldmfd	sp!, {r4, r5, r6, r7}
	bx	lr
	kuser_pad __kuser_cmpxchg64, 64

/* void __kuser_memory_barrier(void);				0xffff0fa0
 * A full barrier between the CPUs (dmb ish): on an SMP ARMv7 what an ARMv5
 * program cannot issue itself. */
__kuser_memory_barrier:
	dmb	ish
	bx	lr
	kuser_pad __kuser_memory_barrier, 32

/* int __kuser_cmpxchg(int oldval, int newval, volatile int *ptr); 0xffff0fc0
 * *ptr = newval if *ptr == oldval, atomically on every CPU; returns 0 (C
 * set) if it stored, non-zero (C clear) if not; full barriers around it.
 * The slot is 8 instructions, so the trailing barrier is the helper above. */
__kuser_cmpxchg:
	dmb	ish
1:	ldrex	r3, [r2]
	subs	r3, r3, r0			@ equal to oldval?
	strexeq	r3, r1, [r2]			@ then try to store newval
	teqeq	r3, #1				@ lost the reservation?
	beq	1b				@ then try again
	rsbs	r0, r3, #0			@ 0 and C set on success
	b	__kuser_memory_barrier
	kuser_pad __kuser_cmpxchg, 32

/* void *__kuser_get_tls(void);					0xffff0fe0
 * The thread pointer set with the ARM set_tls syscall: this CPU has the
 * TPIDRURO register (__switch_to loads it), so read it. Linux patches the
 * same instruction into this slot at boot on such CPUs (kuser_get_tls_init). */
__kuser_get_tls:
	mrc	p15, 0, r0, c13, c0, 3		@ TPIDRURO
	bx	lr
	kuser_pad __kuser_get_tls, 16
	.rept	3
	.word	0				@ 0xffff0ff0: unused here (Linux's
	.endr					@ software TLS word, for CPUs without it)

/* int __kuser_helper_version;					0xffff0ffc
 * How many 32-byte helper slots there are: 5. */
__kuser_helper_version:
	.word	((__kuser_helper_end - __kuser_helper_start) >> 5)
	.globl	__kuser_helper_end
__kuser_helper_end:
