/* kmalloc()/kfree() and kmem_cache_*(): small objects carved from single
 * pages, one cache per power-of-two size class, bigger requests as whole
 * page blocks; each cache keeps one empty slab (include/linux/slab.h).
 * Linux's mm/slub.c in spirit, with far fewer features. */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#define KMALLOC_CACHE(i, sz)                                                 \
	[i] = {                                                              \
		.name = "kmalloc-" #sz,                                      \
		.size = sz,                                                  \
		.lock = __SPIN_LOCK_UNLOCKED(kmalloc_caches[i].lock),        \
		.partial = LIST_HEAD_INIT(kmalloc_caches[i].partial),        \
		.list = LIST_HEAD_INIT(kmalloc_caches[i].list),              \
	}

struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES] = {
	KMALLOC_CACHE(0, 16),   KMALLOC_CACHE(1, 32),   KMALLOC_CACHE(2, 64),
	KMALLOC_CACHE(3, 128),  KMALLOC_CACHE(4, 256),  KMALLOC_CACHE(5, 512),
	KMALLOC_CACHE(6, 1024), KMALLOC_CACHE(7, 2048),
};

static inline void *get_freepointer(void *obj)
{
	return *(void **)obj;
}

static inline void set_freepointer(void *obj, void *next)
{
	*(void **)obj = next;
}

/* Objects per slab. */
static inline unsigned int oo_objects(const struct kmem_cache *s)
{
	return PAGE_SIZE / s->size;
}

/*
 * A fresh page for @s (Linux's new_slab()). Linux threads every object on
 * the freelist at once; here they are carved in order as they are first
 * needed, so that a slab that comes and goes with one object (a signal's
 * sigqueue) does not pay for the whole page.
 * CONTEXT: s->lock not held. RETURNS: the page, or NULL.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp_mask)
{
	struct page *page = alloc_pages(gfp_mask & ~__GFP_ZERO, 0);

	if (!page)
		return NULL;
	SetPageSlab(page);
	page->slab_cache = s;
	page->freelist = NULL;
	page->inuse = 0;
	page->carved = 0;
	INIT_LIST_HEAD(&page->slab_list);
	return page;
}

/* Are all of the slab's objects handed out? */
static inline bool slab_full(const struct kmem_cache *s, const struct page *page)
{
	return !page->freelist && page->carved == oo_objects(s);
}

/**
 * kmem_cache_alloc - take one object from @s
 * @gfp_mask: __GFP_ZERO zeroes the object; the rest goes to alloc_pages()
 *
 * CONTEXT: any, including IRQ handlers; takes s->lock with IRQs off.
 * RETURNS: the object, aligned as the cache was created, or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp_mask)
{
	unsigned long flags;
	struct page *page;
	void *obj;

	spin_lock_irqsave(&s->lock, flags);
	if (list_empty(&s->partial)) {
		page = s->spare;
		if (page) {
			s->spare = NULL;
			__atomic_fetch_sub(&nr_spare_slab_pages, 1, __ATOMIC_RELAXED);
		} else {
			spin_unlock_irqrestore(&s->lock, flags);
			page = new_slab(s, gfp_mask);
			if (!page)
				return NULL;
			spin_lock_irqsave(&s->lock, flags);
		}
		list_add(&page->slab_list, &s->partial);
		s->nr_slabs++;
	}
	page = list_first_entry(&s->partial, struct page, slab_list);
	obj = page->freelist;
	if (obj)
		page->freelist = get_freepointer(obj);
	else
		obj = (char *)page_address(page) + page->carved++ * s->size;
	page->inuse++;
	if (slab_full(s, page))
		list_del(&page->slab_list);
	s->nr_active++;
	spin_unlock_irqrestore(&s->lock, flags);
	if (gfp_mask & __GFP_ZERO)
		memset(obj, 0, s->size);
	return obj;
}

/*
 * Why @obj cannot be an object of @s in use on @page, or NULL. Finding a
 * double free means walking the page's freelist, as SLUB does only with
 * slub_debug: here only in a kernel built with CONFIG_SLUB_DEBUG (make
 * SLUB_DEBUG=1; the host tests are), since it would cost every free. Without
 * it, a double free loops the freelist back on itself.
 * CONTEXT: s->lock held.
 */
static const char *check_object(struct kmem_cache *s, struct page *page, const void *obj)
{
	unsigned long offset = (const char *)obj - (const char *)page_address(page);

	if (!PageSlab(page) || page->slab_cache != s)
		return "kmem_cache_free of an object from another cache";
	if (offset % s->size || offset / s->size >= oo_objects(s))
		return "kmem_cache_free of a pointer inside an object";
	if (offset / s->size >= page->carved)
		return "kmem_cache_free of an object never allocated";
	if (page->inuse == 0)
		return "kmem_cache_free: object already free";
#ifdef CONFIG_SLUB_DEBUG
	for (void *p = page->freelist; p; p = get_freepointer(p))
		if (p == obj)
			return "kmem_cache_free: object already free";
#endif
	return NULL;
}

/* An empty slab back to the page allocator (Linux's discard_slab()).
 * CONTEXT: s->lock not held; the slab is on no list. */
static void discard_slab(struct page *page)
{
	ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	__free_pages(page, 0);
}

