/* Alignment faults from user mode (Linux 4.19's arch/arm/mm/alignment.c, in
 * its default ARMv6+ "fixup" mode): the kernel does the access itself, a
 * byte at a time, and the program goes on as if the CPU had done it.
 *
 * With SCTLR.A clear (ARMv7's unaligned access model, as Linux sets it)
 * single loads and stores of a word or less never fault; what still does is
 * LDRD/STRD and LDM/STM (and their Thumb-2 forms) at an address that is not
 * word aligned, which is what is emulated here. Simplified: Linux's
 * word/halfword handlers for older CPUs, kernel-mode fixups and the
 * /proc/cpu/alignment statistics are left out. Anything else - LDREX at an
 * odd address, say - is "not handled": SIGBUS BUS_ADRALN, as on Linux. */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include "fault.h"

#define CODING_BITS(i) (i & 0x0e000000)

#define LDST_P_BIT(i) (i & (1 << 24)) /* Preindex */
#define LDST_U_BIT(i) (i & (1 << 23)) /* Add offset */
#define LDST_W_BIT(i) (i & (1 << 21)) /* Writeback */
#define LDST_L_BIT(i) (i & (1 << 20)) /* Load */

#define LDST_P_EQ_U(i) ((((i) ^ ((i) >> 1)) & (1 << 23)) == 0)

#define LDSTHD_I_BIT(i) (i & (1 << 22)) /* double/half-word immed */
#define LDM_S_BIT(i) (i & (1 << 22))    /* write CPSR from SPSR */

#define RN_BITS(i) ((i >> 16) & 15) /* Rn */
#define RD_BITS(i) ((i >> 12) & 15) /* Rd */
#define RM_BITS(i) (i & 15)         /* Rm */

#define REGMASK_BITS(i) (i & 0xffff)

#define BAD_INSTR 0xdeadc0de

/* Thumb-2 32 bit format per ARMv7 DDI0406A A6.3, either f800h,e800h,f800h */
#define IS_T32(hi16) (((hi16) & 0xe000) == 0xe000 && ((hi16) & 0x1800))

union offset_union {
	unsigned long un;
	signed long sn;
};

#define TYPE_ERROR 0
#define TYPE_FAULT 1
#define TYPE_LDST 2
#define TYPE_DONE 3

/* Unaligned user word accesses, through the uaccess copies (byte by byte
 * with user permissions, and a fixup if the page is not there). */
#define get32t_unaligned_check(val, addr)                                      \
	do {                                                                   \
		if (copy_from_user(&(val), (const void __user *)(addr), 4))   \
			goto fault;                                            \
	} while (0)

#define put32t_unaligned_check(val, addr)                                      \
	do {                                                                   \
		unsigned long __v = (val);                                     \
		if (copy_to_user((void __user *)(addr), &__v, 4))             \
			goto fault;                                            \
	} while (0)

static void do_alignment_finish_ldst(unsigned long addr, unsigned long instr,
				     struct pt_regs *regs, union offset_union offset)
{
	if (!LDST_U_BIT(instr))
		offset.un = -offset.un;

	if (!LDST_P_BIT(instr))
		addr += offset.un;

	if (!LDST_P_BIT(instr) || LDST_W_BIT(instr))
		regs->uregs[RN_BITS(instr)] = addr;
}

static int do_alignment_ldrdstrd(unsigned long addr, unsigned long instr, struct pt_regs *regs)
{
	unsigned int rd = RD_BITS(instr);
	unsigned int rd2;
	int load;

	if ((instr & 0xfe000000) == 0xe8000000) {
		/* ARMv7 Thumb-2 32-bit LDRD/STRD */
		rd2 = (instr >> 8) & 0xf;
		load = !!(LDST_L_BIT(instr));
	} else if (((rd & 1) == 1) || (rd == 14)) {
		goto bad;
	} else {
		load = ((instr & 0xf0) == 0xd0);
		rd2 = rd + 1;
	}

	if (load) {
		unsigned long val;

		get32t_unaligned_check(val, addr);
		regs->uregs[rd] = val;
		get32t_unaligned_check(val, addr + 4);
		regs->uregs[rd2] = val;
	} else {
		put32t_unaligned_check(regs->uregs[rd], addr);
		put32t_unaligned_check(regs->uregs[rd2], addr + 4);
	}

	return TYPE_LDST;
bad:
	return TYPE_ERROR;
fault:
	return TYPE_FAULT;
}

/*
 * LDM/STM alignment handler.
 *
 * There are 4 variants of this instruction:
 *
 * B = rn pointer before instruction, A = rn pointer after instruction
 *              ------ increasing address ----->
 *	        |    | r0 | r1 | ... | rx |    |
 * PU = 01             B                    A
 * PU = 11        B                    A
 * PU = 00        A                    B
 * PU = 10             A                    B
 */
