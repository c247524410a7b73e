/* VFP system registers and their bits (Linux's arch/arm/include/asm/vfp.h
 * and arch/arm/vfp/vfpinstr.h fmrx/fmxr). The kernel is built soft-float:
 * these accessors are the only VFP instructions in C. */
#ifndef _ASM_VFP_H
#define _ASM_VFP_H

#define FPEXC_EX 0x80000000 /* an exception is pending (FPINST valid) */
#define FPEXC_EN 0x40000000 /* VFP and NEON instructions enabled */
#define FPEXC_DEX 0x20000000 /* an instruction needs the support code */
#define FPEXC_FP2V 0x10000000 /* FPINST2 valid */

#define FPSCR_LENGTH_MASK 0x00070000 /* short vectors: VFPv3+ UNDEFs them */
#define FPSCR_STRIDE_MASK 0x00300000
#define FPSCR_ROUND_NEAREST 0x00000000
/* trap enables, and the cumulative flags they trap on */
#define FPSCR_IOE 0x00000100
#define FPSCR_DZE 0x00000200
#define FPSCR_OFE 0x00000400
#define FPSCR_UFE 0x00000800
#define FPSCR_IXE 0x00001000
#define FPSCR_IOC 0x00000001
#define FPSCR_DZC 0x00000002
#define FPSCR_OFC 0x00000004
#define FPSCR_UFC 0x00000008
#define FPSCR_IXC 0x00000010

/* FPSID and MVFR fields (ARM ARM B4.1.54, B6.1.63) */
#define FPSID_IMPLEMENTER_BIT 24
#define FPSID_ARCH_BIT 16
#define FPSID_CPUID_ARCH_MASK (0x7f << FPSID_ARCH_BIT)
#define FPSID_PART_BIT 8
#define FPSID_VARIANT_BIT 4
#define MVFR0_A_SIMD_MASK 0xf /* 1: 16 double registers, 2: 32 */
#define MVFR0_SP_BIT 4
#define MVFR0_DP_BIT 8

#ifndef __ASSEMBLY__
#define fmrx(_vfp_)                                                                     \
	({                                                                              \
		u32 __v;                                                                \
		__asm__ __volatile__(".fpu neon-vfpv4\n\tvmrs %0, " #_vfp_ : "=r"(__v) : : "cc"); \
		__v;                                                                    \
	})
#define fmxr(_vfp_, _var_) \
	__asm__ __volatile__(".fpu neon-vfpv4\n\tvmsr " #_vfp_ ", %0" : : "r"(_var_) : "cc")
#endif

#endif
