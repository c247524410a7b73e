/* Build the kernel's symbol table (Linux's scripts/kallsyms.c, without name
 * compression): reads `nm -n` of the linked kernel on stdin, keeps the text
 * symbols between _text and _etext, and writes GNU assembler defining
 * kallsyms_num_syms, kallsyms_addresses, kallsyms_name_offsets and
 * kallsyms_names in section .rodata.kallsyms (see <linux/kallsyms.h>).
 * Linux keeps _stext.._etext and the init text, where ARM's head.S code
 * that runs with the MMU on (__mmap_switched) lies; ours is in .head.text,
 * between _text and _stext, so the range starts at _text.
 *
 *   arm-none-eabi-nm -n kernel.elf | kallsyms > kallsyms.S
 *   kallsyms < /dev/null > kallsyms.S     (the first link's empty table)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As <linux/kallsyms.h>, which a host program cannot include beside libc:
 * the longest name the kernel's lookup returns is KSYM_NAME_LEN - 1. */
#define KSYM_NAME_LEN 128

struct sym_entry {
	unsigned long long addr;
	char type;
	unsigned int start_pos; /* input order, to keep the sort stable */
	char *name;
};

struct sym_table {
	struct sym_entry *syms;
	unsigned int num, cap;
	unsigned long long text_start, text_end;
	int have_start, have_end;
};

/*
 * read_symbol - one `nm` line: "c0008000 T stext"
 * RETURNS: 1 if @s holds a text symbol to consider, 0 to skip the line
 * (other types, undefined symbols, mapping symbols, local labels), -1 for a
 * line that is not nm output (or an address above 32 bits). Notes _text
 * and _etext whatever their type.
 */
static int read_symbol(const char *line, struct sym_entry *s, struct sym_table *t)
{
	const char *p = line + strspn(line, " \t");
	char name[512];
	char *end;

	/* Undefined symbols have no address: "         U memcpy". */
	if (*p && strchr("Uwv", *p) && p[1] == ' ')
		return 0;
	errno = 0;
	s->addr = strtoull(p, &end, 16);
	if (end == p || errno)
		return -1;
	if (sscanf(end, " %c %511s", &s->type, name) != 2)
		return -1;
	if (s->addr > 0xffffffffULL) {
		fprintf(stderr, "kallsyms: address 0x%llx of %s is not 32-bit\n", s->addr, name);
		return -1;
	}

	if (strcmp(name, "_text") == 0) {
		t->text_start = s->addr;
		t->have_start = 1;
	} else if (strcmp(name, "_etext") == 0) {
		t->text_end = s->addr;
		t->have_end = 1;
	}

	/* Text only; not ARM mapping symbols ($a, $d, $t) nor local labels. */
	if (!strchr("TtWw", s->type) || name[0] == '$' || strncmp(name, ".L", 2) == 0)
		return 0;
	if (strlen(name) >= KSYM_NAME_LEN) {
		fprintf(stderr, "kallsyms: symbol %s too long for kallsyms (%zu >= %d), skipped\n",
			name, strlen(name), KSYM_NAME_LEN);
		return 0;
	}
	s->name = strdup(name);
	return s->name ? 1 : -1;
}

/* Linker-script symbols like __start_xxx, __xxx_end: less meaningful aliases. */
static int may_be_linker_script_provide_symbol(const char *symbol)
{
	size_t len = strlen(symbol);

	if (len < 8 || symbol[0] != '_' || symbol[1] != '_')
		return 0;
	return !memcmp(symbol + 2, "start_", 6) || !memcmp(symbol + 2, "stop_", 5) ||
	       !memcmp(symbol + 2, "end_", 4) || !memcmp(symbol + len - 6, "_start", 6) ||
	       !memcmp(symbol + len - 4, "_end", 4);
}

static int prefix_underscores_count(const char *str)
{
	const char *tail = str;

	while (*tail == '_')
		tail++;
	return tail - str;
}

/*
 * By address; at one address the name a lookup should report comes first:
 * strong before weak, then not linker-provided, then fewer leading
 * underscores, then input order.
 */
static int compare_symbols(const void *a, const void *b)
{
	const struct sym_entry *sa = a, *sb = b;
	int wa, wb;

	if (sa->addr != sb->addr)
		return sa->addr > sb->addr ? 1 : -1;

	wa = sa->type == 'W' || sa->type == 'w';
	wb = sb->type == 'W' || sb->type == 'w';
	if (wa != wb)
		return wa - wb;

	wa = may_be_linker_script_provide_symbol(sa->name);
	wb = may_be_linker_script_provide_symbol(sb->name);
	if (wa != wb)
		return wa - wb;

	wa = prefix_underscores_count(sa->name);
	wb = prefix_underscores_count(sb->name);
	if (wa != wb)
		return wa - wb;

	return sa->start_pos > sb->start_pos ? 1 : -1;
}

