/* Fast user-space mutexes, FUTEX_WAIT and FUTEX_WAKE (Linux's
 * kernel/futex.c, without priority inheritance, requeue or robust lists):
 * enough for pthread_join through CLONE_CHILD_CLEARTID. A waiter sleeps
 * on the word's (mm, address) only if the word still holds the value it
 * expects, checked under the hash bucket's lock, so no wake-up is lost.
 * Every futex is keyed as a private one: by the caller's address space. */
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <uapi/linux/futex.h>
#include <asm/uaccess.h>

#define FUTEX_HASHBITS 6

struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct mm_struct *mm;
	u32 __user *uaddr;
	int woken;
};

static struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;
} futex_queues[1 << FUTEX_HASHBITS];

static struct futex_hash_bucket *hash_futex(struct mm_struct *mm, u32 __user *uaddr)
{
	unsigned long h = ((unsigned long)uaddr >> 2) ^ ((unsigned long)mm >> 6);

	return &futex_queues[(h ^ (h >> FUTEX_HASHBITS)) & ((1 << FUTEX_HASHBITS) - 1)];
}

static long futex_wait(u32 __user *uaddr, u32 val, const struct timespec *timeout)
{
	struct futex_hash_bucket *hb = hash_futex(current->mm, uaddr);
	struct futex_q q = { .task = current, .mm = current->mm, .uaddr = uaddr };
	long left = MAX_SCHEDULE_TIMEOUT;
	u32 uval;

	if (timeout)
		left = nsecs_to_jiffies((u64)timeout->tv_sec * NSEC_PER_SEC + timeout->tv_nsec);
	spin_lock_irq(&hb->lock);
	if (get_user(uval, uaddr)) {
		spin_unlock_irq(&hb->lock);
		return -EFAULT;
	}
	if (uval != val) {
		spin_unlock_irq(&hb->lock);
		return -EAGAIN;
	}
	list_add_tail(&q.list, &hb->chain);
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock_irq(&hb->lock);

	if (!signal_pending(current))
		left = schedule_timeout(left);
	__set_current_state(TASK_RUNNING);

	spin_lock_irq(&hb->lock);
	if (!q.woken)
		list_del(&q.list);
	spin_unlock_irq(&hb->lock);
	if (q.woken)
		return 0;
	if (timeout && !left)
		return -ETIMEDOUT;
	if (signal_pending(current))
		return timeout ? -EINTR : -ERESTARTSYS;
	return 0; /* a spurious wake-up: the caller re-checks its word */
}

int futex_wake(u32 __user *uaddr, int nr)
{
	struct futex_hash_bucket *hb = hash_futex(current->mm, uaddr);
	struct futex_q *q, *n;
	unsigned long flags;
	int woken = 0;

	spin_lock_irqsave(&hb->lock, flags);
	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (q->mm != current->mm || q->uaddr != uaddr)
			continue;
		list_del(&q->list);
		WRITE_ONCE(q->woken, 1);
		wake_up_process(q->task);
		if (++woken >= nr)
			break;
	}
	spin_unlock_irqrestore(&hb->lock, flags);
	return woken;
}

long sys_futex(u32 __user *uaddr, int op, u32 val, struct timespec __user *utime,
	       u32 __user *uaddr2, u32 val3)
{
	struct timespec ts;

	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		if (utime) {
			if (copy_from_user(&ts, utime, sizeof(ts)))
				return -EFAULT;
			if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
				return -EINVAL;
		}
		return futex_wait(uaddr, val, utime ? &ts : NULL);
	case FUTEX_WAKE:
		return futex_wake(uaddr, val);
	default:
		return -ENOSYS;
	}
}

void futex_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(futex_queues); i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}
