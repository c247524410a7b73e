/* Ticket spinlocks on LDREX/STREX (Linux's arch/arm/include/asm/spinlock.h).
 *
 * Taking a ticket is one exclusive increment of `next`; the holder is the
 * CPU whose ticket equals `owner`, so CPUs get the lock in arrival order.
 * Waiters sleep in WFE; unlock's DSB+SEV wakes them (ARM ARM B1.8.13).
 * The DMBs make the critical section's accesses stay inside the lock. */
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

#ifdef HOST_TEST
static inline void arch_spin_lock(arch_spinlock_t *lock) { lock->tickets.next++; }
static inline int arch_spin_trylock(arch_spinlock_t *lock) { lock->tickets.next++; return 1; }
static inline void arch_spin_unlock(arch_spinlock_t *lock) { lock->tickets.owner++; }
#else
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
	__asm__ __volatile__("dsb ishst\n\tsev" ::: "memory");
}
#endif

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->slock) } };
	return v.tickets.owner != v.tickets.next;
}

#endif
