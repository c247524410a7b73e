/* The per-CPU trace rings (Linux's kernel/trace/ring_buffer.c in spirit).
 * A CPU writes only its own ring, with IRQs off, so writers never contend;
 * readers on any CPU copy records out without locks and drop any record
 * that was being overwritten while they copied it. */
#include <asm/barrier.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ring_buffer.h>
#include <linux/string.h>

/*
 * Each slot is a tiny seqlock. seq is 0 while the slot is being written and
 * i + 1 once it holds record i. A reader that sees i + 1 both before and
 * after copying the slot has all of record i; anything else means the writer
 * got there first. Readers look only at indexes below head, each written
 * since the ring was laid out, so the ring's memory needs no clearing
 * first (Linux's ring pages are not cleared either): at boot that is
 * megabytes of stores saved. (When the indexes wrap, every 2^32 records on ARM, a few
 * records fail this check and are skipped; nothing worse happens.)
 */
struct ring_buffer_slot {
	unsigned long seq;
	struct ring_buffer_event event;
};

_Static_assert(sizeof(struct ring_buffer_slot) == RB_SLOT_SIZE, "slot size");

/**
 * ring_buffer_init - lay out NR_CPUS rings in the caller's memory
 * @mem: one area of @size_per_cpu bytes per CPU, 8-byte aligned (the
 *	kernel gives each CPU its own pages, as Linux does)
 * @size_per_cpu: trace_buf_size, a multiple of 8; RB_SLOT_SIZE bytes a record
 *
 * Recording starts on, in overwrite mode. RETURNS: 0, or -EINVAL if @mem is NULL or misaligned
 * or @size_per_cpu holds fewer than two slots.
 */
int ring_buffer_init(struct ring_buffer *buffer, void *const mem[NR_CPUS], size_t size_per_cpu)
{
	unsigned long nr_slots = size_per_cpu / sizeof(struct ring_buffer_slot);
	int cpu;

	if (!mem || !IS_ALIGNED(size_per_cpu, 8) || nr_slots < 2)
		return -EINVAL;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!mem[cpu] || !IS_ALIGNED((unsigned long)mem[cpu], 8))
			return -EINVAL;

	memset(buffer, 0, sizeof(*buffer));
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

		cpu_buffer->slots = mem[cpu];
		cpu_buffer->nr_slots = nr_slots;
	}
	buffer->record_on = 1;
	buffer->overwrite = 1;
	return 0;
}

static struct ring_buffer_slot *rb_slot(struct ring_buffer_per_cpu *cpu_buffer,
					unsigned long idx)
{
	return &cpu_buffer->slots[idx % cpu_buffer->nr_slots];
}

/* Records written since the last reset, as seen with @head. */
static unsigned long rb_written(struct ring_buffer_per_cpu *cpu_buffer, unsigned long head)
{
	long written = head - READ_ONCE(cpu_buffer->reset_base);

	return written < 0 ? 0 : written;
}

/**
 * ring_buffer_lock_reserve - claim the next record of @cpu's ring
 *
 * If the ring is full of unread records, the record returned is its oldest
 * (counted as an overrun), or, with overwrite off, none (counted as dropped).
 * It stays invisible to readers until ring_buffer_unlock_commit().
 * CONTEXT: on @cpu with IRQs off until the commit.
 * RETURNS: the record to fill, or NULL if recording is off or paused, the ring is
 * full and overwrite is off, or the buffer is not set up.
 */
struct ring_buffer_event *ring_buffer_lock_reserve(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer;
	struct ring_buffer_slot *slot;

	if (!READ_ONCE(buffer->record_on) || READ_ONCE(buffer->record_disabled) ||
	    cpu < 0 || cpu >= NR_CPUS)
		return NULL;
	cpu_buffer = &buffer->buffers[cpu];
	if (!cpu_buffer->slots || READ_ONCE(cpu_buffer->record_disabled))
		return NULL;
	if (rb_written(cpu_buffer, cpu_buffer->head) >= cpu_buffer->nr_slots) {
		if (!READ_ONCE(buffer->overwrite)) {
			WRITE_ONCE(cpu_buffer->dropped, cpu_buffer->dropped + 1);
			return NULL;
		}
		WRITE_ONCE(cpu_buffer->overrun, cpu_buffer->overrun + 1);
	}
	slot = rb_slot(cpu_buffer, cpu_buffer->head);
	WRITE_ONCE(slot->seq, 0);
	smp_wmb(); /* readers see the slot invalid before any new byte */
	return &slot->event;
}

/**
 * ring_buffer_unlock_commit - publish the record reserved on @cpu
 * CONTEXT: on @cpu with IRQs still off since ring_buffer_lock_reserve().
 */
