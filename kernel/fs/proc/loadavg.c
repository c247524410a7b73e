/* /proc/loadavg: "0.00 0.00 0.00 running/threads last_pid" (Linux's
 * fs/proc/loadavg.c). This kernel keeps no load averages (Linux's
 * calc_global_load): they read 0.00. */
#include <linux/sched.h>
#include "internal.h"

int loadavg_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "0.00 0.00 0.00 %u/%d %d\n", nr_running(), nr_threads, last_pid_nr());
	return 0;
}
