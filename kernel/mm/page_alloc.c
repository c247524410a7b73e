/* The binary buddy allocator for physical pages (Linux's mm/page_alloc.c,
 * one zone): free blocks of 2^order pages, naturally aligned, kept on one
 * free list per order; a freed block merges with its free buddy. Single
 * pages come and go through a short list per CPU first (Linux's per-CPU
 * page lists), so that the page a task just freed is the next one handed
 * out, without splitting and merging. */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on free_list */
};

/* Linux's struct zone, reduced to what a single lowmem zone needs. */
struct zone {
	spinlock_t lock;		/* free_area[], free_pages, PG_buddy; irqsave */
	struct free_area free_area[MAX_ORDER];
	unsigned long free_pages;	/* Linux's NR_FREE_PAGES */
};

static struct zone zone;

/*
 * A CPU's cache of free single pages (Linux's struct per_cpu_pages): filled
 * from and drained to the buddy lists @batch pages at a time, never holding
 * more than @high. Its pages count as free (nr_free_pages), though not on
 * the buddy lists. The lock is the owner's almost always; another CPU takes
 * it only to drain the list when memory runs short (drain_all_pages).
 */
struct per_cpu_pages {
	spinlock_t lock; /* irqsave */
	unsigned int count;
	struct list_head list;
};

#define PCP_BATCH 16
#define PCP_HIGH (4 * PCP_BATCH)

static DEFINE_PER_CPU(struct per_cpu_pages, pcp_lists);

struct page *mem_map;
unsigned long min_low_pfn;
unsigned long max_pfn;
unsigned long totalram_pages;

/*
 * Linux's min_free_kbytes, in pages: int_sqrt(lowmem_kbytes * 16) KiB,
 * 128 KiB to 64 MiB (init_per_zone_wmark_min). Linux keeps every
 * allocation above this watermark and makes room by reclaim and the OOM
 * killer, waiting for both. Our allocator never waits, so the reserve is
 * the kernel's: a page for user space (__GFP_HARDWALL) is refused when
 * only the reserve is left, which is what starts the OOM killer, and the
 * kernel's own allocations (a path name, a page table, a slab) still
 * succeed, so that a system out of memory can still unlink, exit and kill.
 */
static unsigned long min_free_pages;

static void init_per_zone_wmark_min(void)
{
	unsigned long lowmem_kbytes = totalram_pages * (PAGE_SIZE >> 10);
	unsigned long min_free_kbytes = clamp(int_sqrt(lowmem_kbytes * 16), 128UL, 65536UL);

	WRITE_ONCE(min_free_pages, min_free_kbytes >> (PAGE_SHIFT - 10));
}

static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

/* The block of the same order that @pfn's block merges with. */
static inline unsigned long __find_buddy_pfn(unsigned long pfn, unsigned int order)
{
	return pfn ^ (1UL << order);
}

static inline void add_to_free_area(struct page *page, unsigned int order)
{
	SetPageBuddy(page);
	page->private = order;
	list_add(&page->lru, &zone.free_area[order].free_list);
	zone.free_area[order].nr_free++;
}

static inline void del_from_free_area(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	ClearPageBuddy(page);
	page->private = 0;
	zone.free_area[order].nr_free--;
}

/**
 * free_area_init - take charge of the pages [start_pfn, end_pfn)
 * @map: one struct page per pfn in the range, mem_map[0] for start_pfn
 *
 * Every struct page starts zeroed: neither reserved nor free, no reference
 * (Linux's memmap_init_zone, as one memset rather than __init_single_page
 * for each page: a quarter of a million of them for 1 GiB). Then
 * reserve_bootmem_region() marks what the kernel keeps, and
 * __free_pages_memory() hands the rest to the allocator.
 * CONTEXT: boot, one CPU, before any other function here.
 */
void free_area_init(struct page *map, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned int order;

	mem_map = map;
	min_low_pfn = start_pfn;
	max_pfn = end_pfn;
	totalram_pages = 0;
	memset(map, 0, (end_pfn - start_pfn) * sizeof(struct page));
	spin_lock_init(&zone.lock);
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&zone.free_area[order].free_list);
		zone.free_area[order].nr_free = 0;
	}
	zone.free_pages = 0;
	for_each_possible_cpu(order) {
		struct per_cpu_pages *pcp = &per_cpu(pcp_lists, order);

		spin_lock_init(&pcp->lock);
		INIT_LIST_HEAD(&pcp->list);
		pcp->count = 0;
	}
}

