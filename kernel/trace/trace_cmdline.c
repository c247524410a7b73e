/* saved_cmdlines: the comm of each pid the trace shows, kept apart from the
 * records (Linux's kernel/trace/trace.c savedcmd): a ring of
 * saved_cmdlines_size comms and a map from pid to its slot. A pid whose
 * slot was taken by another shows as "<...>", as in Linux. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "trace.h"

#define NO_CMDLINE_MAP UINT_MAX
#define SAVED_CMDLINES_DEFAULT 128

struct saved_cmdlines_buffer {
	unsigned int map_pid_to_cmdline[PID_MAX + 1];
	unsigned int *map_cmdline_to_pid;
	unsigned int cmdline_num;
	int cmdline_idx;
	char *saved_cmdlines; /* cmdline_num comms of TASK_COMM_LEN */
};

static struct saved_cmdlines_buffer *savedcmd;
/* Taken with trylock by writers (IRQs may be off): a busy lock skips the save. */
static DEFINE_SPINLOCK(trace_cmdline_lock);

/* Per CPU: a record was written since its comm was last saved (Linux's
 * trace_taskinfo_save): the next sched_switch saves the comms. */
static DEFINE_PER_CPU(bool, trace_taskinfo_save);

static struct saved_cmdlines_buffer *allocate_cmdlines_buffer(unsigned int val)
{
	struct saved_cmdlines_buffer *s = kmalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->map_cmdline_to_pid = kmalloc_array(val, sizeof(*s->map_cmdline_to_pid), GFP_KERNEL);
	s->saved_cmdlines = kmalloc_array(TASK_COMM_LEN, val, GFP_KERNEL);
	if (!s->map_cmdline_to_pid || !s->saved_cmdlines) {
		kfree(s->map_cmdline_to_pid);
		kfree(s->saved_cmdlines);
		kfree(s);
		return NULL;
	}
	s->cmdline_idx = 0;
	s->cmdline_num = val;
	memset(s->map_pid_to_cmdline, 0xff, sizeof(s->map_pid_to_cmdline));
	memset(s->map_cmdline_to_pid, 0xff, val * sizeof(*s->map_cmdline_to_pid));
	return s;
}

static void free_saved_cmdlines_buffer(struct saved_cmdlines_buffer *s)
{
	if (!s)
		return;
	kfree(s->saved_cmdlines);
	kfree(s->map_cmdline_to_pid);
	kfree(s);
}

/* CONTEXT: boot. RETURNS: 0 or -ENOMEM. */
int trace_create_savedcmd(void)
{
	if (!savedcmd)
		savedcmd = allocate_cmdlines_buffer(SAVED_CMDLINES_DEFAULT);
	return savedcmd ? 0 : -ENOMEM;
}

/* Remember @tsk's comm. RETURNS: 1, or 0 if the lock was busy (try again). */
static int trace_save_cmdline(struct task_struct *tsk)
{
	unsigned int tpid, idx;
	unsigned long flags;

	if (!tsk->pid || !savedcmd) /* the idle tasks print as <idle> */
		return 1;
	tpid = tsk->pid & (PID_MAX - 1);
	local_irq_save(flags);
	if (!spin_trylock(&trace_cmdline_lock)) {
		local_irq_restore(flags);
		return 0;
	}
	idx = savedcmd->map_pid_to_cmdline[tpid];
	if (idx == NO_CMDLINE_MAP) {
		idx = (savedcmd->cmdline_idx + 1) % savedcmd->cmdline_num;
		savedcmd->map_pid_to_cmdline[tpid] = idx;
		savedcmd->cmdline_idx = idx;
	}
	savedcmd->map_cmdline_to_pid[idx] = tsk->pid;
	memcpy(&savedcmd->saved_cmdlines[idx * TASK_COMM_LEN], tsk->comm, TASK_COMM_LEN);
	spin_unlock_irqrestore(&trace_cmdline_lock, flags);
	return 1;
}

