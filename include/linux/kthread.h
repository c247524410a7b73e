/* Kernel threads bound to a CPU (Linux's include/linux/kthread.h, the
 * per-CPU part). See kernel/kthread.c. */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);
void kthread_bind(struct task_struct *p, unsigned int cpu);

#endif
