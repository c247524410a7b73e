/* kmalloc()/kfree() and kmem_cache_*(): Linux's SLUB (mm/slub.c). Objects
 * are carved from single pages, one cache per power-of-two size class;
 * bigger requests get whole page blocks. Each CPU allocates from and frees
 * to its own slab without a lock (the fast paths); only when that slab is
 * used up, or an object belongs to another slab, does it take the node's
 * list_lock (the slow paths). Not here: NUMA nodes, CPU partial lists
 * (CONFIG_SLUB_CPU_PARTIAL), constructors, slabs of more than one page. */
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

/* Linux's MIN_PARTIAL: set_min_partial() gives 5 or 6 for our sizes. */
#define MIN_PARTIAL 5

static struct kmem_cache_cpu kmalloc_cpu_slab[NR_KMALLOC_CACHES][NR_CPUS];

#define KMALLOC_CACHE(i, sz)                                                        \
	[i] = {                                                                     \
		.cpu_slab = kmalloc_cpu_slab[i],                                    \
		.name = "kmalloc-" #sz,                                             \
		.size = sz,                                                         \
		.objects = PAGE_SIZE / (sz),                                        \
		.min_partial = MIN_PARTIAL,                                         \
		.list = LIST_HEAD_INIT(kmalloc_caches[i].list),                     \
		.node = {                                                           \
			.list_lock = __SPIN_LOCK_UNLOCKED(kmalloc_caches[i].node.list_lock), \
			.partial = LIST_HEAD_INIT(kmalloc_caches[i].node.partial),  \
		},                                                                  \
	}

struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES] = {
	KMALLOC_CACHE(0, 16),   KMALLOC_CACHE(1, 32),   KMALLOC_CACHE(2, 64),
	KMALLOC_CACHE(3, 128),  KMALLOC_CACHE(4, 256),  KMALLOC_CACHE(5, 512),
	KMALLOC_CACHE(6, 1024), KMALLOC_CACHE(7, 2048),
};

static inline struct kmem_cache_node *get_node(struct kmem_cache *s)
{
	return &s->node;
}

/* Linux's this_cpu_ptr(s->cpu_slab). CONTEXT: IRQs off, so that the CPU
 * cannot change under the caller. */
static inline struct kmem_cache_cpu *this_cpu_slab(struct kmem_cache *s)
{
	return &s->cpu_slab[smp_processor_id()];
}

/* A free object's first word links it to the next free one. */
static inline void *get_freepointer(void *object)
{
	return *(void **)object;
}

static inline void set_freepointer(void *object, void *fp)
{
	*(void **)object = fp;
}

/*
 * Is @x already on @freelist? Without CONFIG_SLUB_DEBUG (make
 * SLUB_DEBUG=1; the host tests have it) only the head is compared, Linux's
 * naive double-free check (CONFIG_SLAB_FREELIST_HARDENED's set_freepointer);
 * with it the whole list is walked, as Linux's on_freelist().
 */
static inline bool on_freelist(void *freelist, const void *x)
{
#ifdef CONFIG_SLUB_DEBUG
	for (; freelist; freelist = get_freepointer(freelist))
		if (freelist == x)
			return true;
	return false;
#else
	return freelist == x;
#endif
}

static inline void add_partial(struct kmem_cache_node *n, struct page *page, bool tail)
{
	n->nr_partial++;
	if (tail)
		list_add_tail(&page->slab_list, &n->partial);
	else
		list_add(&page->slab_list, &n->partial);
}

static inline void remove_partial(struct kmem_cache_node *n, struct page *page)
{
	list_del(&page->slab_list);
	n->nr_partial--;
}

