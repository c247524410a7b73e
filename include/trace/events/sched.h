/* The sched events' fields (Linux 4.19's include/trace/events/sched.h
 * TP_STRUCT__entry), one struct per event or event class. */
#ifndef _TRACE_EVENTS_SCHED_H
#define _TRACE_EVENTS_SCHED_H

#include <linux/trace_events.h>

/*
 * sched_switch's prev_state, 4.19's encoding: 0 if running, else
 * 1 << (task_state_index(prev) - 1), i.e. S 0x01, D 0x02, T 0x04, t 0x08,
 * X 0x10, Z 0x20, P 0x40, I 0x80; TASK_REPORT_MAX if prev was preempted,
 * printed "R+".
 */
#ifndef TASK_REPORT_MAX
#define TASK_REPORT_MAX 0x0100
#endif

/* Linux's __trace_sched_switch_state(), given task_state_index(prev). */
static inline long __trace_sched_switch_state(bool preempt, unsigned int state_index)
{
	if (preempt)
		return TASK_REPORT_MAX;
	return state_index ? 1L << (state_index - 1) : 0;
}

struct trace_event_raw_sched_switch {
	char prev_comm[TASK_COMM_LEN];
	pid_t prev_pid;
	int prev_prio;
	s32 prev_state; /* long on ARM */
	char next_comm[TASK_COMM_LEN];
	pid_t next_pid;
	int next_prio;
};

/* sched_wakeup and sched_wakeup_new. */
struct trace_event_raw_sched_wakeup_template {
	char comm[TASK_COMM_LEN];
	pid_t pid;
	int prio;
	int success; /* always 1, "rudiment" in 4.19 */
	int target_cpu;
};

/* sched_process_exit and sched_process_free. */
struct trace_event_raw_sched_process_template {
	char comm[TASK_COMM_LEN];
	pid_t pid;
	int prio;
};

/* comm and prio are the waiter's, pid the pid waited for. */
struct trace_event_raw_sched_process_wait {
	char comm[TASK_COMM_LEN];
	pid_t pid;
	int prio;
};

struct trace_event_raw_sched_process_fork {
	char parent_comm[TASK_COMM_LEN];
	pid_t parent_pid;
	char child_comm[TASK_COMM_LEN];
	pid_t child_pid;
};

/* Linux keeps the whole bprm->filename; we keep what fits in a record. */
struct trace_event_raw_sched_process_exec {
	pid_t pid;
	pid_t old_pid;
	char filename[TRACE_EVENT_FIELDS_MAX - 2 * sizeof(pid_t)];
};

extern struct trace_event_call event_sched_switch;
extern struct trace_event_call event_sched_wakeup;
extern struct trace_event_call event_sched_wakeup_new;
extern struct trace_event_call event_sched_process_fork;
extern struct trace_event_call event_sched_process_exec;
extern struct trace_event_call event_sched_process_exit;
extern struct trace_event_call event_sched_process_free;
extern struct trace_event_call event_sched_process_wait;


/* The tracepoints: a disabled event costs a load and a branch at the call
 * site; the fields are filled out of line in kernel/trace/trace_points.c
 * (Linux's TP_fast_assign). */
struct task_struct;
void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next);
void __trace_sched_wakeup(struct task_struct *p);
void __trace_sched_wakeup_new(struct task_struct *p);
void __trace_sched_process_fork(struct task_struct *parent, struct task_struct *child);
void __trace_sched_process_exec(struct task_struct *p, pid_t old_pid, const char *filename);
void __trace_sched_process_exit(struct task_struct *p);
void __trace_sched_process_free(struct task_struct *p);
void __trace_sched_process_wait(pid_t pid);
static inline void trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next)
{
	if (unlikely(event_sched_switch.enabled))
		__trace_sched_switch(preempt, prev, next);
}
static inline void trace_sched_wakeup(struct task_struct *p)
{
	if (unlikely(event_sched_wakeup.enabled))
		__trace_sched_wakeup(p);
}
static inline void trace_sched_wakeup_new(struct task_struct *p)
{
	if (unlikely(event_sched_wakeup_new.enabled))
		__trace_sched_wakeup_new(p);
}
static inline void trace_sched_process_fork(struct task_struct *parent, struct task_struct *child)
{
	if (unlikely(event_sched_process_fork.enabled))
		__trace_sched_process_fork(parent, child);
}
static inline void trace_sched_process_exec(struct task_struct *p, pid_t old_pid, const char *filename)
{
	if (unlikely(event_sched_process_exec.enabled))
		__trace_sched_process_exec(p, old_pid, filename);
}
static inline void trace_sched_process_exit(struct task_struct *p)
{
	if (unlikely(event_sched_process_exit.enabled))
		__trace_sched_process_exit(p);
}
static inline void trace_sched_process_free(struct task_struct *p)
{
	if (unlikely(event_sched_process_free.enabled))
		__trace_sched_process_free(p);
}
static inline void trace_sched_process_wait(pid_t pid)
{
	if (unlikely(event_sched_process_wait.enabled))
		__trace_sched_process_wait(pid);
}

#endif
