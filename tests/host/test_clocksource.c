/* sources: kernel/time/clocksource.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/clocksource.h>

/* QEMU's counter: 62.5 MHz, exactly 16 ns a tick. */
static void test_qemu_rate_is_exact(void **state)
{
	struct cyc2ns c;

	clocks_calc_mult_shift(&c, 62500000);
	assert_int_equal(cyc2ns_convert(&c, 0), 0);
	assert_int_equal(cyc2ns_convert(&c, 1), 16);
	assert_int_equal(cyc2ns_convert(&c, 62500000), 1000000000ULL);
	/* A day of uptime: still exact, past the 32-bit cycle wrap. */
	assert_int_equal(cyc2ns_convert(&c, 62500000ULL * 86400), 86400ULL * 1000000000ULL);
}

/* A real Pi 2: 19.2 MHz, 52.083... ns a tick; error below 1 ns a second. */
static void test_pi_rate_is_close(void **state)
{
	struct cyc2ns c;
	u64 ns;

	clocks_calc_mult_shift(&c, 19200000);
	ns = cyc2ns_convert(&c, 19200000);
	assert_true(ns <= 1000000000ULL && ns >= 1000000000ULL - 1);
	ns = cyc2ns_convert(&c, 19200000ULL * 3600 * 24 * 365);
	assert_true(ns <= 31536000ULL * 1000000000ULL);
	assert_true(ns >= 31536000ULL * 1000000000ULL - 31536000ULL);
}

/* A slow counter forces a small shift; the conversion stays right. */
static void test_slow_counter(void **state)
{
	struct cyc2ns c;

	clocks_calc_mult_shift(&c, 1000000);
	assert_true(c.shift < 32);
	assert_int_equal(cyc2ns_convert(&c, 1), 1000);
	assert_int_equal(cyc2ns_convert(&c, 5000000000ULL), 5000000000000ULL);
}

/* A counter faster than 1 GHz: shift stays below 32, which the
 * conversion's word shifts need (32 would fit mult here). */
static void test_fast_counter(void **state)
{
	struct cyc2ns c;

	clocks_calc_mult_shift(&c, 2000000000);
	assert_true(c.shift > 0 && c.shift < 32);
	assert_int_equal(cyc2ns_convert(&c, 2), 1);
	assert_int_equal(cyc2ns_convert(&c, 2000000000ULL * 86400), 86400ULL * 1000000000ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qemu_rate_is_exact),
		cmocka_unit_test(test_pi_rate_is_close),
		cmocka_unit_test(test_slow_counter),
		cmocka_unit_test(test_fast_counter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
