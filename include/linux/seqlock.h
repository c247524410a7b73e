/* Sequence counts (Linux's include/linux/seqlock.h, seqcount_t only): one
 * writer, serialised by other means, makes the count odd while it changes
 * the data; a reader copies the data and tries again if the count was odd
 * or moved meanwhile. Readers never block the writer. */
#ifndef _LINUX_SEQLOCK_H
#define _LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <asm/barrier.h>

typedef struct seqcount {
	unsigned sequence;
} seqcount_t;

/* RETURNS: the count to hand to read_seqcount_retry(), once even (no
 * write under way); the reads that follow come after it. */
static inline unsigned read_seqcount_begin(const seqcount_t *s)
{
	unsigned ret;

	while ((ret = READ_ONCE(s->sequence)) & 1)
		barrier();
	smp_rmb();
	return ret;
}

/* RETURNS: true if a write began since read_seqcount_begin() returned
 * @start: what was read may be torn, read it again. */
static inline int read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	smp_rmb();
	return READ_ONCE(s->sequence) != start;
}

/* CONTEXT: the one writer; a reader on its CPU must not interrupt it
 * (it would spin for ever), so IRQs off if readers run in IRQs. */
static inline void write_seqcount_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();
}

static inline void write_seqcount_end(seqcount_t *s)
{
	smp_wmb();
	WRITE_ONCE(s->sequence, s->sequence + 1);
}

#endif
