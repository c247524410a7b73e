/* Kernel symbol lookup: address to "name+0x1c/0x60" for oopses, backtraces
 * and %pS (Linux's include/linux/kallsyms.h). The table is generated at
 * build time by tools/kallsyms from `nm -n` of the first link. */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/compiler.h>
#include <linux/types.h>

#define KSYM_NAME_LEN 128
/* "name+0x<offset>/0x<size>" and its NUL (Linux adds room for " [module]"). */
#define KSYM_SYMBOL_LEN (sizeof("%s+%#lx/%#lx") + (KSYM_NAME_LEN - 1) + \
			 2 * (sizeof(long) * 8 * 3 / 10) + 1)

/*
 * The table, in section .rodata.kallsyms (written by tools/kallsyms):
 * kallsyms_addresses holds the num_syms symbol addresses in ascending order,
 * then one more entry, the end of the text (_etext), which bounds the last
 * symbol. kallsyms_names holds NUL-terminated names; symbol i's starts at
 * kallsyms_name_offsets[i]. The first link has an empty table (num_syms 0).
 */
extern const u32 kallsyms_num_syms;
extern const u32 kallsyms_addresses[];
extern const u32 kallsyms_name_offsets[];
extern const char kallsyms_names[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char *namebuf);
int sprint_symbol(char *buffer, unsigned long address);
int sprint_symbol_no_offset(char *buffer, unsigned long address);
int sprint_backtrace(char *buffer, unsigned long address);

#endif
