/* Validation of an ELF32 ARM executable (or of its interpreter, ld.so)
 * before exec loads it: the checks of Linux's load_elf_binary()
 * (fs/binfmt_elf.c) and elf_check_arch() (arch/arm/kernel/elf.c), made
 * strict enough that the loader can trust every offset and address it is
 * given. */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/memory.h>

/*
 * Linux's elf_check_arch() for a Cortex-A7 (which has Thumb and VFP, and no
 * 26-bit mode), plus one rule of ours: Linux also runs OABI and older EABI
 * binaries, but our system calls follow EABI version 5 only.
 * RETURNS: NULL if the header is for this machine, else why not.
 */
static const char *elf_check_arch(const Elf32_Ehdr *ehdr)
{
	if (ehdr->e_machine != EM_ARM)
		return "not an ARM executable";
	if (!(ehdr->e_entry & 1) && (ehdr->e_entry & 3))
		return "ARM entry point not 4-byte aligned";
	if ((ehdr->e_flags & EF_ARM_EABI_MASK) != EF_ARM_EABI_VER5)
		return "not EABI version 5";
	return NULL;
}

static const char *check_ehdr(const Elf32_Ehdr *ehdr)
{
	if (memcmp(ehdr->e_ident, ELFMAG, SELFMAG) != 0)
		return "bad ELF magic";
	if (ehdr->e_ident[EI_CLASS] != ELF_CLASS)
		return "not ELFCLASS32";
	if (ehdr->e_ident[EI_DATA] != ELF_DATA)
		return "not little-endian";
	if (ehdr->e_ident[EI_VERSION] != EV_CURRENT || ehdr->e_version != EV_CURRENT)
		return "bad ELF version";
	if (ehdr->e_type != ET_EXEC && ehdr->e_type != ET_DYN)
		return "not an executable (e_type)";
	return elf_check_arch(ehdr);
}

/*
 * Check one PT_LOAD against the file, the address space and the PT_LOAD
 * before it (@prev, NULL for the first). Lengths are added in u64 so that
 * no sum can wrap.
 */
static const char *check_load(const Elf32_Phdr *ph, const struct elf_load_segment *prev,
			      u64 len, bool dyn)
{
	if (ph->p_filesz > ph->p_memsz)
		return "PT_LOAD with p_filesz > p_memsz";
	if ((u64)ph->p_offset + ph->p_filesz > len)
		return "PT_LOAD data past the end of the file";
	if ((u64)ph->p_vaddr + ph->p_memsz > TASK_SIZE)
		return "PT_LOAD above TASK_SIZE";
	/* An ET_DYN's addresses are offsets from where it is loaded. */
	if (!dyn && (ph->p_vaddr & ~(ELF_EXEC_PAGESIZE - 1)) < MMAP_MIN_ADDR)
		return "PT_LOAD in the first page (below mmap_min_addr)";
	if ((ph->p_vaddr - ph->p_offset) & (ELF_EXEC_PAGESIZE - 1))
		return "PT_LOAD p_vaddr and p_offset differ modulo the page size";
	if (prev && ph->p_vaddr < prev->vaddr)
		return "PT_LOAD segments not in ascending p_vaddr order";
	if (prev && ph->p_vaddr < (u64)prev->vaddr + prev->memsz)
		return "PT_LOAD segments overlap";
	return NULL;
}

/* Fill in the totals load_elf_binary() keeps in mm (start_code, brk, ...). */
static void account_load(struct elf_exec_info *out, const struct elf_load_segment *seg)
{
	u32 file_end = seg->vaddr + seg->filesz;
	u32 mem_end = seg->vaddr + seg->memsz;

	out->start_code = min(out->start_code, seg->vaddr);
	out->start_data = max(out->start_data, seg->vaddr);
	if (seg->flags & PF_X)
		out->end_code = max(out->end_code, file_end);
	out->end_data = max(out->end_data, file_end);
	out->elf_bss = max(out->elf_bss, file_end);
	out->start_brk = max(out->start_brk, mem_end);
}

static bool entry_is_executable(const struct elf_exec_info *out)
{
	u32 entry = out->entry & ~1u;
	unsigned int i;

	for (i = 0; i < out->nr_loads; i++) {
		const struct elf_load_segment *seg = &out->loads[i];

		if ((seg->flags & PF_X) && entry >= seg->vaddr &&
		    entry - seg->vaddr < seg->filesz)
			return true;
	}
	return false;
}

/* The interpreter's name: Linux reads at most PATH_MAX bytes, NUL-ended. */
static const char *check_interp(const Elf32_Phdr *ph, u64 len, struct elf_exec_info *out)
{
	if (out->interp_size)
		return NULL; /* the first PT_INTERP counts */
	if (ph->p_filesz < 2 || ph->p_filesz > PATH_MAX)
		return "PT_INTERP name shorter than 2 or longer than PATH_MAX";
	if ((u64)ph->p_offset + ph->p_filesz > len)
		return "PT_INTERP past the end of the file";
	out->interp_offset = ph->p_offset;
	out->interp_size = ph->p_filesz;
	return NULL;
}

/*
 * Walk the program headers: check and record each PT_LOAD and PT_INTERP,
 * note PT_GNU_STACK, ignore the rest (PT_DYNAMIC, PT_NOTE, PT_ARM_EXIDX,
 * PT_TLS, ...) as Linux does.
 */
static const char *check_phdrs(const Elf32_Phdr *phdrs, u64 len, const Elf32_Ehdr *ehdr,
			       struct elf_exec_info *out)
{
	unsigned int i;