/* Mark the pages [start_pfn, end_pfn) as the kernel's own, with the one
 * reference free_reserved_area() drops when it gives them back (Linux's
 * reserve_bootmem_region). CONTEXT: boot, after free_area_init(). */
void reserve_bootmem_region(unsigned long start_pfn, unsigned long end_pfn)
{
	struct page *page = pfn_to_page(max(start_pfn, min_low_pfn));
	struct page *end = pfn_to_page(min(end_pfn, max_pfn));

	for (; page < end; page++) {
		page->flags |= 1UL << PG_reserved;
		page->_refcount = 1;
	}
}

#ifdef CONFIG_DEBUG_VM
/* Is @pfn inside a block that is on a free list? A free block of order o
 * holding pfn starts at pfn rounded down to 2^o, so try each order. */
static bool pfn_is_free(unsigned long pfn)
{
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++) {
		unsigned long head = pfn & ~((1UL << order) - 1);

		if (!pfn_valid(head))
			break;
		if (PageBuddy(pfn_to_page(head)) &&
		    buddy_order(pfn_to_page(head)) >= order)
			return true;
	}
	return false;
}
#endif

/* Linux's PAGE_FLAGS_CHECK_AT_FREE: no page of a block being freed may
 * carry one of these. */
#define PAGE_FLAGS_CHECK_AT_FREE                                              \
	(1UL << PG_buddy | 1UL << PG_pcp | 1UL << PG_reserved | 1UL << PG_slab | \
	 1UL << PG_head)

/*
 * Why the block of 2^order pages at @page, whose last reference has just
 * gone, must not be freed, or NULL if it may (Linux's free_pages_check()).
 * A page freed twice is caught by its reference count already; one that
 * lies inside a free block but had a reference taken (get_page of a free
 * page) is found only with CONFIG_DEBUG_VM (make DEBUG_VM=1; the host
 * tests have it), which searches the free lists on every free.
 * CONTEXT: zone.lock held, so that no block can join or leave a free list.
 */
static const char *free_pages_check(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long i;

	if (pfn & ((1UL << order) - 1))
		return "free of a block not aligned to its order";
	if (!pfn_valid(pfn + (1UL << order) - 1))
		return "free of a block that runs past mem_map";
#ifdef CONFIG_DEBUG_VM
	if (pfn_is_free(pfn))
		return "double free: page is already on a free list";
#endif
	/* One test a page (boot frees a gigabyte this way), the reason after. */
	for (i = 0; i < (1UL << order); i++) {
		struct page *p = page + i;

		if (!(p->flags & PAGE_FLAGS_CHECK_AT_FREE))
			continue;
		if (PageBuddy(p) || PagePcp(p))
			return "free of a block overlapping a free block";
		if (PageReserved(p))
			return "free of a reserved page";
		return "free of a page still owned by kmalloc";
	}
	return NULL;
}

/*
 * Put the block of 2^order pages at @page on the free lists, merging it with
 * its buddy while the buddy is free and of the same order (Linux's
 * __free_one_page()).
 * CONTEXT: zone.lock held.
 */
static void __free_one_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	zone.free_pages += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = __find_buddy_pfn(pfn, order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!PageBuddy(buddy) || buddy_order(buddy) != order)
			break;
		del_from_free_area(buddy, order);
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

/* Give @count pages from the head of @pcp back to the buddy lists.
 * CONTEXT: pcp->lock held. */
static void free_pcppages_bulk(struct per_cpu_pages *pcp, unsigned int count)
{
	spin_lock(&zone.lock);
	while (count-- && pcp->count) {
		struct page *page = list_first_entry(&pcp->list, struct page, lru);

		list_del(&page->lru);
		ClearPagePcp(page);
		pcp->count--;
		__free_one_page(page, 0);
	}
	spin_unlock(&zone.lock);
}

