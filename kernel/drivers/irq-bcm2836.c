/* The BCM2836 per-core interrupt controller: each core's timer, mailbox
 * (IPI), GPU and PMU lines (Linux's drivers/irqchip/irq-bcm2836.c). It is
 * the top of the interrupt tree: handle_arch_irq() starts here.
 *
 * IPIs use mailbox 0 of the target core: one bit per IPI type, set by the
 * sender, cleared by the receiver writing the bit back. */
#include <linux/irq.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <mach/bcm2836.h>

void bcm2835_handle_irq(void);

void bcm2836_local_irq_unmask(unsigned int local_irq)
{
	/* The timer lines are per core and enabled by each core when it starts
	 * its tick (arch_timer_starting_cpu); nothing else is used yet. */
}

void __irq_entry handle_arch_irq(struct pt_regs *regs)
{
	int cpu = smp_processor_id();
	void *pending_reg = LOCAL_ADDRESS(LOCAL_IRQ_PENDING0 + 4 * cpu);
	struct pt_regs *old_regs = set_irq_regs(regs);
	u32 stat;

	irq_enter();
	while ((stat = readl(pending_reg) & 0x3ff)) {
		int hwirq = __builtin_ctz(stat);

		if (hwirq == LOCAL_IRQ_MAILBOX0) {
			void *mbox = LOCAL_ADDRESS(LOCAL_MAILBOX0_CLR0 + 16 * cpu);
			u32 ipis = readl(mbox);
			int ipi = __builtin_ctz(ipis);
			writel(1u << ipi, mbox);
			handle_IPI(ipi, regs);
		} else if (hwirq == LOCAL_IRQ_GPU_FAST) {
			bcm2835_handle_irq();
		} else {
			generic_handle_irq(IRQ_LOCAL_BASE + hwirq);
		}
	}
	irq_exit();
	set_irq_regs(old_regs);
}

void bcm2836_arm_irqchip_send_ipi(unsigned int cpumask, unsigned int ipi)
{
	int cpu;

	/* Our stores to normal memory must be visible before the target takes
	 * the interrupt and looks at them. */
	dsb();
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask & (1u << cpu))
			writel_relaxed(1u << ipi, LOCAL_ADDRESS(LOCAL_MAILBOX0_SET0 + 16 * cpu));
}

/* Per-CPU setup: take IPIs on mailbox 0 only (the boot park used mailbox 3). */
void bcm2836_arm_irqchip_cpu_init(void)
{
	writel(1 << 0, LOCAL_ADDRESS(LOCAL_MAILBOX_INT_CONTROL0 + 4 * smp_processor_id()));
}
