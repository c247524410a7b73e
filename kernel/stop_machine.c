/* Per-CPU stopper threads (Linux's kernel/stop_machine.c): "migration/N"
 * runs functions queued for CPU N before anything else there, as the one
 * task of the stop class (kernel/sched/stop_task.c); stop_one_cpu() is how
 * sched_setaffinity() moves a task that is running on another CPU.
 *
 * stop_machine() runs a function while every other CPU waits with its
 * IRQs off: how ftrace rewrites kernel code that any CPU might otherwise
 * be executing. Linux parks the other CPUs in their stopper threads; here
 * they wait in a function-call IPI, which needs no threads and leaves them
 * just as idle. */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>
#include <asm/barrier.h>

/* Completion of a request, and its return value (shared by the works of
 * one request on several CPUs in Linux's stop_cpus). */
struct cpu_stop_done {
	unsigned int nr_todo; /* works not yet run */
	int ret; /* a non-zero return of one of them */
	struct completion completion; /* completed when nr_todo reaches 0 */
};

/* One CPU's stopper: its thread and the works queued for it. */
struct cpu_stopper {
	spinlock_t lock; /* works; IRQs off */
	struct list_head works;
};

static DEFINE_PER_CPU(struct cpu_stopper, cpu_stopper);
/* Each CPU's "migration/N" thread. Linux keeps it in struct cpu_stopper;
 * smpboot's store is a per-CPU pointer there, an array here. */
static struct task_struct *cpu_stopper_thread_task[NR_CPUS];

static void cpu_stop_init_done(struct cpu_stop_done *done, unsigned int nr_todo)
{
	done->nr_todo = nr_todo;
	done->ret = 0;
	init_completion(&done->completion);
}

/* The last work of a request completes it. */
static void cpu_stop_signal_done(struct cpu_stop_done *done)
{
	if (__atomic_sub_fetch(&done->nr_todo, 1, __ATOMIC_ACQ_REL) == 0)
		complete(&done->completion);
}

/* Queue @work for @cpu's stopper and wake it: it preempts whatever runs
 * there. CONTEXT: any; takes the stopper's lock with IRQs saved. */
static void cpu_stop_queue_work(unsigned int cpu, struct cpu_stop_work *work)
{
	struct cpu_stopper *stopper = &per_cpu(cpu_stopper, cpu);
	unsigned long flags;

	spin_lock_irqsave(&stopper->lock, flags);
	list_add_tail(&work->list, &stopper->works);
	spin_unlock_irqrestore(&stopper->lock, flags);
	wake_up_process(cpu_stopper_thread_task[cpu]); /* Linux: wake_q_add, wake_up_q */
}

/**
 * stop_one_cpu - run @fn(@arg) on @cpu, in its stopper thread, which
 * preempts any task there and keeps the CPU until @fn returns
 * @cpu: the CPU to stop (the caller's own works too: it is preempted)
 * @fn: the function, which must not sleep
 * @arg: its argument
 *
 * CONTEXT: process context, no locks held; sleeps until @fn has run.
 * RETURNS: what @fn returned.
 */
int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg)
{
	struct cpu_stop_done done;
	struct cpu_stop_work work = { .fn = fn, .arg = arg, .done = &done };

	cpu_stop_init_done(&done, 1);
	cpu_stop_queue_work(cpu, &work);
	/* In case @cpu is this one, the stopper runs now rather than after
	 * a sleep and a wake-up. */
	cond_resched();
	wait_for_completion(&done.completion);
	return done.ret;
}

static int cpu_stop_should_run(unsigned int cpu)
{
	struct cpu_stopper *stopper = &per_cpu(cpu_stopper, cpu);
	unsigned long flags;
	int run;

	spin_lock_irqsave(&stopper->lock, flags);
	run = !list_empty(&stopper->works);
	spin_unlock_irqrestore(&stopper->lock, flags);
	return run;
}

