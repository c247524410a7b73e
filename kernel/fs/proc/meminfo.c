/* /proc/meminfo: memory in kB, Linux's "MemTotal:       1234 kB" layout
 * (Linux's fs/proc/meminfo.c, a subset of its lines in its order; this
 * kernel keeps no page cache or buffers, and no slab cache is reclaimable). */
#include <linux/gfp.h>
#include <linux/slab.h>
#include "internal.h"

static void show_val_kb(struct seq_file *m, const char *s, unsigned long num)
{
	seq_printf(m, "%s%8lu kB\n", s, num << (PAGE_SHIFT - 10));
}

int meminfo_proc_show(struct seq_file *m, void *v)
{
	unsigned long free = nr_free_pages(), slab = nr_slab_pages();

	show_val_kb(m, "MemTotal:       ", totalram_pages);
	show_val_kb(m, "MemFree:        ", free);
	show_val_kb(m, "MemAvailable:   ", free);
	show_val_kb(m, "Buffers:        ", 0);
	show_val_kb(m, "Cached:         ", 0);
	show_val_kb(m, "Slab:           ", slab);
	show_val_kb(m, "SReclaimable:   ", 0);
	show_val_kb(m, "SUnreclaim:     ", slab);
	return 0;
}