/**
 * kmem_cache_free - give @obj back to @s
 *
 * A slab that becomes empty becomes the cache's spare if it has none, else
 * goes back to the page allocator at once. Pointers that are not live
 * objects of @s are reported with bad_page().
 * CONTEXT: any, including IRQ handlers; takes s->lock with IRQs off.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	unsigned long flags;
	struct page *page;
	const char *reason;
	bool was_full, empty = false;

	if (!obj)
		return;
	if (!pfn_valid(virt_to_pfn(obj))) {
		bad_page(NULL, "kmem_cache_free of an address outside mem_map");
		return;
	}
	page = virt_to_page(obj);
	spin_lock_irqsave(&s->lock, flags);
	reason = check_object(s, page, obj);
	if (reason) {
		spin_unlock_irqrestore(&s->lock, flags);
		bad_page(page, reason);
		return;
	}
	was_full = slab_full(s, page);
	set_freepointer(obj, page->freelist);
	page->freelist = obj;
	page->inuse--;
	s->nr_active--;
	if (page->inuse == 0) {
		if (!was_full)
			list_del(&page->slab_list);
		s->nr_slabs--;
		if (s->spare) {
			empty = true;
		} else {
			s->spare = page;
			__atomic_fetch_add(&nr_spare_slab_pages, 1, __ATOMIC_RELAXED);
		}
	} else if (was_full) {
		list_add(&page->slab_list, &s->partial);
	}
	spin_unlock_irqrestore(&s->lock, flags);
	if (empty)
		discard_slab(page);
}

/* Give @s's spare slab back to the page allocator (what Linux's
 * __kmem_cache_shrink() does to empty slabs). CONTEXT: any. */
static void __kmem_cache_shrink(struct kmem_cache *s)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&s->lock, flags);
	page = s->spare;
	s->spare = NULL;
	spin_unlock_irqrestore(&s->lock, flags);
	if (page) {
		__atomic_fetch_sub(&nr_spare_slab_pages, 1, __ATOMIC_RELAXED);
		discard_slab(page);
	}
}

void kmem_cache_shrink_all(void)
{
	int i;

	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		__kmem_cache_shrink(&kmalloc_caches[i]);
	for_each_slab_cache(__kmem_cache_shrink);
}

/**
 * kmem_cache_create - a cache of objects of @size bytes
 * @align: minimum alignment, a power of two (0 for pointer alignment)
 * @flags: SLAB_HWCACHE_ALIGN to start each object on a cache line
 *
 * Linux's also takes a constructor; nothing here needs one. Objects live in
 * single pages, so @size is at most PAGE_SIZE.
 * CONTEXT: process context. RETURNS: the cache, or NULL.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags)
{
	struct kmem_cache *s;

	align = max(align, (unsigned int)sizeof(void *));
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (unsigned int)L1_CACHE_BYTES);
	if (size == 0 || size > PAGE_SIZE || (align & (align - 1)))
		return NULL;
	size = ALIGN(size, align);
	if (size > PAGE_SIZE)
		return NULL;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	s->name = name;
	s->size = size;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->partial);
	slab_cache_register(s);
	return s;
}

/* Free a cache made by kmem_cache_create(); all its objects must be freed. */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (READ_ONCE(s->nr_active)) {
		bad_page(NULL, "kmem_cache_destroy of a cache with objects in use");
		return;
	}
	slab_cache_unregister(s);
	__kmem_cache_shrink(s);
	kfree(s);
}

/* The kmalloc cache for @size (1 .. KMALLOC_MAX_CACHE_SIZE bytes). */
static inline struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int shift = KMALLOC_SHIFT_LOW;

	while ((1u << shift) < size)
		shift++;
	return &kmalloc_caches[shift - KMALLOC_SHIFT_LOW];
}

/**
 * kmalloc - allocate @size bytes
 *
 * Up to KMALLOC_MAX_CACHE_SIZE from the size class above @size, aligned to
 * that class; bigger ones as a page block (Linux's kmalloc_large()), its
 * order kept in the first page for kfree().
 * CONTEXT: any, including IRQ handlers (pass GFP_ATOMIC there).
 * RETURNS: the memory, ZERO_SIZE_PTR for @size 0, or NULL.
 */
void *kmalloc(size_t size, gfp_t gfp_mask)
{
	struct page *page;
	unsigned int order;

	if (size == 0)
		return ZERO_SIZE_PTR;
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc(kmalloc_slab(size), gfp_mask);
	if (size > KMALLOC_MAX_SIZE)
		return NULL;
	order = get_order(size);
	page = alloc_pages(gfp_mask, order);
	if (!page)
		return NULL;
	SetPageHead(page);
	page->private = order;
	return page_address(page);
}

/*
 * The page of a pointer kmalloc() returned, or NULL after reporting with
 * bad_page() why it cannot be one.
 */
static struct page *kmalloc_page(const void *obj)
{
	struct page *page;

	if (!pfn_valid(virt_to_pfn(obj))) {
		bad_page(NULL, "kfree of an address outside mem_map");
		return NULL;
	}
	page = virt_to_page(obj);
	if (!PageSlab(page) && !(PageHead(page) && obj == page_address(page))) {
		bad_page(page, "kfree of a pointer not from kmalloc, or freed twice");
		return NULL;
	}
	return page;
}

/* Free what kmalloc() or kmem_cache_alloc() returned; NULL and
 * ZERO_SIZE_PTR are ignored. CONTEXT: any. */
void kfree(const void *obj)
{
	struct page *page;
	unsigned int order;

	if (ZERO_OR_NULL_PTR(obj))
		return;
	page = kmalloc_page(obj);
	if (!page)
		return;
	if (PageSlab(page)) {
		kmem_cache_free(page->slab_cache, (void *)obj);
		return;
	}
	order = page->private;
	ClearPageHead(page);
	page->private = 0;
	__free_pages(page, order);
}

/* RETURNS: how many bytes the allocation at @obj may really use. */
size_t ksize(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	page = kmalloc_page(obj);
	if (!page)
		return 0;
	if (PageSlab(page))
		return page->slab_cache->size;
	return PAGE_SIZE << page->private;
}
