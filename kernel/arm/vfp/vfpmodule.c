/* VFP and NEON for user threads (Linux's arch/arm/vfp/vfpmodule.c, and
 * vfp_support_entry of vfphw.S written in C).
 *
 * The Cortex-A7 has VFPv4 with 32 double registers and NEON, which share
 * one register file: d0-d31 (= q0-q15) and FPSCR, plus FPEXC whose EN bit
 * turns the whole unit on or off. The kernel itself is soft-float and
 * never touches these registers except here, so they hold user state only.
 *
 * How a thread's state follows it. Like Linux on SMP:
 *  - at every context switch, if the VFP is enabled on this CPU, the state
 *    in it is saved to its owner's thread_info (eager save), and the VFP
 *    is disabled (vfp_thread_switch);
 *  - a thread's first VFP/NEON instruction after that traps as undefined;
 *    vfp_support_entry loads the thread's state, unless this CPU's
 *    registers still hold it, enables the VFP and retries (lazy restore).
 * Why: the save must be eager on SMP, because a thread switched out here
 * may next run on another CPU, which cannot reach this CPU's registers;
 * Linux's UP kernel can leave it lazy, SMP cannot. The restore can stay
 * lazy because the per-CPU owner (vfp_current_hw_state) plus the CPU that
 * last loaded the thread's state (vfpstate.hard.cpu) tell exactly when the
 * registers are still valid: the thread is back on the same CPU and no
 * other thread has used the VFP there meanwhile. Then re-enabling costs
 * the trap only; and a thread that does not touch the VFP in a time slice
 * (all of our newlib programs, kernel threads, idle) costs nothing at all,
 * where an eager restore would load 33 registers at every switch.
 *
 * Simplified: Linux reaches these through its thread_notify chain
 * (THREAD_NOTIFY_SWITCH/FLUSH/EXIT/COPY), whose one ARMv7 listener is this
 * file; here __switch_to, flush_thread, exit_thread and copy_thread call
 * them directly. The kernel does not preempt itself, so where Linux
 * disables preemption around the ownership checks, nothing is needed.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <asm/elf.h>
#include <asm/uaccess.h>
#include <asm/user.h>
#include <asm/vfp.h>
#include <asm/vfpmodule.h>

void vfp_save_state(union vfp_state *state, u32 fpexc);
void vfp_load_state(union vfp_state *state);

/* Whose state this CPU's VFP registers hold (NULL: nobody's). Valid for
 * a thread only while its vfpstate.hard.cpu also names this CPU. */
static DEFINE_PER_CPU(union vfp_state *, vfp_current_hw_state);

static bool vfp_state_in_hw(unsigned int cpu, struct thread_info *thread)
{
	if (thread->vfpstate.hard.cpu != cpu)
		return false;
	return per_cpu(vfp_current_hw_state, cpu) == &thread->vfpstate;
}

/* Make the thread load its state from memory at its next VFP use. */
static void vfp_force_reload(unsigned int cpu, struct thread_info *thread)
{
	if (vfp_state_in_hw(cpu, thread)) {
		fmxr(FPEXC, fmrx(FPEXC) & ~FPEXC_EN);
		per_cpu(vfp_current_hw_state, cpu) = NULL;
	}
	thread->vfpstate.hard.cpu = NR_CPUS;
}

/* THREAD_NOTIFY_SWITCH, from __switch_to with IRQs off, before thread
 * (the next one) runs: save the state of whoever used the VFP here, in
 * case it runs next on another CPU, and disable the VFP. */
void vfp_thread_switch(struct thread_info *thread)
{
	unsigned int cpu = thread->cpu;
	u32 fpexc = fmrx(FPEXC);

	if ((fpexc & FPEXC_EN) && per_cpu(vfp_current_hw_state, cpu))
		vfp_save_state(per_cpu(vfp_current_hw_state, cpu), fpexc);
	fmxr(FPEXC, fpexc & ~FPEXC_EN);
}

/* THREAD_NOTIFY_FLUSH, at exec: the new program starts with zeroed
 * registers, round-to-nearest, and the VFP to be enabled at first use. */
