/* Bitmaps of unsigned longs (Linux's include/linux/bitops.h and
 * bitmap.h, the part we use): bit nr is bit nr % BITS_PER_LONG of word
 * nr / BITS_PER_LONG. The searches go a word at a time (lib/find_bit.c). */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/kernel.h>

#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))

/*
 * set_bit/clear_bit - atomically set or clear bit @nr at @addr
 *
 * Atomic, and ordered with nothing else: Linux 4.19's ARM _set_bit and
 * _clear_bit (arch/arm/lib/bitops.h) are an LDREX/STREX loop without a
 * DMB, only the bitops that return a value being full barriers
 * (Documentation/atomic_bitops.txt). A caller whose bit must be seen
 * before a later access of its own orders the two itself: a lock, or a
 * barrier of what comes next (an IPI's DSB, try_to_wake_up's smp_mb()).
 */
static inline void set_bit(unsigned long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_RELAXED);
}

static inline void clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

/* Non-atomic: the caller holds the lock that guards the map. */
static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

static inline bool __test_and_set_bit(unsigned long nr, unsigned long *addr)
{
	bool old = test_bit(nr, addr);

	__set_bit(nr, addr);
	return old;
}

/* The first set (clear) bit at or after @offset, below @size; @size if none. */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);

#endif
