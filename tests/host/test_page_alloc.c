/* sources: kernel/mm/page_alloc.c kernel/lib/int_sqrt.c */
/* Tests of the buddy allocator: boot hand-over, alignment, splitting and
 * merging, refcounts, every kind of bad free it must report, and the
 * kernel's reserve that user pages cannot take. */
#include <linux/gfp.h>
#include "mm_arena.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define NR_PAGES 1024UL		/* exactly one block of order MAX_ORDER - 1 */

/* No slab caches here: none has an empty slab to give back or count. */
void kmem_cache_shrink_all(bool flush_cpus)
{
}

unsigned long nr_free_slab_pages(void)
{
	return 0;
}

#define RESERVED 10UL		/* pfns 0..9 stand for the kernel image */

static int setup(void **state)
{
	arena_init(0, NR_PAGES);
	return 0;
}

/* Take every free page one at a time; RETURNS how many there were. */
static unsigned long alloc_all(struct page **pages)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_page(GFP_KERNEL)))
		pages[n++] = page;
	return n;
}

static void test_boot_hands_over_only_free_ranges(void **state)
{
	struct page *pages[NR_PAGES];
	unsigned long i, n;

	assert_int_equal(nr_free_pages(), 0);
	assert_null(alloc_page(GFP_KERNEL));
	assert_int_equal(arena_boot(RESERVED), NR_PAGES - RESERVED);
	assert_int_equal(nr_free_pages(), NR_PAGES - RESERVED);
	assert_int_equal(totalram_pages, NR_PAGES - RESERVED);

	n = alloc_all(pages);
	assert_int_equal(n, NR_PAGES - RESERVED);
	assert_int_equal(nr_free_pages(), 0);
	for (i = 0; i < n; i++) {
		assert_true(page_to_pfn(pages[i]) >= RESERVED);
		assert_int_equal(page_count(pages[i]), 1);
	}
	for (i = 0; i < n; i++)
		__free_page(pages[i]);
	assert_int_equal(nr_free_pages(), NR_PAGES - RESERVED);
	assert_int_equal(bad.count, 0);
}

static void test_blocks_are_aligned_to_their_size(void **state)
{
	unsigned int order;
	struct page *first;

	arena_boot(0);
	/* Break the big block first, so that later orders come from splits. */
	first = alloc_page(GFP_KERNEL);
	assert_non_null(first);
	for (order = 0; order < MAX_ORDER - 1; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long addr;

		assert_non_null(page);
		assert_int_equal(page_to_pfn(page) & ((1UL << order) - 1), 0);
		addr = (unsigned long)page_address(page) - host_va_pa_offset;
		assert_int_equal(addr & ((PAGE_SIZE << order) - 1), 0);
		__free_pages(page, order);
	}
	__free_page(first);
	assert_int_equal(nr_free_pages(), NR_PAGES);
}

static void test_split_keeps_the_rest_free(void **state)
{
	struct page *small, *half, *quarter;

	arena_boot(0);
	small = alloc_page(GFP_KERNEL);
	assert_int_equal(page_to_pfn(small), 0);
	assert_int_equal(nr_free_pages(), NR_PAGES - 1);
	assert_null(alloc_pages(GFP_KERNEL, MAX_ORDER - 1));
	half = alloc_pages(GFP_KERNEL, MAX_ORDER - 2);
	assert_non_null(half);
	assert_int_equal(page_to_pfn(half), NR_PAGES / 2);
	quarter = alloc_pages(GFP_KERNEL, MAX_ORDER - 3);
	assert_int_equal(page_to_pfn(quarter), NR_PAGES / 4);
	assert_null(alloc_pages(GFP_KERNEL, MAX_ORDER - 2));
	__free_pages(half, MAX_ORDER - 2);
	__free_pages(quarter, MAX_ORDER - 3);
	__free_page(small);
	assert_int_equal(nr_free_pages(), NR_PAGES);
}

