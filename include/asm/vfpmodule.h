/* The VFP code's entry points for the rest of the kernel
 * (kernel/arm/vfp/vfpmodule.c; Linux's thread_notify listeners and
 * arch/arm/include/asm/thread_info.h vfp_* declarations). */
#ifndef _ASM_VFPMODULE_H
#define _ASM_VFPMODULE_H

#include <linux/types.h>

struct pt_regs;
struct thread_info;
struct user_vfp;
struct user_vfp_exc;

void vfp_enable(void);
void vfp_init(void);
void vfp_thread_switch(struct thread_info *next);
void vfp_thread_flush(struct thread_info *thread);
void vfp_thread_exit(struct thread_info *thread);
void vfp_thread_copy(struct thread_info *thread);
void vfp_sync_hwstate(struct thread_info *thread);
void vfp_flush_hwstate(struct thread_info *thread);
int vfp_preserve_user_clear_hwstate(struct user_vfp *ufp, struct user_vfp_exc *ufp_exc);
int vfp_restore_user_hwstate(struct user_vfp *ufp, struct user_vfp_exc *ufp_exc);
bool call_fpe(struct pt_regs *regs);

#endif
