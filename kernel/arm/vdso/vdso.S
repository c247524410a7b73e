/* The vDSO image, built as a shared object (kernel/arm/vdso/vdso.mk),
 * embedded page-aligned in the kernel so that its pages can be mapped
 * into every process as they are (Linux 4.19's arch/arm/vdso/vdso.S).
 * VDSO_IMAGE is the stripped vdso.so's path. */
#include <asm/memory.h>

	.globl vdso_start, vdso_end
	.section .data..ro_after_init, "aw"
	.balign PAGE_SIZE
vdso_start:
	.incbin VDSO_IMAGE
	.balign PAGE_SIZE
vdso_end:

	.previous
