/* The system call path and the return to user mode (Linux's
 * arch/arm/kernel/entry-common.S): vector_swi saves the user registers as
 * pt_regs, calls sys_call_table[r7] with r0-r5 as arguments, and returns
 * through ret_fast_syscall, which checks thread_info->flags for work
 * (TIF_NEED_RESCHED, TIF_SIGPENDING) and takes the slow path,
 * slow_work_pending -> do_work_pending(), when there is some. */
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <asm/unistd.h>
#include "entry-header.S"

	.section .entry.text, "ax"
	.align	5
/* A syscall returns here; r0 is its result, sp points at the saved r4, r5. */
	.globl	ret_fast_syscall
ret_fast_syscall:
__ret_fast_syscall:
	cpsid	i
	ldr	r1, [tsk, #TI_FLAGS]
	tst	r1, #_TIF_SYSCALL_WORK | _TIF_WORK_MASK
	bne	fast_work_pending
	restore_user_regs fast = 1, offset = S_OFF

fast_work_pending:
	str	r0, [sp, #S_R0 + S_OFF]!	@ the result, into pt_regs
	tst	r1, #_TIF_SYSCALL_WORK
	bne	__sys_trace_return_nosave
slow_work_pending:
	mov	r0, sp				@ regs
	mov	r2, why				@ syscall
	bl	do_work_pending
	cmp	r0, #0
	beq	no_work_pending
	/* do_signal() asked to restart the syscall without a handler. */
	movlt	scno, #__NR_restart_syscall
	ldmia	sp, {r0 - r6}
	b	local_restart

/* The slow return to user mode: after a traced syscall, a fork, an exec,
 * an exception or an interrupt from user mode. */
	.globl	ret_to_user
ret_slow_syscall:
ret_to_user:
	cpsid	i
	.globl	ret_to_user_from_irq
ret_to_user_from_irq:
	ldr	r1, [tsk, #TI_FLAGS]
	tst	r1, #_TIF_WORK_MASK
	bne	slow_work_pending
no_work_pending:
	restore_user_regs fast = 0, offset = 0

/* A new task starts here, on its first switch-in (see copy_thread):
 * r4 = argument and r5 = function for a kernel thread, r5 = 0 for a user
 * task that returns to user mode with the registers copied from its parent. */
	.globl	ret_from_fork
ret_from_fork:
	bl	schedule_tail
	cmp	r5, #0
	movne	r0, r4
	adrne	lr, 1f
	bxne	r5
1:	get_thread_info tsk
	b	ret_slow_syscall

	.align	5
	.globl	vector_swi
vector_swi:
	sub	sp, sp, #PT_REGS_SIZE
	stmia	sp, {r0 - r12}			@ the caller's r0 - r12
	add	r8, sp, #S_PC
	stmdb	r8, {sp, lr}^			@ the caller's sp, lr
	mrs	r8, spsr
	str	lr, [sp, #S_PC]			@ the caller's pc
	str	r8, [sp, #S_PSR]		@ and cpsr
	str	r0, [sp, #S_OLD_R0]		@ r0 again: a restart needs it
	mov	fp, #0
	cpsie	i
	get_thread_info tsk
	ldr	tbl, =sys_call_table

local_restart:
	ldr	r10, [tsk, #TI_FLAGS]
	stmdb	sp!, {r4, r5}			@ the 5th and 6th arguments
	tst	r10, #_TIF_SYSCALL_WORK
	bne	__sys_trace

	cmp	scno, #NR_syscalls
	adr	lr, __ret_fast_syscall
	ldrlo	pc, [tbl, scno, lsl #2]		@ sys_*(r0, r1, r2, r3, r4, r5)
2:	add	r1, sp, #S_OFF
	mov	r0, scno
	cmp	scno, #__ARM_NR_BASE
	bhs	arm_syscall			@ ARM-private (0xf0000+), or SIGILL
	mov	why, #0				@ no longer a real syscall
	b	sys_ni_syscall			@ a number without a syscall: -ENOSYS

/* raw_syscalls tracing is on: report entry and exit around the call. */
__sys_trace:
	add	r0, sp, #S_OFF
	mov	r1, scno
	bl	syscall_trace_enter
	add	r1, sp, #S_R0 + S_OFF
	ldmia	r1, {r0 - r3}			@ the arguments again: C clobbered r0 - r3
	adr	lr, __sys_trace_return
	cmp	scno, #NR_syscalls
	ldrlo	pc, [tbl, scno, lsl #2]
	b	2b

__sys_trace_return:
	str	r0, [sp, #S_R0 + S_OFF]!
	mov	r0, sp
	bl	syscall_trace_exit
	b	ret_slow_syscall

__sys_trace_return_nosave:
	cpsie	i
	mov	r0, sp
	bl	syscall_trace_exit
	b	ret_slow_syscall

/* sigreturn and rt_sigreturn need the saved registers, and must not be
 * treated as restartable syscalls on the way out (why = 0). */
	.globl	sys_sigreturn_wrapper
sys_sigreturn_wrapper:
	add	r0, sp, #S_OFF
	mov	why, #0
	b	sys_sigreturn

	.globl	sys_rt_sigreturn_wrapper
sys_rt_sigreturn_wrapper:
	add	r0, sp, #S_OFF
	mov	why, #0
	b	sys_rt_sigreturn

	.ltorg