void vfp_thread_flush(struct thread_info *thread)
{
	union vfp_state *vfp = &thread->vfpstate;
	unsigned int cpu = thread->cpu;

	if (per_cpu(vfp_current_hw_state, cpu) == vfp)
		per_cpu(vfp_current_hw_state, cpu) = NULL;
	fmxr(FPEXC, fmrx(FPEXC) & ~FPEXC_EN);
	memset(vfp, 0, sizeof(*vfp));
	vfp->hard.fpexc = FPEXC_EN;
	vfp->hard.fpscr = FPSCR_ROUND_NEAREST;
	vfp->hard.cpu = NR_CPUS;
}

/* THREAD_NOTIFY_EXIT: this CPU's registers no longer belong to anyone.
 * (Another CPU may still name the state as its owner: harmless, since its
 * VFP is disabled and hard.cpu keeps a new thread there from using it.) */
void vfp_thread_exit(struct thread_info *thread)
{
	unsigned int cpu = thread->cpu;

	if (per_cpu(vfp_current_hw_state, cpu) == &thread->vfpstate)
		per_cpu(vfp_current_hw_state, cpu) = NULL;
}

/* If the thread's state is in this CPU's registers, save it to memory
 * (they stay valid and enabled as they were). CONTEXT: thread is current. */
void vfp_sync_hwstate(struct thread_info *thread)
{
	unsigned int cpu = thread->cpu;

	if (vfp_state_in_hw(cpu, thread)) {
		u32 fpexc = fmrx(FPEXC);

		fmxr(FPEXC, fpexc | FPEXC_EN);
		vfp_save_state(&thread->vfpstate, fpexc | FPEXC_EN);
		fmxr(FPEXC, fpexc);
	}
}

/* Ensure that the thread reloads the hardware VFP state on the next use. */
void vfp_flush_hwstate(struct thread_info *thread)
{
	vfp_force_reload(thread->cpu, thread);
}

/* THREAD_NOTIFY_COPY, at fork and clone: the child starts with the
 * parent's registers, loaded on whichever CPU it first uses them. */
void vfp_thread_copy(struct thread_info *thread)
{
	struct thread_info *parent = current_thread_info();

	vfp_sync_hwstate(parent);
	thread->vfpstate = parent->vfpstate;
	thread->vfpstate.hard.cpu = NR_CPUS;
}

/* For a signal frame: the current thread's VFP state into the frame's
 * ufp/ufp_exc, built in kernel memory by preserve_vfp_context (which
 * copies the whole block out at once, as Linux 4.19 does), and the handler
 * starts with the same registers but FPSCR's vector length and stride
 * cleared, as the procedure call standard requires at a function's entry.
 * RETURNS: 0. */
int vfp_preserve_user_clear_hwstate(struct user_vfp *ufp, struct user_vfp_exc *ufp_exc)
{
	struct thread_info *thread = current_thread_info();
	struct vfp_hard_struct *hwstate = &thread->vfpstate.hard;

	/* Ensure that the saved hwstate is up-to-date. */
	vfp_sync_hwstate(thread);
	memcpy(&ufp->fpregs, &hwstate->fpregs, sizeof(hwstate->fpregs));
	ufp->fpscr = hwstate->fpscr;
	ufp_exc->fpexc = hwstate->fpexc;
	ufp_exc->fpinst = hwstate->fpinst;
	ufp_exc->fpinst2 = hwstate->fpinst2;

	/* Ensure that VFP is disabled. */
	vfp_flush_hwstate(thread);
	hwstate->fpscr &= ~(FPSCR_LENGTH_MASK | FPSCR_STRIDE_MASK);
	return 0;
}

/* At sigreturn: the state from a frame user space may have changed
 * becomes the thread's, loaded at its next VFP use. FPEXC is sanitised
 * as Linux does: enabled, no pending exception, FPINST2 invalid. */
int vfp_restore_user_hwstate(struct user_vfp *ufp, struct user_vfp_exc *ufp_exc)
{
	struct thread_info *thread = current_thread_info();
	struct vfp_hard_struct *hwstate = &thread->vfpstate.hard;
	u32 fpexc;

	/* Disable VFP to avoid corrupting the new thread state. */
	vfp_flush_hwstate(thread);
	memcpy(&hwstate->fpregs, &ufp->fpregs, sizeof(hwstate->fpregs));
	hwstate->fpscr = ufp->fpscr;
	fpexc = ufp_exc->fpexc | FPEXC_EN;
	fpexc &= ~(FPEXC_EX | FPEXC_FP2V);
	hwstate->fpexc = fpexc;
	hwstate->fpinst = ufp_exc->fpinst;
	hwstate->fpinst2 = ufp_exc->fpinst2;
	return 0;
}