/*
 * read_map - read all of @in into @t: the text symbols inside
 * [_text, _etext], sorted.
 * RETURNS: 0, or -1 after printing why (bad line, no _text/_etext in a
 * non-empty input, out of memory).
 */
static int read_map(FILE *in, struct sym_table *t)
{
	char line[1024];
	unsigned int lineno = 0, i, kept = 0;
	struct sym_entry s;

	memset(t, 0, sizeof(*t));
	while (fgets(line, sizeof(line), in)) {
		int rc;

		lineno++;
		rc = read_symbol(line, &s, t);
		if (rc < 0) {
			fprintf(stderr, "kallsyms: bad line %u: %s", lineno, line);
			return -1;
		}
		if (rc == 0)
			continue;
		if (t->num == t->cap) {
			struct sym_entry *n;

			t->cap = t->cap ? 2 * t->cap : 1024;
			n = realloc(t->syms, t->cap * sizeof(*n));
			if (!n) {
				fprintf(stderr, "kallsyms: out of memory\n");
				return -1;
			}
			t->syms = n;
		}
		s.start_pos = t->num;
		t->syms[t->num++] = s;
	}
	if (lineno == 0)
		return 0;
	if (!t->have_start || !t->have_end || t->text_end < t->text_start) {
		fprintf(stderr, "kallsyms: no _text/_etext range in the input\n");
		return -1;
	}

	for (i = 0; i < t->num; i++) {
		if (t->syms[i].addr < t->text_start || t->syms[i].addr > t->text_end)
			free(t->syms[i].name);
		else
			t->syms[kept++] = t->syms[i];
	}
	t->num = kept;
	qsort(t->syms, t->num, sizeof(*t->syms), compare_symbols);
	return 0;
}

/* The table as assembler; see <linux/kallsyms.h> for its layout. */
static void write_src(FILE *out, const struct sym_table *t)
{
	unsigned int i;
	unsigned long off = 0;
	const char *c;

	fprintf(out, "/* Generated by tools/kallsyms from `nm -n` of the kernel: do not edit. */\n");
	fprintf(out, "\t.section .rodata.kallsyms, \"a\"\n");
	fprintf(out, "\t.balign 4\n");
	fprintf(out, "\t.globl kallsyms_num_syms\nkallsyms_num_syms:\n");
	fprintf(out, "\t.long %u\n", t->num);

	fprintf(out, "\t.globl kallsyms_addresses\nkallsyms_addresses:\n");
	for (i = 0; i < t->num; i++)
		fprintf(out, "\t.long 0x%08llx\t/* %s */\n", t->syms[i].addr, t->syms[i].name);
	fprintf(out, "\t.long 0x%08llx\t/* end of the text: _etext */\n",
		t->num ? t->text_end : 0ULL);

	fprintf(out, "\t.globl kallsyms_name_offsets\nkallsyms_name_offsets:\n");
	for (i = 0; i < t->num; i++) {
		fprintf(out, "\t.long %lu\n", off);
		off += strlen(t->syms[i].name) + 1;
	}

	fprintf(out, "\t.globl kallsyms_names\nkallsyms_names:\n");
	for (i = 0; i < t->num; i++) {
		fputs("\t.asciz \"", out);
		for (c = t->syms[i].name; *c; c++) {
			if (*c == '"' || *c == '\\')
				fputc('\\', out);
			fputc(*c, out);
		}
		fputs("\"\n", out);
	}
	if (!t->num)
		fputs("\t.byte 0\n", out);
	fputs("\t.balign 4\n", out);
	/* Data only: the object needs no executable stack. */
	fputs("\t.section .note.GNU-stack,\"\",%progbits\n", out);
}

static void free_table(struct sym_table *t)
{
	unsigned int i;

	for (i = 0; i < t->num; i++)
		free(t->syms[i].name);
	free(t->syms);
}

/* RETURNS: 0, or 1 after printing why no table was written. */
static int kallsyms_generate(FILE *in, FILE *out)
{
	struct sym_table t;
	int ret = 0;

	if (read_map(in, &t))
		ret = 1;
	else
		write_src(out, &t);
	free_table(&t);
	return ret;
}

int main(int argc, char **argv)
{
	if (argc != 1) {
		fprintf(stderr, "usage: nm -n kernel.elf | %s > kallsyms.S\n", argv[0]);
		return 1;
	}
	return kallsyms_generate(stdin, stdout);
}
