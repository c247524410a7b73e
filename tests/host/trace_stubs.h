/* Host stand-ins for the kernel glue the tracer calls (declared in
 * <linux/trace_events.h> and <linux/smp.h>): a settable clock, CPU and
 * current task, 4 CPUs online, and stub_emit() to write one event through
 * the real reserve/commit path. */
#ifndef _TRACE_STUBS_H
#define _TRACE_STUBS_H

#include <linux/mutex.h>
#include <linux/printk.h>
#include <stdarg.h>
#include <linux/string.h>
#include <linux/trace_events.h>

u64 stub_clock_ns;
int stub_cpu;
struct stub_task {
	int pid;
	unsigned char flags; /* TRACE_FLAG_* */
	unsigned char preempt_count;
	char comm[TASK_COMM_LEN];
} stub_task = { 1, 0, 0, "init" };

u64 trace_clock_local(void)
{
	return stub_clock_ns;
}

int raw_smp_processor_id(void)
{
	return stub_cpu;
}

/* The kernel sets TIF_SYSCALL_TRACEPOINT on every task; count the calls. */
int stub_syscall_reg_calls;
void syscall_regfunc(int enable)
{
	stub_syscall_reg_calls += enable ? 1 : -1;
}

/* The last message printed (register_tracer, the nop tracer's options). */
char stub_printk_buf[256];
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(stub_printk_buf, sizeof(stub_printk_buf), fmt, ap);
	va_end(ap);
	return n;
}

/* One thread: a mutex is always free when taken. */
void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
}

void mutex_lock(struct mutex *lock)
{
	lock->owner = (void *)1;
}

void mutex_unlock(struct mutex *lock)
{
	lock->owner = NULL;
}

int num_online_cpus(void)
{
	return 4;
}

void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags,
				  char *comm)
{
	entry->pid = stub_task.pid;
	entry->flags = stub_task.flags;
	entry->preempt_count = stub_task.preempt_count;
	memcpy(comm, stub_task.comm, TASK_COMM_LEN);
}

/* Write an event of @call with @len bytes of @fields as if @comm/@pid ran
 * on @cpu at @ts ns with entry flags @flags and preempt count @pc.
 * RETURNS: 0, or -1 if reserve refused (event disabled or tracing off). */
int stub_emit(int cpu, u64 ts, unsigned char flags, unsigned char pc, int pid,
	      const char *comm, struct trace_event_call *call, const void *fields, size_t len)
{
	struct trace_event_buffer fbuffer;
	void *entry;

	stub_cpu = cpu;
	stub_clock_ns = ts;
	stub_task.pid = pid;
	stub_task.flags = flags;
	stub_task.preempt_count = pc;
	memset(stub_task.comm, 0, TASK_COMM_LEN);
	memcpy(stub_task.comm, comm, strnlen(comm, TASK_COMM_LEN - 1));
	entry = trace_event_buffer_reserve(&fbuffer, call, len);
	if (!entry)
		return -1;
	memcpy(entry, fields, len);
	trace_event_buffer_commit(&fbuffer);
	return 0;
}

#endif
