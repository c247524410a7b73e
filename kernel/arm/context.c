/* Address-space identifiers and switching TTBR0 (Linux's
 * arch/arm/mm/context.c and proc-v7-2level.S cpu_v7_switch_mm).
 *
 * User mappings are non-global, tagged in the TLB with an 8-bit ASID, so a
 * switch between processes needs no TLB flush. An mm keeps its ASID while
 * the generation in the upper bits of context.id is current; when all 255
 * are used, a new generation starts: every CPU flushes its TLB before its
 * next switch, and the ASIDs running right now stay reserved so that
 * threads of the same mm on other CPUs keep theirs. ASID 0 is never given
 * out: it goes with init_mm's empty table. TTBR0 and the ASID change
 * with the empty table in TTBR0 in between (ARM ARM B3.10.4), so no walk
 * caches one process's entries under another's ASID. */
#include <linux/bitops.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/mmu_context.h>

#define ASID_BITS 8
#define ASID_MASK ((1ULL << ASID_BITS) - 1)
#define ASID_FIRST_VERSION (1ULL << ASID_BITS)
#define NUM_USER_ASIDS ASID_FIRST_VERSION

static DEFINE_SPINLOCK(cpu_asid_lock);
static u64 asid_generation = ASID_FIRST_VERSION;
static unsigned long asid_map[BITS_TO_LONGS(NUM_USER_ASIDS)];
static u64 active_asids[NR_CPUS];
static u64 reserved_asids[NR_CPUS];
static unsigned int tlb_flush_pending; /* one bit per CPU */

static pgd_t empty_pgd[2048] __aligned(8192);

struct mm_struct init_mm = {
	.pgd = empty_pgd,
	.mmap = LIST_HEAD_INIT(init_mm.mmap),
	.mm_users = 2,
	.mm_count = 1,
	.mmap_lock = __SPIN_LOCK_UNLOCKED(init_mm.mmap_lock),
};

static void cpu_switch_mm(pgd_t *pgd, u32 asid)
{
	u32 ttbr = __pa(pgd) | TTB_FLAGS;
	u32 empty = __pa(empty_pgd) | TTB_FLAGS;

	/* While the ASID changes, TTBR0 points at the empty table, so that
	 * no speculative walk caches entries under the wrong ASID. */
	__asm__ __volatile__("mcr	p15, 0, %2, c2, c0, 0\n\t" /* TTBR0 = empty */
			     "isb\n\t"
			     "mcr	p15, 0, %1, c13, c0, 1\n\t" /* CONTEXTIDR = asid */
			     "isb\n\t"
			     "mcr	p15, 0, %0, c2, c0, 0\n\t" /* TTBR0 = the new table */
			     "isb"
			     : : "r"(ttbr), "r"(asid), "r"(empty) : "memory");
}

static void local_flush_tlb_all(void)
{
	__asm__ __volatile__("dsb nshst\n\t"
			     "mcr p15, 0, %0, c8, c7, 0\n\t" /* TLBIALL */
			     "mcr p15, 0, %0, c7, c5, 6\n\t" /* BPIALL */
			     "dsb nsh\n\tisb" : : "r"(0) : "memory");
}

/* Start a new generation. CONTEXT: cpu_asid_lock held. */
static void flush_context(void)
{
	int cpu;

	memset(asid_map, 0, sizeof(asid_map));
	for_each_possible_cpu(cpu) {
		/* A CPU that switched since the last rollover keeps the ASID
		 * it runs now; one that did not keeps its reserved one. Clearing
		 * active_asids sends its next switch down the slow path. */
		u64 asid = __atomic_exchange_n(&active_asids[cpu], 0, __ATOMIC_RELAXED);

		if (asid == 0)
			asid = reserved_asids[cpu];
		if (asid & ASID_MASK)
			__set_bit(asid & ASID_MASK, asid_map);
		reserved_asids[cpu] = asid;
	}
	tlb_flush_pending = (1u << NR_CPUS) - 1;
}

static bool check_update_reserved_asid(u64 asid, u64 newasid)
{
	bool hit = false;
	int cpu;

	for_each_possible_cpu(cpu) {
		if (reserved_asids[cpu] == asid) {
			hit = true;
			reserved_asids[cpu] = newasid;
		}
	}
	return hit;
}

/* An ASID of the current generation for mm: its old one if still free,
 * else the next free one after the last handed out (a cursor, so that the
 * search does not start over from 1 each time), else a new generation.
 * ASID 0 is never handed out: it goes with the empty table.
 * CONTEXT: cpu_asid_lock held. */
static u64 new_context(struct mm_struct *mm)
{
	static u32 cur_idx = 1;
	u64 asid = mm->context.id;

	if (asid) {
		u64 newasid = (asid & ASID_MASK) | asid_generation;

		/* Our ASID was running during a rollover: keep it. */
		if (check_update_reserved_asid(asid, newasid))
			return newasid;
		/* We had a valid ASID in a previous life: re-use it if free. */
		if (!__test_and_set_bit(asid & ASID_MASK, asid_map))
			return newasid;
	}
	asid = find_next_zero_bit(asid_map, NUM_USER_ASIDS, cur_idx);
	if (asid == NUM_USER_ASIDS) {
		__atomic_store_n(&asid_generation, asid_generation + ASID_FIRST_VERSION,
				 __ATOMIC_RELAXED);
		flush_context();
		asid = find_next_zero_bit(asid_map, NUM_USER_ASIDS, 1);
	}
	__set_bit(asid, asid_map);
	cur_idx = asid;
	return asid | asid_generation;
}

void switch_mm(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	int cpu = smp_processor_id();
	unsigned long flags;
	u64 asid = 0;

	if (next != &init_mm) {
		asid = __atomic_load_n(&next->context.id, __ATOMIC_RELAXED);
		/* The fast path, taken on almost every switch (Linux's
		 * check_and_switch_context): the ASID is of the current
		 * generation, and no rollover has cleared this CPU's active
		 * ASID (flush_context() sets it to 0) since we last switched. */
		if (!((asid ^ __atomic_load_n(&asid_generation, __ATOMIC_RELAXED)) >> ASID_BITS) &&
		    __atomic_exchange_n(&active_asids[cpu], asid, __ATOMIC_RELAXED))
			goto switch_mm_fastpath;

		spin_lock_irqsave(&cpu_asid_lock, flags);
		asid = next->context.id;
		if ((asid ^ asid_generation) >> ASID_BITS) {
			asid = new_context(next);
			__atomic_store_n(&next->context.id, asid, __ATOMIC_RELAXED);
		}
		if (tlb_flush_pending & (1u << cpu)) {
			tlb_flush_pending &= ~(1u << cpu);
			local_flush_tlb_all();
		}
		__atomic_store_n(&active_asids[cpu], asid, __ATOMIC_RELAXED);
		spin_unlock_irqrestore(&cpu_asid_lock, flags);
	}
switch_mm_fastpath:
	cpu_switch_mm(next->pgd, asid & ASID_MASK);
}

void switch_to_init_mm(void)
{
	cpu_switch_mm(init_mm.pgd, 0);
	/* The boot identity map was global: drop its TLB entries. */
	local_flush_tlb_all();
	current->active_mm = &init_mm;
}
