/* Kernel threads bound to one CPU (Linux's kernel/kthread.c:
 * kthread_create_on_cpu, kthread_bind). Linux forks every kernel thread
 * from kthreadd (pid 2); here the creator forks it, so the thread is the
 * creator's child, and it ignores every signal itself, as kthreadd's
 * children inherit it from kthreadd. */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <uapi/linux/sched.h>
#include <asm/bug.h>

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	struct completion done; /* the thread is made and going to sleep */
	struct task_struct *result;
};

/*
 * The new thread's first steps (Linux's kthread()): say that it exists,
 * then sleep until its creator has set it up and wakes it. @_create is on
 * the creator's stack, which may be gone once complete() has run.
 */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	int (*threadfn)(void *data) = create->threadfn;
	void *data = create->data;

	ignore_signals(current);
	create->result = current;
	__set_current_state(TASK_UNINTERRUPTIBLE);
	complete(&create->done);
	schedule();
	return threadfn(data);
}

/**
 * kthread_create_on_cpu - create a thread that will run only on @cpu
 * @threadfn: what it runs once woken
 * @data: @threadfn's argument
 * @cpu: its CPU
 * @namefmt: its name, with %u for @cpu
 *
 * The thread sleeps, bound to @cpu, until wake_up_process().
 * CONTEXT: process context, may sleep.
 * RETURNS: the thread, or ERR_PTR(-ENOMEM/-EAGAIN).
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	struct kthread_create_info create = { .threadfn = threadfn, .data = data };
	char comm[TASK_COMM_LEN];
	pid_t pid;

	init_completion(&create.done);
	pid = kernel_thread(kthread, &create, CLONE_FS);
	if (pid < 0)
		return ERR_PTR(pid);
	wait_for_completion(&create.done);
	kthread_bind(create.result, cpu);
	snprintf(comm, sizeof(comm), namefmt, cpu);
	set_task_comm(create.result, comm);
	return create.result;
}

/**
 * kthread_bind - let @p, a thread that has not run its function yet, run
 * only on @cpu, and refuse sched_setaffinity() on it (PF_NO_SETAFFINITY)
 *
 * CONTEXT: @p has put itself to sleep in TASK_UNINTERRUPTIBLE (kthread()):
 * this waits until it is off its CPU, so no wake-up races with the mask.
 */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	struct cpumask mask;
	unsigned long flags;

	if (!wait_task_inactive(p, TASK_UNINTERRUPTIBLE)) {
		WARN_ON(1);
		return;
	}
	cpumask_clear(&mask);
	cpumask_set_cpu(cpu, &mask);
	spin_lock_irqsave(&p->pi_lock, flags);
	do_set_cpus_allowed(p, &mask);
	p->flags |= PF_NO_SETAFFINITY;
	spin_unlock_irqrestore(&p->pi_lock, flags);
}
