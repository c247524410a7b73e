/* vfp_bounce: a VFP instruction the hardware hands to the kernel's support
 * code. VFPv4 has no short vectors, so with FPSCR's vector length set the
 * Cortex-A7 (and QEMU) makes every VFP data-processing instruction
 * undefined. Linux emulates it in software; this kernel has no emulator and
 * answers as Linux does for what its emulator cannot handle: SIGFPE with
 * FPE_FLTINV at the instruction, resuming after it. The handler clears the
 * vector length in the frame's VFP block, so the program goes on normally.
 * Runs on this kernel only (tests/qemu/cases_glibc.py): on Linux the
 * emulated instruction completes and no signal comes. */
#pragma GCC target("fpu=neon-vfpv4")
#include <signal.h>
#include <stdio.h>
#include <ucontext.h>

#define VFP_MAGIC 0x56465001
#define FPSCR_LENGTH_MASK (7u << 16)

extern char bounce_insn[];
static volatile int code;
static void *volatile addr;

static void on_fpe(int sig, siginfo_t *info, void *ctx)
{
	unsigned long *block = ((ucontext_t *)ctx)->uc_regspace;

	code = info->si_code;
	addr = info->si_addr;
	while (block[0] != 0 && block[0] != VFP_MAGIC)
		block += block[1] / sizeof(long);
	if (block[0] == VFP_MAGIC)
		block[2 + 64] &= ~FPSCR_LENGTH_MASK; /* ufp.fpscr, after d0-d31 */
}

int main(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO, .sa_sigaction = on_fpe };
	volatile float x = 1.5f;
	unsigned int fpscr;

	sigaction(SIGFPE, &sa, NULL);
	__asm__ __volatile__("vmrs	%0, fpscr\n\t"
			     "orr	%0, %0, #(1 << 16)\n\t" /* LEN = 1: vectors of two */
			     "vmsr	fpscr, %0\n\t"
			     ".globl	bounce_insn\n"
			     "bounce_insn:\n\t"
			     "vadd.f32	s16, s16, s16\n\t"
			     "vmrs	%0, fpscr"
			     : "=&r"(fpscr) : : "s16", "memory");
	printf("FPSCR.LEN=1 then vadd.f32: SIGFPE si_code %d (%s), at the instruction: %s\n", code,
	       code == FPE_FLTINV ? "FPE_FLTINV" : "?",
	       addr == (void *)((unsigned long)bounce_insn & ~1UL) ? "yes" : "NO");
	printf("after the handler: FPSCR.LEN %u, and x * 2 = %.1f\n", (fpscr >> 16) & 7, x * 2);
	return 0;
}
