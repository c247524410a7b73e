/* /proc/meminfo: memory in kB, Linux's "MemTotal:       1234 kB" layout
 * (Linux's fs/proc/meminfo.c, the first lines; this kernel keeps no page
 * cache or buffers apart from free and used pages). */
#include <linux/gfp.h>
#include "internal.h"

static void show_val_kb(struct seq_file *m, const char *s, unsigned long num)
{
	seq_printf(m, "%s%8lu kB\n", s, num << (PAGE_SHIFT - 10));
}

int meminfo_proc_show(struct seq_file *m, void *v)
{
	unsigned long free = nr_free_pages();

	show_val_kb(m, "MemTotal:       ", totalram_pages);
	show_val_kb(m, "MemFree:        ", free);
	show_val_kb(m, "MemAvailable:   ", free);
	show_val_kb(m, "Buffers:        ", 0);
	show_val_kb(m, "Cached:         ", 0);
	return 0;
}
