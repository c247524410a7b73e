/* Find every mcount call site of the linked kernel and write them as the
 * __mcount_loc table, which ftrace_init() patches to NOPs at boot (Linux's
 * scripts/recordmcount.c, which reads each object's relocations; we read
 * the linked image instead: in ARM code, as the ELF mapping symbols $a/$d
 * delimit it, every `bl __gnu_mcount_nc` is a call site, and -pg emits
 * each one right after a `push {lr}`).
 *
 *   recordmcount kernel.elf > mcount.S
 */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MCOUNT_NAME "__gnu_mcount_nc"
#define PUSH_LR 0xe52de004u /* str lr, [sp, #-4]! */

struct image {
	const unsigned char *data;
	size_t size;
	const Elf32_Ehdr *ehdr;
	const Elf32_Shdr *shdr;
};

/* One mapping symbol: from @addr on, section @shndx holds ARM code or data. */
struct mapping {
	unsigned int shndx;
	uint32_t addr;
	char kind; /* 'a' ARM code, 't' Thumb code, 'd' data */
};

static const char *prog = "recordmcount";

static void die(const char *what)
{
	fprintf(stderr, "%s: %s\n", prog, what);
	exit(1);
}

/* The @size bytes at @off of the file, or die if they are not all there. */
static const void *at(const struct image *im, size_t off, size_t size)
{
	if (off > im->size || size > im->size - off)
		die("truncated or corrupt ELF file");
	return im->data + off;
}

static const Elf32_Shdr *section(const struct image *im, unsigned int i)
{
	if (i >= im->ehdr->e_shnum)
		die("bad section index");
	return &im->shdr[i];
}

static uint32_t read32(const struct image *im, const Elf32_Shdr *sh, uint32_t addr)
{
	uint32_t word;

	memcpy(&word, at(im, sh->sh_offset + (addr - sh->sh_addr), 4), 4);
	return word;
}

