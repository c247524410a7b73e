/* Sleeping locks (Linux's include/linux/mutex.h): a task that finds the
 * mutex held sleeps until its owner unlocks it. Only process context may
 * take one; the owner must unlock it. Linux spins on a running owner and
 * hands the lock to the first waiter; here every waiter wakes and retries. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner; /* NULL when free; set and cleared atomically */
	wait_queue_head_t wait;    /* tasks sleeping in mutex_lock() */
};

#define __MUTEX_INITIALIZER(name) { .owner = NULL, .wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* RETURNS: 0 with the lock held, or -EINTR if a signal came first. */
int mutex_lock_interruptible(struct mutex *lock);
/* RETURNS: 1 if the lock was free and is now ours, 0 otherwise. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != NULL;
}

#endif
