/* Bringing up CPUs 1-3 and the inter-processor interrupts (Linux's
 * arch/arm/kernel/smp.c and kernel/smp.c, for the BCM2836's mailboxes).
 *
 * A CPU is started by writing the physical address of secondary_startup
 * into its mailbox 3, where QEMU's loader, the Pi firmware and our own park
 * loop (boot/head.S) all wait. It comes up on the stack of its idle task. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/io.h>
#include <asm/mmu_context.h>
#include <asm/setup.h>
#include <mach/bcm2836.h>
#include <trace/events/ipi.h>

const struct cpumask __cpu_possible_mask = CPU_MASK_ALL;
struct cpumask __cpu_online_mask = { { 1 } }; /* the boot CPU */
struct secondary_data secondary_data;
extern char secondary_startup[];

const char *const ipi_types[NR_IPI] = {
	[IPI_WAKEUP] = "CPU wakeup interrupts",
	[IPI_TIMER] = "Timer broadcast interrupts",
	[IPI_RESCHEDULE] = "Rescheduling interrupts",
	[IPI_CALL_FUNC] = "Function call interrupts",
	[IPI_CPU_STOP] = "CPU stop interrupts",
	[IPI_IRQ_WORK] = "IRQ work interrupts",
	[IPI_COMPLETION] = "completion interrupts",
};

static unsigned long ipi_irqs[NR_CPUS][NR_IPI];

static struct call_queue {
	spinlock_t lock;
	struct list_head list;
} call_single_queue[NR_CPUS];

unsigned long ipi_count(int cpu, int ipinr)
{
	return ipi_irqs[cpu][ipinr];
}

static void smp_cross_call(unsigned int mask, enum ipi_msg_type ipinr)
{
	trace_ipi_raise(mask, ipi_types[ipinr]);
	bcm2836_arm_irqchip_send_ipi(mask, ipinr);
}

void smp_send_reschedule(int cpu)
{
	smp_cross_call(1u << cpu, IPI_RESCHEDULE);
}

void arch_send_call_function_single_ipi(int cpu)
{
	smp_cross_call(1u << cpu, IPI_CALL_FUNC);
}

/* Run the calls queued for this CPU (from the IPI). */
static void generic_smp_call_function_interrupt(void)
{
	struct call_queue *q = &call_single_queue[smp_processor_id()];

	for (;;) {
		struct call_single_data *csd;
		unsigned long flags;

		spin_lock_irqsave(&q->lock, flags);
		if (list_empty(&q->list)) {
			spin_unlock_irqrestore(&q->lock, flags);
			return;
		}
		csd = list_first_entry(&q->list, struct call_single_data, llist);
		list_del(&csd->llist);
		spin_unlock_irqrestore(&q->lock, flags);
		csd->func(csd->info);
		smp_mb();
		WRITE_ONCE(csd->done, 1);
	}
}

