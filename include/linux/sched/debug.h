/* The scheduler's own functions, which /proc/<pid>/wchan and stack look
 * through to find where a sleeping task waits (Linux's
 * include/linux/sched/debug.h). */
#ifndef _LINUX_SCHED_DEBUG_H
#define _LINUX_SCHED_DEBUG_H

/* Attach to any functions which should be ignored in wchan output. */
#define __sched __attribute__((__section__(".sched.text")))

/* Linker adds these: start and end of __sched functions */
extern char __sched_text_start[], __sched_text_end[];

/* Is @addr in a __sched function (schedule(), schedule_timeout(), the
 * sleeping primitives)? */
int in_sched_functions(unsigned long addr);

#endif