/* The instruction needs the VFP support code: Linux's VFP_bounce, which
 * emulates it in software (arch/arm/vfp/vfpsingle.c, vfpdouble.c) and
 * raises SIGFPE for the exceptions whose traps FPSCR enables.
 * Simplified: there is no emulator here, so every bounce ends as Linux's
 * does for an instruction its emulator cannot handle (vfp_raise_exceptions
 * with VFP_EXCEPTION_ERROR): SIGFPE, FPE_FLTINV, at the instruction, with
 * the program resuming after it. On a Cortex-A7 this happens only to a
 * program that sets FPSCR's short-vector length or stride, which VFPv4
 * no longer implements (Linux would emulate the vector operation). Any
 * program can do that at will, so the report is rate-limited here. */
static void VFP_bounce(u32 trigger, u32 fpexc, struct pt_regs *regs)
{
	struct siginfo info;

	if (printk_ratelimit()) {
		pr_err("VFP: Error: unhandled bounce\n");
		pr_err("VFP: EXC 0x%08x SCR 0x%08x INST 0x%08x\n", fpexc, fmrx(FPSCR), trigger);
	}
	/* Clear the exception state so the next VFP instruction can run. */
	fmxr(FPEXC, fpexc & ~(FPEXC_EX | FPEXC_DEX | FPEXC_FP2V));
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGFPE;
	info.si_code = FPE_FLTINV;
	info.si_addr = (void __user *)regs->ARM_pc;
	regs->ARM_pc += 4;
	send_sig_info(SIGFPE, &info, current);
}

/* Linux's vfp_support_entry: a VFP or NEON instruction (trigger) was
 * undefined in user mode. RETURNS: true if handled (the instruction will
 * be retried, or a SIGFPE is on its way), false if it is no VFP matter
 * (the caller raises SIGILL). regs->ARM_pc is the instruction's address. */
static bool vfp_support_entry(u32 trigger, struct pt_regs *regs)
{
	struct thread_info *thread = current_thread_info();
	union vfp_state *vfp = &thread->vfpstate;
	unsigned int cpu = thread->cpu;
	u32 fpexc = fmrx(FPEXC), fpscr;

	if (!(fpexc & FPEXC_EN)) {
		if (!vfp_state_in_hw(cpu, thread)) {
			/* No need to save another thread's state: on SMP
			 * vfp_thread_switch saved it when it left the CPU. */
			fmxr(FPEXC, (fpexc | FPEXC_EN) & ~FPEXC_EX);
			vfp_load_state(vfp);
			per_cpu(vfp_current_hw_state, cpu) = vfp;
			vfp->hard.cpu = cpu;
			fpexc = vfp->hard.fpexc;
		}
		fpexc |= FPEXC_EN;
		if (fpexc & FPEXC_EX) {
			VFP_bounce(trigger, fpexc, regs);
			return true;
		}
		fmxr(FPEXC, fpexc); /* last: the VFP is the thread's again */
		return true;
	}

	/* The VFP was enabled: the instruction itself needs the support code
	 * (look_for_VFP_exceptions), or it is not a valid VFP instruction. */
	fpscr = fmrx(FPSCR);
	if (fpexc & (FPEXC_EX | FPEXC_DEX) || fpscr & FPSCR_IXE) {
		VFP_bounce(trigger, fpexc, regs);
		return true;
	}
	if (fpscr & FPSCR_LENGTH_MASK) {
		VFP_bounce(trigger, fpexc | FPEXC_DEX, regs);
		return true;
	}
	return false;
}

/* Linux's call_fpe (entry-armv.S): read the undefined user instruction
 * at regs->ARM_pc and pass it to the VFP code if it is a NEON instruction
 * or a coprocessor instruction for CP10 or CP11 (the VFP). A 32-bit
 * Thumb-2 instruction is its two halfwords, first one high.
 * RETURNS: true if the VFP code handled it. CONTEXT: IRQs on, may fault. */
