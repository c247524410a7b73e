/* sources: kernel/mm/slab.c kernel/mm/slab_common.c kernel/mm/page_alloc.c kernel/lib/int_sqrt.c kernel/fs/seq_file.c */
/* Tests of kmalloc/kfree and kmem_cache_*: size classes and alignment, no
 * overlap, large allocations, zeroing, leak-free accounting through
 * nr_free_pages(), the bad frees they must report, /proc/slabinfo, and
 * SLUB's per-CPU slabs (CPUs are played by switching
 * current_thread_info()->cpu). */
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include "mm_arena.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define NR_PAGES 1024UL

static unsigned long baseline;

/* seq_file.c's read side, which these tests do not use. */
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *ppos, const void *from,
				size_t available)
{
	return -EINVAL;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	return -EINVAL;
}

struct cpumask __cpu_online_mask = CPU_MASK_ALL;

/* kernel/smp.c's cross-CPU call: here @func runs at once as @cpu. */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	u32 self = arena_thread_info.cpu;

	arena_thread_info.cpu = cpu;
	func(info);
	arena_thread_info.cpu = self;
	return 0;
}

static void reset_cache(struct kmem_cache *s)
{
	memset(s->cpu_slab, 0, NR_CPUS * sizeof(*s->cpu_slab));
	INIT_LIST_HEAD(&s->node.partial);
	s->node.nr_partial = 0;
	s->node.nr_slabs = 0;
}

static int setup(void **state)
{
	unsigned int i;

	/* Forget slabs a failed test may have left in the previous arena. */
	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		reset_cache(&kmalloc_caches[i]);
	arena_thread_info.cpu = 0;
	arena_init(0, NR_PAGES);
	arena_boot(0);
	baseline = nr_free_pages();
	return 0;
}

/* RETURNS: /proc/slabinfo's active_objs of @s. */
static unsigned long active_objs(struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	return sinfo.active_objs;
}

static unsigned long num_slabs(struct kmem_cache *s)
{
	struct slabinfo sinfo;

	get_slabinfo(s, &sinfo);
	return sinfo.num_slabs;
}

/* No object in use, and every slab page counted as free. */
static void assert_no_leak(void)
{
	unsigned int i;

	for (i = 0; i < NR_KMALLOC_CACHES; i++) {
		assert_int_equal(active_objs(&kmalloc_caches[i]), 0);
		assert_int_equal(nr_used_slabs(&kmalloc_caches[i]), 0);
	}
	assert_int_equal(nr_slab_pages(), 0);
	assert_int_equal(nr_free_pages(), baseline);
}

static unsigned int next_rand(unsigned int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return *seed >> 16;
}

