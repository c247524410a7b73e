/* Per-CPU time accounting and system-wide counters for /proc/stat (Linux's
 * include/linux/kernel_stat.h). Times are in ns, charged a tick at a time. */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/percpu.h>
#include <linux/types.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_SYSTEM,
	CPUTIME_IDLE,
	NR_CPUSTATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_CPUSTATS];
};

/* kernel/sched/core.c */
extern struct kernel_cpustat kernel_cpustat[NR_CPUS];
#define kcpustat_cpu(cpu) (kernel_cpustat[(cpu)])
unsigned long long nr_context_switches(void);

/* kernel/fork.c: processes and threads created since boot. */
extern unsigned long total_forks;

#endif
