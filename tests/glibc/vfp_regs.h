/* vfp_hold() for the VFP tests: all 32 double registers and FPSCR loaded
 * from memory, kept live across a spin and a system call, then stored, in
 * one asm block so that the compiler cannot touch them in between. */
#pragma GCC target("fpu=neon-vfpv4")
#include <stdint.h>

struct vfp_regs {
	uint64_t d[32];
	uint32_t fpscr;
};

/* Load in, spin until *stop is non-zero or spins run out (at least one),
 * make system call nr(a0, a1), then store the registers into out.
 * RETURNS: the system call's result. */
static inline long vfp_hold(const struct vfp_regs *in, struct vfp_regs *out, long spins,
			    volatile int *stop, long nr, long a0, long a1)
{
	register long r0 __asm__("r0") = a0;
	register long r1 __asm__("r1") = a1;
	register long r7 __asm__("r7") = nr;

	__asm__ __volatile__(
		"vldmia	%[in], {d0-d15}\n\t"
		"add	ip, %[in], #128\n\t"
		"vldmia	ip, {d16-d31}\n\t"
		"ldr	ip, [%[in], #256]\n\t"
		"vmsr	fpscr, ip\n"
		"1:\n\t"
		"ldr	ip, [%[stop]]\n\t"
		"cmp	ip, #0\n\t"
		"bne	2f\n\t"
		"subs	%[spins], %[spins], #1\n\t"
		"bne	1b\n"
		"2:\n\t"
		"svc	#0\n\t"
		"vstmia	%[out], {d0-d15}\n\t"
		"add	ip, %[out], #128\n\t"
		"vstmia	ip, {d16-d31}\n\t"
		"vmrs	ip, fpscr\n\t"
		"str	ip, [%[out], #256]"
		: "+r"(r0), [spins] "+r"(spins)
		: [in] "r"(in), [out] "r"(out), [stop] "r"(stop), "r"(r1), "r"(r7)
		: "ip", "memory", "cc", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9",
		  "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21",
		  "d22", "d23", "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31");
	return r0;
}

/* A pattern no other seed gives: every register and FPSCR's rounding
 * mode, flush-to-zero and default-NaN bits differ by seed. */
static inline void vfp_pattern(struct vfp_regs *r, unsigned int seed)
{
	for (int i = 0; i < 32; i++)
		r->d[i] = ((uint64_t)(seed * 0x9e3779b9u + i) << 32) | (seed << 8 | i);
	r->fpscr = (seed & 3) << 22 | ((seed >> 2) & 3) << 24;
}

/* RETURNS: the first register that differs (32 for FPSCR), or -1. */
static inline int vfp_compare(const struct vfp_regs *a, const struct vfp_regs *b)
{
	for (int i = 0; i < 32; i++)
		if (a->d[i] != b->d[i])
			return i;
	return a->fpscr != b->fpscr ? 32 : -1;
}
