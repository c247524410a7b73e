/* futex(2) operations and the robust futex list (include/uapi/linux/futex.h). */
#ifndef _UAPI_LINUX_FUTEX_H
#define _UAPI_LINUX_FUTEX_H

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)

#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

/* A robust futex's entry in its owner's list; the futex word lies
 * futex_offset bytes from it. Bit 0 of a next pointer marks a PI futex. */
struct robust_list {
	struct robust_list *next;
};

/* The list head each thread registers with set_robust_list(). */
struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	/* The entry being added or removed, not yet (or no longer) linked. */
	struct robust_list *list_op_pending;
};

#define FUTEX_WAITERS		0x80000000 /* someone sleeps on the word */
#define FUTEX_OWNER_DIED	0x40000000 /* the owner exited holding it */
#define FUTEX_TID_MASK		0x3fffffff /* the owner's thread id */
/* At most this many entries are walked at exit (a loop stops there). */
#define ROBUST_LIST_LIMIT	2048
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

#endif