static int do_alignment_ldmstm(unsigned long addr, unsigned long instr, struct pt_regs *regs)
{
	unsigned int rd, rn, correction, nr_regs, regbits;
	unsigned long eaddr, newaddr;

	if (LDM_S_BIT(instr))
		goto bad;

	correction = 4; /* processor implementation defined */
	regs->ARM_pc += correction;

	/* count the number of registers in the mask to be transferred */
	nr_regs = __builtin_popcount(REGMASK_BITS(instr)) * 4;

	rn = RN_BITS(instr);
	newaddr = eaddr = regs->uregs[rn];

	if (!LDST_U_BIT(instr))
		nr_regs = -nr_regs;
	newaddr += nr_regs;
	if (!LDST_U_BIT(instr))
		eaddr = newaddr;

	if (LDST_P_EQ_U(instr)) /* U = P */
		eaddr += 4;

	/* This is a "hint" - we already have eaddr worked out by the
	 * processor for us. */
	if (addr != eaddr) {
		printk(KERN_ERR "LDMSTM: PC = %08lx, instr = %08lx, addr = %08lx, eaddr = %08lx\n",
		       instruction_pointer(regs), instr, addr, eaddr);
		show_regs(regs);
	}

	for (regbits = REGMASK_BITS(instr), rd = 0; regbits; regbits >>= 1, rd += 1)
		if (regbits & 1) {
			if (LDST_L_BIT(instr)) {
				unsigned int val;

				get32t_unaligned_check(val, eaddr);
				regs->uregs[rd] = val;
			} else {
				put32t_unaligned_check(regs->uregs[rd], eaddr);
			}
			eaddr += 4;
		}

	if (LDST_W_BIT(instr))
		regs->uregs[rn] = newaddr;
	if (!LDST_L_BIT(instr) || !(REGMASK_BITS(instr) & (1 << 15)))
		regs->ARM_pc -= correction;
	return TYPE_DONE;

fault:
	regs->ARM_pc -= correction;
	return TYPE_FAULT;

bad:
	printk(KERN_ERR "Alignment trap: not handling ldm with s-bit set\n");
	return TYPE_ERROR;
}

/*
 * Convert the 16-bit Thumb load/store multiple forms (the only 16-bit ones
 * that can fault when SCTLR.A is clear) to the equivalent ARM instruction,
 * so that the ARM handler serves Thumb too (Linux's thumb2arm, reduced to
 * those forms). RETURNS: the ARM instruction, or BAD_INSTR.
 */
static unsigned long thumb2arm(u16 tinstr)
{
	u32 L = (tinstr & (1 << 11)) >> 11;

	switch ((tinstr & 0xf800) >> 11) {
	/* 6.6.1 Format 1: */
	case 0xc000 >> 11: /* 7.1.51 STMIA */
	case 0xc800 >> 11: /* 7.1.25 LDMIA */
	{
		u32 Rn = (tinstr & (7 << 8)) >> 8;
		u32 W = ((L << Rn) & (tinstr & 255)) ? 0 : 1 << 21;

		return 0xe8800000 | W | (L << 20) | (Rn << 16) | (tinstr & 255);
	}

	/* 6.6.1 Format 2: */
	case 0xb000 >> 11: /* 7.1.48 PUSH */
	case 0xb800 >> 11: /* 7.1.47 POP */
		if ((tinstr & (3 << 9)) == 0x0400) {
			static const u32 subset[4] = {
				0xe92d0000, /* STMDB sp!,{registers} */
				0xe92d4000, /* STMDB sp!,{registers,lr} */
				0xe8bd0000, /* LDMIA sp!,{registers} */
				0xe8bd8000  /* LDMIA sp!,{registers,pc} */
			};
			return subset[(L << 1) | ((tinstr & (1 << 8)) >> 8)] |
			       (tinstr & 255); /* register_list */
		}
		/* Else fall through for illegal instruction case */
		/* fall through */
	default:
		return BAD_INSTR;
	}
}

typedef int (*alignment_handler)(unsigned long addr, unsigned long instr, struct pt_regs *regs);

/*
 * Convert Thumb-2 32 bit LDM, STM, LDRD, STRD to equivalent instruction
 * handlable by ARM alignment handler, also find the corresponding handler,
 * so that we can reuse ARM userland alignment fault fixups for Thumb.
 *
 * @pinstr: original Thumb-2 instruction; returns new handlable instruction
 * @regs: register context.
 * @poffset: return offset from faulted addr for later writeback
 */
static alignment_handler do_alignment_t32_to_handler(unsigned long *pinstr, struct pt_regs *regs,
						     union offset_union *poffset)
{
	unsigned long instr = *pinstr;
	u16 tinst1 = (instr >> 16) & 0xffff;
	u16 tinst2 = instr & 0xffff;

