/* /proc/kallsyms: the kernel's symbols (Linux's kernel/kallsyms.c s_show,
 * over the table of kernel/kallsyms.c). */
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include "internal.h"

/*
 * /proc/kallsyms: "address type name", one symbol a line, by address
 * (Linux's s_show). The table keeps no symbol types: every symbol, all of
 * them in the kernel's text, shows as 'T'. Only root sees the addresses;
 * others read zeros, as Linux's kptr_restrict=1 gives.
 */
int kallsyms_show(struct seq_file *m, void *v)
{
	bool show_addr = current->cred.euid == 0;
	u32 i;

	for (i = 0; i < kallsyms_num_syms; i++)
		seq_printf(m, "%08x T %s\n", show_addr ? kallsyms_addresses[i] : 0,
			   kallsyms_names + kallsyms_name_offsets[i]);
	return 0;
}