int smp_call_function_single_async(int cpu, struct call_single_data *csd)
{
	struct call_queue *q;
	unsigned long flags;

	if (cpu < 0 || cpu >= NR_CPUS || !cpu_online(cpu) || cpu == smp_processor_id())
		return -ENXIO;
	csd->done = 0;
	q = &call_single_queue[cpu];
	spin_lock_irqsave(&q->lock, flags);
	list_add_tail(&csd->llist, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	arch_send_call_function_single_ipi(cpu);
	return 0;
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	struct call_single_data csd = { .func = func, .info = info };
	unsigned long flags;

	if (cpu < 0 || cpu >= NR_CPUS || !cpu_online(cpu))
		return -ENXIO;
	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	smp_call_function_single_async(cpu, &csd);
	/* csd lives on our stack: even without `wait` we may not return
	 * before the target has taken it off its queue and run it. */
	while (!READ_ONCE(csd.done))
		barrier();
	smp_mb();
	return 0;
}

/* Park this CPU for good with IRQs off (after a panic or an oops elsewhere). */
static void __noreturn ipi_cpu_stop(int cpu)
{
	set_cpu_online(cpu, false);
	local_irq_disable();
	for (;;)
		__asm__ __volatile__("wfi");
}

void smp_send_stop(void)
{
	unsigned int mask = cpumask_bits(cpu_online_mask)[0] & ~(1u << smp_processor_id());

	if (mask)
		smp_cross_call(mask, IPI_CPU_STOP);
}

void handle_IPI(int ipinr, struct pt_regs *regs)
{
	int cpu = smp_processor_id();

	if ((unsigned)ipinr >= NR_IPI)
		return;
	trace_ipi_entry(ipi_types[ipinr]);
	ipi_irqs[cpu][ipinr]++;
	switch (ipinr) {
	case IPI_RESCHEDULE:
		/* The wake-up already set TIF_NEED_RESCHED; the return from this
		 * interrupt sees it (Linux's scheduler_ipi()). */
		break;
	case IPI_CALL_FUNC:
		generic_smp_call_function_interrupt();
		break;
	case IPI_CPU_STOP:
		ipi_cpu_stop(cpu);
	default:
		break;
	}
	trace_ipi_exit(ipi_types[ipinr]);
}

/* C entry of CPUs 1-3, on their idle task's stack with the MMU on. */
void __noreturn secondary_start_kernel(void)
{
	int cpu = smp_processor_id();
	u32 mpidr;

	cpu_init();
	switch_to_init_mm();
	bcm2836_arm_irqchip_cpu_init();
	__asm__ __volatile__("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	pr_info("CPU%d: thread -1, cpu %d, socket %d, mpidr %08x\n", cpu, (int)(mpidr & 0xff),
		(int)((mpidr >> 8) & 0xff), mpidr);
	arch_timer_starting_cpu();
	set_cpu_online(cpu, true);
	dsb();
	sev();	/* the boot CPU waits in WFE in __cpu_up() */
	local_irq_enable();
	cpu_startup_entry();
}

static int __cpu_up(int cpu, struct task_struct *idle)
{
	u64 deadline;

	secondary_data.stack = task_stack_page(idle) + THREAD_START_SP;
	secondary_data.task = idle;
	/* The new CPU reads secondary_data only once its MMU and caches are
	 * on and coherent with ours; the DSB orders our stores before the
	 * mailbox write, and SEV wakes a firmware stub waiting in WFE. */
	dsb();
	writel((u32)(unsigned long)secondary_startup - PAGE_OFFSET + PHYS_OFFSET,
	       LOCAL_ADDRESS(LOCAL_MAILBOX3_SET0 + 16 * cpu));
	dsb();
	sev();

	/* Linux waits on the completion cpu_running; the boot CPU's idle
	 * task cannot sleep, so it waits for the event the new CPU signals
	 * once online (or a tick) in WFE, without spinning: under QEMU a
	 * spinning CPU would keep the others from running until its time
	 * slice ended, and the 4-CPU boot took 36 M instructions, 30 M of
	 * them here. */
	deadline = local_clock() + NSEC_PER_SEC;
	while (!cpu_online(cpu)) {
		if (local_clock() > deadline) {
			pr_err("CPU%d: failed to come online\n", cpu);
			return -EIO;
		}
		wfe();
	}
	return 0;
}

void smp_prepare_cpus(void)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		spin_lock_init(&call_single_queue[cpu].lock);
		INIT_LIST_HEAD(&call_single_queue[cpu].list);
	}
}

/* maxcpus=N: bring up only N CPUs (Linux's option; benchmarks use 1). */
static int setup_max_cpus = NR_CPUS;

static int maxcpus(char *str)
{
	int n;

	if (!get_option(&str, &n) || n < 1)
		return -EINVAL;
	setup_max_cpus = n < NR_CPUS ? n : NR_CPUS;
	return 0;
}
early_param("maxcpus", maxcpus);

void smp_init(void)
{
	int cpu;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for (cpu = 1; cpu < setup_max_cpus; cpu++) {
		sched_init_idle(cpu);
		__cpu_up(cpu, idle_task(cpu));
	}
	pr_info("smp: Brought up 1 node, %d CPUs\n", num_online_cpus());
}
