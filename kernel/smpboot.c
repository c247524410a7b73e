/* Per-CPU kernel threads (Linux's kernel/smpboot.c): each CPU gets a
 * thread bound to it that sleeps until its thread_should_run() says there
 * is work, then runs thread_fn(). Linux creates and parks them as CPUs
 * come up and can park them again for hotplug; here every CPU is online
 * before the threads are made, and stays so. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/smpboot.h>

struct smpboot_thread_data {
	unsigned int cpu;
	struct smp_hotplug_thread *ht;
};

/*
 * The loop of every per-CPU thread (Linux's smpboot_thread_fn): the
 * state is set before thread_should_run() looks, so a wake-up that comes
 * after the look makes schedule() return at once.
 */
static int smpboot_thread_fn(void *data)
{
	struct smpboot_thread_data *td = data;
	struct smp_hotplug_thread *ht = td->ht;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!ht->thread_should_run(td->cpu)) {
			schedule();
		} else {
			__set_current_state(TASK_RUNNING);
			ht->thread_fn(td->cpu);
		}
	}
	return 0;
}

/* Make @cpu's thread, bound and asleep, record it, let ht->create() see
 * it, then start it. RETURNS: 0 or -ENOMEM/-EAGAIN. */
static int __smpboot_create_thread(struct smp_hotplug_thread *ht, unsigned int cpu)
{
	struct smpboot_thread_data *td = kzalloc(sizeof(*td), GFP_KERNEL);
	struct task_struct *tsk;

	if (!td)
		return -ENOMEM;
	td->cpu = cpu;
	td->ht = ht;
	tsk = kthread_create_on_cpu(smpboot_thread_fn, td, cpu, ht->thread_comm);
	if (IS_ERR(tsk)) {
		kfree(td);
		return PTR_ERR(tsk);
	}
	ht->store[cpu] = tsk;
	if (ht->create)
		ht->create(cpu);
	wake_up_process(tsk); /* Linux: smpboot_unpark_thread */
	return 0;
}

/**
 * smpboot_register_percpu_thread - create a thread of @plug_thread on
 * every online CPU
 * CONTEXT: process context, may sleep.
 * RETURNS: 0, or the first creation's error (threads already made stay:
 * nothing here can run without them, and their caller panics).
 */
int smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread)
{
	unsigned int cpu;
	int ret;

	for_each_online_cpu(cpu) {
		ret = __smpboot_create_thread(plug_thread, cpu);
		if (ret)
			return ret;
	}
	return 0;
}
