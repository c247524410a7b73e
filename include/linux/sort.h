/* sort() (Linux's include/linux/sort.h, without the swap function). */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

/* Sort @num elements of @size bytes at @base into the order @cmp gives. */
void sort(void *base, size_t num, size_t size, int (*cmp)(const void *, const void *));

#endif
