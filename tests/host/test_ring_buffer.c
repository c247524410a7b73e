/* sources: kernel/trace/ring_buffer.c */
/* The per-CPU trace rings: layout, wrap and overwrite, the counts Linux
 * prints in the `trace` header, reset, tracing_on, and readers skipping
 * records that are being overwritten, by hand and with a real racing writer. */
#include <linux/errno.h>
#include <linux/ring_buffer.h>
#include <linux/string.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>

/* The kernel gives each CPU its own area; here they are cut from one block. */
#define RB_SPLIT(mem, size)                                                              \
	((void *const[NR_CPUS]){ (char *)(mem), (char *)(mem) + (size), (char *)(mem) + 2 * (size), \
				 (char *)(mem) + 3 * (size) })

#define SLOTS 7 /* not a power of two */
#define SIZE (SLOTS * RB_SLOT_SIZE)

static struct ring_buffer rb;
static u64 mem[NR_CPUS * SIZE / sizeof(u64)];

static int setup(void **state)
{
	return ring_buffer_init(&rb, RB_SPLIT(mem, SIZE), SIZE);
}

/* Record @n of @cpu: ts = n, payload = cpu, n, then bytes all (u8)n. */
static void write_rec(int cpu, u32 n)
{
	struct ring_buffer_event *event = ring_buffer_lock_reserve(&rb, cpu);

	assert_non_null(event);
	event->ts = n;
	memset(event->data, (u8)n, sizeof(event->data));
	memcpy(event->data, &cpu, sizeof(cpu));
	memcpy(event->data + 4, &n, sizeof(n));
	ring_buffer_unlock_commit(&rb, cpu);
}

/* Read all of @cpu's ring from its oldest record; RETURNS how many, with their numbers in @out. */
static int read_all(int cpu, u32 *out, int max)
{
	struct ring_buffer_event event;
	unsigned long idx = ring_buffer_first(&rb, cpu);
	int n = 0;

	while (ring_buffer_peek(&rb, cpu, &idx, &event)) {
		int rcpu;

		assert_true(n < max);
		memcpy(&rcpu, event.data, sizeof(rcpu));
		assert_int_equal(rcpu, cpu);
		memcpy(&out[n], event.data + 4, sizeof(u32));
		assert_int_equal(event.ts, out[n]);
		n++;
		idx++;
	}
	return n;
}

static void test_init_rejects_bad_memory(void **state)
{
	struct ring_buffer other;

	assert_int_equal(ring_buffer_init(&other, NULL, SIZE), -EINVAL);
	assert_int_equal(ring_buffer_init(&other, RB_SPLIT((char *)mem + 4, SIZE), SIZE), -EINVAL);
	assert_int_equal(ring_buffer_init(&other, RB_SPLIT(mem, RB_SLOT_SIZE), RB_SLOT_SIZE), -EINVAL);
	assert_int_equal(ring_buffer_init(&other, RB_SPLIT(mem, 0), 0), -EINVAL);
	assert_int_equal(ring_buffer_init(&other, RB_SPLIT(mem, SIZE - 4), SIZE - 4), -EINVAL);
	/* What does not make a whole slot is left unused. */
	assert_int_equal(ring_buffer_init(&other, RB_SPLIT(mem, 5 * RB_SLOT_SIZE + 64), 5 * RB_SLOT_SIZE + 64), 0);
	assert_int_equal(other.buffers[1].nr_slots, 5);
	assert_ptr_equal(other.buffers[1].slots, (char *)mem + 5 * RB_SLOT_SIZE + 64);
}

static void test_uninitialised_buffer_refuses(void **state)
{
	struct ring_buffer none;
	struct ring_buffer_event event;
	unsigned long idx = 0;

	memset(&none, 0, sizeof(none));
	ring_buffer_record_on(&none);
	assert_null(ring_buffer_lock_reserve(&none, 0));
	assert_false(ring_buffer_peek(&none, 0, &idx, &event));
	assert_int_equal(ring_buffer_entries(&none), 0);
	assert_null(ring_buffer_lock_reserve(&rb, -1));
	assert_null(ring_buffer_lock_reserve(&rb, NR_CPUS));
	assert_false(ring_buffer_peek(&rb, NR_CPUS, &idx, &event));
}

