/* Host stand-ins for the kernel's allocators (kmalloc, kfree and object
 * caches on the host's malloc), shared by fs_stubs.h and trace_stubs.h.
 * The includer declares malloc, calloc and free (not <stdlib.h>: see
 * fs_stubs.h). */
#ifndef KMALLOC_STUBS_H
#define KMALLOC_STUBS_H

#include <linux/slab.h>

/* Allocations: counted, so that a test can assert it freed all it made. */
long stub_nr_allocs;

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p;

	if (!size)
		return ZERO_SIZE_PTR;
	p = (gfp & __GFP_ZERO) ? calloc(1, size) : malloc(size);
	if (p)
		stub_nr_allocs++;
	return p;
}

void kfree(const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return;
	stub_nr_allocs--;
	free((void *)p);
}

/* An object cache whose objects are kmalloc's (counted as theirs). */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags)
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	if (s) {
		s->name = name;
		s->size = size;
	}
	return s;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmalloc(s->size, gfp);
}

#endif
