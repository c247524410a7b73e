/* /proc/loadavg: the 1, 5 and 15 minute load averages, running/threads
 * and the last pid (Linux's fs/proc/loadavg.c). */
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include "internal.h"

int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);

	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n", LOAD_INT(avnrun[0]),
		   LOAD_FRAC(avnrun[0]), LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]), nr_running(), nr_threads, last_pid_nr());
	return 0;
}
