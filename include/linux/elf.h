/* The kernel's side of ELF: ARM's e_flags, and elf_check_exec(), which
 * validates an ARM executable or interpreter before exec loads it (the
 * checks of Linux's fs/binfmt_elf.c load_elf_binary() and
 * arch/arm/kernel/elf.c). */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>
#include <asm/memory.h>
#include <uapi/linux/elf.h>

#define elfhdr elf32_hdr
#define elf_phdr elf32_phdr

/* What this kernel runs (arch/arm/include/asm/elf.h). */
#define ELF_CLASS ELFCLASS32
#define ELF_DATA ELFDATA2LSB
#define ELF_ARCH EM_ARM
#define ELF_EXEC_PAGESIZE 4096

#define EF_ARM_EABI_MASK 0xff000000
#define EF_ARM_EABI_UNKNOWN 0x00000000
#define EF_ARM_EABI_VER4 0x04000000
#define EF_ARM_EABI_VER5 0x05000000
#define EF_ARM_APCS_26 0x08

#define PT_ARM_EXIDX (PT_LOPROC + 1)	/* unwind table, inside a PT_LOAD */

/* Lowest address a segment may occupy: Linux's default mmap_min_addr, which
 * keeps page 0 unmapped so that NULL pointers fault. */

/* At most this many PT_LOADs; a linker makes 1 to 3. */
#define ELF_MAX_LOADS 16

struct elf_load_segment {
	u32 vaddr;
	u32 memsz;
	u32 offset;
	u32 filesz;
	u32 flags;		/* PF_R | PF_W | PF_X */
};

/*
 * What the loader needs from a valid executable. Segments are in the file's
 * order, which is ascending p_vaddr. Two may share a page when their bytes
 * do not overlap (GNU ld does that for -N/-n and small page sizes): the
 * loader then maps that page once, with the union of both segments'
 * permissions, and copies each segment's bytes into it. Linux maps each
 * segment separately and the later mapping replaces the shared page, which
 * drops the earlier segment's permissions; the union keeps both segments
 * working.
 */
struct elf_exec_info {
	u32 type;		/* ET_EXEC, or ET_DYN: addresses relative to a load bias */
	u32 entry;		/* e_entry; bit 0 set means a Thumb entry point */
	u32 phoff;		/* e_phoff */
	u32 phdr_addr;		/* AT_PHDR */
	u32 phnum;		/* AT_PHNUM */
	u32 phent;		/* AT_PHENT */
	u32 start_code, end_code;	/* mm->start_code etc., as Linux computes them */
	u32 start_data, end_data;
	u32 elf_bss;		/* end of the highest file-backed byte */
	u32 start_brk;		/* page-aligned end of the highest segment */
	bool exec_stack;	/* PT_GNU_STACK asked for PF_X */
	u32 interp_offset, interp_size;	/* PT_INTERP's name in the file; size 0: none */
	unsigned int nr_loads;
	struct elf_load_segment loads[ELF_MAX_LOADS];
	const char *reason;	/* why elf_check_exec() refused, for a log line */
};

int elf_check_ehdr(const Elf32_Ehdr *ehdr, u64 len, struct elf_exec_info *out);
int elf_check_phdrs(const Elf32_Ehdr *ehdr, const void *phdrs, u64 len,
		    struct elf_exec_info *out);
int elf_check_exec(const void *image, size_t len, struct elf_exec_info *out);

#endif