/* Free a single page onto this CPU's list (Linux's free_unref_page). */
static void free_unref_page(struct page *page)
{
	struct per_cpu_pages *pcp;
	const char *reason;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_ptr(pcp_lists);
	spin_lock(&pcp->lock);
#ifdef CONFIG_DEBUG_VM
	spin_lock(&zone.lock);
#endif
	reason = free_pages_check(page, 0);
#ifdef CONFIG_DEBUG_VM
	spin_unlock(&zone.lock);
#endif
	if (!reason) {
		SetPagePcp(page);
		list_add(&page->lru, &pcp->list);
		if (++pcp->count >= PCP_HIGH)
			free_pcppages_bulk(pcp, PCP_BATCH);
	}
	spin_unlock(&pcp->lock);
	local_irq_restore(flags);
	if (reason)
		bad_page(page, reason);
}

/* Every CPU's list back to the buddy lists: an allocation that could not
 * be satisfied may be, once those pages can merge (Linux's drain_all_pages). */
static void drain_all_pages(void)
{
	unsigned long flags;
	int cpu;

	for_each_possible_cpu(cpu) {
		struct per_cpu_pages *pcp = &per_cpu(pcp_lists, cpu);

		spin_lock_irqsave(&pcp->lock, flags);
		free_pcppages_bulk(pcp, pcp->count);
		spin_unlock_irqrestore(&pcp->lock, flags);
	}
}

/* Free a block whose references are gone, unless it is in a bad state. */
static void free_one_page(struct page *page, unsigned int order)
{
	const char *reason;
	unsigned long flags;

	spin_lock_irqsave(&zone.lock, flags);
	reason = free_pages_check(page, order);
	if (!reason)
		__free_one_page(page, order);
	spin_unlock_irqrestore(&zone.lock, flags);
	if (reason)
		bad_page(page, reason);
}

/**
 * __free_pages - drop a reference to a block of 2^order pages
 *
 * The block goes back to the free lists when this was the last reference,
 * so put_page() is __free_pages(page, 0). A page outside mem_map, already
 * free, reserved or freed with the wrong alignment is reported with
 * bad_page() and left alone.
 * CONTEXT: any, including IRQ handlers; takes zone.lock with IRQs off.
 */
void __free_pages(struct page *page, unsigned int order)
{
	int old;

	if (page < mem_map || page >= mem_map + (max_pfn - min_low_pfn) ||
	    order >= MAX_ORDER) {
		bad_page(NULL, "free of a page outside mem_map");
		return;
	}
	old = __atomic_fetch_sub(&page->_refcount, 1, __ATOMIC_ACQ_REL);
	if (old <= 0) {
		__atomic_fetch_add(&page->_refcount, 1, __ATOMIC_RELAXED);
		bad_page(page, "double free: _refcount already 0");
		return;
	}
	if (old == 1) {
		if (order == 0)
			free_unref_page(page);
		else
			free_one_page(page, order);
	}
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr == 0)
		return;
	if (!pfn_valid(virt_to_pfn(addr))) {
		bad_page(NULL, "free_pages of an address outside mem_map");
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

/*
 * Take a block of exactly 2^order pages off the free lists: the first block
 * of the smallest order that has one, split in halves, the upper halves
 * going back on the lower free lists (Linux's __rmqueue_smallest() and
 * expand(), always inlined as there). The caller counts the pages out of
 * zone.free_pages.
 * CONTEXT: zone.lock held. RETURNS: the first page, or NULL.
 */
static __always_inline struct page *__rmqueue_smallest(unsigned int order)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &zone.free_area[current_order];
		struct page *page;
		unsigned int high;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_area(page, current_order);
		for (high = current_order; high > order; high--)
			add_to_free_area(page + (1UL << (high - 1)), high - 1);
		return page;
	}
	return NULL;
}

/*
 * Move up to @count single pages from the buddy lists to the tail of @pcp's
 * list under one hold of zone.lock (Linux's rmqueue_bulk, order 0), and
 * count them out of zone.free_pages once. Out of line (it runs once a
 * batch), so that the single-page path, inlined into alloc_pages() as
 * Linux's rmqueue() is, keeps a light frame.
 * CONTEXT: pcp->lock held, IRQs off. RETURNS: how many pages were moved.
 */
