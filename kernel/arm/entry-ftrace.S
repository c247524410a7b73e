/* The function tracer's entry and exit trampolines (Linux's
 * arch/arm/kernel/entry-ftrace.S, CONFIG_DYNAMIC_FTRACE).
 *
 * -pg makes GCC end every function's prologue with
 *	push	{lr}
 *	bl	__gnu_mcount_nc
 * At boot ftrace_init() turns each such bl into `pop {lr}` (the NOP that
 * undoes the push); enabling the tracer turns the selected ones into
 * `bl ftrace_caller`. Both trampolines must leave every register of the
 * instrumented function as it was, but ip (which the AAPCS lets a call
 * clobber), and pop the lr its call site pushed. */
#include <asm/ptrace.h>

#define MCOUNT_INSN_SIZE 4

	.text

/* An unpatched call site (before ftrace_init): return at once. */
	.globl	__gnu_mcount_nc
	.type	__gnu_mcount_nc, %function
__gnu_mcount_nc:
	mov	ip, lr
	ldmia	sp!, {lr}
	bx	ip

/*
 * ftrace_caller: the target of an enabled call site. Calls the current
 * tracer (the bl at ftrace_call, patched) as
 *	func(ip = the call site, parent_ip = the instrumented function's
 *	     return address, op = function_trace_op, regs = NULL)
 * and, when function_graph runs, goes through ftrace_graph_caller (the
 * branch at ftrace_graph_call, patched).
 *
 * It builds an APCS frame record, as a -mapcs-frame function would, so
 * the fp unwinder walks through it to the instrumented function
 * (do_exit+0x18 in a <stack trace>): Linux's table unwinder gets there
 * from this code's UNWIND() annotations.
 */
	.globl	ftrace_caller
	.type	ftrace_caller, %function
ftrace_caller:
	stmdb	sp!, {r0 - r3, lr}		@ the arguments, and our return address
	mov	ip, sp
	stmdb	sp!, {fp, ip, lr, pc}		@ the frame record
	sub	fp, ip, #4
	ldr	r1, [ip, #20]			@ parent_ip: what the call site pushed
	sub	r0, lr, #MCOUNT_INSN_SIZE	@ ip: the call site
	ldr	r2, =function_trace_op
	ldr	r2, [r2]
	mov	r3, #0
	.globl	ftrace_call
ftrace_call:
	bl	ftrace_stub
	.globl	ftrace_graph_call
ftrace_graph_call:
	mov	r0, r0				@ or `b ftrace_graph_caller`
ftrace_caller_exit:
	ldr	fp, [sp], #16			@ drop the frame record
	ldmia	sp!, {r0 - r3, ip, lr}		@ ip: our return; lr: the call site's push
	bx	ip

/* prepare_ftrace_return(&the instrumented function's saved lr, the call
 * site, the fp it will return with: its caller's) hooks the return. */
	.globl	ftrace_graph_caller
	.type	ftrace_graph_caller, %function
ftrace_graph_caller:
	ldr	r3, [fp, #-12]			@ the instrumented function's fp
	sub	r0, r3, #4			@ &its saved lr, in its frame record
	ldr	r1, [fp, #-4]
	sub	r1, r1, #MCOUNT_INSN_SIZE	@ the call site
	ldr	r2, [r3, #-12]			@ its caller's fp
	bl	prepare_ftrace_return
	b	ftrace_caller_exit

/*
 * A hooked function returns here instead of to its caller, with its
 * caller's fp restored: ftrace_return_to_handler() records the return and
 * gives back the real return address. r0 and r1 hold the return value.
 */
	.globl	return_to_handler
	.type	return_to_handler, %function
return_to_handler:
	stmdb	sp!, {r0 - r3}
	mov	r0, fp				@ frame pointer
	bl	ftrace_return_to_handler
	mov	lr, r0				@ r0 has real ret addr
	ldmia	sp!, {r0 - r3}
	bx	lr

/* What ftrace_call calls when no tracer is set. */
	.globl	ftrace_stub
	.type	ftrace_stub, %function
ftrace_stub:
	bx	lr

	.ltorg
