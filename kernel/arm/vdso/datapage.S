/* __get_datapage: where the vDSO's data page ([vvar]) is, found
 * PC-relatively since it is mapped just below the vDSO's first page
 * wherever that lands (Linux 4.19's arch/arm/vdso/datapage.S). */
#include <asm/memory.h>

#define VDSO_DATA_SIZE PAGE_SIZE

	.text
	.align 2
.L_vdso_data_ptr:
	.long	_start - . - VDSO_DATA_SIZE

	.globl	__get_datapage
	.type	__get_datapage, %function
__get_datapage:
	.fnstart
	adr	r0, .L_vdso_data_ptr
	ldr	r1, [r0]
	add	r0, r0, r1
	bx	lr
	.fnend
	.size	__get_datapage, . - __get_datapage
