/* The SLUB allocator's structures (Linux's include/linux/slub_def.h, with
 * struct kmem_cache_node and struct slabinfo from Linux's mm/slab.h): a
 * cache's per-CPU slabs and its node's partial list. kernel/mm/slab.c says
 * how they are used. */
#ifndef _LINUX_SLUB_DEF_H
#define _LINUX_SLUB_DEF_H

#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>

/*
 * A CPU's slab of one cache. Only that CPU touches it, with IRQs off
 * (Linux's fast paths use this_cpu_cmpxchg_double on freelist and tid
 * instead; we have no cmpxchg_double, and a pointer read with IRQs off
 * cannot go stale by preemption, so there is no tid). page changes only
 * under the node's list_lock as well, so that /proc/slabinfo may read it.
 * Each CPU's is on a cache line of its own, so that CPUs allocating from
 * one cache at once do not take the line from each other.
 */
struct kmem_cache_cpu {
	void **freelist;	/* next free object of page, or NULL */
	struct page *page;	/* the slab allocated from (frozen), or NULL */
	unsigned int nr_free;	/* objects on freelist (not in Linux, whose
				 * slabinfo counts a CPU slab as full) */
} ____cacheline_aligned;

/*
 * A cache's slabs that are not CPU slabs (Linux's struct kmem_cache_node;
 * one node, no NUMA). A slab with free objects is on partial; a full one
 * is on no list. Up to the cache's min_partial slabs stay on partial even
 * when empty, ready for the next CPU that needs a slab.
 */
struct kmem_cache_node {
	spinlock_t list_lock;	/* partial, the counters below, and every
				 * slab's freelist, inuse and frozen: Linux's
				 * cmpxchg_double_slab; irqsave */
	unsigned long nr_partial;
	struct list_head partial;
	unsigned long nr_slabs;	/* all the cache's slabs, CPU slabs included */
};

struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab;	/* NR_CPUS of them (Linux: __percpu) */
	unsigned int size;		/* object size, a multiple of the alignment */
	unsigned int objects;		/* per slab, each slab one page (Linux's oo) */
	unsigned long min_partial;
	const char *name;
	struct list_head list;		/* on slab_caches (kernel/mm/slab_common.c) */
	struct kmem_cache_node node;	/* Linux: node[MAX_NUMNODES] pointers */
};

/* What /proc/slabinfo shows of a cache (Linux's struct slabinfo). */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned int objects_per_slab;
};

#endif
