/* /proc/stat: CPU time per CPU in USER_HZ ticks, interrupt counts, context
 * switches, boot time, forks and running tasks (Linux's fs/proc/stat.c).
 * Of the CPU time columns this kernel accounts user, system and idle (the
 * tick's, as Linux without CONFIG_VIRT_CPU_ACCOUNTING); nice, iowait, irq,
 * softirq and steal read 0, and so does the softirq line. */
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/time.h>
#include "internal.h"

#define USER_HZ 100

static void show_cpu(struct seq_file *m, const char *name, const struct kernel_cpustat *k)
{
	seq_printf(m, "%s %llu 0 %llu %llu 0 0 0 0 0 0\n", name,
		   div_u64(k->cpustat[CPUTIME_USER], NSEC_PER_SEC / USER_HZ),
		   div_u64(k->cpustat[CPUTIME_SYSTEM], NSEC_PER_SEC / USER_HZ),
		   div_u64(k->cpustat[CPUTIME_IDLE], NSEC_PER_SEC / USER_HZ));
}

int stat_proc_show(struct seq_file *m, void *v)
{
	struct kernel_cpustat sum = { { 0 } };
	unsigned long long intr = 0;
	char name[8];
	int cpu, i, irq;

	for_each_online_cpu(cpu)
		for (i = 0; i < NR_CPUSTATS; i++)
			sum.cpustat[i] += kcpustat_cpu(cpu).cpustat[i];
	show_cpu(m, "cpu ", &sum);
	for_each_online_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%d", cpu);
		show_cpu(m, name, &kcpustat_cpu(cpu));
	}
	for (irq = 0; irq < NR_IRQS; irq++)
		for_each_online_cpu(cpu)
			intr += kstat_irqs_cpu(irq, cpu);
	seq_printf(m, "intr %llu", intr);
	for (irq = 0; irq < NR_IRQS; irq++) {
		unsigned long n = 0;

		for_each_online_cpu(cpu)
			n += kstat_irqs_cpu(irq, cpu);
		seq_printf(m, " %lu", n);
	}
	seq_printf(m, "\nctxt %llu\n", nr_context_switches());
	/* Boot time in seconds since the epoch: the real-time clock starts at
	 * the epoch at boot (no RTC). */
	seq_printf(m, "btime 0\n");
	seq_printf(m, "processes %lu\n", total_forks);
	seq_printf(m, "procs_running %u\n", nr_running());
	seq_printf(m, "procs_blocked 0\n");
	seq_printf(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}