	switch (tinst1 & 0xffe0) {
	/* A6.3.5 Load/Store multiple */
	case 0xe880: /* STM/STMIA/STMEA,LDM/LDMIA, PUSH/POP T2 */
	case 0xe8a0: /* ...above writeback version */
	case 0xe900: /* STMDB/STMFD, LDMDB/LDMEA */
	case 0xe920: /* ...above writeback version */
		/* no need offset decision since handler calculates it */
		return do_alignment_ldmstm;

	case 0xf840: /* POP/PUSH T3 (single register) */
		if (RN_BITS(instr) == 13 && (tinst2 & 0x09ff) == 0x0904) {
			u32 L = !!(LDST_L_BIT(instr));
			const u32 subset[2] = {
				0xe92d0000, /* STMDB sp!,{registers} */
				0xe8bd0000, /* LDMIA sp!,{registers} */
			};
			*pinstr = subset[L] | (1 << RD_BITS(instr));
			return do_alignment_ldmstm;
		}
		/* Else fall through for illegal instruction case */
		break;

	/* A6.3.6 Load/store double, STRD/LDRD(immed, lit, reg) */
	case 0xe860:
	case 0xe960:
	case 0xe8e0:
	case 0xe9e0:
		poffset->un = (tinst2 & 0xff) << 2;
		/* fall through */
	case 0xe940:
	case 0xe9c0:
		return do_alignment_ldrdstrd;

	/* No need to handle load/store instructions up to word size since
	 * ARMv6 and later CPUs can perform unaligned accesses. */
	default:
		break;
	}
	return NULL;
}

/* The data abort handler for an alignment fault (fault status 1).
 * RETURNS: 0 if handled (emulated, or a SIGSEGV for a bad address), 1 if
 * not: do_DataAbort then sends SIGBUS BUS_ADRALN. */
int do_alignment(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	union offset_union offset = { 0 };
	unsigned long instr = 0, instrptr;
	alignment_handler handler;
	unsigned int type;
	int fault;
	u16 tinstr = 0;
	int isize = 4;
	int thumb2_32b = 0;

	if (!user_mode(regs))
		return 1;

	instrptr = instruction_pointer(regs);

	if (regs->ARM_cpsr & PSR_T_BIT) {
		u16 __user *ptr = (u16 __user *)(instrptr & ~1);

		fault = get_user(tinstr, ptr);
		if (!fault) {
			if (IS_T32(tinstr)) {
				/* Thumb-2 32-bit */
				u16 tinst2 = 0;

				fault = get_user(tinst2, ptr + 1);
				instr = ((u32)tinstr << 16) | tinst2;
				thumb2_32b = 1;
			} else {
				isize = 2;
				instr = thumb2arm(tinstr);
			}
		}
	} else {
		fault = get_user(instr, (u32 __user *)instrptr);
	}

	if (fault) {
		type = TYPE_FAULT;
		goto bad_or_fault;
	}

	regs->ARM_pc += isize;

	switch (CODING_BITS(instr)) {
	case 0x00000000: /* 3.13.4 load/store instruction extensions */
		if (LDSTHD_I_BIT(instr))
			offset.un = (instr & 0xf00) >> 4 | (instr & 15);
		else
			offset.un = regs->uregs[RM_BITS(instr)];

		if ((instr & 0x001000f0) == 0x000000d0 || /* LDRD */
		    (instr & 0x001000f0) == 0x000000f0)   /* STRD */
			handler = do_alignment_ldrdstrd;
		else
			goto bad;
		break;

	case 0x08000000: /* ldm or stm, or thumb-2 32bit instruction */
		if (thumb2_32b)
			handler = do_alignment_t32_to_handler(&instr, regs, &offset);
		else
			handler = do_alignment_ldmstm;
		break;

	default:
		goto bad;
	}

	if (!handler)
		goto bad;
	type = handler(addr, instr, regs);

	if (type == TYPE_ERROR || type == TYPE_FAULT) {
		regs->ARM_pc -= isize;
		goto bad_or_fault;
	}

	if (type == TYPE_LDST)
		do_alignment_finish_ldst(addr, instr, regs, offset);

	return 0;

bad_or_fault:
	if (type == TYPE_ERROR)
		goto bad;
	/* We got a fault - fix it up, or die. */
	do_bad_area(addr, fsr, regs);
	return 0;

bad:
	/* Oops, we didn't handle the instruction. (As in Linux, the pc
	 * stays past it: a SIGBUS handler that returns skips it.) */
	printk(KERN_ERR "Alignment trap: not handling instruction %0*lx at [<%08lx>]\n", isize << 1,
	       isize == 2 ? tinstr : instr, instrptr);
	return 1;
}
