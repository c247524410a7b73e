/* Sets of CPUs (Linux's include/linux/cpumask.h): a bitmap of NR_CPUS bits
 * in a struct, so that masks are passed by pointer and copied whole. The
 * operations this kernel uses, under Linux's names. nr_cpu_ids is the
 * constant NR_CPUS (Linux counts the possible CPUs at boot; the BCM2836
 * always has four). */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/types.h>

typedef struct cpumask {
	unsigned long bits[BITS_TO_LONGS(NR_CPUS)];
} cpumask_t;

/* Every CPU (NR_CPUS fits in one long here). */
#define CPU_MASK_ALL ((cpumask_t){ { (1UL << NR_CPUS) - 1 } })

#define nr_cpu_ids ((unsigned int)NR_CPUS)
#define cpumask_bits(maskp) ((maskp)->bits)
/* The bytes of a mask, as sched_getaffinity() copies it out. */
#define cpumask_size() (BITS_TO_LONGS(NR_CPUS) * sizeof(long))

/* The CPUs that exist, and those that came up (kernel/arm/smp.c). */
extern const struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_online_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)

/* The word of a mask that holds @cpu's bit, and the bit in it: the first
 * word for every CPU while NR_CPUS fits in one (a test of a CPU's bit is
 * then a load and a shift: __schedule() makes one at every switch). */
#define CPUMASK_WORD(cpu) (BITS_TO_LONGS(NR_CPUS) == 1 ? 0 : (unsigned int)(cpu) / BITS_PER_LONG)
#define CPUMASK_BIT(cpu) ((unsigned int)(cpu) % BITS_PER_LONG)

/* One word read once: another CPU may be changing the mask (Linux's
 * test_bit reads through a volatile pointer). */
static inline bool cpumask_test_cpu(int cpu, const struct cpumask *mask)
{
	return (READ_ONCE(mask->bits[CPUMASK_WORD(cpu)]) >> CPUMASK_BIT(cpu)) & 1;
}

/* Atomic, as Linux's set_bit/clear_bit. */
static inline void cpumask_set_cpu(int cpu, struct cpumask *mask)
{
	__atomic_fetch_or(&mask->bits[CPUMASK_WORD(cpu)], 1UL << CPUMASK_BIT(cpu), __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *mask)
{
	__atomic_fetch_and(&mask->bits[CPUMASK_WORD(cpu)], ~(1UL << CPUMASK_BIT(cpu)),
			   __ATOMIC_SEQ_CST);
}

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

static inline void cpumask_clear(struct cpumask *mask)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		mask->bits[i] = 0;
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	*dst = *src;
}

/* dst = a & b. RETURNS: false if dst is empty. */
static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a, const struct cpumask *b)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		any |= dst->bits[i] = a->bits[i] & b->bits[i];
	return any != 0;
}

static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (a->bits[i] != b->bits[i])
			return false;
	return true;
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	unsigned int i, n = 0;

	for (i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		n += __builtin_popcountl(READ_ONCE(mask->bits[i]));
	return n;
}

/* The first CPU after @n in both masks, a word at a time (Linux's
 * find_next_and_bit; one word here). RETURNS: it, or nr_cpu_ids. */
static inline unsigned int cpumask_next_and(int n, const struct cpumask *a, const struct cpumask *b)
{
	unsigned long word;

	_Static_assert(BITS_TO_LONGS(NR_CPUS) == 1, "cpumask_next_and reads one word");
	if (++n >= NR_CPUS)
		return nr_cpu_ids;
	word = READ_ONCE(a->bits[0]) & READ_ONCE(b->bits[0]) & (~0UL << n);
	return word ? (unsigned int)__builtin_ctzl(word) : nr_cpu_ids;
}

#define cpumask_first_and(a, b) cpumask_next_and(-1, (a), (b))
#define cpumask_any_and(a, b) cpumask_first_and((a), (b))
#define cpumask_any(mask) cpumask_first_and((mask), cpu_possible_mask)
#define for_each_cpu_and(cpu, a, b) \
	for ((cpu) = -1; (cpu) = cpumask_next_and((cpu), (a), (b)), (cpu) < nr_cpu_ids;)
#define for_each_cpu(cpu, mask) for_each_cpu_and((cpu), (mask), cpu_possible_mask)

#endif