/*
 * A fresh page for @s with every object on its freelist, frozen and all
 * objects counted in use as a CPU slab's are (Linux's new_slab(),
 * allocate_slab()). IRQs stay off through alloc_pages(), which never
 * sleeps here (Linux turns them on when the gfp mask allows blocking).
 * CONTEXT: IRQs off, no list_lock held. RETURNS: the page, or NULL.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t flags)
{
	struct page *page = alloc_pages(flags & ~__GFP_ZERO, 0);
	char *start, *p, *last;

	if (!page)
		return NULL;
	SetPageSlab(page);
	page->slab_cache = s;
	page->objects = s->objects;
	page->inuse = page->objects;
	page->frozen = 1;
	start = page_address(page);
	last = start + (s->objects - 1) * s->size;
	for (p = start; p < last; p += s->size)
		set_freepointer(p, p + s->size);
	set_freepointer(last, NULL);
	page->freelist = start;
	return page;
}

/* An empty slab back to the page allocator (Linux's discard_slab()).
 * CONTEXT: no list_lock held; the slab is on no list and was uncounted
 * from the node's nr_slabs. */
static void discard_slab(struct page *page)
{
	ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	__free_pages(page, 0);
}

/*
 * Give the CPU slab back to the node (Linux's deactivate_slab()): the
 * objects still on the CPU's @freelist go onto the page's, and the page is
 * unfrozen onto the partial list, or onto no list if full, or back to the
 * page allocator if empty and the node has min_partial slabs already.
 * CONTEXT: IRQs off, on the CPU of @c (flush_all() sends it there).
 */
static void deactivate_slab(struct kmem_cache *s, struct page *page, void *freelist,
			    struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = get_node(s);
	bool remote_frees, discard = false;
	void *next;

	spin_lock(&n->list_lock);
	remote_frees = page->freelist != NULL;
	for (; freelist; freelist = next) {
		next = get_freepointer(freelist);
		set_freepointer(freelist, page->freelist);
		page->freelist = freelist;
		page->inuse--;
	}
	page->frozen = 0;
	if (!page->inuse && n->nr_partial >= s->min_partial) {
		n->nr_slabs--;
		discard = true;
	} else if (page->freelist) {
		add_partial(n, page, remote_frees);
	}
	c->page = NULL;
	c->freelist = NULL;
	c->nr_free = 0;
	spin_unlock(&n->list_lock);
	if (discard)
		discard_slab(page);
}

/* Linux's flush_slab(). CONTEXT: IRQs off, on the CPU of @c. */
static inline void flush_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	deactivate_slab(s, c->page, c->freelist, c);
}

/* Deactivate this CPU's slab of the cache @d (Linux's flush_cpu_slab(),
 * an IPI handler there and here). */
static void flush_cpu_slab(void *d)
{
	struct kmem_cache *s = d;
	struct kmem_cache_cpu *c;
	unsigned long flags;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	if (c->page)
		flush_slab(s, c);
	local_irq_restore(flags);
}

/* Every CPU's slab of @s back on the node (Linux's flush_all(), which
 * uses on_each_cpu_cond()). CONTEXT: process, IRQs on. */
static void flush_all(struct kmem_cache *s)
{
	int cpu;

	for_each_online_cpu(cpu)
		if (READ_ONCE(s->cpu_slab[cpu].page))
			smp_call_function_single(cpu, flush_cpu_slab, s, 1);
}

/*
 * Take over the first partial slab's freelist as @c's (Linux's
 * get_partial_node() with acquire_slab(), one slab: no CPU partial lists).
 * CONTEXT: IRQs off, on the CPU of @c, which has no slab.
 * RETURNS: the slab's free objects, or NULL if no slab is partial.
 */
static void *get_partial_node(struct kmem_cache *s, struct kmem_cache_node *n,
			      struct kmem_cache_cpu *c)
{
	struct page *page;
	void *freelist;

	if (!READ_ONCE(n->nr_partial))
		return NULL;
	spin_lock(&n->list_lock);
	if (list_empty(&n->partial)) {
		spin_unlock(&n->list_lock);
		return NULL;
	}
	page = list_first_entry(&n->partial, struct page, slab_list);
	remove_partial(n, page);
	freelist = page->freelist;
	c->nr_free = page->objects - page->inuse;
	page->freelist = NULL;
	page->inuse = page->objects;
	page->frozen = 1;
	c->page = page;
	spin_unlock(&n->list_lock);
	return freelist;
}

/*
 * A slab for @c: a partial one, else a new one (Linux's new_slab_objects()).
 * CONTEXT: IRQs off, on the CPU of @c, which has no slab.
 * RETURNS: the free objects now @c's, or NULL when memory is out.
 */
