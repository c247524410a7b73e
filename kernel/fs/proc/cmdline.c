/* /proc/cmdline: the kernel command line as the boot loader gave it
 * (Linux's fs/proc/cmdline.c). */
#include "internal.h"

extern char saved_command_line[]; /* kernel/cmdline.c */

int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, saved_command_line);
	seq_putc(m, '\n');
	return 0;
}
