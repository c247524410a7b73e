/* Reader-writer spinlocks: Linux's include/linux/rwlock_types.h, rwlock.h
 * and rwlock_api_smp.h (the __raw_* bodies) in one file, on the ARM
 * arch_rwlock_t of <asm/spinlock.h>.
 *
 * Many readers may hold one at once, or a single writer. A reader enters
 * whenever no writer holds it, even with a writer waiting, so readers may
 * nest, also in interrupt handlers over a reader they interrupted. Hence
 * Linux's rule, kept here: a lock that any interrupt handler read-locks
 * is write-locked with IRQs off (write_lock_irq), and a reader needs IRQs
 * off only for the sake of other locks it takes inside.
 *
 * As spinlock.h: no preempt_count (PREEMPT_NONE), no lock debugging. */
#ifndef _LINUX_RWLOCK_H
#define _LINUX_RWLOCK_H

#include <asm/irqflags.h>
#include <asm/spinlock.h>

typedef struct {
	arch_rwlock_t raw_lock;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname) { __ARCH_RW_LOCK_UNLOCKED }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

static inline void read_lock(rwlock_t *lock) { arch_read_lock(&lock->raw_lock); }
static inline void read_unlock(rwlock_t *lock) { arch_read_unlock(&lock->raw_lock); }

static inline void read_lock_irq(rwlock_t *lock)
{
	local_irq_disable();
	arch_read_lock(&lock->raw_lock);
}

static inline void read_unlock_irq(rwlock_t *lock)
{
	arch_read_unlock(&lock->raw_lock);
	local_irq_enable();
}

static inline void write_lock_irq(rwlock_t *lock)
{
	local_irq_disable();
	arch_write_lock(&lock->raw_lock);
}

static inline void write_unlock_irq(rwlock_t *lock)
{
	arch_write_unlock(&lock->raw_lock);
	local_irq_enable();
}

#endif
