/* Saving comms for the trace at each context switch and wake-up, while an
 * event records (Linux's kernel/trace/trace_sched_switch.c): the probes
 * sit on the sched_switch and sched_wakeup tracepoints beside the events'. */
#include <linux/mutex.h>
#include <linux/sched.h>
#include <trace/events/sched.h>
#include "trace.h"

static void probe_sched_switch(void *ignore, bool preempt, struct task_struct *prev,
			       struct task_struct *next)
{
	tracing_record_taskinfo_sched_switch(prev, next);
}

static void probe_sched_wakeup(void *ignore, struct task_struct *wakee)
{
	tracing_record_taskinfo(current);
}

static const struct tracepoint_func sched_switch_probe = { probe_sched_switch, NULL };
static const struct tracepoint_func sched_wakeup_probe = { probe_sched_wakeup, NULL };
static const struct tracepoint_func sched_wakeup_new_probe = { probe_sched_wakeup, NULL };

/* Events and tracers recording comms (Linux's sched_cmdline_ref), under
 * sched_register_mutex. */
static int sched_cmdline_ref;
static DEFINE_MUTEX(sched_register_mutex);

void tracing_start_cmdline_record(void)
{
	mutex_lock(&sched_register_mutex);
	if (!sched_cmdline_ref++) {
		tracepoint_probe_register(&__tracepoint_sched_wakeup, &sched_wakeup_probe);
		tracepoint_probe_register(&__tracepoint_sched_wakeup_new, &sched_wakeup_new_probe);
		tracepoint_probe_register(&__tracepoint_sched_switch, &sched_switch_probe);
	}
	mutex_unlock(&sched_register_mutex);
}

void tracing_stop_cmdline_record(void)
{
	mutex_lock(&sched_register_mutex);
	if (!--sched_cmdline_ref) {
		tracepoint_probe_unregister(&__tracepoint_sched_switch, &sched_switch_probe);
		tracepoint_probe_unregister(&__tracepoint_sched_wakeup_new, &sched_wakeup_new_probe);
		tracepoint_probe_unregister(&__tracepoint_sched_wakeup, &sched_wakeup_probe);
	}
	mutex_unlock(&sched_register_mutex);
}
