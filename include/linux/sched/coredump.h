/* Whether a process may be dumped or inspected (Linux's
 * include/linux/sched/coredump.h): the dumpable bits of mm->flags. A
 * process that changed its ids is not dumpable, and then only a task with
 * CAP_SYS_PTRACE may read its memory through /proc (ptrace_may_access). */
#ifndef _LINUX_SCHED_COREDUMP_H
#define _LINUX_SCHED_COREDUMP_H

#include <linux/mm.h>

#define SUID_DUMP_DISABLE 0 /* No setuid dumping */
#define SUID_DUMP_USER 1 /* Dump as user of process */
#define SUID_DUMP_ROOT 2 /* Dump as root */

#define MMF_DUMPABLE_BITS 2
#define MMF_DUMPABLE_MASK ((1UL << MMF_DUMPABLE_BITS) - 1)
/* The OOM killer's bits (kernel/mm/oom_kill.c), Linux's numbers. */
#define MMF_OOM_SKIP 21 /* mm is of no interest for the OOM killer */
#define MMF_OOM_VICTIM 25 /* mm is the oom victim */
/* What a new mm takes from its creator's (fork, exec). */
#define MMF_INIT_MASK MMF_DUMPABLE_MASK

static inline int get_dumpable(struct mm_struct *mm)
{
	return READ_ONCE(mm->flags) & MMF_DUMPABLE_MASK;
}

/* CONTEXT: the mm is current's. */
static inline void set_dumpable(struct mm_struct *mm, int value)
{
	WRITE_ONCE(mm->flags, (mm->flags & ~MMF_DUMPABLE_MASK) | (unsigned long)value);
}

#endif