bool call_fpe(struct pt_regs *regs)
{
	bool thumb = regs->ARM_cpsr & PSR_T_BIT;
	u32 instr;

	if (!thumb) {
		if (get_user(instr, (u32 __user *)regs->ARM_pc))
			return false;
		if ((instr & 0xfe000000) == 0xf2000000 || /* NEON data processing */
		    (instr & 0xff100000) == 0xf4000000) /* NEON load/store */
			return vfp_support_entry(instr, regs);
	} else {
		u16 first, second;

		if (get_user(first, (u16 __user *)regs->ARM_pc) || first < 0xe800 ||
		    get_user(second, (u16 __user *)(regs->ARM_pc + 2)))
			return false; /* a 16-bit Thumb instruction is never VFP */
		instr = (u32)first << 16 | second;
		if ((instr & 0xef000000) == 0xef000000 || (instr & 0xff100000) == 0xf9000000)
			return vfp_support_entry(instr, regs);
	}
	/* Only CDP/MCR/MRC/LDC/STC/MCRR/MRRC have bits 27 and 26 set (ARM and
	 * Thumb-2 alike); bits 11-8 are then the coprocessor number. */
	if (!(instr & 0x08000000) || !(instr & 0x04000000))
		return false;
	if (((instr >> 8) & 0xf) != 10 && ((instr >> 8) & 0xf) != 11)
		return false;
	return vfp_support_entry(instr, regs);
}

/* Let this CPU's PL1 and PL0 use CP10 and CP11 (CPACR), VFP off until a
 * thread's first use (Linux's vfp_enable). CONTEXT: each CPU, at start. */
void vfp_enable(void)
{
	u32 access;

	__asm__ __volatile__("mrc p15, 0, %0, c1, c0, 2" : "=r"(access));
	access |= 0xf << 20; /* CPACC_FULL(10) | CPACC_FULL(11) */
	__asm__ __volatile__("mcr p15, 0, %0, c1, c0, 2\n\tisb" : : "r"(access));
	fmxr(FPEXC, fmrx(FPEXC) & ~FPEXC_EN);
}

/* Linux's vfp_init: identify the VFP and tell user space what it has
 * (AT_HWCAP's VFP bits), read from FPSID and the media feature registers. */
void vfp_init(void)
{
	u32 vfpsid = fmrx(FPSID), mvfr0 = fmrx(MVFR0), mvfr1 = fmrx(MVFR1);
	u32 midr;

	__asm__("mrc p15, 0, %0, c0, c0, 0" : "=r"(midr));
	pr_info("VFP support v0.3: ");
	if ((midr & 0x000f0000) != 0x000f0000) {
		pr_cont("not present\n"); /* pre-CPUID VFPs: not on a Pi 2 */
		return;
	}
	/* NEON: the Advanced SIMD load/store, integer and single-precision
	 * instructions are all there. */
	if ((mvfr1 & 0x000fff00) == 0x00011100)
		elf_hwcap |= HWCAP_NEON;
	if (((mvfr0 >> MVFR0_DP_BIT) & 0xf) == 0x2 || ((mvfr0 >> MVFR0_SP_BIT) & 0xf) == 0x2) {
		elf_hwcap |= HWCAP_VFPv3;
		/* VFPv3 D16 and VFPv4 D16 have only 16 double registers. */
		if ((mvfr0 & MVFR0_A_SIMD_MASK) == 1)
			elf_hwcap |= HWCAP_VFPv3D16;
		else
			elf_hwcap |= HWCAP_VFPD32;
	}
	/* fused multiply-accumulate: VFPv4 */
	if ((mvfr1 & 0xf0000000) == 0x10000000)
		elf_hwcap |= HWCAP_VFPv4;
	elf_hwcap |= HWCAP_VFP;
	pr_cont("implementor %02x architecture %d part %02x variant %x rev %x\n",
		vfpsid >> FPSID_IMPLEMENTER_BIT, (vfpsid & FPSID_CPUID_ARCH_MASK) >> FPSID_ARCH_BIT,
		(vfpsid >> FPSID_PART_BIT) & 0xff, (vfpsid >> FPSID_VARIANT_BIT) & 0xf,
		vfpsid & 0xf);
}
