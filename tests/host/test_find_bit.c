/* sources: kernel/lib/find_bit.c */
/* Tests of the word-at-a-time bitmap searches against a bit-by-bit scan. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/bitops.h>

#define NBITS 200

static unsigned long slow_find(const unsigned long *map, unsigned long size, unsigned long start,
			       bool want)
{
	for (; start < size; start++)
		if (test_bit(start, map) == want)
			return start;
	return size;
}

static void check_all_offsets(const unsigned long *map, unsigned long size)
{
	unsigned long start;

	for (start = 0; start <= size + 2; start++) {
		assert_int_equal(find_next_bit(map, size, start), slow_find(map, size, start, true));
		assert_int_equal(find_next_zero_bit(map, size, start),
				 slow_find(map, size, start, false));
	}
}

static void test_empty_and_full(void **state)
{
	unsigned long map[BITS_TO_LONGS(NBITS)] = { 0 };
	unsigned long i;

	check_all_offsets(map, NBITS);
	assert_int_equal(find_next_bit(map, NBITS, 0), NBITS);
	for (i = 0; i < NBITS; i++)
		__set_bit(i, map);
	check_all_offsets(map, NBITS);
	assert_int_equal(find_next_zero_bit(map, NBITS, 0), NBITS);
	/* Bits past the size are never reported. */
	assert_int_equal(find_next_zero_bit(map, 70, 3), 70);
}

static void test_scattered_bits(void **state)
{
	unsigned long map[BITS_TO_LONGS(NBITS)] = { 0 };
	unsigned int seed = 12345, i, n;

	for (n = 0; n < 50; n++) {
		for (i = 0; i < 8; i++) {
			seed = seed * 1103515245 + 12345;
			if (seed & 0x10000)
				__set_bit(seed % NBITS, map);
			else
				__clear_bit(seed % NBITS, map);
		}
		check_all_offsets(map, NBITS);
		check_all_offsets(map, 37);
	}
	__clear_bit(5, map);
	assert_false(__test_and_set_bit(5, map));
	assert_true(__test_and_set_bit(5, map));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_full),
		cmocka_unit_test(test_scattered_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
