/* Assembly helpers shared by the .S files (Linux's
 * arch/arm/include/asm/assembler.h, the part we use). */
#ifndef _ASM_ASSEMBLER_H
#define _ASM_ASSEMBLER_H

#ifdef __ASSEMBLY__
/* USERL(label, insn): an instruction that touches a user address. If it
 * faults and the page fault handler cannot map the page, execution resumes
 * at label (the exception table, arch/arm/mm/extable.c). USER(insn) resumes
 * at the local label 9001 after it. */
#define USERL(l, x...)				\
9999:	x;					\
	.pushsection __ex_table,"a";		\
	.align	2;				\
	.long	9999b,l;			\
	.popsection

#define USER(x...) USERL(9001f, x)
#endif

#endif
