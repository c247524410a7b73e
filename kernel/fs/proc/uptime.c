/* /proc/uptime: seconds since boot and seconds the CPUs spent idle, to
 * the hundredth (Linux's fs/proc/uptime.c). */
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/time.h>
#include "internal.h"

int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 uptime = local_clock(), idle = 0;
	u32 up_rem, idle_rem;
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct task_struct *t = idle_task(cpu);

		if (t)
			idle += t->utime + t->stime;
	}
	uptime = div_u64_rem(uptime, NSEC_PER_SEC, &up_rem);
	idle = div_u64_rem(idle, NSEC_PER_SEC, &idle_rem);
	seq_printf(m, "%lu.%02lu %lu.%02lu\n", (unsigned long)uptime,
		   (unsigned long)(up_rem / (NSEC_PER_SEC / 100)), (unsigned long)idle,
		   (unsigned long)(idle_rem / (NSEC_PER_SEC / 100)));
	return 0;
}
