/* The user context saved by a signal: the ARM Linux struct ucontext
 * (arch/arm/include/asm/ucontext.h) with the kernel's sigset_t. */
#ifndef _ASMARM_UCONTEXT_H
#define _ASMARM_UCONTEXT_H

#include <linux/signal_types.h>
#include <asm/sigcontext.h>

struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask; /* mask last for extensibility */
	int __unused[32 - (sizeof(sigset_t) / sizeof(int))];
	/* Coprocessor state (VFP, iWMMXt): none here, so it holds only the
	 * terminating zero word Linux's aux_sigframe ends with. */
	unsigned long uc_regspace[128] __attribute__((__aligned__(8)));
};

#endif