static void test_freed_buddies_merge_back(void **state)
{
	struct page *pages[NR_PAGES], *whole;
	unsigned long i, n;

	arena_boot(0);
	n = alloc_all(pages);
	assert_int_equal(n, NR_PAGES);
	/* Free odd pfns, then even ones, so that every merge waits for its buddy. */
	for (i = 1; i < n; i += 2)
		__free_page(pages[i]);
	assert_null(alloc_pages(GFP_KERNEL, 1));
	for (i = 0; i < n; i += 2)
		__free_page(pages[i]);
	whole = alloc_pages(GFP_KERNEL, MAX_ORDER - 1);
	assert_non_null(whole);
	assert_int_equal(page_to_pfn(whole), 0);
	assert_null(alloc_page(GFP_KERNEL));
	__free_pages(whole, MAX_ORDER - 1);
	assert_int_equal(bad.count, 0);
}

static void test_order_too_big_fails(void **state)
{
	arena_boot(0);
	assert_null(alloc_pages(GFP_KERNEL, MAX_ORDER));
	assert_int_equal(__get_free_pages(GFP_KERNEL, MAX_ORDER), 0);
	assert_int_equal(nr_free_pages(), NR_PAGES);
}

static void test_gfp_zero_zeroes(void **state)
{
	unsigned char *p;
	unsigned long addr, i;
	struct page *page;

	memset(arena, 0xaa, NR_PAGES * PAGE_SIZE);
	arena_boot(0);
	addr = get_zeroed_page(GFP_KERNEL);
	assert_int_not_equal(addr, 0);
	p = (unsigned char *)addr;
	for (i = 0; i < PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
	page = alloc_pages(GFP_ATOMIC | __GFP_ZERO, 2);
	p = page_address(page);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
	/* Without __GFP_ZERO the old contents stay. */
	free_page(addr);
	addr = __get_free_page(GFP_KERNEL);
	memset((void *)addr, 0x55, PAGE_SIZE);
	free_page(addr);
	addr = __get_free_page(GFP_KERNEL);
	assert_int_equal(*(unsigned char *)addr, 0x55);
	free_page(addr);
	__free_pages(page, 2);
}

static void test_conversions_round_trip(void **state)
{
	struct page *page;
	unsigned long addr;

	arena_boot(0);
	addr = __get_free_pages(GFP_KERNEL, 3);
	page = virt_to_page((void *)addr);
	assert_ptr_equal(page_address(page), (void *)addr);
	assert_ptr_equal(pfn_to_page(page_to_pfn(page)), page);
	assert_int_equal(page_to_pfn(page), (addr - host_va_pa_offset) >> PAGE_SHIFT);
	assert_ptr_equal(virt_to_page((char *)addr + 5 * PAGE_SIZE + 7), page + 5);
	assert_int_equal(get_order(1), 0);
	assert_int_equal(get_order(PAGE_SIZE), 0);
	assert_int_equal(get_order(PAGE_SIZE + 1), 1);
	assert_int_equal(get_order(8 * PAGE_SIZE), 3);
	free_pages(addr, 3);
	assert_int_equal(nr_free_pages(), NR_PAGES);
}

static void test_refcount_frees_at_zero(void **state)
{
	struct page *page;

	arena_boot(0);
	page = alloc_page(GFP_KERNEL);
	assert_int_equal(page_count(page), 1);
	get_page(page);
	get_page(page);
	assert_int_equal(page_count(page), 3);
	put_page(page);
	put_page(page);
	assert_int_equal(nr_free_pages(), NR_PAGES - 1);
	put_page(page);
	assert_int_equal(page_count(page), 0);
	assert_int_equal(nr_free_pages(), NR_PAGES);
	assert_int_equal(bad.count, 0);
}

static void test_double_free_is_reported(void **state)
{
	struct page *pages[NR_PAGES], *page;

	arena_boot(0);
	page = alloc_page(GFP_KERNEL);
	__free_page(page);
	__free_page(page);
	assert_int_equal(bad.count, 1);
	assert_ptr_equal(bad.page, page);
	assert_non_null(strstr(bad.reason, "double free"));
	assert_int_equal(page_count(page), 0);
	/* The free lists are intact: every page comes out exactly once. */
	assert_int_equal(nr_free_pages(), NR_PAGES);
	assert_int_equal(alloc_all(pages), NR_PAGES);
}

static void test_put_of_a_free_page_is_reported(void **state)
{
	struct page *page;

	arena_boot(0);
	page = pfn_to_page(5);		/* inside the free order-10 block */
	get_page(page);
	put_page(page);
	assert_int_equal(bad.count, 1);
	assert_non_null(strstr(bad.reason, "already on a free list"));
	assert_int_equal(nr_free_pages(), NR_PAGES);
	assert_non_null(alloc_pages(GFP_KERNEL, MAX_ORDER - 1));
}

static void test_free_of_a_reserved_page_is_reported(void **state)
{
	arena_boot(RESERVED);
	__free_page(pfn_to_page(3));
	assert_int_equal(bad.count, 1);
	assert_ptr_equal(bad.page, pfn_to_page(3));
	assert_non_null(strstr(bad.reason, "reserved"));
	assert_int_equal(nr_free_pages(), NR_PAGES - RESERVED);
}

static void test_misaligned_free_is_reported(void **state)
{
	struct page *a, *b, *odd;

	arena_boot(0);
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	odd = (page_to_pfn(a) & 1) ? a : b;
	__free_pages(odd, 1);
	assert_int_equal(bad.count, 1);
	assert_non_null(strstr(bad.reason, "aligned"));
	assert_int_equal(nr_free_pages(), NR_PAGES - 2);
}

static void test_free_with_too_big_an_order_is_reported(void **state)
{
	struct page *page;

	arena_boot(0);
	page = alloc_page(GFP_KERNEL);	/* pfn 0; its buddy, pfn 1, is free */
	__free_pages(page, 1);
	assert_int_equal(bad.count, 1);
	assert_non_null(strstr(bad.reason, "overlapping a free block"));
	assert_int_equal(nr_free_pages(), NR_PAGES - 1);
}

static void test_free_outside_ram_is_reported(void **state)
{
	arena_boot(0);
	free_pages(0, 0);
	assert_int_equal(bad.count, 0);
	free_pages((unsigned long)pfn_to_virt(NR_PAGES + 1), 0);
	assert_int_equal(bad.count, 1);
	assert_null(bad.page);
	__free_pages(pfn_to_page(0), MAX_ORDER);
	assert_int_equal(bad.count, 2);
	assert_int_equal(nr_free_pages(), NR_PAGES);
}

static void test_free_reserved_area_keeps_partial_pages(void **state)
{
	char *base = pfn_to_virt(0);

	/* [1 page + 1 byte, 5 pages - 1 byte) holds whole pages 2 and 3 only. */
	assert_int_equal(free_reserved_area(base + PAGE_SIZE + 1, base + 5 * PAGE_SIZE - 1, -1), 2);
	assert_int_equal(nr_free_pages(), 2);
	assert_true(PageReserved(pfn_to_page(1)));
	assert_false(PageReserved(pfn_to_page(2)));
	assert_false(PageReserved(pfn_to_page(3)));
	assert_true(PageReserved(pfn_to_page(4)));
	/* Handing the same pages over twice is a bug in the caller. */
	assert_int_equal(free_reserved_area(base + 2 * PAGE_SIZE, base + 4 * PAGE_SIZE, -1), 0);
	assert_int_equal(bad.count, 1);
	assert_int_equal(nr_free_pages(), 2);
}

static void test_free_reserved_area_poisons(void **state)
{
	unsigned char *p = pfn_to_virt(16);
	unsigned long i;

	memset(arena, 0, NR_PAGES * PAGE_SIZE);
	assert_int_equal(free_reserved_area(p, p + 16 * PAGE_SIZE, 0xcc), 16);
	for (i = 0; i < 16 * PAGE_SIZE; i++)
		assert_int_equal(p[i], 0xcc);
	assert_int_equal(*(p - 1), 0);
	assert_int_equal(p[16 * PAGE_SIZE], 0);
}

/* mem_map need not start at pfn 0 nor at an aligned pfn. */
static void test_unaligned_memory_start(void **state)
{
	struct page *page;
	unsigned long n = 0;

	arena_init(3, 1000);		/* pfns [3, 1003) */
	assert_int_equal(arena_boot(3), 1000);
	while ((page = alloc_pages(GFP_KERNEL, 3))) {
		assert_int_equal(page_to_pfn(page) & 7, 0);
		assert_true(page_to_pfn(page) >= 3 && page_to_pfn(page) + 8 <= 1003);
		n++;
	}
	assert_int_equal(n, (992 - 8) / 8 + 1);	/* pfns 8, 16, ..., 992 */
	assert_int_equal(nr_free_pages(), 1000 - 8 * n);
	assert_int_equal(bad.count, 0);
}

/* The kernel's own boot path (mem_init): a map left dirty by whatever ran
 * before is zeroed, the kernel's pages and an initrd are reserved, the
 * rest goes over in whole blocks, and the initrd follows once unpacked. */
static void test_boot_frees_blocks_around_reserved_regions(void **state)
{
	static struct page *pages[NR_PAGES];
	unsigned long n, i;

	memset(arena_map, 0xa5, sizeof(arena_map));
	free_area_init(arena_map, 0, NR_PAGES);
	reserve_bootmem_region(0, RESERVED);
	reserve_bootmem_region(500, 520);		/* the initrd */
	assert_int_equal(__free_pages_memory(RESERVED, 500) + __free_pages_memory(520, NR_PAGES),
			 NR_PAGES - RESERVED - 20);
	assert_int_equal(nr_free_pages(), NR_PAGES - RESERVED - 20);
	assert_int_equal(totalram_pages, NR_PAGES - RESERVED - 20);
	assert_true(PageReserved(pfn_to_page(RESERVED - 1)));
	assert_false(PageReserved(pfn_to_page(RESERVED)));
	assert_true(PageReserved(pfn_to_page(519)));
	/* Whole aligned blocks: the largest is [768, 1024)... */
	assert_int_equal(page_to_pfn(alloc_pages(GFP_KERNEL, 8)), 768);
	assert_null(alloc_pages(GFP_KERNEL, 9));
	__free_pages(pfn_to_page(768), 8);
	/* ... and no page handed out is one the kernel kept. */
	n = alloc_all(pages);
	assert_int_equal(n, NR_PAGES - RESERVED - 20);
	for (i = 0; i < n; i++) {
		unsigned long pfn = page_to_pfn(pages[i]);

		assert_true(pfn >= RESERVED && (pfn < 500 || pfn >= 520));
		assert_int_equal(page_count(pages[i]), 1);
	}
	for (i = 0; i < n; i++)
		__free_page(pages[i]);
	/* A reserved page cannot be freed as if allocated; the initrd goes
	 * back through free_reserved_area and merges with its neighbours. */
	__free_page(pfn_to_page(510));
	assert_int_equal(bad.count, 1);
	assert_int_equal(free_reserved_area(pfn_to_virt(500), pfn_to_virt(520), -1), 20);
	assert_int_equal(nr_free_pages(), NR_PAGES - RESERVED);
	assert_non_null(alloc_pages(GFP_KERNEL, 9));
	assert_int_equal(bad.count, 1);
}

/* Random allocations and frees: live blocks never overlap, and in the end
 * everything merges back into one block. */
static void test_random_stress(void **state)
{
	enum { SLOTS = 64 };
	struct { struct page *page; unsigned int order; unsigned char tag; } live[SLOTS] = { 0 };
	unsigned int seed = 12345, i, op;

	arena_boot(0);
	for (op = 0; op < 20000; op++) {
		unsigned int slot;

		seed = seed * 1103515245 + 12345;
		slot = (seed >> 16) % SLOTS;
		if (live[slot].page) {
			unsigned char *p = page_address(live[slot].page);
			unsigned long j;

			for (j = 0; j < PAGE_SIZE << live[slot].order; j += 512)
				assert_int_equal(p[j], live[slot].tag);
			__free_pages(live[slot].page, live[slot].order);
			live[slot].page = NULL;
		} else {
			unsigned int order = (seed >> 8) % 5;
			struct page *page = alloc_pages(GFP_KERNEL, order);

			if (!page)
				continue;
			assert_int_equal(page_to_pfn(page) & ((1UL << order) - 1), 0);
			live[slot].page = page;
			live[slot].order = order;
			live[slot].tag = (unsigned char)(slot + 1);
			memset(page_address(page), live[slot].tag, PAGE_SIZE << order);
		}
	}
	for (i = 0; i < SLOTS; i++)
		if (live[i].page)
			__free_pages(live[i].page, live[i].order);
	assert_int_equal(nr_free_pages(), NR_PAGES);
	assert_non_null(alloc_pages(GFP_KERNEL, MAX_ORDER - 1));
	assert_int_equal(bad.count, 0);
}

/* 1014 pages (3.9 MiB): min_free_kbytes = int_sqrt(4056 * 16) = 254 KiB,
 * 63 pages, that user pages leave to the kernel. */
static void test_user_pages_leave_the_kernel_a_reserve(void **state)
{
	static struct page *pages[NR_PAGES];
	unsigned long n = 0, k, i;
	struct page *page;

	arena_boot(RESERVED);
	while ((page = alloc_page(GFP_HIGHUSER_MOVABLE)))
		pages[n++] = page;
	assert_int_equal(nr_free_pages(), 63);
	assert_null(alloc_pages(GFP_USER, 0));
	for (k = n; (page = alloc_page(GFP_KERNEL)); )
		pages[k++] = page;
	assert_int_equal(k, NR_PAGES - RESERVED);
	assert_int_equal(nr_free_pages(), 0);
	for (i = 0; i < k; i++)
		__free_page(pages[i]);
	assert_int_equal(nr_free_pages(), NR_PAGES - RESERVED);
	assert_int_equal(bad.count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_boot_hands_over_only_free_ranges, setup),
		cmocka_unit_test_setup(test_boot_frees_blocks_around_reserved_regions, setup),
		cmocka_unit_test_setup(test_blocks_are_aligned_to_their_size, setup),
		cmocka_unit_test_setup(test_split_keeps_the_rest_free, setup),
		cmocka_unit_test_setup(test_freed_buddies_merge_back, setup),
		cmocka_unit_test_setup(test_order_too_big_fails, setup),
		cmocka_unit_test_setup(test_gfp_zero_zeroes, setup),
		cmocka_unit_test_setup(test_conversions_round_trip, setup),
		cmocka_unit_test_setup(test_refcount_frees_at_zero, setup),
		cmocka_unit_test_setup(test_double_free_is_reported, setup),
		cmocka_unit_test_setup(test_put_of_a_free_page_is_reported, setup),
		cmocka_unit_test_setup(test_free_of_a_reserved_page_is_reported, setup),
		cmocka_unit_test_setup(test_misaligned_free_is_reported, setup),
		cmocka_unit_test_setup(test_free_with_too_big_an_order_is_reported, setup),
		cmocka_unit_test_setup(test_free_outside_ram_is_reported, setup),
		cmocka_unit_test_setup(test_free_reserved_area_keeps_partial_pages, setup),
		cmocka_unit_test_setup(test_free_reserved_area_poisons, setup),
		cmocka_unit_test_setup(test_unaligned_memory_start, setup),
		cmocka_unit_test_setup(test_random_stress, setup),
		cmocka_unit_test_setup(test_user_pages_leave_the_kernel_a_reserve, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