static noinline unsigned int rmqueue_bulk(struct per_cpu_pages *pcp, unsigned int count)
{
	unsigned int i;

	spin_lock(&zone.lock);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue_smallest(0);

		if (unlikely(!page))
			break;
		SetPagePcp(page);
		list_add_tail(&page->lru, &pcp->list);
	}
	zone.free_pages -= i;
	spin_unlock(&zone.lock);
	return i;
}

/* The first page of this CPU's list, which is refilled a batch at a time
 * when empty (Linux's __rmqueue_pcplist).
 * CONTEXT: pcp->lock held, IRQs off. RETURNS: the page, or NULL. */
static inline struct page *__rmqueue_pcplist(struct per_cpu_pages *pcp)
{
	struct page *page;

	if (list_empty(&pcp->list)) {
		pcp->count += rmqueue_bulk(pcp, PCP_BATCH);
		if (unlikely(list_empty(&pcp->list)))
			return NULL;
	}
	page = list_first_entry(&pcp->list, struct page, lru);
	list_del(&page->lru);
	ClearPagePcp(page);
	pcp->count--;
	return page;
}

/* A single page from this CPU's list (Linux's rmqueue_pcplist), with IRQs
 * off and the list's own lock, which other CPUs take only to drain it.
 * RETURNS: the page, or NULL. */
static inline struct page *rmqueue_pcplist(void)
{
	struct per_cpu_pages *pcp;
	struct page *page;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_ptr(pcp_lists);
	spin_lock(&pcp->lock);
	page = __rmqueue_pcplist(pcp);
	spin_unlock(&pcp->lock);
	local_irq_restore(flags);
	return page;
}

/* May a 2^order block go to this request? Only the kernel's own
 * allocations may take the min_free_kbytes reserve; as Linux's
 * zone_watermark_ok(), pages on the CPUs' lists do not count. */
static bool zone_watermark_ok(unsigned int order, gfp_t gfp_mask)
{
	if (!(gfp_mask & __GFP_HARDWALL))
		return true;
	return READ_ONCE(zone.free_pages) >= READ_ONCE(min_free_pages) + (1UL << order);
}

static inline struct page *rmqueue(unsigned int order, gfp_t gfp_mask)
{
	struct page *page;
	unsigned long flags;

	if (!zone_watermark_ok(order, gfp_mask))
		return NULL;
	if (likely(order == 0))
		return rmqueue_pcplist();
	spin_lock_irqsave(&zone.lock, flags);
	page = __rmqueue_smallest(order);
	if (page)
		zone.free_pages -= 1UL << order;
	spin_unlock_irqrestore(&zone.lock, flags);
	return page;
}

