/* The per-CPU trace rings (Linux's include/linux/ring_buffer.h, much
 * simpler): fixed-size records, one ring per CPU written only by that CPU
 * with IRQs off, the oldest record overwritten when a ring is full (or, with
 * overwrite off, the new one dropped), and lock-free readers that skip a
 * record overwritten while they copy it. */
#ifndef _LINUX_RING_BUFFER_H
#define _LINUX_RING_BUFFER_H

#include <linux/compiler.h>
#include <linux/percpu.h>
#include <linux/types.h>

/* A reader's CPU argument meaning "every CPU" (Linux's). */
#define RING_BUFFER_ALL_CPUS (-1)

/* Payload of one record: a struct trace_record (see <linux/trace_events.h>). */
#define RB_EVENT_DATA_SIZE 112

/* One record. Linux stores a 27-bit time delta and a variable length;
 * we store the whole timestamp and a fixed-size payload. */
struct ring_buffer_event {
	u64 ts; /* trace_clock_local() at reserve: ns since boot */
	u8 data[RB_EVENT_DATA_SIZE] __aligned(8);
};

static inline void *ring_buffer_event_data(struct ring_buffer_event *event)
{
	return event->data;
}

struct ring_buffer_slot; /* a record and its sequence word, ring_buffer.c */

/*
 * Records are numbered from 0 as they are written; record i lives in slot
 * i % nr_slots. Indexes are free-running and compared modulo 2^BITS_PER_LONG.
 * The counters only grow and are written only by the ring's CPU; a reset
 * takes a snapshot of them instead of clearing them.
 */
struct ring_buffer_per_cpu {
	struct ring_buffer_slot *slots;
	unsigned long nr_slots;
	unsigned long head;       /* index of the next record; written only by its CPU */
	unsigned long reset_base; /* index of the first record not yet reset */
	unsigned long overrun;    /* unread records overwritten (overwrite mode) */
	unsigned long dropped;    /* records refused because the ring was full */
	unsigned long overrun_base, dropped_base; /* their values at the last reset */
	unsigned long read;       /* records consumed by trace_pipe readers; atomic */
	int record_disabled;      /* tracing_cpumask leaves this CPU out */
};

struct ring_buffer {
	struct ring_buffer_per_cpu buffers[NR_CPUS];
	int record_on; /* Linux's !RB_BUFFER_OFF: tracing_on */
	int record_disabled; /* nested pauses (reading `trace`); atomic */
	u64 (*clock)(void);  /* stamps each record (trace_clock) */
	int overwrite; /* Linux's RB_FL_OVERWRITE: when full, the oldest record goes */
};

/* Bytes of ring memory per record: the smallest useful trace_buf_size is two of these. */
#define RB_SLOT_SIZE 128

int ring_buffer_init(struct ring_buffer *buffer, void *const mem[NR_CPUS], size_t size_per_cpu);
struct ring_buffer_event *ring_buffer_lock_reserve(struct ring_buffer *buffer, int cpu);
void ring_buffer_unlock_commit(struct ring_buffer *buffer, int cpu);
unsigned long ring_buffer_first(struct ring_buffer *buffer, int cpu);
bool ring_buffer_peek(struct ring_buffer *buffer, int cpu, unsigned long *idx,
		      struct ring_buffer_event *event);

void ring_buffer_reset(struct ring_buffer *buffer);
void ring_buffer_reset_cpu(struct ring_buffer *buffer, int cpu);
void ring_buffer_consume(struct ring_buffer *buffer, int cpu, unsigned long idx);
unsigned long ring_buffer_read_events_cpu(struct ring_buffer *buffer, int cpu);
void ring_buffer_record_disable_cpu(struct ring_buffer *buffer, int cpu);
void ring_buffer_record_enable_cpu(struct ring_buffer *buffer, int cpu);
bool ring_buffer_oldest_event_ts(struct ring_buffer *buffer, int cpu, u64 *ts);
size_t ring_buffer_size(struct ring_buffer *buffer, int cpu);
int ring_buffer_resize(struct ring_buffer *buffer, void *const mem[NR_CPUS], size_t size_per_cpu,
		       void *old_mem[NR_CPUS]);
void ring_buffer_change_overwrite(struct ring_buffer *buffer, int val);
void ring_buffer_record_on(struct ring_buffer *buffer);
void ring_buffer_record_off(struct ring_buffer *buffer);
bool ring_buffer_record_is_on(struct ring_buffer *buffer);
void ring_buffer_record_disable(struct ring_buffer *buffer);
void ring_buffer_record_enable(struct ring_buffer *buffer);

unsigned long ring_buffer_entries_cpu(struct ring_buffer *buffer, int cpu);
unsigned long ring_buffer_overrun_cpu(struct ring_buffer *buffer, int cpu);
unsigned long ring_buffer_dropped_events_cpu(struct ring_buffer *buffer, int cpu);
unsigned long ring_buffer_entries(struct ring_buffer *buffer);
unsigned long ring_buffer_overruns(struct ring_buffer *buffer);

#endif