static void test_size_classes_and_alignment(void **state)
{
	static const struct { size_t size, class; } cases[] = {
		{ 1, 16 }, { 16, 16 }, { 17, 32 }, { 100, 128 }, { 128, 128 },
		{ 129, 256 }, { 1000, 1024 }, { 2047, 2048 }, { 2048, 2048 },
		{ 2049, 4096 }, { 4096, 4096 }, { 4097, 8192 }, { 40000, 65536 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		void *p = kmalloc(cases[i].size, GFP_KERNEL);
		unsigned long pa = __pa(p);

		assert_non_null(p);
		assert_int_equal(ksize(p), cases[i].class);
		assert_int_equal(pa % min(cases[i].class, (size_t)PAGE_SIZE), 0);
		memset(p, 0x5a, cases[i].size);
		kfree(p);
	}
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

static void test_zero_size_and_null(void **state)
{
	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	assert_int_equal(ksize(NULL), 0);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

static void test_objects_do_not_overlap(void **state)
{
	enum { N = 600 };
	unsigned char *objs[N];
	size_t sizes[N];
	unsigned int seed = 7, i;
	size_t j;

	for (i = 0; i < N; i++) {
		sizes[i] = 1 + next_rand(&seed) % 3000;
		objs[i] = kmalloc(sizes[i], GFP_KERNEL);
		assert_non_null(objs[i]);
		memset(objs[i], (unsigned char)i, sizes[i]);
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < sizes[i]; j++)
			assert_int_equal(objs[i][j], (unsigned char)i);
	/* Free in a scrambled order so that slabs go partial, then empty. */
	for (i = 0; i < N; i++) {
		unsigned int k = (i * 7919) % N;

		kfree(objs[k]);
	}
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

static void test_slab_pages_are_counted_and_returned(void **state)
{
	void *objs[5];
	unsigned int i;
	struct kmem_cache *s = &kmalloc_caches[7];	/* kmalloc-2048: 2 per page */
	struct page *first;

	for (i = 0; i < 5; i++)
		objs[i] = kmalloc(2048, GFP_KERNEL);
	first = virt_to_page(objs[0]);
	assert_int_equal(active_objs(s), 5);
	assert_int_equal(num_slabs(s), 3);
	assert_int_equal(nr_free_pages(), baseline - 3);
	kfree(objs[0]);			/* a full slab becomes partial */
	assert_int_equal(num_slabs(s), 3);
	assert_int_equal(s->node.nr_partial, 1);
	kfree(objs[1]);			/* ... then empty: kept, counted as free */
	assert_int_equal(num_slabs(s), 3);
	assert_int_equal(nr_used_slabs(s), 2);
	assert_int_equal(nr_free_pages(), baseline - 2);
	objs[0] = kmalloc(2000, GFP_KERNEL);	/* the CPU slab's last object */
	assert_ptr_equal(virt_to_page(objs[0]), virt_to_page(objs[4]));
	objs[1] = kmalloc(2000, GFP_KERNEL);	/* then the empty partial slab */
	assert_ptr_equal(virt_to_page(objs[1]), first);
	assert_int_equal(num_slabs(s), 3);
	assert_int_equal(nr_free_pages(), baseline - 3);
	for (i = 0; i < 5; i++)
		kfree(objs[i]);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

/* The CPU's freelist serves allocations (hits) until it runs out (a miss
 * takes a slab); each CPU has its own slab; an object freed on another CPU
 * goes onto its page's freelist, and its CPU takes it back from there when
 * its own freelist is empty; a used-up CPU slab is deactivated. */
static void test_cpu_slabs(void **state)
{
	struct kmem_cache *s = &kmalloc_caches[4];	/* kmalloc-256: 16 per page */
	struct kmem_cache_cpu *c0 = &s->cpu_slab[0], *c1 = &s->cpu_slab[1];
	void *a, *b, *c, *d, *objs[17];
	struct page *p;
	unsigned int i;

	a = kmalloc(256, GFP_KERNEL);		/* miss: a new slab for CPU 0 */
	p = virt_to_page(a);
	assert_ptr_equal(c0->page, p);
	assert_true(p->frozen);
	b = kmalloc(256, GFP_KERNEL);		/* hit */
	assert_ptr_equal(virt_to_page(b), p);
	assert_int_equal(c0->nr_free, 14);
	kfree(b);				/* onto CPU 0's freelist */
	assert_ptr_equal(c0->freelist, b);
	c = kmalloc(256, GFP_KERNEL);
	assert_ptr_equal(c, b);

	arena_thread_info.cpu = 1;
	d = kmalloc(256, GFP_KERNEL);		/* CPU 1's own slab */
	assert_ptr_equal(c1->page, virt_to_page(d));
	assert_ptr_not_equal(c1->page, p);
	assert_int_equal(num_slabs(s), 2);
	assert_int_equal(active_objs(s), 3);
	kfree(a);				/* CPU 0's slab, freed on CPU 1 */
	assert_ptr_equal(p->freelist, a);
	assert_ptr_not_equal(c0->freelist, a);
	assert_ptr_equal(c0->page, p);
	assert_int_equal(active_objs(s), 2);

	arena_thread_info.cpu = 0;
	kfree(c);				/* nothing of CPU 0's slab in use */
	assert_int_equal(nr_unused_slabs(s), 1);
	assert_int_equal(nr_free_pages(), baseline - 1);
	for (i = 0; i < 16; i++) {
		objs[i] = kmalloc(256, GFP_KERNEL);
		assert_ptr_equal(virt_to_page(objs[i]), p);
	}
	assert_ptr_equal(objs[15], a);		/* taken back from the page */
	assert_int_equal(num_slabs(s), 2);
	objs[16] = kmalloc(256, GFP_KERNEL);	/* p is used up: deactivated */
	assert_ptr_not_equal(virt_to_page(objs[16]), p);
	assert_false(p->frozen);
	assert_ptr_equal(c0->page, virt_to_page(objs[16]));
	assert_int_equal(num_slabs(s), 3);
	assert_int_equal(active_objs(s), 18);

	for (i = 0; i < 17; i++)
		kfree(objs[i]);
	arena_thread_info.cpu = 1;
	kfree(d);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

/* An empty slab is kept (on the partial list, or as a CPU's slab), counted
 * as free, and serves the next allocation; memory running short takes
 * back those on the partial list. */
static void test_empty_slab_is_kept_then_given_back(void **state)
{
	static void *objs[NR_PAGES * 4 + 1];
	struct kmem_cache *s = &kmalloc_caches[7];	/* kmalloc-2048 */
	void *a = kmalloc(2048, GFP_KERNEL), *b;
	struct page *partial;
	unsigned int n = 0;

	kfree(a);				/* CPU 0's slab, now empty */
	assert_int_equal(num_slabs(s), 1);
	assert_int_equal(nr_free_pages(), baseline);
	b = kmalloc(2048, GFP_KERNEL);
	assert_ptr_equal(b, a);
	objs[0] = kmalloc(2048, GFP_KERNEL);	/* a's slab is used up */
	objs[1] = kmalloc(2048, GFP_KERNEL);	/* in a second slab */
	partial = virt_to_page(a);
	kfree(b);
	kfree(objs[0]);				/* a's slab: empty, on partial */
	kfree(objs[1]);				/* the CPU slab: empty */
	assert_int_equal(num_slabs(s), 2);
	assert_int_equal(nr_unused_slabs(s), 2);
	assert_int_equal(nr_free_pages(), baseline);
	/* kmalloc-1024 gets every page but kmalloc-2048's CPU slab */
	while ((objs[n] = kmalloc(1024, GFP_KERNEL)))
		n++;
	assert_int_equal(n, (NR_PAGES - 1) * 4);
	assert_ptr_equal(partial->slab_cache, &kmalloc_caches[6]);
	assert_int_equal(num_slabs(s), 1);
	while (n--)
		kfree(objs[n]);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

static void test_large_kmalloc_uses_pages(void **state)
{
	void *p = kmalloc(5000, GFP_KERNEL);

	assert_non_null(p);
	assert_int_equal(__pa(p) % (2 * PAGE_SIZE), 0);
	assert_int_equal(nr_free_pages(), baseline - 2);
	assert_true(PageHead(virt_to_page(p)));
	kfree(p);
	assert_false(PageHead(virt_to_page(p)));
	assert_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL));
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

static void test_zeroing_variants(void **state)
{
	unsigned char *p;
	unsigned int *v;
	size_t i;

	p = kmalloc(64, GFP_KERNEL);
	memset(p, 0xff, 64);
	kfree(p);
	p = kzalloc(64, GFP_KERNEL);
	for (i = 0; i < 64; i++)
		assert_int_equal(p[i], 0);
	kfree(p);
	p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	memset(p, 0xff, 3 * PAGE_SIZE);
	kfree(p);
	p = kzalloc(3 * PAGE_SIZE, GFP_KERNEL);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
	kfree(p);
	v = kcalloc(10, sizeof(*v), GFP_KERNEL);
	for (i = 0; i < 10; i++)
		assert_int_equal(v[i], 0);
	kfree(v);
	assert_null(kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL));
	assert_null(kcalloc(SIZE_MAX / 8 + 1, 8, GFP_KERNEL));
	assert_no_leak();
}

static void test_out_of_memory_returns_null(void **state)
{
	static void *objs[NR_PAGES * 2 + 1];
	unsigned int n = 0;

	while ((objs[n] = kmalloc(2048, GFP_KERNEL)))
		n++;
	assert_int_equal(n, NR_PAGES * 2);
	assert_int_equal(nr_free_pages(), 0);
	assert_null(kmalloc(16, GFP_ATOMIC));
	assert_null(kmalloc(PAGE_SIZE * 2, GFP_KERNEL));
	while (n--)
		kfree(objs[n]);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

/* The slabs other CPUs hold empty: an allocation's last resort, which may
 * run with IRQs off, cannot take them (no IPIs); kmem_cache_shrink_all(true),
 * the OOM path's, takes them back (flush_all) and their pages are free. */
static void test_shrink_takes_back_other_cpus_slabs(void **state)
{
	static unsigned long pages[NR_PAGES];
	struct kmem_cache *s = &kmalloc_caches[2];	/* kmalloc-64 */
	unsigned int n = 0, cpu;

	for (cpu = 1; cpu < NR_CPUS; cpu++) {
		arena_thread_info.cpu = cpu;
		kfree(kmalloc(64, GFP_KERNEL));
		assert_non_null(s->cpu_slab[cpu].page);
	}
	arena_thread_info.cpu = 0;
	while ((pages[n] = __get_free_pages(GFP_KERNEL, 0)))
		n++;
	for (cpu = 1; cpu < NR_CPUS; cpu++)
		assert_non_null(s->cpu_slab[cpu].page);
	kmem_cache_shrink_all(true);
	for (cpu = 1; cpu < NR_CPUS; cpu++) {
		assert_null(s->cpu_slab[cpu].page);
		pages[n] = __get_free_pages(GFP_KERNEL, 0);
		assert_true(pages[n++]);
	}
	assert_false(__get_free_pages(GFP_KERNEL, 0));
	while (n--)
		free_pages(pages[n], 0);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

static void test_double_kfree_is_reported(void **state)
{
	void *a = kmalloc(32, GFP_KERNEL), *b = kmalloc(32, GFP_KERNEL), *c, *d;

	kfree(a);
	kfree(a);
	assert_int_equal(bad.count, 1);
	assert_non_null(strstr(bad.reason, "already free"));
	/* The freelist did not loop: two allocations give two objects. */
	c = kmalloc(32, GFP_KERNEL);
	d = kmalloc(32, GFP_KERNEL);
	assert_ptr_not_equal(c, d);
	assert_ptr_not_equal(c, b);
	assert_ptr_not_equal(d, b);
	kfree(b);
	kfree(c);
	kfree(d);
	assert_int_equal(bad.count, 1);
	assert_no_leak();
}

static void test_bad_kfree_pointers_are_reported(void **state)
{
	char *obj = kmalloc(100, GFP_KERNEL);
	char *big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct page *page = alloc_page(GFP_KERNEL);

	kfree(obj + 8);
	assert_int_equal(bad.count, 1);
	assert_non_null(strstr(bad.reason, "inside an object"));
	kfree(page_address(page));
	assert_int_equal(bad.count, 2);
	assert_non_null(strstr(bad.reason, "not from kmalloc"));
	kfree(big + PAGE_SIZE);
	assert_int_equal(bad.count, 3);
	kfree(big);
	kfree(big);
	assert_int_equal(bad.count, 4);
	kfree(arena + sizeof(arena));		/* past the end of RAM */
	assert_int_equal(bad.count, 5);
	assert_null(bad.page);
	kfree(obj);
	__free_page(page);
	assert_int_equal(bad.count, 5);
	assert_no_leak();
}

static void test_kmem_cache_lifecycle(void **state)
{
	struct kmem_cache *s = kmem_cache_create("thing", 24, 0, 0);
	struct kmem_cache *aligned = kmem_cache_create("aligned", 24, 0, SLAB_HWCACHE_ALIGN);
	char *a, *b, *x;

	assert_non_null(s);
	assert_int_equal(s->size, ALIGN(24, sizeof(void *)));
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_zalloc(s, GFP_KERNEL);
	assert_int_equal(b[0] | b[23], 0);
	assert_int_equal(b > a ? b - a : a - b, s->size);
	assert_int_equal(active_objs(s), 2);

	x = kmem_cache_alloc(aligned, GFP_KERNEL);
	assert_int_equal(aligned->size, 64);
	assert_int_equal(__pa(x) % 64, 0);

	kmem_cache_free(aligned, a);		/* wrong cache */
	assert_int_equal(bad.count, 1);
	assert_non_null(strstr(bad.reason, "another cache"));
	kmem_cache_destroy(s);			/* still in use */
	assert_int_equal(bad.count, 2);

	kmem_cache_free(s, a);
	kfree(b);				/* kfree works on cache objects too */
	kmem_cache_free(aligned, x);
	kmem_cache_destroy(s);
	kmem_cache_destroy(aligned);
	kmem_cache_destroy(NULL);
	assert_int_equal(bad.count, 2);
	assert_no_leak();
}

/* kmem_cache_destroy() first takes every CPU's slab back (flush_all),
 * then gives the empty slabs to the page allocator. */
static void test_destroy_flushes_every_cpu_slab(void **state)
{
	struct kmem_cache *s = kmem_cache_create("thing", 100, 0, 0);
	struct page *pages[NR_CPUS];
	void *objs[NR_CPUS];
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		arena_thread_info.cpu = cpu;
		objs[cpu] = kmem_cache_alloc(s, GFP_KERNEL);
		pages[cpu] = virt_to_page(objs[cpu]);
		assert_ptr_equal(s->cpu_slab[cpu].page, pages[cpu]);
	}
	kmem_cache_free(s, objs[1]);		/* on CPU 3 */
	kmem_cache_destroy(s);			/* three objects still in use */
	assert_int_equal(bad.count, 1);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		assert_null(s->cpu_slab[cpu].page);
	assert_int_equal(num_slabs(s), 3);	/* CPU 1's empty slab went */
	assert_false(PageSlab(pages[1]));
	assert_int_equal(active_objs(s), 3);
	kmem_cache_free(s, objs[0]);
	kmem_cache_free(s, objs[2]);
	kmem_cache_free(s, objs[3]);
	kmem_cache_destroy(s);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		assert_false(PageSlab(pages[cpu]));
	assert_int_equal(bad.count, 1);
	assert_no_leak();
}

static void test_kmem_cache_create_rejects_bad_geometry(void **state)
{
	struct kmem_cache *page_sized;
	void *a, *b;

	assert_null(kmem_cache_create("zero", 0, 0, 0));
	assert_null(kmem_cache_create("huge", PAGE_SIZE + 1, 0, 0));
	assert_null(kmem_cache_create("odd-align", 24, 24, 0));
	assert_null(kmem_cache_create("grows", PAGE_SIZE - 8, 4096 * 2, 0));
	page_sized = kmem_cache_create("page", PAGE_SIZE, 0, 0);
	a = kmem_cache_alloc(page_sized, GFP_KERNEL);
	b = kmem_cache_alloc(page_sized, GFP_KERNEL);
	assert_int_equal(num_slabs(page_sized), 2);
	assert_int_equal(__pa(a) % PAGE_SIZE, 0);
	kmem_cache_free(page_sized, a);
	kmem_cache_free(page_sized, b);
	assert_int_equal(nr_used_slabs(page_sized), 0);
	kmem_cache_destroy(page_sized);
	assert_int_equal(bad.count, 0);
	assert_no_leak();
}

/* The text of /proc/slabinfo, as single_open() prints it. */
static char *slabinfo_text(struct seq_file *m)
{
	struct file file = { 0 };

	assert_int_equal(single_open(&file, slabinfo_show, NULL), 0);
	*m = *(struct seq_file *)file.private_data;
	kfree(file.private_data);
	m->buf[m->count] = '\0';
	return m->buf;
}

static void test_slabinfo_linux_format(void **state)
{
	struct kmem_cache *s = kmem_cache_create("thing", 24, 0, 0);
	void *a = kmem_cache_alloc(s, GFP_KERNEL), *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *k = kmalloc(700, GFP_KERNEL);
	struct seq_file m;
	char *text = slabinfo_text(&m);

	assert_non_null(strstr(text, "slabinfo - version: 2.1\n# name            <active_objs> "
				     "<num_objs> <objsize> <objperslab> <pagesperslab> : tunables "
				     "<limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
				     "<num_slabs> <sharedavail>\nthing                  2    170     24 "
				     " 170    1 : tunables    0    0    0 : slabdata      1      1      "
				     "0\nkmalloc-2048"));
	/* the seq_file buffer (a page) is not a slab object; k is, alone in kmalloc-1024 */
	assert_non_null(strstr(text, "\nkmalloc-1024           1      4   1024    4    1 : "
				     "tunables    0    0    0 : slabdata      1      1      0\n"));
	assert_true(strstr(text, "kmalloc-16\n") == NULL && strstr(text, "\nkmalloc-16 ") != NULL);
	/* thing's objects, k, thing's struct kmem_cache and its CPU slabs */
	assert_int_equal(nr_slab_pages(), 4);
	kfree(m.buf);
	kfree(k);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
	text = slabinfo_text(&m);
	assert_null(strstr(text, "thing"));
	kfree(m.buf);
	assert_int_equal(nr_slab_pages(), 0);
	assert_no_leak();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_size_classes_and_alignment, setup),
		cmocka_unit_test_setup(test_zero_size_and_null, setup),
		cmocka_unit_test_setup(test_objects_do_not_overlap, setup),
		cmocka_unit_test_setup(test_slab_pages_are_counted_and_returned, setup),
		cmocka_unit_test_setup(test_cpu_slabs, setup),
		cmocka_unit_test_setup(test_empty_slab_is_kept_then_given_back, setup),
		cmocka_unit_test_setup(test_large_kmalloc_uses_pages, setup),
		cmocka_unit_test_setup(test_zeroing_variants, setup),
		cmocka_unit_test_setup(test_out_of_memory_returns_null, setup),
		cmocka_unit_test_setup(test_shrink_takes_back_other_cpus_slabs, setup),
		cmocka_unit_test_setup(test_double_kfree_is_reported, setup),
		cmocka_unit_test_setup(test_bad_kfree_pointers_are_reported, setup),
		cmocka_unit_test_setup(test_kmem_cache_lifecycle, setup),
		cmocka_unit_test_setup(test_destroy_flushes_every_cpu_slab, setup),
		cmocka_unit_test_setup(test_kmem_cache_create_rejects_bad_geometry, setup),
		cmocka_unit_test_setup(test_slabinfo_linux_format, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
