/* Fast user-space mutexes: FUTEX_WAIT, FUTEX_WAKE and their _BITSET
 * forms, and robust futex lists (Linux's kernel/futex.c, without priority
 * inheritance or requeue): what glibc's mutexes, condition variables and
 * pthread_join use. A waiter sleeps on the word's (mm, address) only if
 * the word still holds the value it expects, checked under the hash
 * bucket's lock, so no wake-up is lost. Every futex is keyed by the
 * caller's address space and the word's address, and, as in Linux for
 * anonymous memory, by whether it is private (FUTEX_PRIVATE_FLAG) or not:
 * a private waiter is never woken by a shared wake on the same word, such
 * as the one exit makes for CLONE_CHILD_CLEARTID. Shared futexes between
 * processes are keyed the same way, so they work only within one mm. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <uapi/linux/futex.h>
#include <linux/uaccess.h>

int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval);

#define FUTEX_HASHBITS 6

/* Linux's futex flags; in its key, FUT_OFF_MMSHARED marks a shared
 * futex on anonymous memory. */
#define FLAGS_SHARED 0x01

struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct mm_struct *mm;
	u32 __user *uaddr;
	u32 bitset; /* wake-ups whose bitset shares a bit with it */
	unsigned int flags; /* FLAGS_SHARED: a shared futex, not a private one */
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

/* Read the futex word without letting a fault be resolved: we hold the
 * hash bucket's lock. RETURNS: 0, or -EFAULT if it would fault. */
static int get_futex_value_locked(u32 *dest, u32 __user *from)
{
	int ret;

	pagefault_disable();
	ret = get_user(*dest, from);
	pagefault_enable();
	return ret ? -EFAULT : 0;
}

/*
 * Check @uaddr as Linux's get_futex_key() does before it makes a key: a
 * u32-aligned (-EINVAL) user address (-EFAULT) and, for a shared futex,
 * which Linux keys by its page, a page there that may change: mapped
 * (-EFAULT) and not read-only anonymous memory (-EFAULT: "a RO anonymous
 * page will never change and thus doesn't make sense for futex
 * operations"). The key itself is what the top of this file says.
 */
static int get_futex_key(u32 __user *uaddr, bool fshared)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int ret = 0;

	if ((unsigned long)uaddr % sizeof(u32))
		return -EINVAL;
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	if (!fshared)
		return 0;
	spin_lock(&mm->mmap_lock);
	vma = find_vma(mm, (unsigned long)uaddr);
	if (!vma || vma->vm_start > (unsigned long)uaddr || !(vma->vm_flags & VM_READ) ||
	    (!vma->vm_file && !(vma->vm_flags & VM_WRITE)))
		ret = -EFAULT;
	spin_unlock(&mm->mmap_lock);
	return ret;
}

/* Sleep until woken, if *uaddr == val. @timeout: relative, or absolute
 * (FUTEX_WAIT_BITSET) if @abs; NULL for none. */
static long futex_wait(u32 __user *uaddr, unsigned int flags, u32 val,
		       const struct timespec *timeout, bool abs, u32 bitset)
{
	struct futex_hash_bucket *hb = hash_futex(current->mm, uaddr);
	struct futex_q q = { .task = current, .mm = current->mm, .uaddr = uaddr, .bitset = bitset,
			     .flags = flags };
	long left = MAX_SCHEDULE_TIMEOUT;
	u32 uval;
	int ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags & FLAGS_SHARED);
	if (ret)
		return ret;
	if (timeout) {
		u64 ns = (u64)timeout->tv_sec * NSEC_PER_SEC + timeout->tv_nsec;

		/* CLOCK_REALTIME and CLOCK_MONOTONIC are one clock here. */
		if (abs)
			ns = ns > local_clock() ? ns - local_clock() : 0;
		left = nsecs_to_jiffies(ns);
	}
	/*
	 * Access the page AFTER the hash-bucket is locked (Linux's
	 * futex_wait_setup): the waiter blocks only if the word holds @val
	 * at that moment, and a waker that changes it then takes this lock
	 * to wake us. The read must not fault under the lock, though: if the
	 * page is not there, drop the lock, fault it in, and look again.
	 */
retry_private:
	spin_lock_irq(&hb->lock);
	if (get_futex_value_locked(&uval, uaddr)) {
		spin_unlock_irq(&hb->lock);
		if (get_user(uval, uaddr))
			return -EFAULT;
		goto retry_private;
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

/* Wake up to @nr waiters on @uaddr, private or shared as @flags says,
 * whose bitset meets @bitset. RETURNS: how many, or -EINVAL/-EFAULT for a
 * bad bitset or address. */
static int futex_wake_bitset(u32 __user *uaddr, unsigned int flags, int nr, u32 bitset)
{
	struct futex_hash_bucket *hb = hash_futex(current->mm, uaddr);
	struct futex_q *q, *n;
	unsigned long irqflags;
	int woken = 0, ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(uaddr, flags & FLAGS_SHARED);
	if (ret)
		return ret;
	spin_lock_irqsave(&hb->lock, irqflags);
	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (q->mm != current->mm || q->uaddr != uaddr || q->flags != flags ||
		    !(q->bitset & bitset))
			continue;
		list_del(&q->list);
		WRITE_ONCE(q->woken, 1);
		wake_up_process(q->task);
		if (++woken >= nr)
			break;
	}
	spin_unlock_irqrestore(&hb->lock, irqflags);
	return woken;
}

