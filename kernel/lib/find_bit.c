/* Bitmap searches a word at a time (Linux's lib/find_bit.c): a word that
 * has nothing to offer is skipped in one test. */
#include <linux/bitops.h>

/* @invert: 0 to look for set bits, ~0UL for clear ones. */
static unsigned long _find_next_bit(const unsigned long *addr, unsigned long nbits,
				    unsigned long start, unsigned long invert)
{
	unsigned long tmp;

	if (start >= nbits)
		return nbits;
	tmp = addr[BIT_WORD(start)] ^ invert;
	/* Handle 1st word. */
	tmp &= ~0UL << (start % BITS_PER_LONG);
	start -= start % BITS_PER_LONG;
	while (!tmp) {
		start += BITS_PER_LONG;
		if (start >= nbits)
			return nbits;
		tmp = addr[BIT_WORD(start)] ^ invert;
	}
	start += __builtin_ctzl(tmp);
	return start < nbits ? start : nbits;
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return _find_next_bit(addr, size, offset, 0UL);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	return _find_next_bit(addr, size, offset, ~0UL);
}
