/* Per-CPU stopper threads (Linux's kernel/stop_machine.c): "migration/N"
 * runs functions queued for CPU N before anything else there, as the one
 * task of the stop class (kernel/sched/stop_task.c). stop_one_cpu() is how
 * sched_setaffinity() moves a task that is running on another CPU;
 * stop_machine() runs a function while every other CPU spins in its
 * stopper with IRQs off: how ftrace rewrites kernel code that any CPU
 * might otherwise be executing. */
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/smpboot.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>
#include <asm/barrier.h>
#include <asm/bug.h>

/* Completion of a request, and its return value (shared by the works of
 * one request on several CPUs in Linux's stop_cpus). */
struct cpu_stop_done {
	unsigned int nr_todo; /* works not yet run */
	int ret; /* a non-zero return of one of them */
	struct completion completion; /* completed when nr_todo reaches 0 */
};

/* One CPU's stopper: the works queued for it. */
struct cpu_stopper {
	spinlock_t lock; /* works; IRQs off */
	struct list_head works;
	struct cpu_stop_work stop_work; /* for stop_cpus */
};

static DEFINE_PER_CPU(struct cpu_stopper, cpu_stopper);
/* Each CPU's "migration/N" thread. Linux keeps it in struct cpu_stopper;
 * smpboot's store is a per-CPU pointer there, an array here. */
static struct task_struct *cpu_stopper_thread_task[NR_CPUS];
static bool stop_machine_initialized;

/* Serialises stop_cpus(), whose works are the stoppers' own stop_work. */
static DEFINE_MUTEX(stop_cpus_mutex);

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

/* The steps every CPU takes together in stop_machine(). */
enum multi_stop_state {
	/* Dummy starting state for thread. */
	MULTI_STOP_NONE,
	/* Awaiting everyone to be scheduled. */
	MULTI_STOP_PREPARE,
	/* Disable interrupts. */
	MULTI_STOP_DISABLE_IRQ,
	/* Run the function */
	MULTI_STOP_RUN,
	/* Exit */
	MULTI_STOP_EXIT,
};

struct multi_stop_data {
	cpu_stop_fn_t fn;
	void *data;
	unsigned int num_threads; /* the online CPUs */
	enum multi_stop_state state;
	unsigned int thread_ack; /* CPUs yet to reach state */
};

static notrace void set_state(struct multi_stop_data *msdata, enum multi_stop_state newstate)
{
	/* Reset ack counter. */
	WRITE_ONCE(msdata->thread_ack, msdata->num_threads);
	smp_wmb();
	WRITE_ONCE(msdata->state, newstate);
}

/* Last one to ack a state moves to the next state. */
static notrace void ack_state(struct multi_stop_data *msdata)
{
	if (__atomic_sub_fetch(&msdata->thread_ack, 1, __ATOMIC_SEQ_CST) == 0)
		set_state(msdata, msdata->state + 1);
}

/*
 * The work stop_machine() queues on every online CPU (Linux's
 * multi_cpu_stop): each stopper follows the states in step with the
 * others; the first online CPU runs fn while the rest spin here with
 * IRQs off. notrace, and the loop calls nothing traceable: the code fn
 * rewrites must not run meanwhile. Before it goes back to running kernel
 * code, each CPU resynchronises its instruction fetch with what was
 * patched (the ISB).
 */
static notrace int multi_cpu_stop(void *data)
{
	struct multi_stop_data *msdata = data;
	enum multi_stop_state curstate = MULTI_STOP_NONE;
	bool is_active = smp_processor_id() == (int)cpumask_any(cpu_online_mask);
	unsigned long flags;
	int err = 0;

	local_save_flags(flags);
	do {
		barrier(); /* Linux: cpu_relax_yield(); re-read the state */
		if (READ_ONCE(msdata->state) != curstate) {
			curstate = msdata->state;
			switch (curstate) {
			case MULTI_STOP_DISABLE_IRQ:
				local_irq_disable();
				break;
			case MULTI_STOP_RUN:
				if (is_active)
					err = msdata->fn(msdata->data);
				break;
			default:
				break;
			}
			ack_state(msdata);
		}
	} while (curstate != MULTI_STOP_EXIT);
	isb();
	local_irq_restore(flags);
	return err;
}

/* Run fn(arg) on every CPU of @cpumask at once, each in its stopper
 * (Linux's stop_cpus with __stop_cpus and queue_stop_cpus_work).
 * CONTEXT: process context; sleeps. RETURNS: the non-zero return of one
 * of them, or 0. */
static int stop_cpus(const struct cpumask *cpumask, cpu_stop_fn_t fn, void *arg)
{
	struct cpu_stop_done done;
	unsigned int cpu;

	mutex_lock(&stop_cpus_mutex);
	cpu_stop_init_done(&done, cpumask_weight(cpumask));
	for_each_cpu(cpu, cpumask) {
		struct cpu_stop_work *work = &per_cpu(cpu_stopper, cpu).stop_work;

		work->fn = fn;
		work->arg = arg;
		work->done = &done;
		cpu_stop_queue_work(cpu, work);
	}
	wait_for_completion(&done.completion);
	mutex_unlock(&stop_cpus_mutex);
	return done.ret;
}

/**
 * stop_machine - run @fn(@data) on one CPU while every online CPU is in
 * its stopper thread with IRQs off (the first online CPU runs it)
 *
 * Before the stopper threads exist (boot options that start a tracer),
 * only the boot CPU is up: @fn runs here with IRQs off. Linux's third
 * argument, the CPUs that may run @fn, is always NULL here.
 * CONTEXT: process context, no spinlock held; sleeps.
 * RETURNS: what @fn returned.
 */
int stop_machine(cpu_stop_fn_t fn, void *data)
{
	struct multi_stop_data msdata = {
		.fn = fn,
		.data = data,
		.num_threads = num_online_cpus(),
	};

	if (!stop_machine_initialized) {
		unsigned long flags;
		int ret;

		WARN_ON(msdata.num_threads != 1);
		local_irq_save(flags);
		ret = fn(data);
		local_irq_restore(flags);
		return ret;
	}
	/* Set the initial state and stop all online cpus. */
	set_state(&msdata, MULTI_STOP_PREPARE);
	return stop_cpus(cpu_online_mask, multi_cpu_stop, &msdata);
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
	stop_machine_initialized = true;
}
