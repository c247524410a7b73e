/* /proc/version: the banner the kernel printed at boot (Linux's
 * fs/proc/version.c, which prints the same text as linux_banner). */
#include "internal.h"

extern const char linux_banner[]; /* kernel/main.c */

int version_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, linux_banner);
	return 0;
}
