/* Per-user accounting (Linux's kernel/user.c): one user_struct per real
 * uid, counting that user's tasks against RLIMIT_NPROC and the signals they
 * queue against RLIMIT_SIGPENDING. */
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* root_user has a reference for init_task, which is its one process. */
struct user_struct root_user = { .count = 1, .processes = 1, .uid = 0 };
static DEFINE_SPINLOCK(uidhash_lock);
static struct user_struct *uid_list = &root_user;

/* RETURNS: uid's user_struct with a reference, or NULL without memory. */
struct user_struct *alloc_uid(uid_t uid)
{
	struct user_struct *up, *new = NULL;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&uidhash_lock, flags);
		for (up = uid_list; up; up = up->next) {
			if (up->uid == uid) {
				get_uid(up);
				spin_unlock_irqrestore(&uidhash_lock, flags);
				kfree(new);
				return up;
			}
		}
		if (new) {
			new->next = uid_list;
			uid_list = new;
			spin_unlock_irqrestore(&uidhash_lock, flags);
			return new;
		}
		spin_unlock_irqrestore(&uidhash_lock, flags);
		new = kzalloc(sizeof(*new), GFP_KERNEL);
		if (!new)
			return NULL;
		new->uid = uid;
		new->count = 1;
	}
}

/* Drop a reference to up; the last one unhashes and frees it. As Linux's
 * refcount_dec_and_lock_irqsave(): a reference that cannot be the last is
 * dropped without the lock; only the one that may be takes it, so that
 * alloc_uid() never finds a user_struct on its way out. */
void free_uid(struct user_struct *up)
{
	struct user_struct **pp;
	unsigned long flags;
	int count;

	if (!up)
		return;
	count = __atomic_load_n(&up->count, __ATOMIC_RELAXED);
	while (count > 1)
		if (__atomic_compare_exchange_n(&up->count, &count, count - 1, false,
						__ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
			return;
	spin_lock_irqsave(&uidhash_lock, flags);
	if (__atomic_sub_fetch(&up->count, 1, __ATOMIC_SEQ_CST) == 0 && up != &root_user) {
		for (pp = &uid_list; *pp; pp = &(*pp)->next) {
			if (*pp == up) {
				*pp = up->next;
				break;
			}
		}
		spin_unlock_irqrestore(&uidhash_lock, flags);
		kfree(up);
		return;
	}
	spin_unlock_irqrestore(&uidhash_lock, flags);
}
