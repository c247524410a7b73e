/* sort() (Linux's lib/sort.c): an in-place heapsort, so no recursion, no
 * extra memory and O(n log n) even on hostile input. */
#include <linux/kernel.h>
#include <linux/sort.h>

static void generic_swap(void *a, void *b, size_t size)
{
	char *x = a, *y = b;

	while (size--) {
		char t = *x;
		*x++ = *y;
		*y++ = t;
	}
}

/* Move the element at @root down the heap of @n elements until both its
 * children are smaller. */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		generic_swap(base + root * size, base + child * size, size);
		root = child;
	}
}

void sort(void *base, size_t num, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t i;

	for (i = num / 2; i-- > 0;)
		sift_down(b, i, num, size, cmp);
	for (i = num; i-- > 1;) {
		generic_swap(b, b + i * size, size);
		sift_down(b, 0, i, size, cmp);
	}
}