/**
 * alloc_pages - allocate 2^order physically contiguous pages
 *
 * The block is aligned to its size (an order-1 block to 8 KiB, ...); only
 * its first page counts references, and it starts with one. A page for
 * user space (__GFP_HARDWALL) never takes the kernel's reserve.
 * CONTEXT: any, including IRQ handlers: it never sleeps.
 * RETURNS: the first page, or NULL when no free block is big enough.
 */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	page = rmqueue(order, gfp_mask);
	if (!page) {
		kmem_cache_shrink_all(false); /* may be IRQs off: no IPIs */
		drain_all_pages();
		page = rmqueue(order, gfp_mask);
	}
	if (!page)
		return NULL;
	__atomic_store_n(&page->_refcount, 1, __ATOMIC_RELAXED);
	if (gfp_mask & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/* RETURNS: the block's kernel virtual address, or 0. */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

/* Free pages, those on the CPUs' lists and the slab caches' empty slabs
 * included (Linux counts these only once back on the buddy lists). */
unsigned long nr_free_pages(void)
{
	unsigned long free = READ_ONCE(zone.free_pages) + nr_free_slab_pages();
	int cpu;

	for_each_possible_cpu(cpu)
		free += READ_ONCE(per_cpu(pcp_lists, cpu).count);
	return free;
}

/* The order of the largest naturally aligned block that starts at @pfn and
 * ends by @end_pfn (pfn < end_pfn): how boot hands memory over, so that it
 * does not merge page by page. */
static unsigned int boot_block_order(unsigned long pfn, unsigned long end_pfn)
{
	unsigned int order = 0;

	while (order < MAX_ORDER - 1 && !(pfn & ((2UL << order) - 1)) &&
	       pfn + (2UL << order) <= end_pfn)
		order++;
	return order;
}

/* Hand one reserved block to the allocator, in one pass over its pages: a
 * page found not reserved leaves the block as it was, and the pages found
 * reserved carry nothing free_pages_check() looks for, so the block goes
 * straight onto the free lists (as __free_pages_memory's blocks do). */
static unsigned long free_reserved_block(unsigned long pfn, unsigned int order, int poison)
{
	struct page *page = pfn_to_page(pfn), *end = page + (1UL << order), *p;
	unsigned long flags;

	for (p = page; p < end; p++) {
		if (!PageReserved(p)) {
			bad_page(p, "free_reserved_area of a page that is not reserved");
			while (p-- > page) {
				SetPageReserved(p);
				p->_refcount = 1;
			}
			return 0;
		}
		ClearPageReserved(p);
		p->_refcount = 0;
	}
	if (poison >= 0)
		memset(page_address(page), poison, PAGE_SIZE << order);
	spin_lock_irqsave(&zone.lock, flags);
	__free_one_page(page, order);
	spin_unlock_irqrestore(&zone.lock, flags);
	return 1UL << order;
}

/**
 * free_reserved_area - give the whole pages inside [start, end) back to the allocator
 * @start, @end: kernel virtual addresses; partial pages at either end are kept
 * @poison: byte to fill the pages with, or -1 to leave them as they are
 *
 * For reserved memory the kernel no longer needs (the initrd once
 * unpacked), as Linux's free_reserved_area(). Unlike Linux's, it takes no
 * name for a log line: printing is the caller's business. The range goes
 * in as the largest aligned blocks that fit. Pages outside mem_map are
 * skipped; a page that is not reserved is reported with bad_page().
 * CONTEXT: process context; takes zone.lock.
 * RETURNS: the number of pages freed.
 */
unsigned long free_reserved_area(void *start, void *end, int poison)
{
	unsigned long pfn = DIV_ROUND_UP(__pa(start), PAGE_SIZE);
	unsigned long end_pfn = __pa(end) >> PAGE_SHIFT;
	unsigned long freed = 0;

	pfn = max(pfn, min_low_pfn);
	end_pfn = min(end_pfn, max_pfn);
	while (pfn < end_pfn) {
		unsigned int order = boot_block_order(pfn, end_pfn);

		freed += free_reserved_block(pfn, order, poison);
		pfn += 1UL << order;
	}
	totalram_pages += freed;
	init_per_zone_wmark_min();
	return freed;
}

/**
 * __free_pages_memory - give the pages [start_pfn, end_pfn) to the allocator at boot
 *
 * The pages must be as free_area_init() left them: they go onto the buddy
 * lists as the largest aligned blocks that fit, a block at a time (Linux's
 * __free_pages_memory -> __free_pages_boot_core). Linux first clears each
 * page's PG_reserved and count, and free_pages_prepare() checks each page
 * again; the memset of free_area_init() has left nothing to clear or find.
 * CONTEXT: boot, one CPU, after free_area_init().
 * RETURNS: the number of pages freed.
 */
unsigned long __free_pages_memory(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, flags;
	unsigned int order;

	start_pfn = max(start_pfn, min_low_pfn);
	end_pfn = min(end_pfn, max_pfn);
	if (start_pfn >= end_pfn)
		return 0;
	spin_lock_irqsave(&zone.lock, flags);
	for (pfn = start_pfn; pfn < end_pfn; pfn += 1UL << order) {
		order = boot_block_order(pfn, end_pfn);
		__free_one_page(pfn_to_page(pfn), order);
	}
	spin_unlock_irqrestore(&zone.lock, flags);
	totalram_pages += end_pfn - start_pfn;
	init_per_zone_wmark_min();
	return end_pfn - start_pfn;
}
