/* The vDSO as the rest of the kernel sees it (Linux 4.19's
 * arch/arm/include/asm/vdso.h): its image, embedded by
 * kernel/arm/vdso/vdso.S, and the call exec makes to map it. */
#ifndef __ASM_VDSO_H
#define __ASM_VDSO_H

struct mm_struct;

extern char vdso_start[], vdso_end[];

/* Map [vvar] at @addr and [vdso] above it into @mm, setting
 * mm->context.vdso (0 if it could not). CONTEXT: mm->mmap_lock held. */
void arm_install_vdso(struct mm_struct *mm, unsigned long addr);
/* Check the image and find its pages (boot, before the first exec). */
void vdso_init(void);

#endif