	for (i = 0; i < ehdr->e_phnum; i++) {
		Elf32_Phdr ph;
		struct elf_load_segment *seg;
		const char *reason;

		memcpy(&ph, phdrs + i, sizeof(ph));
		if (ph.p_type == PT_INTERP && (reason = check_interp(&ph, len, out)))
			return reason;
		if (ph.p_type == PT_GNU_STACK)
			out->exec_stack = ph.p_flags & PF_X;
		if (ph.p_type != PT_LOAD)
			continue;
		if (out->nr_loads == ELF_MAX_LOADS)
			return "too many PT_LOAD segments";
		reason = check_load(&ph, out->nr_loads ? &out->loads[out->nr_loads - 1] : NULL,
				    len, ehdr->e_type == ET_DYN);
		if (reason)
			return reason;
		seg = &out->loads[out->nr_loads++];
		seg->vaddr = ph.p_vaddr;
		seg->memsz = ph.p_memsz;
		seg->offset = ph.p_offset;
		seg->filesz = ph.p_filesz;
		seg->flags = ph.p_flags & (PF_R | PF_W | PF_X);
		if (out->nr_loads == 1)
			/* load_addr + e_phoff, as create_elf_tables() gives AT_PHDR */
			out->phdr_addr = ph.p_vaddr - ph.p_offset + ehdr->e_phoff;
		account_load(out, seg);
	}
	if (out->nr_loads == 0)
		return "no PT_LOAD segment";
	if (!entry_is_executable(out))
		return "entry point outside the executable segments";
	return NULL;
}

/**
 * elf_check_ehdr - check an ELF header, the first step of elf_check_exec
 * @ehdr: the file's first sizeof(Elf32_Ehdr) bytes
 * @len: the file's size
 * @out: cleared, then e_entry, e_phnum and the phdr table's place noted
 *
 * Accepts a little-endian ELF32 ET_EXEC or ET_DYN for ARM EABI 5 whose
 * program header table lies in the file and is at most a page (Linux's
 * load_elf_phdrs() refuses more).
 * RETURNS: 0, or -ENOEXEC with out->reason set.
 */
int elf_check_ehdr(const Elf32_Ehdr *ehdr, u64 len, struct elf_exec_info *out)
{
	memset(out, 0, sizeof(*out));
	out->start_code = ~0u;
	out->type = ehdr->e_type;
	out->entry = ehdr->e_entry;
	out->phnum = ehdr->e_phnum;
	out->phoff = ehdr->e_phoff;
	out->phent = sizeof(Elf32_Phdr);
	out->reason = check_ehdr(ehdr);
	if (!out->reason && ehdr->e_phentsize != sizeof(Elf32_Phdr))
		out->reason = "bad e_phentsize";
	if (!out->reason && (ehdr->e_phnum < 1 || ehdr->e_phnum > 65536u / sizeof(Elf32_Phdr)))
		out->reason = "bad e_phnum";
	if (!out->reason && (u64)ehdr->e_phoff + ehdr->e_phnum * sizeof(Elf32_Phdr) > len)
		out->reason = "program headers past the end of the file";
	if (!out->reason && ehdr->e_phnum * sizeof(Elf32_Phdr) > ELF_EXEC_PAGESIZE)
		out->reason = "program headers larger than a page";
	return out->reason ? -ENOEXEC : 0;
}

/**
 * elf_check_phdrs - check the program headers, the second step
 * @phdrs: the e_phnum headers elf_check_ehdr() located, at any alignment
 *
 * Accepts PT_LOADs that lie inside the file, between MMAP_MIN_ADDR (for
 * ET_EXEC) and TASK_SIZE, in ascending order without overlapping, with
 * p_vaddr and p_offset congruent modulo the page size, and an entry point
 * in an executable segment's file-backed bytes; a PT_INTERP name inside
 * the file, of 2 to PATH_MAX bytes (the loader checks its NUL).
 * RETURNS: 0, or -ENOEXEC with out->reason set.
 */
int elf_check_phdrs(const Elf32_Ehdr *ehdr, const void *phdrs, u64 len, struct elf_exec_info *out)
{
	out->reason = check_phdrs(phdrs, len, ehdr, out);
	if (out->reason)
		return -ENOEXEC;
	out->start_brk = ALIGN(out->start_brk, (u32)ELF_EXEC_PAGESIZE);
	return 0;
}

/**
 * elf_check_exec - validate an executable image and describe how to load it
 * @image: the whole file, at any alignment
 * @len: its size in bytes
 * @out: filled in; on failure only out->reason is meaningful
 *
 * elf_check_ehdr() then elf_check_phdrs(), for a file wholly in memory.
 * CONTEXT: any; reads @image only.
 * RETURNS: 0, or -ENOEXEC with out->reason set. Linux gives -EIO for a
 * short program header table and -EINVAL for a segment beyond TASK_SIZE;
 * here everything the loader cannot use is -ENOEXEC.
 */
int elf_check_exec(const void *image, size_t len, struct elf_exec_info *out)
{
	Elf32_Ehdr ehdr;

	if (len < sizeof(ehdr)) {
		memset(out, 0, sizeof(*out));
		out->reason = "shorter than an ELF header";
		return -ENOEXEC;
	}
	memcpy(&ehdr, image, sizeof(ehdr));
	if (elf_check_ehdr(&ehdr, len, out))
		return -ENOEXEC;
	return elf_check_phdrs(&ehdr, (const u8 *)image + ehdr.e_phoff, len, out);
}
