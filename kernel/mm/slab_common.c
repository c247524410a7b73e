/* The list of slab caches and /proc/slabinfo in Linux's "slabinfo - version:
 * 2.1" format (Linux's mm/slab_common.c: slab_caches, print_slabinfo_header,
 * cache_show). Caches are listed newest first, as Linux's list_add() leaves
 * them: the named caches, then kmalloc's from the largest size down. */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);	/* Linux's slab_mutex */

/* Put a cache made by kmem_cache_create() on slab_caches. */
void slab_cache_register(struct kmem_cache *s)
{
	spin_lock(&slab_caches_lock);
	list_add(&s->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
}

void slab_cache_unregister(struct kmem_cache *s)
{
	spin_lock(&slab_caches_lock);
	list_del(&s->list);
	spin_unlock(&slab_caches_lock);
}

/* Call @fn on each cache made by kmem_cache_create(), unless the list is
 * being changed right now (then on none): an allocation that fails in an
 * interrupt must not wait for the lock its CPU may hold. */
void for_each_slab_cache(void (*fn)(struct kmem_cache *s))
{
	struct kmem_cache *s;

	if (!spin_trylock(&slab_caches_lock))
		return;
	list_for_each_entry(s, &slab_caches, list)
		fn(s);
	spin_unlock(&slab_caches_lock);
}

static void print_slabinfo_header(struct seq_file *m)
{
	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>");
	seq_puts(m, " : tunables <limit> <batchcount> <sharedfactor>");
	seq_puts(m, " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
}

/* One line per cache, Linux's cache_show(). Every slab here is one page and
 * has no SLAB per-CPU arrays, so the tunables and sharedavail are 0 (as SLUB
 * shows them). */
static void cache_show(struct seq_file *m, struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d", s->name, sinfo.active_objs,
		   sinfo.num_objs, s->size, sinfo.objects_per_slab, 1);
	seq_printf(m, " : tunables %4u %4u %4u", 0, 0, 0);
	seq_printf(m, " : slabdata %6lu %6lu %6lu\n", sinfo.active_slabs, sinfo.num_slabs, 0UL);
}

/* /proc/slabinfo (mode 0400, as Linux's without SLAB's writable tunables). */
int slabinfo_show(struct seq_file *m, void *v)
{
	struct kmem_cache *s;
	int i;

	print_slabinfo_header(m);
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		cache_show(m, s);
	spin_unlock(&slab_caches_lock);
	for (i = NR_KMALLOC_CACHES - 1; i >= 0; i--)
		cache_show(m, &kmalloc_caches[i]);
	return 0;
}

/* The sum of @count over every cache. CONTEXT: process. */
static unsigned long sum_slab_caches(unsigned long (*count)(struct kmem_cache *s))
{
	unsigned long sum = 0;
	struct kmem_cache *s;
	int i;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		sum += count(s);
	spin_unlock(&slab_caches_lock);
	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		sum += count(&kmalloc_caches[i]);
	return sum;
}

/* RETURNS: the pages of the objects in use, packed (Linux's
 * NR_SLAB_UNRECLAIMABLE, all slab pages: no cache here is reclaimable). */
unsigned long nr_slab_pages(void)
{
	return sum_slab_caches(nr_used_slabs);
}

unsigned long nr_free_slab_pages(void)
{
	return sum_slab_caches(nr_unused_slabs);
}
