/* Ticket spinlocks and reader-writer locks on LDREX/STREX (Linux's
 * arch/arm/include/asm/spinlock.h and spinlock_types.h).
 *
 * Taking a ticket is one exclusive increment of `next`; the holder is the
 * CPU whose ticket equals `owner`, so CPUs get the lock in arrival order.
 * Waiters sleep in WFE; unlock's DSB+SEV wakes them (ARM ARM B1.8.13).
 * The DMBs make the critical section's accesses stay inside the lock.
 * Linux's prefetchw (PLDW, a cache hint) before each LDREX is left out. */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>

#define TICKET_SHIFT 16

typedef struct {
	union {
		u32 slock;
		struct {
			u16 owner;
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

/* Bit 31: held for writing; bits 0-30: how many readers hold it. */
typedef struct {
	u32 lock;
} arch_rwlock_t;

#define __ARCH_RW_LOCK_UNLOCKED { 0 }

#ifdef HOST_TEST
static inline void arch_spin_lock(arch_spinlock_t *lock) { lock->tickets.next++; }
static inline int arch_spin_trylock(arch_spinlock_t *lock) { lock->tickets.next++; return 1; }
static inline void arch_spin_unlock(arch_spinlock_t *lock) { lock->tickets.owner++; }
static inline void arch_read_lock(arch_rwlock_t *rw) { rw->lock++; }
static inline void arch_read_unlock(arch_rwlock_t *rw) { rw->lock--; }
static inline void arch_write_lock(arch_rwlock_t *rw) { rw->lock = 0x80000000; }
static inline void arch_write_unlock(arch_rwlock_t *rw) { rw->lock = 0; }
#else
/* Make the stores before it visible, then wake the CPUs waiting in WFE. */
static inline void dsb_sev(void)
{
	__asm__ __volatile__("dsb ishst\n\tsev" ::: "memory");
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	unsigned long tmp;
	u32 newval;
	arch_spinlock_t lockval;

	__asm__ __volatile__("1:	ldrex	%0, [%3]\n"
			     "	add	%1, %0, %4\n"
			     "	strex	%2, %1, [%3]\n"
			     "	teq	%2, #0\n"
			     "	bne	1b"
			     : "=&r"(lockval), "=&r"(newval), "=&r"(tmp)
			     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
			     : "cc");

	/* next != owner, tested as trylock does (slock vs slock ror 16) */
	while (lockval.slock != (lockval.slock >> TICKET_SHIFT | lockval.slock << TICKET_SHIFT)) {
		__asm__ __volatile__("wfe" ::: "memory");
		lockval.tickets.owner = READ_ONCE(lock->tickets.owner);
	}
	smp_mb();
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	unsigned long contended, res;
	u32 slock;

	do {
		__asm__ __volatile__("	ldrex	%0, [%3]\n"
				     "	mov	%2, #0\n"
				     "	subs	%1, %0, %0, ror #16\n"
				     "	addeq	%0, %0, %4\n"
				     "	strexeq	%2, %0, [%3]"
				     : "=&r"(slock), "=&r"(contended), "=&r"(res)
				     : "r"(&lock->slock), "I"(1 << TICKET_SHIFT)
				     : "cc");
	} while (res);

	if (!contended) {
		smp_mb();
		return 1;
	}
	return 0;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	smp_mb();
	lock->tickets.owner++;
	dsb_sev();
}

/*
 * Reader-writer locks. Unlike the ticket lock they are not fair: a reader
 * gets in whenever no writer holds the lock, even while a writer waits, so
 * a reader may nest inside another (an interrupt handler's read_lock over
 * a reader it interrupted) without deadlock, and writers may starve.
 *
 * A writer takes the lock from 0 to 0x80000000, waiting in WFE while it is
 * not 0; unlocking stores 0, since nobody else holds it.
 */
static inline void arch_write_lock(arch_rwlock_t *rw)
{
	unsigned long tmp;

	__asm__ __volatile__("1:	ldrex	%0, [%1]\n"
			     "	teq	%0, #0\n"
			     "	wfene\n"
			     "	strexeq	%0, %2, [%1]\n"
			     "	teq	%0, #0\n"
			     "	bne	1b"
			     : "=&r"(tmp)
			     : "r"(&rw->lock), "r"(0x80000000)
			     : "cc");
	smp_mb();
}

static inline void arch_write_unlock(arch_rwlock_t *rw)
{
	smp_mb();
	__asm__ __volatile__("str	%1, [%0]" : : "r"(&rw->lock), "r"(0) : "cc");
	dsb_sev();
}

/*
 * A reader adds 1. Were the result negative (bit 31: a writer holds it),
 * it stores nothing and waits in WFE; a failed STREX (tmp2 = 1) turns the
 * result negative too (rsbpls), so both retry.
 */
static inline void arch_read_lock(arch_rwlock_t *rw)
{
	unsigned long tmp, tmp2;

	__asm__ __volatile__("1:	ldrex	%0, [%2]\n"
			     "	adds	%0, %0, #1\n"
			     "	strexpl	%1, %0, [%2]\n"
			     "	wfemi\n"
			     "	rsbpls	%0, %1, #0\n"
			     "	bmi	1b"
			     : "=&r"(tmp), "=&r"(tmp2)
			     : "r"(&rw->lock)
			     : "cc");
	smp_mb();
}

/* Subtract 1; the last reader out wakes the writers waiting in WFE. */
static inline void arch_read_unlock(arch_rwlock_t *rw)
{
	unsigned long tmp, tmp2;

	smp_mb();
	__asm__ __volatile__("1:	ldrex	%0, [%2]\n"
			     "	sub	%0, %0, #1\n"
			     "	strex	%1, %0, [%2]\n"
			     "	teq	%1, #0\n"
			     "	bne	1b"
			     : "=&r"(tmp), "=&r"(tmp2)
			     : "r"(&rw->lock)
			     : "cc");
	if (tmp == 0)
		dsb_sev();
}
#endif

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->slock) } };
	return v.tickets.owner != v.tickets.next;
}

#endif
