/* Process identifiers as objects (Linux's include/linux/pid.h): a struct
 * pid names a task (PIDTYPE_PID) and, for a thread group leader, its group
 * (PIDTYPE_TGID). Holding a reference keeps the struct, never the task:
 * pid_task() finds whichever task holds the number now, which after a
 * multi-threaded exec is the thread that exec'd, and NULL once it is
 * gone. That is what lets a timer signal a process safely.
 *
 * Simplified: no pid namespaces; process groups and sessions stay plain
 * numbers in signal_struct (no PIDTYPE_PGID/SID), so each type holds at
 * most one task where Linux keeps a list.
 * CONTEXT: tasks are attached and detached with tasklist_lock
 * write-locked, and pid_task() and find_vpid() read with it read-locked,
 * the stand-in here for Linux's RCU. */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/types.h>

enum pid_type {
	PIDTYPE_PID,
	PIDTYPE_TGID,
	PIDTYPE_MAX,
};

struct task_struct;

struct pid {
	int count; /* references; atomic. The hash holds one while the number is in use */
	pid_t nr;
	struct task_struct *tasks[PIDTYPE_MAX]; /* the task of each type using it */
	struct pid *hash_next;
};

extern struct pid init_struct_pid; /* pid 0: the idle tasks */

/* A new reference needs no ordering (Linux's atomic_inc); dropping the
 * last one does (put_pid). */
static inline struct pid *get_pid(struct pid *pid)
{
	if (pid)
		__atomic_fetch_add(&pid->count, 1, __ATOMIC_RELAXED);
	return pid;
}

void put_pid(struct pid *pid);

/* RETURNS: a new pid with a free number (one reference, no task yet), or
 * ERR_PTR(-EAGAIN) when all are in use, ERR_PTR(-ENOMEM). */
struct pid *alloc_pid(void);
/* Give back the number of a pid no task uses (a failed fork; or through
 * detach_pid). CONTEXT: tasklist_lock write-locked. */
void free_pid(struct pid *pid);

/* Make @task the @type user of its pid (task->thread_pid for PIDTYPE_PID,
 * task->signal->pids[type] otherwise), or stop. A pid that no task uses
 * any more gives its number back. */
void attach_pid(struct task_struct *task, enum pid_type type);
void detach_pid(struct task_struct *task, enum pid_type type);
/* @task leaves its pid for @pid (de_thread: the exec'ing thread takes
 * over the leader's). */
void change_pid(struct task_struct *task, enum pid_type type, struct pid *pid);
/* @new becomes @old's @type user of their group's pid (@type is not
 * PIDTYPE_PID: @old and @new share the signal_struct). */
void transfer_pid(struct task_struct *old, struct task_struct *new, enum pid_type type);

/* RETURNS: the task using @pid as @type, or NULL. */
struct task_struct *pid_task(struct pid *pid, enum pid_type type);
/* RETURNS: the pid numbered @nr, without a reference, or NULL. */
struct pid *find_vpid(pid_t nr);
/* RETURNS: the pid numbered @nr with a reference (put_pid() it), or NULL.
 * CONTEXT: any: no tasklist_lock needed. */
struct pid *find_get_pid(pid_t nr);
struct task_struct *find_task_by_vpid(pid_t nr);
void pid_idr_init(void);

#endif
