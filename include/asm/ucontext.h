/* The user context saved by a signal: the ARM Linux struct ucontext
 * (arch/arm/include/asm/ucontext.h) with the kernel's sigset_t, and the
 * coprocessor state that follows the registers in uc_regspace. */
#ifndef _ASMARM_UCONTEXT_H
#define _ASMARM_UCONTEXT_H

#include <linux/signal_types.h>
#include <asm/sigcontext.h>
#include <asm/user.h>

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask; /* mask last for extensibility */
	int __unused[32 - (sizeof(sigset_t) / sizeof(int))];
	/* Last for extensibility. Eight byte aligned because some
	 * coprocessors require eight byte alignment. */
	unsigned long uc_regspace[128] __attribute__((__aligned__(8)));
};

/* Coprocessor save state. The magic values and specific coprocessor's
 * layouts are part of the userspace ABI: each block starts with its magic
 * and its size, and is a multiple of eight bytes. */
#define VFP_MAGIC 0x56465001

struct vfp_sigframe {
	unsigned long magic;
	unsigned long size;
	struct user_vfp ufp;
	struct user_vfp_exc ufp_exc;
} __attribute__((__aligned__(8)));

/* 8 bytes for magic and size, 264 for ufp, 12 for ufp_exc, 4 of padding */
#define VFP_STORAGE_SIZE sizeof(struct vfp_sigframe)

/* What uc_regspace holds (not itself ABI: Linux's depends on its config;
 * the ARMv7 one has the VFP block only), then a word no magic can be. */
struct aux_sigframe {
	struct vfp_sigframe vfp;
	unsigned long end_magic;
} __attribute__((__aligned__(8)));

#endif
