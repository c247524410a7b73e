/* Address to symbol, for oopses, backtraces and printk's %pS/%ps/%pB
 * (Linux's kernel/kallsyms.c, without name compression or modules). */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/string.h>

/* Linux's is_ksym_addr(): inside the text, _etext included. */
static bool is_ksym_addr(unsigned long addr)
{
	return kallsyms_num_syms && addr >= kallsyms_addresses[0] &&
	       addr <= kallsyms_addresses[kallsyms_num_syms];
}

/*
 * get_symbol_pos - the symbol that @addr is in: the last one starting at or
 * before it, and among aliases (same address) the first in the table, which
 * tools/kallsyms sorted to be the most meaningful name. Its size runs to the
 * next higher address in the table (or _etext).
 * RETURNS: its index. CONTEXT: is_ksym_addr(@addr).
 */
static unsigned long get_symbol_pos(unsigned long addr, unsigned long *symbolsize,
				    unsigned long *offset)
{
	unsigned long symbol_start, symbol_end;
	unsigned long i, low, high, mid;

	/* Do a binary search on the sorted kallsyms_addresses array. */
	low = 0;
	high = kallsyms_num_syms;

	while (high - low > 1) {
		mid = low + (high - low) / 2;
		if (kallsyms_addresses[mid] <= addr)
			low = mid;
		else
			high = mid;
	}

	/*
	 * Search for the first aliased symbol. Aliased
	 * symbols are symbols with the same address.
	 */
	while (low && kallsyms_addresses[low - 1] == kallsyms_addresses[low])
		--low;

	symbol_start = kallsyms_addresses[low];

	/* Search for next non-aliased symbol; the last entry is _etext. */
	symbol_end = kallsyms_addresses[kallsyms_num_syms];
	for (i = low + 1; i < kallsyms_num_syms; i++) {
		if (kallsyms_addresses[i] > symbol_start) {
			symbol_end = kallsyms_addresses[i];
			break;
		}
	}

	if (symbolsize)
		*symbolsize = symbol_end - symbol_start;
	if (offset)
		*offset = addr - symbol_start;

	return low;
}

/*
 * kallsyms_lookup - which symbol is @addr in?
 * @symbolsize, @offset: if not NULL, get the symbol's size and @addr's
 * offset into it
 * @namebuf: KSYM_NAME_LEN bytes for the name
 * RETURNS: @namebuf holding the name, or NULL if @addr is not in the text
 * the table covers (before the first symbol, past _etext, or an empty table).
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char *namebuf)
{
	const char *name;
	size_t len;

	namebuf[KSYM_NAME_LEN - 1] = 0;
	namebuf[0] = 0;

	if (!is_ksym_addr(addr))
		return NULL;

	name = kallsyms_names + kallsyms_name_offsets[get_symbol_pos(addr, symbolsize, offset)];
	len = strnlen(name, KSYM_NAME_LEN - 1);
	memcpy(namebuf, name, len);
	namebuf[len] = '\0';
	return namebuf;
}

/* Look up a kernel symbol and return it in a text buffer. */
static int __sprint_symbol(char *buffer, unsigned long address, int symbol_offset,
			   int add_offset)
{
	const char *name;
	unsigned long offset, size;
	int len;

	address += symbol_offset;
	name = kallsyms_lookup(address, &size, &offset, buffer);
	if (!name)
		return snprintf(buffer, KSYM_SYMBOL_LEN, "0x%lx", address - symbol_offset);

	len = strlen(buffer);
	offset -= symbol_offset;

	if (add_offset)
		len += snprintf(buffer + len, KSYM_SYMBOL_LEN - len, "+0x%lx/0x%lx", offset, size);

	return len;
}

/**
 * sprint_symbol - Look up a kernel symbol and return it in a text buffer
 * @buffer: buffer to be stored, KSYM_SYMBOL_LEN bytes
 * @address: address to lookup
 *
 * This function looks up a kernel symbol with @address and stores its name,
 * offset and size to @buffer, "name+0x1c/0x60" (printk's %pS); an address
 * outside the symbols is printed as "0x<address>".
 *
 * This function returns the number of bytes stored in @buffer.
 */
int sprint_symbol(char *buffer, unsigned long address)
{
	return __sprint_symbol(buffer, address, 0, 1);
}

/* As sprint_symbol(), without the offset and size: "name" (printk's %ps). */
int sprint_symbol_no_offset(char *buffer, unsigned long address)
{
	return __sprint_symbol(buffer, address, 0, 0);
}

/**
 * sprint_backtrace - Look up a backtrace symbol and return it in a text buffer
 * @buffer: buffer to be stored, KSYM_SYMBOL_LEN bytes
 * @address: address to lookup
 *
 * This function is for stack backtrace and does the same thing as
 * sprint_symbol() but with modified/decreased @address. If there is a
 * tail-call to the function marked "noreturn", gcc optimized out code after
 * the call so that the stack-saved return address could point outside of the
 * caller. This function ensures that kallsyms will find the original caller
 * by decreasing @address (printk's %pB).
 */
int sprint_backtrace(char *buffer, unsigned long address)
{
	return __sprint_symbol(buffer, address, -1, 1);
}
