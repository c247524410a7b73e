/* sched_yield, clone() and its CLONE_* flags (replaces newlib's <sched.h>). */
#ifndef _USER_SCHED_H
#define _USER_SCHED_H

#include <sys/types.h>
#include <linux/sched.h>

int sched_yield(void);

/* glibc's clone(): run fn(arg) on stack in a new task made with flags;
 * the optional arguments are parent_tid, tls, child_tid. */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif
