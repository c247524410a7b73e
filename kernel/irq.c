/* Generic interrupt handling: one handler per interrupt number, called with
 * the irq tracepoints around it (Linux's kernel/irq/handle.c and
 * kernel/softirq.c irq_enter/irq_exit, without chained or shared handlers). */
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <trace/events/irq.h>

struct irq_desc {
	irq_handler_t handler;
	const char *name;
	void *dev_id;
	unsigned long count[NR_CPUS];
};

static struct irq_desc irq_desc[NR_IRQS];

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev_id)
{
	struct irq_desc *desc;

	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	desc = &irq_desc[irq];
	if (desc->handler)
		return -EBUSY;
	desc->name = name;
	desc->dev_id = dev_id;
	WRITE_ONCE(desc->handler, handler);
	if (irq >= IRQ_GPU_BASE)
		bcm2835_irq_unmask(irq - IRQ_GPU_BASE);
	else if (irq >= IRQ_LOCAL_BASE)
		bcm2836_local_irq_unmask(irq - IRQ_LOCAL_BASE);
	return 0;
}

void generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = &irq_desc[irq];
	irqreturn_t ret;

	if (irq >= NR_IRQS || !desc->handler) {
		pr_warn("irq %u: no handler, ignored\n", irq);
		return;
	}
	desc->count[smp_processor_id()]++;
	trace_irq_handler_entry(irq, desc->name);
	ret = desc->handler(irq, desc->dev_id);
	trace_irq_handler_exit(irq, ret);
}

void irq_enter(void)
{
	current_thread_info()->preempt_count += HARDIRQ_OFFSET;
}

void irq_exit(void)
{
	current_thread_info()->preempt_count -= HARDIRQ_OFFSET;
}

/* For /proc/interrupts: how often irq ran on cpu, and its name. */
unsigned long kstat_irqs_cpu(unsigned int irq, int cpu)
{
	return irq < NR_IRQS ? irq_desc[irq].count[cpu] : 0;
}

const char *irq_name(unsigned int irq)
{
	return irq < NR_IRQS ? irq_desc[irq].name : NULL;
}
