/* Processor modes, PSR bits and the saved register frame
 * (Linux's arch/arm/include/uapi/asm/ptrace.h and asm/ptrace.h). */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#define USR_MODE 0x00000010
#define FIQ_MODE 0x00000011
#define IRQ_MODE 0x00000012
#define SVC_MODE 0x00000013
#define MON_MODE 0x00000016
#define ABT_MODE 0x00000017
#define HYP_MODE 0x0000001a
#define UND_MODE 0x0000001b
#define SYSTEM_MODE 0x0000001f
#define MODE32_BIT 0x00000010
#define MODE_MASK 0x0000001f

#define PSR_T_BIT 0x00000020
#define PSR_F_BIT 0x00000040
#define PSR_I_BIT 0x00000080
#define PSR_A_BIT 0x00000100
#define PSR_E_BIT 0x00000200
#define PSR_J_BIT 0x01000000
#define PSR_Q_BIT 0x08000000
#define PSR_V_BIT 0x10000000
#define PSR_C_BIT 0x20000000
#define PSR_Z_BIT 0x40000000
#define PSR_N_BIT 0x80000000
#define PSR_f 0xff000000
#define PSR_s 0x00ff0000
#define PSR_x 0x0000ff00
#define PSR_c 0x000000ff
#define PSR_IT_MASK 0x0600fc00
#define PSR_GE_MASK 0x000f0000

/* Offsets of struct pt_regs, for the assembly entry code. */
#define S_R0 0
#define S_R1 4
#define S_R2 8
#define S_SP 52
#define S_LR 56
#define S_PC 60
#define S_PSR 64
#define S_OLD_R0 68
#define PT_REGS_SIZE 72
/* vector_swi pushes r4, r5 (the 5th and 6th syscall arguments) below pt_regs. */
#define S_OFF 8

#ifndef __ASSEMBLY__
#include <linux/types.h>

/* The registers of the interrupted context, at the top of its kernel stack. */
struct pt_regs {
	unsigned long uregs[18];
};

#define ARM_cpsr uregs[16]
#define ARM_pc uregs[15]
#define ARM_lr uregs[14]
#define ARM_sp uregs[13]
#define ARM_ip uregs[12]
#define ARM_fp uregs[11]
#define ARM_r10 uregs[10]
#define ARM_r9 uregs[9]
#define ARM_r8 uregs[8]
#define ARM_r7 uregs[7]
#define ARM_r6 uregs[6]
#define ARM_r5 uregs[5]
#define ARM_r4 uregs[4]
#define ARM_r3 uregs[3]
#define ARM_r2 uregs[2]
#define ARM_r1 uregs[1]
#define ARM_r0 uregs[0]
#define ARM_ORIG_r0 uregs[17]

#define processor_mode(regs) ((regs)->ARM_cpsr & MODE_MASK)
#define user_mode(regs) (((regs)->ARM_cpsr & 0xf) == 0)
#define interrupts_enabled(regs) (!((regs)->ARM_cpsr & PSR_I_BIT))
#define instruction_pointer(regs) ((regs)->ARM_pc)

static inline void instruction_pointer_set(struct pt_regs *regs, unsigned long val)
{
	instruction_pointer(regs) = val;
}

/* Are these registers suitable for user mode? (Linux's valid_user_regs,
 * used to keep a signal frame from granting privilege.) A frame may set
 * any condition, GE, IT, J, E or T bits; F and A are always cleared; the
 * mode must be USR with IRQs on, else the CPSR is forced to USR mode
 * keeping only its flag, GE, IT, J, E and T bits, and the caller refuses
 * the frame. Linux's 26-bit mode (HWCAP_26BIT) is left out:
 * no ARMv7 has it. */
static inline int valid_user_regs(struct pt_regs *regs)
{
	unsigned long mode = regs->ARM_cpsr & MODE_MASK;

	/* Always clear the F (FIQ) and A (delayed abort) bits */
	regs->ARM_cpsr &= ~(PSR_F_BIT | PSR_A_BIT);

	if ((regs->ARM_cpsr & PSR_I_BIT) == 0 && mode == USR_MODE)
		return 1;

	/* Force CPSR to something logical... */
	regs->ARM_cpsr &= PSR_f | PSR_s | PSR_x | PSR_T_BIT | MODE32_BIT;
	regs->ARM_cpsr |= USR_MODE;
	return 0;
}
#endif

#endif