void ring_buffer_unlock_commit(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];
	unsigned long head = cpu_buffer->head;

	smp_wmb(); /* the record's bytes before its sequence word */
	WRITE_ONCE(rb_slot(cpu_buffer, head)->seq, head + 1);
	smp_wmb(); /* a reader that sees the new head sees the record */
	WRITE_ONCE(cpu_buffer->head, head + 1);
}

/* The oldest record still readable, as seen with @head. */
static unsigned long rb_first(struct ring_buffer_per_cpu *cpu_buffer, unsigned long head)
{
	return head - min(rb_written(cpu_buffer, head), cpu_buffer->nr_slots);
}

/* Index of the oldest record in @cpu's ring: where a reader starts. */
unsigned long ring_buffer_first(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

	return rb_first(cpu_buffer, READ_ONCE(cpu_buffer->head));
}

/**
 * ring_buffer_peek - copy out the first record of @cpu's ring at or after *@idx
 * @idx: in: the record wanted, from ring_buffer_first() or a previous peek;
 *	moved up past records overwritten, reset or torn; out: the record copied
 * @event: where the record is copied
 *
 * The caller moves on with (*idx)++. CONTEXT: any CPU, no locks.
 * RETURNS: true if a record was copied, false if there is none left.
 */
bool ring_buffer_peek(struct ring_buffer *buffer, int cpu, unsigned long *idx,
		      struct ring_buffer_event *event)
{
	struct ring_buffer_per_cpu *cpu_buffer;
	unsigned long head, first;

	if (cpu < 0 || cpu >= NR_CPUS || !buffer->buffers[cpu].slots)
		return false;
	cpu_buffer = &buffer->buffers[cpu];
	head = READ_ONCE(cpu_buffer->head);
	smp_rmb(); /* head before the slots it covers */
	first = rb_first(cpu_buffer, head);
	/* Outside [first, head]: overwritten or reset since. */
	if (head - *idx > head - first)
		*idx = first;

	for (; *idx != head; (*idx)++) {
		struct ring_buffer_slot *slot = rb_slot(cpu_buffer, *idx);
		unsigned long seq = READ_ONCE(slot->seq);

		smp_rmb(); /* the sequence word before the bytes */
		memcpy(event, &slot->event, sizeof(*event));
		smp_rmb(); /* the bytes before the sequence word again */
		if (seq == *idx + 1 && READ_ONCE(slot->seq) == seq)
			return true;
	}
	return false;
}

/**
 * ring_buffer_reset - forget every record (Linux: `echo > trace`)
 *
 * Only moves each ring's reset_base up to its head and snapshots its
 * counters, so the writers, which only read reset_base, need no lock.
 * CONTEXT: any CPU.
 */
void ring_buffer_reset(struct ring_buffer *buffer)
{
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		ring_buffer_reset_cpu(buffer, cpu);
}

/* The same for @cpu's ring alone (per_cpu/cpuN/trace opened with O_TRUNC). */
void ring_buffer_reset_cpu(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

	WRITE_ONCE(cpu_buffer->reset_base, READ_ONCE(cpu_buffer->head));
	WRITE_ONCE(cpu_buffer->overrun_base, READ_ONCE(cpu_buffer->overrun));
	WRITE_ONCE(cpu_buffer->dropped_base, READ_ONCE(cpu_buffer->dropped));
}

/* options/overwrite: when a ring is full, overwrite its oldest record (1)
 * or drop the new one (0). */
void ring_buffer_change_overwrite(struct ring_buffer *buffer, int val)
{
	WRITE_ONCE(buffer->overwrite, !!val);
}

void ring_buffer_record_on(struct ring_buffer *buffer)
{
	WRITE_ONCE(buffer->record_on, 1);
}

void ring_buffer_record_off(struct ring_buffer *buffer)
{
	WRITE_ONCE(buffer->record_on, 0);
}

bool ring_buffer_record_is_on(struct ring_buffer *buffer)
{
	return READ_ONCE(buffer->record_on);
}

/* Pause recording, apart from tracing_on; pauses nest (Linux's). */
void ring_buffer_record_disable(struct ring_buffer *buffer)
{
	__atomic_add_fetch(&buffer->record_disabled, 1, __ATOMIC_SEQ_CST);
}

void ring_buffer_record_enable(struct ring_buffer *buffer)
{
	__atomic_sub_fetch(&buffer->record_disabled, 1, __ATOMIC_SEQ_CST);
}

/* Records of @cpu still in its ring. */
unsigned long ring_buffer_entries_cpu(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

	return min(rb_written(cpu_buffer, READ_ONCE(cpu_buffer->head)), cpu_buffer->nr_slots);
}

