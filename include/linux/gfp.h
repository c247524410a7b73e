/* The page allocator's API: GFP flags, alloc_pages()/__free_pages() and the
 * pfn <-> struct page <-> address conversions (Linux's include/linux/gfp.h,
 * plus the mm.h helpers it needs). The allocator is kernel/mm/page_alloc.c. */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/mm_types.h>
#include <linux/types.h>
#include <asm/memory.h>

/* Linux 4.19's bit values, for the flags we use. */
#define __GFP_HIGHMEM 0x02u		/* for user pages (no highmem here) */
#define __GFP_MOVABLE 0x08u
#define __GFP_HIGH 0x20u		/* may use emergency reserves (we have none) */
#define __GFP_IO 0x40u
#define __GFP_FS 0x80u
#define __GFP_NOWARN 0x200u
#define __GFP_ZERO 0x8000u		/* return zeroed memory */
#define __GFP_HARDWALL 0x20000u		/* an allocation for user space */
#define __GFP_ATOMIC 0x80000u		/* caller cannot sleep */
#define __GFP_DIRECT_RECLAIM 0x400000u
#define __GFP_KSWAPD_RECLAIM 0x1000000u
#define __GFP_RECLAIM (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

/* The allocator never sleeps, so both behave the same; callers say which
 * they are, as in Linux, for the day it does. */
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_ATOMIC (__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
/* Pages user space sees: anonymous memory, the page cache (and tmpfs).
 * They fail before the kernel's reserve is touched (page_alloc.c). */
#define GFP_USER (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_HIGHUSER (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)

/* Free blocks have 2^0 .. 2^(MAX_ORDER-1) pages: up to 4 MiB, as in Linux. */
#define MAX_ORDER 11

/* The pages mem_map describes: [min_low_pfn, max_pfn); see free_area_init(). */
extern struct page *mem_map;
extern unsigned long min_low_pfn;
extern unsigned long max_pfn;
/* Pages handed to the allocator so far (Linux's totalram_pages). */
extern unsigned long totalram_pages;

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= min_low_pfn && pfn < max_pfn;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - min_low_pfn);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + min_low_pfn;
}

/* Only for addresses in the kernel's linear map (RAM below LOWMEM_MAX). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(virt_to_pfn(addr));
}

static inline void *page_address(const struct page *page)
{
	return pfn_to_virt(page_to_pfn(page));
}

/* Smallest order whose block holds size bytes (size > 0). */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

static inline int page_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_RELAXED);
}

void free_area_init(struct page *map, unsigned long start_pfn, unsigned long end_pfn);
void reserve_bootmem_region(unsigned long start_pfn, unsigned long end_pfn);
unsigned long __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn);
unsigned long free_reserved_area(void *start, void *end, int poison);

struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
unsigned long nr_free_pages(void);

#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define __get_free_page(gfp_mask) __get_free_pages(gfp_mask, 0)
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)

/* Drop a reference to an order-0 page (a COW'd user page, say) and free it
 * when it was the last one. */
static inline void put_page(struct page *page)
{
	__free_pages(page, 0);
}

/*
 * Provided by the kernel (tests stub it): report a page that is being freed
 * in a state that shows a bug, such as a double free. The allocator leaves
 * that page alone afterwards, as Linux's bad_page() does.
 * @page may be NULL when the address was not in mem_map at all.
 */
void bad_page(struct page *page, const char *reason);

#endif
