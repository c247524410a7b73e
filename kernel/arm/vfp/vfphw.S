/* Moving a thread's VFP/NEON registers between the hardware and its
 * union vfp_state (Linux's arch/arm/vfp/vfphw.S vfp_save_state and the
 * reload in vfp_support_entry). The rest of the kernel is soft-float;
 * only here and in the fmrx/fmxr accessors are VFP instructions. */
#include <asm/vfp.h>

	.syntax	unified
	.arch	armv7-a
	.fpu	neon-vfpv4
	.text

/* void vfp_save_state(union vfp_state *state, u32 fpexc)
 * Store d0-d31, then fpexc, FPSCR and, when fpexc says they hold a
 * pending exception, FPINST and FPINST2 (reading them otherwise is
 * UNDEFINED). CONTEXT: FPEXC.EN set, EX clear. */
	.globl	vfp_save_state
vfp_save_state:
	vstmia	r0!, {d0 - d15}
	vstmia	r0!, {d16 - d31}
	vmrs	r2, fpscr
	tst	r1, #FPEXC_EX
	beq	1f
	vmrs	r3, fpinst
	tst	r1, #FPEXC_FP2V
	beq	1f
	vmrs	r12, fpinst2
1:	stmia	r0, {r1, r2, r3, r12}		@ fpexc, fpscr, fpinst, fpinst2
	bx	lr

/* void vfp_load_state(union vfp_state *state)
 * Load d0-d31, FPSCR, and FPINST/FPINST2 if the saved fpexc has them.
 * FPEXC itself is the caller's to write, last. CONTEXT: FPEXC.EN set, EX clear. */
	.globl	vfp_load_state
vfp_load_state:
	vldmia	r0!, {d0 - d15}
	vldmia	r0!, {d16 - d31}
	ldmia	r0, {r1, r2, r3, r12}		@ fpexc, fpscr, fpinst, fpinst2
	vmsr	fpscr, r2
	tst	r1, #FPEXC_EX
	beq	1f
	vmsr	fpinst, r3
	tst	r1, #FPEXC_FP2V
	beq	1f
	vmsr	fpinst2, r12
1:	bx	lr