static void *new_slab_objects(struct kmem_cache *s, gfp_t flags, struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = get_node(s);
	struct page *page;
	void *freelist;

	freelist = get_partial_node(s, n, c);
	if (freelist)
		return freelist;
	page = new_slab(s, flags);
	if (!page)
		return NULL;
	spin_lock(&n->list_lock);
	n->nr_slabs++;
	freelist = page->freelist;
	page->freelist = NULL;
	c->nr_free = page->objects;
	c->page = page;
	spin_unlock(&n->list_lock);
	return freelist;
}

/*
 * Take the objects other CPUs freed to the CPU slab @page since it was
 * frozen (Linux's get_freelist()); with none, the slab is full: it is
 * unfrozen and left on no list, and @c has no slab any more.
 * CONTEXT: IRQs off, on the CPU of @c. RETURNS: the objects, or NULL.
 */
static inline void *get_freelist(struct kmem_cache *s, struct page *page,
				 struct kmem_cache_cpu *c)
{
	struct kmem_cache_node *n = get_node(s);
	void *freelist;

	spin_lock(&n->list_lock);
	freelist = page->freelist;
	c->nr_free = page->objects - page->inuse;
	page->freelist = NULL;
	page->inuse = page->objects;
	page->frozen = freelist != NULL;
	if (!freelist)
		c->page = NULL;
	spin_unlock(&n->list_lock);
	return freelist;
}

/*
 * The slow path of an allocation, when this CPU's freelist is empty
 * (Linux's ___slab_alloc()): refill it from what other CPUs freed to the
 * CPU slab, else from a partial slab, else from a new slab.
 * CONTEXT: IRQs off, on the CPU of @c. RETURNS: an object, or NULL.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfpflags, struct kmem_cache_cpu *c)
{
	void *freelist;

	if (c->page) {
		freelist = get_freelist(s, c->page, c);
		if (freelist)
			goto load_freelist;
	}
	freelist = new_slab_objects(s, gfpflags, c);
	if (!freelist)
		return NULL;
load_freelist:
	c->freelist = get_freepointer(freelist);
	c->nr_free--;
	return freelist;
}

/*
 * Allocation, fast path inline (Linux's slab_alloc_node()): the next object
 * of this CPU's freelist, with IRQs off instead of this_cpu_cmpxchg_double
 * (valid on ARMv7 and with preemption, since the per-CPU pointer is taken
 * with IRQs off).
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	c = this_cpu_slab(s);
	object = c->freelist;
	if (unlikely(!object)) {
		object = ___slab_alloc(s, gfpflags, c);
	} else {
		c->freelist = get_freepointer(object);
		c->nr_free--;
	}
	local_irq_restore(flags);
	if (unlikely(gfpflags & __GFP_ZERO) && object)
		memset(object, 0, s->size);
	return object;
}

/**
 * kmem_cache_alloc - take one object from @s
 * @gfpflags: __GFP_ZERO zeroes the object; the rest goes to alloc_pages()
 *
 * CONTEXT: any, including IRQ handlers.
 * RETURNS: the object, aligned as the cache was created, or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	return slab_alloc(s, gfpflags);
}

/*
 * Free to a slab that is not this CPU's (Linux's __slab_free()): onto the
 * page's freelist. A frozen page (another CPU's slab) stays as it is; a
 * full one goes onto the partial list; an empty one goes back to the page
 * allocator if the node has min_partial slabs already.
 * CONTEXT: IRQs off. RETURNS: NULL, or why @x cannot be freed.
 */
static const char *__slab_free(struct kmem_cache *s, struct page *page, void *x)
{
	struct kmem_cache_node *n = get_node(s);
	void *prior;

	spin_lock(&n->list_lock);
	prior = page->freelist;
	if (unlikely(on_freelist(prior, x) || !page->inuse)) {
		spin_unlock(&n->list_lock);
		return "kmem_cache_free: object already free";
	}
	set_freepointer(x, prior);
	page->freelist = x;
	page->inuse--;
	if (page->frozen) {
		spin_unlock(&n->list_lock);
		return NULL;
	}
	if (!page->inuse && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, page);
		n->nr_slabs--;
		spin_unlock(&n->list_lock);
		discard_slab(page);
		return NULL;
	}
	if (!prior)
		add_partial(n, page, true);
	spin_unlock(&n->list_lock);
	return NULL;
}

