/* One kernel thread per CPU, run by a common loop (Linux's
 * include/linux/smpboot.h). See kernel/smpboot.c. */
#ifndef _LINUX_SMPBOOT_H
#define _LINUX_SMPBOOT_H

#include <linux/sched.h>

/**
 * struct smp_hotplug_thread - a per-CPU thread
 * @store: where each CPU's thread is kept, indexed by CPU (Linux: a
 *	per-CPU pointer)
 * @thread_should_run: has the thread work on @cpu? Called with the
 *	thread's state set to TASK_INTERRUPTIBLE, so a wake-up after the
 *	test is not lost
 * @thread_fn: do that work
 * @create: called once the thread exists, before it first runs
 * @thread_comm: its name, with %u for the CPU number
 *
 * CPUs do not go offline here: Linux's park/unpark/setup/cleanup hooks
 * are left out.
 */
struct smp_hotplug_thread {
	struct task_struct **store;
	int (*thread_should_run)(unsigned int cpu);
	void (*thread_fn)(unsigned int cpu);
	void (*create)(unsigned int cpu);
	const char *thread_comm;
};

int smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread);

#endif
