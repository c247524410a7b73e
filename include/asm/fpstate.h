/* A thread's VFP/NEON registers as the kernel keeps them between uses
 * (Linux's arch/arm/include/asm/fpstate.h, the VFPv3-D32 layout). */
#ifndef _ASM_FPSTATE_H
#define _ASM_FPSTATE_H

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct vfp_hard_struct {
	u64 fpregs[32]; /* d0-d31 (q0-q15 for NEON) */
	u32 fpexc;
	u32 fpscr;
	u32 fpinst; /* only meaningful while fpexc has FPEXC_EX */
	u32 fpinst2;
	u32 cpu; /* the CPU that last loaded it; NR_CPUS: none */
};

union vfp_state {
	struct vfp_hard_struct hard;
};
#endif

/* Offsets for kernel/arm/vfp/vfphw.S. */
#define VFP_FPEXC (32 * 8)

#endif