#ifdef CONFIG_SLUB_DEBUG
/*
 * Why @x is not a free-able object of @page, the CPU slab of @c or not
 * (Linux's free_debug_processing(): check_valid_pointer, on_freelist).
 * The freelist of another CPU's slab cannot be walked while that CPU uses
 * it: a double free of an object on it goes unseen.
 * CONTEXT: IRQs off, on the CPU of @c.
 */
static const char *free_debug_processing(struct kmem_cache *s, struct page *page,
					 struct kmem_cache_cpu *c, const void *x)
{
	unsigned long offset = (const char *)x - (const char *)page_address(page);
	struct kmem_cache_node *n = get_node(s);
	bool free;

	if (offset % s->size || offset / s->size >= page->objects)
		return "kmem_cache_free of a pointer inside an object";
	spin_lock(&n->list_lock);
	free = on_freelist(page->freelist, x) || (page == c->page && on_freelist(c->freelist, x));
	spin_unlock(&n->list_lock);
	return free ? "kmem_cache_free: object already free" : NULL;
}
#endif

/*
 * Free, fast path inline (Linux's do_slab_free()): onto this CPU's
 * freelist when @x belongs to this CPU's slab, with IRQs off instead of
 * this_cpu_cmpxchg_double; else __slab_free(). Reports a bad free with
 * bad_page().
 */
static __always_inline void slab_free(struct kmem_cache *s, struct page *page, void *x)
{
	struct kmem_cache_cpu *c;
	const char *reason = NULL;
	unsigned long flags;

	local_irq_save(flags);
	c = this_cpu_slab(s);
#ifdef CONFIG_SLUB_DEBUG
	reason = free_debug_processing(s, page, c, x);
	if (reason)
		goto out;
#endif
	if (likely(page == c->page)) {
		if (unlikely(on_freelist(c->freelist, x))) {
			reason = "kmem_cache_free: object already free";
			goto out;
		}
		set_freepointer(x, c->freelist);
		c->freelist = x;
		c->nr_free++;
	} else {
		reason = __slab_free(s, page, x);
	}
out:
	local_irq_restore(flags);
	if (unlikely(reason))
		bad_page(page, reason);
}

/**
 * kmem_cache_free - give @x back to @s
 *
 * With CONFIG_SLUB_DEBUG, pointers outside memory or on pages of other
 * caches are reported with bad_page() (Linux's cache_from_obj() checks the
 * cache only with slub_debug too).
 * CONTEXT: any, including IRQ handlers.
 */
void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct page *page;

	if (!x)
		return;
#ifdef CONFIG_SLUB_DEBUG
	if (unlikely(!pfn_valid(virt_to_pfn(x)))) {
		bad_page(NULL, "kmem_cache_free of an address outside mem_map");
		return;
	}
#endif
	page = virt_to_page(x);
#ifdef CONFIG_SLUB_DEBUG
	if (unlikely(!PageSlab(page) || page->slab_cache != s)) {
		bad_page(page, "kmem_cache_free of an object from another cache");
		return;
	}
#endif
	slab_free(s, page, x);
}

/*
 * Give @s's empty slabs on the partial list back to the page allocator
 * (the second half of Linux's __kmem_cache_shrink()). CONTEXT: any.
 */
static void shrink_partial(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s);
	struct page *page, *t;
	unsigned long flags;
	LIST_HEAD(discard);

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(page, t, &n->partial, slab_list) {
		if (page->inuse)
			continue;
		remove_partial(n, page);
		n->nr_slabs--;
		list_add(&page->slab_list, &discard);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	list_for_each_entry_safe(page, t, &discard, slab_list)
		discard_slab(page);
}

/*
 * Every CPU's slab of @s back on the node, then its empty slabs back to
 * the page allocator (Linux's __kmem_cache_shrink()): a slab a CPU holds
 * but no longer uses goes too. CONTEXT: process, IRQs on (flush_all).
 */
static void __kmem_cache_shrink(struct kmem_cache *s)
{
	flush_all(s);
	shrink_partial(s);
}

