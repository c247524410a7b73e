/* struct page: what the kernel knows about each physical page frame, and the
 * page flags, after Linux's include/linux/mm_types.h and page-flags.h.
 * The array of them, mem_map, is indexed by page frame number (pfn). */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/types.h>

struct kmem_cache;

/*
 * One word of flags, then a union whose meaning depends on who owns the
 * page, as in Linux:
 * - free in the buddy allocator (PG_buddy): lru links it into the free list
 *   of its order and private holds that order;
 * - a kmalloc of more than KMALLOC_MAX_CACHE_SIZE (PG_head): private holds
 *   the order, so kfree() knows how many pages to give back;
 * - a slab (PG_slab): slab_list links it into its cache's partial list,
 *   freelist is its first free object, objects how many it holds, inuse
 *   how many are not on freelist; frozen: it is a CPU's slab, whose CPU
 *   also holds free objects of it (kernel/mm/slab.c).
 * _refcount counts users; the page allocator frees the page when it drops to
 * zero. It is changed with atomic builtins (LDREX/STREX on ARMv7), never
 * under a lock, since get_page()/put_page() run on every CPU.
 */
struct page {
	unsigned long flags;
	union {
		struct {
			struct list_head lru;
			unsigned long private;
		};
		struct {
			struct list_head slab_list;
			struct kmem_cache *slab_cache;
			void *freelist;
			unsigned inuse:16;
			unsigned objects:15;
			unsigned frozen:1;
		};
	};
	int _refcount;
};

/* Bit numbers in page->flags (Linux's enum pageflags, the ones we use). */
enum pageflags {
	PG_reserved,	/* not managed by the allocator: kernel image, mem_map, DTB, initrd */
	PG_slab,	/* carved into objects by kernel/mm/slab.c */
	PG_head,	/* first page of a multi-page kmalloc */
	PG_buddy,	/* first page of a free block on a buddy free list */
	PG_pcp,		/* free, on a CPU's list of single pages (not in Linux) */
};

#define PAGEFLAG(uname, lname)                                                    \
	static inline bool Page##uname(const struct page *page)                    \
	{                                                                          \
		return page->flags & (1UL << PG_##lname);                          \
	}                                                                          \
	static inline void SetPage##uname(struct page *page)                       \
	{                                                                          \
		page->flags |= 1UL << PG_##lname;                                  \
	}                                                                          \
	static inline void ClearPage##uname(struct page *page)                     \
	{                                                                          \
		page->flags &= ~(1UL << PG_##lname);                               \
	}

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Pcp, pcp)

#undef PAGEFLAG

#endif
