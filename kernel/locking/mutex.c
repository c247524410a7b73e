/* Sleeping locks (Linux's kernel/locking/mutex.c, without the optimistic
 * spinning and the hand-off): the owner word is taken with a compare and
 * swap; a task that fails sleeps on the wait queue until an unlock. */
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>

void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

int mutex_trylock(struct mutex *lock)
{
	struct task_struct *none = NULL;

	/* Acquire: what the last owner wrote before unlocking is visible. */
	return __atomic_compare_exchange_n(&lock->owner, &none, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* The condition is tested after the sleeper's state is set, so an unlock
 * between a failed try and schedule() still wakes it. */
void __sched mutex_lock(struct mutex *lock)
{
	wait_event(lock->wait, mutex_trylock(lock));
}

int __sched mutex_lock_interruptible(struct mutex *lock)
{
	return wait_event_interruptible(lock->wait, mutex_trylock(lock)) ? -EINTR : 0;
}

/* Release: the critical section's writes are visible before the lock
 * looks free; then every sleeper wakes and tries again. */
void mutex_unlock(struct mutex *lock)
{
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	wake_up_all(&lock->wait);
}