/* 4 CPUs writing interleaved, each a different amount, into 7-slot rings. */
static void test_wrap_overwrite_and_counts(void **state)
{
	static const u32 total[NR_CPUS] = { 3, 8, 9, 29 };
	u32 n[NR_CPUS] = { 0 }, got[SLOTS];
	int cpu, i, more;

	do {
		more = 0;
		for (cpu = NR_CPUS - 1; cpu >= 0; cpu--) {
			if (n[cpu] < total[cpu]) {
				write_rec(cpu, n[cpu]++);
				more = 1;
			}
		}
	} while (more);

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		u32 kept = total[cpu] < SLOTS ? total[cpu] : SLOTS;

		assert_int_equal(ring_buffer_entries_cpu(&rb, cpu), kept);
		assert_int_equal(ring_buffer_overrun_cpu(&rb, cpu), total[cpu] - kept);
		assert_int_equal(read_all(cpu, got, SLOTS), kept);
		for (i = 0; i < (int)kept; i++)
			assert_int_equal(got[i], total[cpu] - kept + i);
	}
	assert_int_equal(ring_buffer_entries(&rb), 3 + 7 + 7 + 7);
	assert_int_equal(ring_buffer_overruns(&rb), 0 + 1 + 2 + 22);
}

static void test_reset_forgets_and_counts_from_zero(void **state)
{
	u32 got[SLOTS];
	int i;

	for (i = 0; i < 20; i++)
		write_rec(i % NR_CPUS, i);
	ring_buffer_reset(&rb);
	assert_int_equal(ring_buffer_entries(&rb), 0);
	assert_int_equal(ring_buffer_overruns(&rb), 0);
	assert_int_equal(read_all(2, got, SLOTS), 0);

	write_rec(2, 100);
	write_rec(2, 101);
	assert_int_equal(ring_buffer_entries_cpu(&rb, 2), 2);
	assert_int_equal(ring_buffer_entries(&rb), 2);
	assert_int_equal(read_all(2, got, SLOTS), 2);
	assert_int_equal(got[0], 100);
	assert_int_equal(got[1], 101);
}

static void test_record_off_drops_events(void **state)
{
	u32 got[SLOTS];

	ring_buffer_record_off(&rb);
	assert_false(ring_buffer_record_is_on(&rb));
	assert_null(ring_buffer_lock_reserve(&rb, 0));
	assert_int_equal(ring_buffer_entries(&rb), 0);
	ring_buffer_record_on(&rb);
	assert_true(ring_buffer_record_is_on(&rb));
	write_rec(0, 7);
	assert_int_equal(read_all(0, got, SLOTS), 1);
	assert_int_equal(got[0], 7);
}

/* The writer has reserved the slot of the oldest record (seq invalid) but
 * not committed: a reader skips that record and still sees the rest. */
static void test_reader_skips_slot_being_overwritten(void **state)
{
	struct ring_buffer_event event, *reserved;
	unsigned long idx;
	u32 got[SLOTS];
	int i;

	for (i = 0; i < SLOTS; i++)
		write_rec(1, i);
	reserved = ring_buffer_lock_reserve(&rb, 1); /* overwrites record 0 */
	assert_non_null(reserved);
	memset(reserved, 0xee, sizeof(*reserved));

	idx = ring_buffer_first(&rb, 1);
	assert_int_equal(idx, 0);
	assert_true(ring_buffer_peek(&rb, 1, &idx, &event));
	assert_int_equal(idx, 1);
	assert_int_equal(event.ts, 1);
	assert_int_equal(read_all(1, got, SLOTS), SLOTS - 1);

	reserved->ts = SLOTS;
	memset(reserved->data, 0, sizeof(reserved->data));
	i = 1;
	memcpy(reserved->data, &i, sizeof(i));
	i = SLOTS;
	memcpy(reserved->data + 4, &i, sizeof(i));
	ring_buffer_unlock_commit(&rb, 1);
	assert_int_equal(read_all(1, got, SLOTS), SLOTS);
	assert_int_equal(got[0], 1);
	assert_int_equal(got[SLOTS - 1], SLOTS);
}

/* A reader that fell behind (its next record was overwritten) resumes at the oldest. */
static void test_stale_reader_resumes_at_oldest(void **state)
{
	struct ring_buffer_event event;
	unsigned long idx = ring_buffer_first(&rb, 3);
	int i;

	write_rec(3, 0);
	assert_true(ring_buffer_peek(&rb, 3, &idx, &event));
	idx++;
	for (i = 1; i < 3 * SLOTS; i++)
		write_rec(3, i);
	assert_true(ring_buffer_peek(&rb, 3, &idx, &event));
	assert_int_equal(event.ts, 2 * SLOTS);
	idx = 12345678; /* garbage */
	assert_true(ring_buffer_peek(&rb, 3, &idx, &event));
	assert_int_equal(event.ts, 2 * SLOTS);
}