void kmem_cache_shrink_all(bool flush_cpus)
{
	void (*shrink)(struct kmem_cache *s) = flush_cpus ? __kmem_cache_shrink : shrink_partial;
	int i;

	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		shrink(&kmalloc_caches[i]);
	for_each_slab_cache(shrink);
}

/*
 * What /proc/slabinfo shows of @s (Linux's get_slabinfo()). Linux counts
 * the free objects of the partial slabs only, so a CPU slab's free objects
 * show as active; here they are counted too, so that active_objs is the
 * number of objects in use (the abuse suite's leak check needs that).
 * CONTEXT: any.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	struct kmem_cache_node *n = get_node(s);
	unsigned long flags, nr_free = 0;
	struct page *page;
	int cpu;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(page, &n->partial, slab_list)
		nr_free += page->objects - page->inuse;
	for_each_possible_cpu(cpu) {
		struct kmem_cache_cpu *c = &s->cpu_slab[cpu];

		if (c->page)
			nr_free += c->page->objects - c->page->inuse + READ_ONCE(c->nr_free);
	}
	sinfo->num_slabs = n->nr_slabs;
	spin_unlock_irqrestore(&n->list_lock, flags);
	sinfo->active_slabs = sinfo->num_slabs;
	sinfo->num_objs = sinfo->num_slabs * s->objects;
	sinfo->active_objs = sinfo->num_objs - nr_free;
	sinfo->objects_per_slab = s->objects;
}

/*
 * The slabs that @s's objects in use would fill, packed (not in Linux):
 * what /proc/meminfo's Slab counts, the rest of the cache's slabs counting
 * as free memory (nr_unused_slabs()). So Slab and MemFree depend on the
 * objects in use only, not on which CPU's slab holds them, and a leak
 * check on MemFree stays exact with per-CPU slabs. CONTEXT: any.
 */
unsigned long nr_used_slabs(struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	return DIV_ROUND_UP(sinfo.active_objs, sinfo.objects_per_slab);
}

unsigned long nr_unused_slabs(struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	return sinfo.num_slabs - DIV_ROUND_UP(sinfo.active_objs, sinfo.objects_per_slab);
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
	s->cpu_slab = kcalloc(NR_CPUS, sizeof(*s->cpu_slab), GFP_KERNEL);
	if (!s->cpu_slab) {
		kfree(s);
		return NULL;
	}
	s->name = name;
	s->size = size;
	s->objects = PAGE_SIZE / size;
	s->min_partial = MIN_PARTIAL;
	spin_lock_init(&s->node.list_lock);
	INIT_LIST_HEAD(&s->node.partial);
	slab_cache_register(s);
	return s;
}

/*
 * Free a cache made by kmem_cache_create() (Linux's kmem_cache_destroy()
 * -> __kmem_cache_shutdown(): flush_all, then the empty slabs go). A cache
 * with objects still in use is reported and kept.
 * CONTEXT: process, IRQs on.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	__kmem_cache_shrink(s);
	if (READ_ONCE(s->node.nr_slabs)) {
		bad_page(NULL, "kmem_cache_destroy of a cache with objects in use");
		return;
	}
	slab_cache_unregister(s);
	kfree(s->cpu_slab);
	kfree(s);
}

/* The kmalloc cache for @size (1 .. KMALLOC_MAX_CACHE_SIZE bytes). */
static inline struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int shift = max(fls(size - 1), KMALLOC_SHIFT_LOW);

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
void *kmalloc(size_t size, gfp_t flags)
{
	struct page *page;
	unsigned int order;

	if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE))	/* 1 .. KMALLOC_MAX_CACHE_SIZE */
		return slab_alloc(kmalloc_slab(size), flags);
	if (size == 0)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_SIZE)
		return NULL;
	order = get_order(size);
	page = alloc_pages(flags, order);
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
static __always_inline struct page *kmalloc_page(const void *obj)
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

	if (unlikely(ZERO_OR_NULL_PTR(obj)))
		return;
	page = kmalloc_page(obj);
	if (!page)
		return;
	if (PageSlab(page)) {
		slab_free(page->slab_cache, page, (void *)obj);
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