/* Records of @cpu lost to overwriting since the last reset. */
unsigned long ring_buffer_overrun_cpu(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

	return READ_ONCE(cpu_buffer->overrun) - READ_ONCE(cpu_buffer->overrun_base);
}

/* Records of @cpu refused since the last reset because its ring was full. */
unsigned long ring_buffer_dropped_events_cpu(struct ring_buffer *buffer, int cpu)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

	return READ_ONCE(cpu_buffer->dropped) - READ_ONCE(cpu_buffer->dropped_base);
}

unsigned long ring_buffer_entries(struct ring_buffer *buffer)
{
	unsigned long entries = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		entries += ring_buffer_entries_cpu(buffer, cpu);
	return entries;
}

unsigned long ring_buffer_overruns(struct ring_buffer *buffer)
{
	unsigned long overruns = 0;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		overruns += ring_buffer_overrun_cpu(buffer, cpu);
	return overruns;
}

/**
 * ring_buffer_consume - a trace_pipe reader took every record of @cpu's
 * ring before @idx: they are gone for every reader (Linux's
 * ring_buffer_consume). CONTEXT: any; writers are not disturbed.
 */
void ring_buffer_consume(struct ring_buffer *buffer, int cpu, unsigned long idx)
{
	struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];
	unsigned long base = READ_ONCE(cpu_buffer->reset_base);

	/* Only forward, and a reset meanwhile wins. */
	while ((long)(idx - base) > 0) {
		if (__atomic_compare_exchange_n(&cpu_buffer->reset_base, &base, idx, false,
						__ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
			__atomic_add_fetch(&cpu_buffer->read, idx - base, __ATOMIC_RELAXED);
			break;
		}
	}
}

/* Records of @cpu consumed by readers. */
unsigned long ring_buffer_read_events_cpu(struct ring_buffer *buffer, int cpu)
{
	return READ_ONCE(buffer->buffers[cpu].read);
}

/* tracing_cpumask: stop or resume recording on @cpu alone. */
void ring_buffer_record_disable_cpu(struct ring_buffer *buffer, int cpu)
{
	WRITE_ONCE(buffer->buffers[cpu].record_disabled, 1);
}

void ring_buffer_record_enable_cpu(struct ring_buffer *buffer, int cpu)
{
	WRITE_ONCE(buffer->buffers[cpu].record_disabled, 0);
}

/* The timestamp of @cpu's oldest record. RETURNS: false if it has none. */
bool ring_buffer_oldest_event_ts(struct ring_buffer *buffer, int cpu, u64 *ts)
{
	unsigned long idx = ring_buffer_first(buffer, cpu);
	struct ring_buffer_event event;

	if (!ring_buffer_peek(buffer, cpu, &idx, &event))
		return false;
	*ts = event.ts;
	return true;
}

/* Bytes of @cpu's ring (buffer_size_kb). */
size_t ring_buffer_size(struct ring_buffer *buffer, int cpu)
{
	return buffer->buffers[cpu].nr_slots * sizeof(struct ring_buffer_slot);
}

/**
 * ring_buffer_resize - give every CPU a ring of @size_per_cpu bytes in @mem
 * (Linux's ring_buffer_resize, which keeps the records; here the rings
 * start empty)
 * @old_mem: the rings' memory before, for the caller to free
 *
 * CONTEXT: recording on every CPU paused (record_disabled) and no writer
 * still inside reserve..commit, no reader walking the rings.
 * RETURNS: 0, or -EINVAL as ring_buffer_init() would (nothing changes).
 */
int ring_buffer_resize(struct ring_buffer *buffer, void *const mem[NR_CPUS], size_t size_per_cpu,
		       void *old_mem[NR_CPUS])
{
	unsigned long nr_slots = size_per_cpu / sizeof(struct ring_buffer_slot);
	int cpu;

	if (!mem || !IS_ALIGNED(size_per_cpu, 8) || nr_slots < 2)
		return -EINVAL;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (!mem[cpu] || !IS_ALIGNED((unsigned long)mem[cpu], 8))
			return -EINVAL;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct ring_buffer_per_cpu *cpu_buffer = &buffer->buffers[cpu];

		old_mem[cpu] = cpu_buffer->slots;
		cpu_buffer->slots = mem[cpu];
		cpu_buffer->nr_slots = nr_slots;
		cpu_buffer->head = cpu_buffer->reset_base = 0;
		cpu_buffer->overrun_base = cpu_buffer->overrun;
		cpu_buffer->dropped_base = cpu_buffer->dropped;
	}
	smp_wmb(); /* the new rings before recording resumes */
	return 0;
}
