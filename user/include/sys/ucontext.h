/* The context an ARM Linux signal frame saves, the third argument of an
 * SA_SIGINFO handler (arch/arm/include/asm/ucontext.h's struct ucontext). */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <signal.h>
#include <asm/sigcontext.h>

typedef struct sigcontext mcontext_t;

typedef struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	mcontext_t uc_mcontext;
	sigset_t uc_sigmask;
	/* Allow for uc_sigmask growth.  Glibc uses a 1024-bit sigset_t. */
	int __reserved[32 - (sizeof(sigset_t) / sizeof(int))];
	/* Last for extensibility.  Eight byte aligned because some
	   coprocessors require eight byte alignment. */
	unsigned long uc_regspace[128] __attribute__((__aligned__(8)));
} ucontext_t;

#endif
