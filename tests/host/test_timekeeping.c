/* sources: kernel/time/timekeeping.c kernel/time/clocksource.c */
/* Tests of the timekeeper the tick hands to the vDSO: from its fields,
 * the vDSO's arithmetic (vgettimeofday.c get_ns, the same expression)
 * gives exactly local_clock()'s nanosecond for any later count within the
 * ticks it is meant to span, at QEMU's and at a Pi's counter rate. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/clocksource.h>
#include <linux/time.h>
#include <linux/timekeeper_internal.h>

static u64 counter;
static struct timekeeper published;
static int updates;

static u64 read_counter(void)
{
	return counter;
}

void update_vsyscall(struct timekeeper *tk)
{
	published = *tk;
	updates++;
}

/* What the vDSO computes from the published timekeeper at count @now. */
static u64 vdso_ns(u64 now)
{
	const struct tk_read_base *tkr = &published.tkr_mono;
	u64 nsec = ((now - tkr->cycle_last) & tkr->mask) * tkr->mult + tkr->xtime_nsec;

	return published.xtime_sec * NSEC_PER_SEC + (nsec >> tkr->shift);
}

static void check_rate(u32 rate)
{
	static struct clocksource cs = { .read = read_counter, .name = "arch_sys_counter" };
	static const u64 starts[] = { 0, 1, 12345678901ULL, 0xffffffffULL, 62500000ULL * 86400 * 7 };
	struct cyc2ns c;
	unsigned int i;
	u64 d;

	clocks_calc_mult_shift(&c, rate);
	cs.mult = c.mult;
	cs.shift = c.shift;
	cs.mask = CLOCKSOURCE_MASK(56);
	timekeeping_init(&cs);
	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
		counter = starts[i];
		updates = 0;
		update_wall_time();
		assert_int_equal(updates, 1);
		assert_int_equal(published.tkr_mono.cycle_last, counter);
		assert_true(published.tkr_mono.xtime_nsec >> published.tkr_mono.shift < NSEC_PER_SEC);
		/* within ten seconds of the tick, every cycle count near
		 * the second's boundaries and a spread of others */
		for (d = 0; d < 10ULL * rate; d += d < 1000 ? 1 : 999983)
			assert_int_equal(vdso_ns(counter + d), cyc2ns_convert(&c, counter + d));
	}
}

/* QEMU's counter: 62.5 MHz */
static void test_vdso_time_is_local_clock_qemu(void **state)
{
	check_rate(62500000);
}

/* A Raspberry Pi 2's counter: 19.2 MHz, 52.083 ns a count */
static void test_vdso_time_is_local_clock_pi(void **state)
{
	check_rate(19200000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vdso_time_is_local_clock_qemu),
		cmocka_unit_test(test_vdso_time_is_local_clock_pi),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