static int by_section_and_addr(const void *a, const void *b)
{
	const struct mapping *x = a, *y = b;

	if (x->shndx != y->shndx)
		return x->shndx < y->shndx ? -1 : 1;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Read the file and check it is a little-endian 32-bit ARM ELF. */
static void load(struct image *im, const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n;

	if (!f) {
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
		exit(1);
	}
	im->size = 0;
	do {
		if (im->size == cap) {
			cap = cap ? 2 * cap : 1 << 20;
			buf = realloc(buf, cap);
			if (!buf)
				die("out of memory");
		}
		n = fread(buf + im->size, 1, cap - im->size, f);
		im->size += n;
	} while (n);
	fclose(f);
	im->data = buf;
	im->ehdr = at(im, 0, sizeof(Elf32_Ehdr));
	if (memcmp(im->ehdr->e_ident, ELFMAG, SELFMAG) || im->ehdr->e_ident[EI_CLASS] != ELFCLASS32 ||
	    im->ehdr->e_ident[EI_DATA] != ELFDATA2LSB || im->ehdr->e_machine != EM_ARM)
		die("not a little-endian 32-bit ARM ELF file");
	if (im->ehdr->e_shentsize != sizeof(Elf32_Shdr))
		die("unexpected section header size");
	im->shdr = at(im, im->ehdr->e_shoff, (size_t)im->ehdr->e_shnum * sizeof(Elf32_Shdr));
}

/*
 * From the symbol table: the address of __gnu_mcount_nc, and the mapping
 * symbols of the executable sections, sorted. RETURNS: how many mappings.
 */
static size_t read_symbols(const struct image *im, uint32_t *mcount, struct mapping **maps)
{
	const Elf32_Shdr *symtab = NULL, *strtab;
	const Elf32_Sym *syms;
	const char *names;
	size_t nsyms, i, n = 0;
	int found = 0;

	for (i = 0; i < im->ehdr->e_shnum; i++)
		if (im->shdr[i].sh_type == SHT_SYMTAB)
			symtab = &im->shdr[i];
	if (!symtab || symtab->sh_entsize != sizeof(Elf32_Sym))
		die("no symbol table");
	strtab = section(im, symtab->sh_link);
	names = at(im, strtab->sh_offset, strtab->sh_size);
	nsyms = symtab->sh_size / sizeof(Elf32_Sym);
	syms = at(im, symtab->sh_offset, nsyms * sizeof(Elf32_Sym));
	*maps = calloc(nsyms ? nsyms : 1, sizeof(**maps));
	if (!*maps)
		die("out of memory");

	for (i = 0; i < nsyms; i++) {
		const char *name;

		if (syms[i].st_name >= strtab->sh_size)
			die("bad symbol name offset");
		name = names + syms[i].st_name;
		if (!strcmp(name, MCOUNT_NAME) && syms[i].st_shndx != SHN_UNDEF) {
			*mcount = syms[i].st_value;
			found = 1;
		} else if (name[0] == '$' && strchr("atd", name[1]) &&
			   (name[2] == '\0' || name[2] == '.') && syms[i].st_shndx < SHN_LORESERVE &&
			   (section(im, syms[i].st_shndx)->sh_flags & SHF_EXECINSTR)) {
			(*maps)[n].shndx = syms[i].st_shndx;
			(*maps)[n].addr = syms[i].st_value;
			(*maps)[n].kind = name[1];
			n++;
		}
	}
	if (!found)
		die("no " MCOUNT_NAME " in the kernel");
	qsort(*maps, n, sizeof(**maps), by_section_and_addr);
	return n;
}

/* Is @insn at @pc an unconditional `bl @target`? */
static int is_bl_to(uint32_t insn, uint32_t pc, uint32_t target)
{
	int32_t offset;

	if ((insn & 0xff000000u) != 0xeb000000u)
		return 0;
	offset = (int32_t)(insn << 8) >> 6; /* imm24, sign-extended, times 4 */
	return pc + 8 + (uint32_t)offset == target;
}

int main(int argc, char **argv)
{
	struct image im;
	struct mapping *maps;
	uint32_t mcount = 0;
	size_t nmaps, m = 0;
	uint32_t last = 0;
	unsigned int s;

	if (argc != 2) {
		fprintf(stderr, "usage: %s kernel.elf > mcount.S\n", prog);
		return 2;
	}
	load(&im, argv[1]);
	nmaps = read_symbols(&im, &mcount, &maps);

	printf("/* Generated by tools/recordmcount from the mcount call sites of the linked\n"
	       " * kernel: do not edit. */\n\t.section __mcount_loc, \"a\"\n\t.balign 4\n");
	/* Sections in address order, so the table comes out sorted. */
	for (s = 1; s < im.ehdr->e_shnum; s++) {
		const Elf32_Shdr *sh = &im.shdr[s];
		uint32_t addr, end = sh->sh_addr + sh->sh_size;
		char kind = 'd'; /* before any mapping symbol: nothing to trust */

		if (!(sh->sh_flags & SHF_EXECINSTR) || sh->sh_type != SHT_PROGBITS)
			continue;
		if (sh->sh_addr < last)
			die("code sections out of address order");
		last = end;
		while (m < nmaps && maps[m].shndx < s)
			m++;
		for (addr = sh->sh_addr & ~3u; addr + 4 <= end; addr += 4) {
			uint32_t insn;

			while (m < nmaps && maps[m].shndx == s && maps[m].addr <= addr)
				kind = maps[m++].kind;
			if (kind != 'a')
				continue;
			insn = read32(&im, sh, addr);
			if (!is_bl_to(insn, addr, mcount))
				continue;
			if (addr < sh->sh_addr + 4 || read32(&im, sh, addr - 4) != PUSH_LR) {
				fprintf(stderr, "%s: call of " MCOUNT_NAME " at 0x%08x without push {lr}\n",
					prog, (unsigned int)addr);
				return 1;
			}
			printf("\t.long 0x%08x\n", (unsigned int)addr);
		}
	}
	return 0;
}
