/* Host-test helper for kernel/mm: an arena of host memory that plays the
 * physical RAM (physical address 0 is its first byte), a mem_map for it,
 * and the bad_page() hook the kernel would provide, recording each report.
 * Include it in one test file per program, before the C library's headers. */
#ifndef _TESTS_HOST_MM_ARENA_H
#define _TESTS_HOST_MM_ARENA_H

#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/string.h>

unsigned long host_va_pa_offset;

static struct {
	int count;
	const char *reason;
	struct page *page;
} bad;

/* The allocator's per-CPU lists use CPU 0's. */
static struct thread_info arena_thread_info;

struct thread_info *current_thread_info(void)
{
	return &arena_thread_info;
}

void bad_page(struct page *page, const char *reason)
{
	bad.count++;
	bad.reason = reason;
	bad.page = page;
}

/* Room for pfns up to ARENA_PAGES, aligned like the largest block, so that
 * an order-n block's address is as aligned as its pfn, as in real RAM. */
#define ARENA_PAGES (1UL << (MAX_ORDER - 1))
static unsigned char arena[ARENA_PAGES * PAGE_SIZE] __aligned(ARENA_PAGES * PAGE_SIZE);
static struct page arena_map[ARENA_PAGES];

/* RAM pfns [start_pfn, start_pfn + nr_pages), all reserved, none free yet. */
static inline void arena_init(unsigned long start_pfn, unsigned long nr_pages)
{
	memset(arena_map, 0, sizeof(arena_map));
	host_va_pa_offset = (unsigned long)arena;
	free_area_init(arena_map, start_pfn, start_pfn + nr_pages);
	reserve_bootmem_region(start_pfn, start_pfn + nr_pages);
	bad.count = 0;
	bad.reason = NULL;
	bad.page = NULL;
}

/* Like the kernel at boot: everything from @first_free_pfn on goes to the
 * allocator; the pages below stay reserved. RETURNS: pages freed. */
static inline unsigned long arena_boot(unsigned long first_free_pfn)
{
	return free_reserved_area(pfn_to_virt(first_free_pfn), pfn_to_virt(max_pfn), -1);
}

#endif