static void __trace_find_cmdline(int pid, char comm[])
{
	unsigned int map;

	if (!pid) {
		strcpy(comm, "<idle>");
		return;
	}
	if (pid < 0 || !savedcmd) {
		strcpy(comm, "<XXX>");
		return;
	}
	map = savedcmd->map_pid_to_cmdline[pid & (PID_MAX - 1)];
	if (map != NO_CMDLINE_MAP && savedcmd->map_cmdline_to_pid[map] == (unsigned int)pid) {
		memcpy(comm, &savedcmd->saved_cmdlines[map * TASK_COMM_LEN], TASK_COMM_LEN);
		comm[TASK_COMM_LEN - 1] = '\0';
		return;
	}
	strcpy(comm, "<...>");
}

/* The comm saved for @pid, "<idle>" for 0, or "<...>" (Linux's). */
void trace_find_cmdline(int pid, char comm[])
{
	unsigned long flags;

	spin_lock_irqsave(&trace_cmdline_lock, flags);
	__trace_find_cmdline(pid, comm);
	spin_unlock_irqrestore(&trace_cmdline_lock, flags);
}

/*
 * A record was written on this CPU: save comms at the next switch. The
 * first record since the last save also saves its writer's comm now
 * (Kestrel; Linux waits for the switch), so that a task which records
 * events and never leaves its CPU before they are disabled still shows
 * by name. CONTEXT: IRQs off.
 */
void trace_taskinfo_save_set(void)
{
	int cpu = raw_smp_processor_id();

	if (per_cpu(trace_taskinfo_save, cpu))
		return;
	per_cpu(trace_taskinfo_save, cpu) = true;
	if (global_trace.trace_flags & TRACE_ITER_RECORD_CMD)
		trace_save_cmdline(current);
}

/* Save @tsk's comm if a record was written on this CPU since the last save
 * (Linux's tracing_record_taskinfo). CONTEXT: IRQs off or a tracepoint. */
void tracing_record_taskinfo(struct task_struct *task)
{
	int cpu = raw_smp_processor_id();

	if (!per_cpu(trace_taskinfo_save, cpu))
		return;
	if (trace_save_cmdline(task))
		per_cpu(trace_taskinfo_save, cpu) = false;
}

/* The same for both tasks of a switch (Linux's tracing_record_taskinfo_sched_switch). */
void tracing_record_taskinfo_sched_switch(struct task_struct *prev, struct task_struct *next)
{
	int cpu = raw_smp_processor_id();

	if (!per_cpu(trace_taskinfo_save, cpu))
		return;
	if (trace_save_cmdline(prev) & trace_save_cmdline(next))
		per_cpu(trace_taskinfo_save, cpu) = false;
}

/* saved_cmdlines: "pid comm" per line, oldest slot first (Linux's order). */
void trace_print_saved_cmdlines(void (*print)(void *arg, int pid, const char *comm), void *arg)
{
	char comm[TASK_COMM_LEN];
	unsigned int i, num;

	spin_lock_irq(&trace_cmdline_lock);
	num = savedcmd->cmdline_num;
	for (i = 0; i < num; i++) {
		unsigned int pid = savedcmd->map_cmdline_to_pid[i];

		if (pid == NO_CMDLINE_MAP || !pid)
			continue;
		__trace_find_cmdline(pid, comm);
		spin_unlock_irq(&trace_cmdline_lock);
		print(arg, pid, comm);
		spin_lock_irq(&trace_cmdline_lock);
		num = savedcmd->cmdline_num;
	}
	spin_unlock_irq(&trace_cmdline_lock);
}

unsigned int trace_saved_cmdlines_size(void)
{
	return READ_ONCE(savedcmd->cmdline_num);
}

/* saved_cmdlines_size: a new, empty table of @val comms (Linux's
 * tracing_resize_saved_cmdlines). RETURNS: 0 or -ENOMEM. */
int tracing_resize_saved_cmdlines(unsigned int val)
{
	struct saved_cmdlines_buffer *s = allocate_cmdlines_buffer(val), *old;

	if (!s)
		return -ENOMEM;
	spin_lock_irq(&trace_cmdline_lock);
	old = savedcmd;
	savedcmd = s;
	spin_unlock_irq(&trace_cmdline_lock);
	free_saved_cmdlines_buffer(old);
	return 0;
}
