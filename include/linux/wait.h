/* Wait queues: sleep until a condition holds (Linux's include/linux/wait.h
 * and kernel/sched/wait.c). The condition is tested after the sleeper's
 * state is set, and the waker sets the condition before waking, so a
 * wake-up between test and sleep is never lost. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode,
				 int flags, void *key);

struct wait_queue_entry {
	unsigned int flags;
	void *private; /* the task */
	wait_queue_func_t func;
	struct list_head entry;
};

typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
} wait_queue_head_t;

#define WQ_FLAG_EXCLUSIVE 0x01

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags,
			     void *key);
void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
/* Queue the entry (if not queued) and set the task state; returns
 * -ERESTARTSYS when a signal is pending and state is interruptible. */
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
/* Wake up to nr_exclusive exclusive waiters (0: all) in `mode` states. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
	       void *key);
/* __wake_up() for a caller that holds wq_head->lock. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/* Sleep in `state` until condition is true. RETURNS: 0, or -ERESTARTSYS if
 * interrupted by a signal (interruptible states only). */
#define ___wait_event(wq_head, condition, state)                                  \
	({                                                                        \
		struct wait_queue_entry __wq_entry;                               \
		long __ret = 0;                                                   \
		init_wait_entry(&__wq_entry, 0);                                  \
		for (;;) {                                                        \
			long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
			if (condition)                                            \
				break;                                            \
			if (__int) {                                              \
				__ret = __int;                                    \
				break;                                            \
			}                                                         \
			schedule();                                               \
		}                                                                 \
		finish_wait(&(wq_head), &__wq_entry);                             \
		__ret;                                                            \
	})

#define wait_event(wq_head, condition) \
	((void)((condition) ? 0 : ___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE)))
#define wait_event_interruptible(wq_head, condition) \
	((condition) ? 0 : ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE))
#define wait_event_killable(wq_head, condition) \
	((condition) ? 0 : ___wait_event(wq_head, condition, TASK_KILLABLE))

#endif
