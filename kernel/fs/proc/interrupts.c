/* /proc/interrupts: per-CPU counts of each interrupt that has a handler,
 * then the inter-processor interrupts (Linux's kernel/irq/proc.c
 * show_interrupts and arch/arm/kernel/smp.c show_ipi_list; the chip and
 * trigger columns are left out). */
#include <linux/irq.h>
#include <linux/smp.h>
#include "internal.h"

/* kernel/irq.c */

int show_interrupts(struct seq_file *m, void *v)
{
	int prec = 3, cpu, irq, i;

	seq_printf(m, "%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		seq_printf(m, "CPU%-8d", cpu);
	seq_putc(m, '\n');
	for (irq = 0; irq < NR_IRQS; irq++) {
		if (!irq_name(irq))
			continue;
		seq_printf(m, "%*d: ", prec, irq);
		for_each_online_cpu(cpu)
			seq_printf(m, "%10lu ", kstat_irqs_cpu(irq, cpu));
		seq_printf(m, "  %s\n", irq_name(irq));
	}
	for (i = 0; i < NR_IPI; i++) {
		seq_printf(m, "%*s%u: ", prec - 1, "IPI", i);
		for_each_online_cpu(cpu)
			seq_printf(m, "%10lu ", ipi_count(cpu, i));
		seq_printf(m, " %s\n", ipi_types[i]);
	}
	seq_printf(m, "%*s: %10lu\n", prec, "Err", 0UL);
	return 0;
}