/* Record indexes wrapping around: some records may be skipped, but what
 * a reader gets is whole, in order, and ends with the newest. */
static void test_index_wraparound(void **state)
{
	u32 got[SLOTS];
	int i, n;

	rb.buffers[0].head = rb.buffers[0].reset_base = (unsigned long)-5;
	for (i = 0; i < 12; i++)
		write_rec(0, i);
	assert_int_equal(ring_buffer_entries_cpu(&rb, 0), SLOTS);
	assert_int_equal(ring_buffer_overrun_cpu(&rb, 0), 12 - SLOTS);
	n = read_all(0, got, SLOTS);
	assert_true(n >= 1);
	assert_int_equal(got[n - 1], 11);
	for (i = 1; i < n; i++)
		assert_true(got[i] > got[i - 1] && got[i] >= 12 - SLOTS);
}

static volatile int writer_stop;

static void *writer(void *arg)
{
	u32 n = 0;

	while (!writer_stop)
		write_rec(2, n++);
	return NULL;
}

static unsigned long writer_head(void)
{
	return READ_ONCE(rb.buffers[2].head);
}

/* A real writer thread laps the reader over and over: every record the
 * reader accepts must be whole (all payload bytes from the same write). */
static void test_racing_reader_never_sees_torn_record(void **state)
{
	struct ring_buffer_event event;
	pthread_t thread;
	unsigned long idx;
	long accepted = 0;
	int i;

	writer_stop = 0;
	assert_int_equal(pthread_create(&thread, NULL, writer, NULL), 0);
	while (writer_head() < 1000)
		;
	while (writer_head() < 300000 || accepted < 1000) {
		idx = ring_buffer_first(&rb, 2);
		while (ring_buffer_peek(&rb, 2, &idx, &event)) {
			u32 n;

			memcpy(&n, event.data + 4, sizeof(n));
			assert_int_equal(event.ts, n);
			for (i = 8; i < RB_EVENT_DATA_SIZE; i++)
				assert_int_equal(event.data[i], (u8)n);
			accepted++;
			idx++;
		}
	}
	writer_stop = 1;
	pthread_join(thread, NULL);
}

/* A ring laid out (or resized) over memory that held records shows none of
 * them: the memory is not cleared, yet only records written since count. */
static void test_new_ring_ignores_old_records_in_its_memory(void **state)
{
	void *old[NR_CPUS];
	u32 got[SLOTS];
	u32 i;

	for (i = 0; i < 5; i++)
		write_rec(1, 100 + i);
	assert_int_equal(ring_buffer_init(&rb, RB_SPLIT(mem, SIZE), SIZE), 0);
	assert_int_equal(read_all(1, got, SLOTS), 0);
	write_rec(1, 7);
	write_rec(1, 8);
	assert_int_equal(read_all(1, got, SLOTS), 2);
	assert_int_equal(got[0], 7);
	assert_int_equal(got[1], 8);
	for (i = 0; i < 4; i++)
		write_rec(1, 200 + i);
	assert_int_equal(ring_buffer_resize(&rb, RB_SPLIT(mem, SIZE), SIZE, old), 0);
	assert_int_equal(read_all(1, got, SLOTS), 0);
	write_rec(1, 9);
	assert_int_equal(read_all(1, got, SLOTS), 1);
	assert_int_equal(got[0], 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_init_rejects_bad_memory, setup),
		cmocka_unit_test_setup(test_uninitialised_buffer_refuses, setup),
		cmocka_unit_test_setup(test_new_ring_ignores_old_records_in_its_memory, setup),
		cmocka_unit_test_setup(test_wrap_overwrite_and_counts, setup),
		cmocka_unit_test_setup(test_reset_forgets_and_counts_from_zero, setup),
		cmocka_unit_test_setup(test_record_off_drops_events, setup),
		cmocka_unit_test_setup(test_reader_skips_slot_being_overwritten, setup),
		cmocka_unit_test_setup(test_stale_reader_resumes_at_oldest, setup),
		cmocka_unit_test_setup(test_index_wraparound, setup),
		cmocka_unit_test_setup(test_racing_reader_never_sees_torn_record, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
