/* Spinlocks, Linux's include/linux/spinlock.h API on the ARM ticket lock.
 *
 * CONTEXT: this kernel does not preempt kernel code (Linux's PREEMPT_NONE),
 * so spin_lock() need not touch preempt_count; a lock also taken from an
 * interrupt handler must be taken with the _irqsave variant everywhere else. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <asm/spinlock.h>

typedef struct spinlock {
	arch_spinlock_t raw_lock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { __ARCH_SPIN_LOCK_UNLOCKED }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw_lock.slock = 0;
}

static inline void spin_lock(spinlock_t *lock) { arch_spin_lock(&lock->raw_lock); }
static inline int spin_trylock(spinlock_t *lock) { return arch_spin_trylock(&lock->raw_lock); }
static inline void spin_unlock(spinlock_t *lock) { arch_spin_unlock(&lock->raw_lock); }
static inline int spin_is_locked(spinlock_t *lock) { return arch_spin_is_locked(&lock->raw_lock); }

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	local_irq_enable();
}

#define spin_lock_irqsave(lock, flags) \
	do {                               \
		local_irq_save(flags);     \
		spin_lock(lock);           \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

#define assert_spin_locked(lock) ((void)0)

#include <linux/rwlock.h>

#endif
