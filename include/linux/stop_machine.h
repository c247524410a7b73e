/* Per-CPU stopper threads, "migration/N" (Linux's
 * include/linux/stop_machine.h): a function run on one CPU, or on all of
 * them at once, by a thread that preempts whatever runs there. See
 * kernel/stop_machine.c. */
#ifndef _LINUX_STOP_MACHINE_H
#define _LINUX_STOP_MACHINE_H

#include <linux/list.h>

typedef int (*cpu_stop_fn_t)(void *arg);

struct cpu_stop_done;

/* One request to a CPU's stopper: fn(arg), then done signalled. */
struct cpu_stop_work {
	struct list_head list; /* on cpu_stopper.works */
	cpu_stop_fn_t fn;
	void *arg;
	struct cpu_stop_done *done;
};

int stop_one_cpu(unsigned int cpu, cpu_stop_fn_t fn, void *arg);
int stop_machine(cpu_stop_fn_t fn, void *data);
void cpu_stop_init(void);

#endif
