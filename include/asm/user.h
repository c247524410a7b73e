/* The VFP registers as user space sees them in a signal frame (Linux's
 * arch/arm/include/asm/user.h struct user_vfp and user_vfp_exc). */
#ifndef _ASM_USER_H
#define _ASM_USER_H

#include <linux/types.h>

struct user_vfp {
	unsigned long long fpregs[32];
	unsigned long fpscr;
};

struct user_vfp_exc {
	unsigned long fpexc;
	unsigned long fpinst;
	unsigned long fpinst2;
};

#endif
