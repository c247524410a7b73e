/* kmalloc() and object caches carved from whole pages (Linux's
 * include/linux/slab.h, with a much simpler allocator behind it than
 * SLAB/SLUB: kernel/mm/slab.c). */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

/* Align objects to the L1 cache line (64 bytes on the Cortex-A7). */
#define SLAB_HWCACHE_ALIGN 0x00002000u
#define L1_CACHE_BYTES 64

/* kmalloc size classes: 2^4 .. 2^11 bytes; anything bigger gets whole pages. */
#define KMALLOC_SHIFT_LOW 4
#define KMALLOC_SHIFT_HIGH 11
#define KMALLOC_MIN_SIZE (1u << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE (1u << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE (PAGE_SIZE << (MAX_ORDER - 1))

/* kmalloc(0) returns this: not NULL, yet faults when used (as in Linux). */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/*
 * A cache of equal-sized objects. Each slab is one page; its free objects
 * are chained through their first word. Slabs with a free object sit on
 * `partial`; full ones are on no list. The first slab to become empty is
 * kept as `spare` for the next one needed (as SLUB keeps its CPU slab and
 * min_partial empty slabs), so that an object that comes and goes (a
 * signal's sigqueue) does not take a page from the page allocator each
 * time; further empty slabs go straight back. A spare counts as free
 * memory (nr_free_pages(), like the per-CPU page lists), so MemFree still
 * shows any kmalloc leak, and goes back when memory runs short
 * (kmem_cache_shrink_all()).
 */
struct kmem_cache {
	const char *name;
	unsigned int size;		/* object size, a multiple of the alignment */
	spinlock_t lock;		/* partial, spare, the slabs' freelists, counters; irqsave */
	struct list_head partial;
	struct page *spare;		/* an empty slab, or NULL */
	unsigned long nr_slabs;		/* pages holding objects (the spare is not one) */
	unsigned long nr_active;	/* objects handed out */
	struct list_head list;		/* on slab_caches (kernel/mm/slab_common.c) */
};

/* kmalloc_caches[i] serves sizes up to 1 << (i + KMALLOC_SHIFT_LOW). */
#define NR_KMALLOC_CACHES (KMALLOC_SHIFT_HIGH - KMALLOC_SHIFT_LOW + 1)
extern struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags);
void kmem_cache_destroy(struct kmem_cache *s);
/* Give every cache's spare slab back to the page allocator (called when an
 * allocation fails). CONTEXT: any; caches being created or destroyed at
 * that moment are skipped. */
void kmem_cache_shrink_all(void);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp_mask);
/* Every cache, for /proc/slabinfo (kernel/mm/slab_common.c). */
void slab_cache_register(struct kmem_cache *s);
void slab_cache_unregister(struct kmem_cache *s);
void for_each_slab_cache(void (*fn)(struct kmem_cache *s));
struct seq_file;
int slabinfo_show(struct seq_file *m, void *v);
/* Pages held by all caches: /proc/meminfo's Slab. */
unsigned long nr_slab_pages(void);
void kmem_cache_free(struct kmem_cache *s, void *obj);

void *kmalloc(size_t size, gfp_t gfp_mask);
void kfree(const void *obj);
size_t ksize(const void *obj);

static inline void *kzalloc(size_t size, gfp_t gfp_mask)
{
	return kmalloc(size, gfp_mask | __GFP_ZERO);
}

/* n objects of size bytes, or NULL if n * size overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp_mask)
{
	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	return kmalloc(n * size, gfp_mask);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp_mask)
{
	return kmalloc_array(n, size, gfp_mask | __GFP_ZERO);
}

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp_mask)
{
	return kmem_cache_alloc(s, gfp_mask | __GFP_ZERO);
}

#endif