/* Run the queued works one by one, each off the list before it runs; its
 * memory is the requester's, which may return once the work is done.
 * Linux also raises the preempt count around fn, to catch one that sleeps. */
static void cpu_stopper_thread(unsigned int cpu)
{
	struct cpu_stopper *stopper = &per_cpu(cpu_stopper, cpu);
	struct cpu_stop_work *work;

repeat:
	work = NULL;
	spin_lock_irq(&stopper->lock);
	if (!list_empty(&stopper->works)) {
		work = list_first_entry(&stopper->works, struct cpu_stop_work, list);
		list_del_init(&work->list);
	}
	spin_unlock_irq(&stopper->lock);

	if (work) {
		struct cpu_stop_done *done = work->done;
		int ret = work->fn(work->arg);

		if (ret)
			done->ret = ret;
		cpu_stop_signal_done(done);
		goto repeat;
	}
}

static void cpu_stop_create(unsigned int cpu)
{
	sched_set_stop_task(cpu, cpu_stopper_thread_task[cpu]);
}

static struct smp_hotplug_thread cpu_stop_threads = {
	.store = cpu_stopper_thread_task,
	.thread_should_run = cpu_stop_should_run,
	.thread_fn = cpu_stopper_thread,
	.create = cpu_stop_create,
	.thread_comm = "migration/%u",
};

/* Start "migration/0".."migration/3" (Linux's cpu_stop_init, an
 * early_initcall). CONTEXT: kernel_init, every CPU online. */
void cpu_stop_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct cpu_stopper *stopper = &per_cpu(cpu_stopper, cpu);

		spin_lock_init(&stopper->lock);
		INIT_LIST_HEAD(&stopper->works);
	}
	if (smpboot_register_percpu_thread(&cpu_stop_threads))
		panic("cpu_stop: cannot create the stopper threads");
}

static DEFINE_SPINLOCK(stop_machine_lock);
static struct call_single_data stop_csd[NR_CPUS];
static unsigned int stop_acks;
static int stop_released;

/* On each other CPU, in its IPI handler (IRQs off): say so, wait for the
 * release, then resynchronise instruction fetch with whatever was patched
 * (the exception return does it too). Calls nothing traceable: the code
 * being rewritten must not run while it is. */
static notrace void multi_cpu_stop(void *unused)
{
	__atomic_fetch_add(&stop_acks, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&stop_released, __ATOMIC_ACQUIRE))
		;
	isb();
}

/**
 * stop_machine - run @fn(@data) on this CPU with every other online CPU
 * waiting in multi_cpu_stop() with IRQs off, and IRQs off here too
 *
 * CONTEXT: process context, IRQs on, no spinlock held that a CPU might
 * wait for with IRQs off: the other CPUs must be free to take the IPI, and
 * this CPU keeps answering theirs while it waits for them.
 * RETURNS: what @fn returned.
 */
int stop_machine(int (*fn)(void *), void *data)
{
	unsigned int others = 0;
	unsigned long flags;
	int cpu, ret;

	spin_lock(&stop_machine_lock);
	stop_acks = 0;
	stop_released = 0;
	for_each_online_cpu(cpu) {
		if (cpu == smp_processor_id())
			continue;
		stop_csd[cpu].func = multi_cpu_stop;
		if (!smp_call_function_single_async(cpu, &stop_csd[cpu]))
			others |= 1u << cpu;
	}
	while (__atomic_load_n(&stop_acks, __ATOMIC_ACQUIRE) != (unsigned)__builtin_popcount(others))
		;
	local_irq_save(flags);
	ret = fn(data);
	__atomic_store_n(&stop_released, 1, __ATOMIC_RELEASE);
	local_irq_restore(flags);
	/* Every CPU out of multi_cpu_stop before the next round may start. */
	for_each_online_cpu(cpu)
		if (others & (1u << cpu))
			while (!READ_ONCE(stop_csd[cpu].done))
				;
	spin_unlock(&stop_machine_lock);
	return ret;
}
