/* The kernel's signal data structures (Linux's include/linux/signal_types.h
 * and arch/arm/include/asm/signal.h): a 64-bit sigset_t, the pending set
 * with its queue of siginfo records, and the handler table entry. */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/list.h>
#include <asm/signal.h>
#include <uapi/linux/signal.h>
#include <asm/siginfo.h>

typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

/* One queued signal and its siginfo (Linux's struct sigqueue). */
struct sigqueue {
	struct list_head list;
	int flags;
	siginfo_t info;
	struct user_struct *user;
};

/* Signals pending for a thread (task->pending) or a whole thread group
 * (signal->shared_pending): the set, and the siginfo queue behind it. */
struct sigpending {
	struct list_head list;
	sigset_t signal;
};

struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

/* What an interrupted syscall needs to resume (Linux's struct restart_block). */
struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {
			u64 expires; /* nanosleep: absolute deadline, ns */
			void __user *rmtp;
		} nanosleep;
		struct {
			u32 __user *uaddr;
			u32 val;
			u64 expires;
		} futex;
	};
};

#endif
