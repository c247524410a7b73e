/* ARMv7 short-descriptor translation table bits (ARM ARM B3.5.1;
 * Linux's arch/arm/include/asm/pgtable-2level-hwdef.h). */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

/* First level: 1 MiB sections and pointers to second-level tables. */
#define PMD_TYPE_TABLE 0x00000001
#define PMD_TYPE_SECT 0x00000002
#define PMD_SECT_BUFFERABLE 0x00000004
#define PMD_SECT_CACHEABLE 0x00000008
#define PMD_SECT_XN 0x00000010
#define PMD_SECT_AP_WRITE 0x00000400 /* AP[0]: with APX=0, AP=01 is kernel RW, user none */
#define PMD_SECT_AP_READ 0x00000800
#define PMD_SECT_TEX(x) ((x) << 12)
#define PMD_SECT_APX 0x00008000
#define PMD_SECT_S 0x00010000
#define PMD_SECT_nG 0x00020000

/* Normal memory, write-back write-allocate (TEX=001 C=1 B=1), shareable so that
 * the four cores' caches keep it coherent. */
#define PMD_SECT_KERNEL (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_TEX(1) | \
			 PMD_SECT_CACHEABLE | PMD_SECT_BUFFERABLE | PMD_SECT_S)
/* Shareable Device (TEX=000 C=0 B=1), never executable: peripheral registers. */
#define PMD_SECT_DEVICE (PMD_TYPE_SECT | PMD_SECT_AP_WRITE | PMD_SECT_BUFFERABLE | PMD_SECT_XN)

/* Second level: 4 KiB small pages. */
#define PTE_TYPE_SMALL 0x00000002
#define PTE_XN 0x00000001
#define PTE_BUFFERABLE 0x00000004
#define PTE_CACHEABLE 0x00000008
#define PTE_AP0 0x00000010
#define PTE_AP1 0x00000020
#define PTE_TEX(x) ((x) << 6)
#define PTE_APX 0x00000200
#define PTE_S 0x00000400
#define PTE_nG 0x00000800

/* TTBRx attributes: inner and outer write-back write-allocate, shareable.
 * With the Multiprocessing Extensions IRGN[0] is bit 6 and IRGN[1] bit 0. */
#define TTB_FLAGS 0x4A

#endif
