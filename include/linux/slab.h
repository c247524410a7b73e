/* kmalloc() and object caches carved from whole pages (Linux's
 * include/linux/slab.h), served by SLUB's per-CPU slabs (kernel/mm/slab.c,
 * include/linux/slub_def.h). */
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

#include <linux/slub_def.h>

/* kmalloc_caches[i] serves sizes up to 1 << (i + KMALLOC_SHIFT_LOW). */
#define NR_KMALLOC_CACHES (KMALLOC_SHIFT_HIGH - KMALLOC_SHIFT_LOW + 1)
extern struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags);
void kmem_cache_destroy(struct kmem_cache *s);
/*
 * kmem_cache_shrink_all - give every cache's empty slabs back to the page
 * allocator, caches being created or destroyed at that moment skipped
 * @flush_cpus: take every CPU's slab back first, as Linux's
 *	kmem_cache_shrink() does (flush_all(): an IPI to each CPU holding one,
 *	waited for), so that empty slabs other CPUs hold go too
 *
 * CONTEXT: any without @flush_cpus (alloc_pages' last resort, IRQs off
 * included); with it, process context with IRQs on and no lock held that
 * another CPU may wait for with IRQs off (the OOM path).
 */
void kmem_cache_shrink_all(bool flush_cpus);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp_mask);
/* Every cache, for /proc/slabinfo (kernel/mm/slab_common.c). */
void slab_cache_register(struct kmem_cache *s);
void slab_cache_unregister(struct kmem_cache *s);
void for_each_slab_cache(void (*fn)(struct kmem_cache *s));
struct seq_file;
int slabinfo_show(struct seq_file *m, void *v);
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);
unsigned long nr_used_slabs(struct kmem_cache *s);
/* The slabs of @s beyond nr_used_slabs(@s): free memory for nr_free_pages(). */
unsigned long nr_unused_slabs(struct kmem_cache *s);
/* Pages of all caches' objects in use, packed: /proc/meminfo's Slab. */
unsigned long nr_slab_pages(void);
/* The other slab pages of all caches, counted in nr_free_pages() (Linux
 * counts slab pages only once back in the page allocator), so that MemFree
 * shows any kmalloc leak. CONTEXT: process (takes the list of caches). */
unsigned long nr_free_slab_pages(void);
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
