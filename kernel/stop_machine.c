/* Run a function while every other CPU waits with its IRQs off (Linux's
 * kernel/stop_machine.c, stop_machine()): how ftrace rewrites kernel code
 * that any CPU might otherwise be executing. Linux parks the other CPUs in
 * their stopper threads; here they wait in a function-call IPI, which
 * needs no threads and leaves them just as idle. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/stop_machine.h>
#include <asm/barrier.h>

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