int futex_wake(u32 __user *uaddr, int nr)
{
	return futex_wake_bitset(uaddr, FLAGS_SHARED, nr, FUTEX_BITSET_MATCH_ANY);
}

/*
 * futex(2), in Linux's order (sys_futex, then do_futex): the timeout of a
 * wait is read and checked first, then the operation, then the bitset,
 * then the address. An operation this kernel lacks (requeue, wake_op, the
 * PI ones) is -ENOSYS, as an unknown one is.
 */
long sys_futex(u32 __user *uaddr, int op, u32 val, struct timespec __user *utime,
	       u32 __user *uaddr2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned int flags = op & FUTEX_PRIVATE_FLAG ? 0 : FLAGS_SHARED;
	struct timespec ts, *tp = NULL;

	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		tp = &ts;
	}
	/* As 4.19's stable updates and 6.1: FUTEX_WAIT's relative timeout
	 * has no clock to choose. */
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, flags, val, tp, cmd == FUTEX_WAIT_BITSET, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAKE_BITSET:
		return futex_wake_bitset(uaddr, flags, val, val3);
	}
	return -ENOSYS;
}

long sys_set_robust_list(struct robust_list_head __user *head, size_t len)
{
	/* The kernel knows only one version of the list head. */
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* get_robust_list(pid, head_ptr, len_ptr): pid 0 is the caller. Linux
 * asks ptrace_may_access(); here the caller must be root or own @pid. */
long sys_get_robust_list(int pid, struct robust_list_head __user *__user *head_ptr,
			 size_t __user *len_ptr)
{
	struct robust_list_head __user *head;
	struct task_struct *p = current;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	if (pid) {
		p = find_task_by_vpid(pid);
		if (!p) {
			read_unlock(&tasklist_lock);
			return -ESRCH;
		}
		if (current->cred.euid && current->cred.euid != p->cred.uid) {
			read_unlock(&tasklist_lock);
			return -EPERM;
		}
	}
	head = p->robust_list;
	read_unlock(&tasklist_lock);
	if (put_user(sizeof(*head), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

/*
 * Process a futex-list entry, check whether it's owned by the
 * dying task, and do notification if so: set FUTEX_OWNER_DIED and wake
 * one waiter. RETURNS: 0, or -1 if the word cannot be read or written.
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr, int pi)
{
	u32 uval, nval, mval;

	/* Futex address must be 32bit aligned */
	if ((unsigned long)uaddr % sizeof(*uaddr) || (unsigned long)uaddr >= TASK_SIZE)
		return -1;
retry:
	if (get_user(uval, uaddr))
		return -1;
	if ((uval & FUTEX_TID_MASK) == (u32)task_pid_nr(curr)) {
		/* Ok, this dying thread is truly holding a futex of interest.
		 * Set the OWNER_DIED bit atomically via cmpxchg, and if the
		 * value had FUTEX_WAITERS set, wake up a waiter (if any). */
		mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
		if (futex_atomic_cmpxchg_inatomic(&nval, uaddr, uval, mval))
			return -1;
		if (nval != uval)
			goto retry;
		/* Wake robust non-PI futexes here. The wakeup of PI futexes
		 * happens in exit_pi_state() (no PI futexes here). */
		if (!pi && (uval & FUTEX_WAITERS))
			futex_wake(uaddr, 1);
	}
	return 0;
}

/* Fetch a robust-list pointer. Bit 0 signals PI futexes. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *__user *head, unsigned int *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (unsigned long __user *)head))
		return -EFAULT;
	*entry = (void __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

/*
 * Walk curr->robust_list (very carefully, it's a userspace list!)
 * and mark any locks found there dead, and notify any waiters.
 * We silently return on any sign of list-walking problem.
 */
void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT, pi, pip, next_pi = 0;
	unsigned long futex_offset;
	int rc;

	/* Fetch the list head (which was registered earlier, via
	 * sys_set_robust_list()): */
	if (fetch_robust_entry(&entry, &head->list.next, &pi))
		return;
	/* Fetch the relative futex offset: */
	if (get_user(futex_offset, (unsigned long __user *)&head->futex_offset))
		return;
	/* Fetch any possibly pending lock-add first, and handle it if it
	 * exists: */
	if (fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	next_entry = NULL; /* avoid warning with gcc */
	while (entry != &head->list) {
		/* Fetch the next entry in the list before calling
		 * handle_futex_death: */
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		/* A pending lock might already be on the list, so don't
		 * process it twice: */
		if (entry != pending)
			if (handle_futex_death((void __user *)entry + futex_offset, curr, pi))
				return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		/* Avoid excessively long or circular lists: */
		if (!--limit)
			break;
	}
	if (pending)
		handle_futex_death((void __user *)pending + futex_offset, curr, pip);
}

void futex_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(futex_queues); i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}
