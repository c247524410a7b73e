/* Host stand-ins for the kernel glue the tracer calls (declared in
 * <linux/trace_events.h>, <linux/tracepoint.h> and <linux/smp.h>): a
 * settable clock, CPU and current task, 4 CPUs online, and stub_emit() to
 * write one event as its probe would, through the real reserve/commit path. */
#ifndef _TRACE_STUBS_H
#define _TRACE_STUBS_H

#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include <stdarg.h>
#include "../../kernel/trace/trace.h"

u64 stub_clock_ns;
int stub_cpu;
struct stub_task {
	int pid;
	unsigned char flags; /* TRACE_FLAG_* */
	unsigned char preempt_count;
	char comm[TASK_COMM_LEN];
} stub_task = { 1, 0, 0, "init" };

/* `current`: a task with stub_task's pid and comm. */
static struct task_struct stub_current;
static struct thread_info stub_current_info = { .task = &stub_current };

struct thread_info *current_thread_info(void)
{
	stub_current.pid = stub_task.pid;
	memcpy(stub_current.comm, stub_task.comm, TASK_COMM_LEN);
	stub_current_info.cpu = stub_cpu; /* raw_smp_processor_id() */
	return &stub_current_info;
}

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void free(void *ptr);

#include "kmalloc_stubs.h"

/* Every trace clock reads the settable one. */
u64 trace_clock_local(void)
{
	return stub_clock_ns;
}

u64 trace_clock_global(void) { return stub_clock_ns; }
u64 trace_clock_counter(void) { return stub_clock_ns; }
u64 trace_clock_jiffies(void) { return stub_clock_ns; }
u64 trace_clock(void) { return stub_clock_ns; }
u64 trace_clock_mono(void) { return stub_clock_ns; }

/* The kernel sets TIF_SYSCALL_TRACEPOINT on every task; count the calls. */
int stub_syscall_reg_calls;
void syscall_regfunc(void)
{
	stub_syscall_reg_calls++;
}

void syscall_unregfunc(void)
{
	stub_syscall_reg_calls--;
}

/* One thread: no probe can be running elsewhere. */
void tracepoint_synchronize_unregister(void)
{
}

/* The stacks the stacktrace trigger and option ask for. */
int stub_stack_traces;
void __trace_stack(unsigned long flags, int skip)
{
	stub_stack_traces++;
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

struct cpumask __cpu_online_mask = CPU_MASK_ALL;

void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags)
{
	entry->pid = stub_task.pid;
	entry->flags = stub_task.flags;
	entry->preempt_count = stub_task.preempt_count;
}

/*
 * Write an event of @call as its probe would, with the fields after the
 * struct trace_entry of @record (@len bytes, the event's raw struct), as
 * if @comm/@pid ran on @cpu at @ts ns with entry flags @flags and preempt
 * count @pc; then save the comm as the next context switch would (a comm
 * of "<...>" is not saved, so the pid prints as Linux prints a forgotten one).
 * RETURNS: 0, or -1 if nothing was written (event off, tracing off).
 */
int stub_emit(int cpu, u64 ts, unsigned char flags, unsigned char pc, int pid,
	      const char *comm, struct trace_event_call *call, const void *record, size_t len)
{
	struct trace_event_buffer fbuffer;
	struct task_struct task;
	void *entry;

	stub_cpu = cpu;
	stub_clock_ns = ts;
	stub_task.pid = pid;
	stub_task.flags = flags;
	stub_task.preempt_count = pc;
	memset(stub_task.comm, 0, TASK_COMM_LEN);
	memcpy(stub_task.comm, comm, strnlen(comm, TASK_COMM_LEN - 1));
	if (!(call->flags & EVENT_FILE_FL_ENABLED) || trace_trigger_soft_disabled(call))
		return -1;
	entry = trace_event_buffer_reserve(&fbuffer, call, len);
	if (!entry)
		return -1;
	memcpy((char *)entry + sizeof(struct trace_entry),
	       (const char *)record + sizeof(struct trace_entry), len - sizeof(struct trace_entry));
	trace_event_buffer_commit(&fbuffer);
	if (strcmp(comm, "<...>")) {
		memset(&task, 0, sizeof(task));
		task.pid = pid;
		memcpy(task.comm, stub_task.comm, TASK_COMM_LEN);
		tracing_record_taskinfo(&task);
	}
	return 0;
}

#endif
