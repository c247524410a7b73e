/* What each tracepoint records (the TP_fast_assign blocks of Linux's
 * include/trace/events/{irq,ipi,sched,signal,raw_syscalls}.h). Called only
 * when the event is enabled; the inline trace_*() in those headers test it. */
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/trace_events.h>
#include <trace/events/ipi.h>
#include <trace/events/irq.h>
#include <trace/events/raw_syscalls.h>
#include <trace/events/sched.h>
#include <trace/events/signal.h>

#define TRACE_ASSIGN(event, entry)                                                      \
	struct trace_event_buffer fb;                                                   \
	struct trace_event_raw_##event *entry =                                         \
		trace_event_buffer_reserve(&fb, &event_##event, sizeof(*entry));        \
	if (!entry)                                                                     \
		return

static void copy_comm(char *dst, const char *src)
{
	strlcpy(dst, src, TASK_COMM_LEN);
}

void __trace_irq_handler_entry(int irq, const char *name)
{
	TRACE_ASSIGN(irq_handler_entry, e);
	e->irq = irq;
	strlcpy(e->name, name ? name : "", sizeof(e->name));
	trace_event_buffer_commit(&fb);
}

void __trace_irq_handler_exit(int irq, int ret)
{
	TRACE_ASSIGN(irq_handler_exit, e);
	e->irq = irq;
	e->ret = ret;
	trace_event_buffer_commit(&fb);
}

void __trace_ipi_raise(u32 target_cpus, const char *reason)
{
	TRACE_ASSIGN(ipi_raise, e);
	e->target_cpus = target_cpus;
	strlcpy(e->reason, reason, sizeof(e->reason));
	trace_event_buffer_commit(&fb);
}

static void trace_ipi_handler(struct trace_event_call *call, const char *reason)
{
	struct trace_event_buffer fb;
	struct trace_event_raw_ipi_handler *e = trace_event_buffer_reserve(&fb, call, sizeof(*e));

	if (!e)
		return;
	strlcpy(e->reason, reason, sizeof(e->reason));
	trace_event_buffer_commit(&fb);
}

void __trace_ipi_entry(const char *reason)
{
	trace_ipi_handler(&event_ipi_entry, reason);
}

void __trace_ipi_exit(const char *reason)
{
	trace_ipi_handler(&event_ipi_exit, reason);
}

/* Linux's task_state_index(): which letter sched_switch prints. */
static unsigned int task_state_index(struct task_struct *tsk)
{
	const unsigned int task_report = TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE |
					 __TASK_STOPPED | __TASK_TRACED | EXIT_DEAD |
					 EXIT_ZOMBIE | TASK_PARKED;
	unsigned int tsk_state = READ_ONCE(tsk->state);
	unsigned int state = (tsk_state | tsk->exit_state) & task_report;

	if (tsk_state == TASK_IDLE)
		state = task_report + 1;
	return state ? 32 - __builtin_clz(state) : 0;
}

void __trace_sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next)
{
	TRACE_ASSIGN(sched_switch, e);
	copy_comm(e->next_comm, next->comm);
	e->prev_pid = prev->pid;
	e->prev_prio = prev->prio;
	e->prev_state = __trace_sched_switch_state(preempt, task_state_index(prev));
	copy_comm(e->prev_comm, prev->comm);
	e->next_pid = next->pid;
	e->next_prio = next->prio;
	trace_event_buffer_commit(&fb);
}

static void trace_sched_wakeup_template(struct trace_event_call *call, struct task_struct *p)
{
	struct trace_event_buffer fb;
	struct trace_event_raw_sched_wakeup_template *e =
		trace_event_buffer_reserve(&fb, call, sizeof(*e));

	if (!e)
		return;
	copy_comm(e->comm, p->comm);
	e->pid = p->pid;
	e->prio = p->prio;
	e->success = 1;
	e->target_cpu = task_cpu(p);
	trace_event_buffer_commit(&fb);
}

void __trace_sched_wakeup(struct task_struct *p)
{
	trace_sched_wakeup_template(&event_sched_wakeup, p);
}

void __trace_sched_wakeup_new(struct task_struct *p)
{
	trace_sched_wakeup_template(&event_sched_wakeup_new, p);
}

void __trace_sched_process_fork(struct task_struct *parent, struct task_struct *child)
{
	TRACE_ASSIGN(sched_process_fork, e);
	copy_comm(e->parent_comm, parent->comm);
	e->parent_pid = parent->pid;
	copy_comm(e->child_comm, child->comm);
	e->child_pid = child->pid;
	trace_event_buffer_commit(&fb);
}

void __trace_sched_process_exec(struct task_struct *p, pid_t old_pid, const char *filename)
{
	TRACE_ASSIGN(sched_process_exec, e);
	strlcpy(e->filename, filename, sizeof(e->filename));
	e->pid = p->pid;
	e->old_pid = old_pid;
	trace_event_buffer_commit(&fb);
}

static void trace_sched_process_template(struct trace_event_call *call, struct task_struct *p)
{
	struct trace_event_buffer fb;
	struct trace_event_raw_sched_process_template *e =
		trace_event_buffer_reserve(&fb, call, sizeof(*e));

	if (!e)
		return;
	copy_comm(e->comm, p->comm);
	e->pid = p->pid;
	e->prio = p->prio;
	trace_event_buffer_commit(&fb);
}

void __trace_sched_process_exit(struct task_struct *p)
{
	trace_sched_process_template(&event_sched_process_exit, p);
}

void __trace_sched_process_free(struct task_struct *p)
{
	trace_sched_process_template(&event_sched_process_free, p);
}

void __trace_sched_process_wait(pid_t pid)
{
	TRACE_ASSIGN(sched_process_wait, e);
	copy_comm(e->comm, current->comm);
	e->pid = pid;
	e->prio = current->prio;
	trace_event_buffer_commit(&fb);
}

/* Linux's TP_STORE_SIGINFO. */
static void store_siginfo(int *err, int *code, struct siginfo *info)
{
	if (info == SEND_SIG_NOINFO || info == SEND_SIG_FORCED) {
		*err = 0;
		*code = SI_USER;
	} else if (info == SEND_SIG_PRIV) {
		*err = 0;
		*code = SI_KERNEL;
	} else {
		*err = info->si_errno;
		*code = info->si_code;
	}
}

void __trace_signal_generate(int sig, struct siginfo *info, struct task_struct *task, int group,
			     int result)
{
	TRACE_ASSIGN(signal_generate, e);
	e->sig = sig;
	store_siginfo(&e->errno, &e->code, info);
	copy_comm(e->comm, task->comm);
	e->pid = task->pid;
	e->group = group;
	e->result = result;
	trace_event_buffer_commit(&fb);
}

void __trace_signal_deliver(int sig, struct siginfo *info, struct k_sigaction *ka)
{
	TRACE_ASSIGN(signal_deliver, e);
	e->sig = sig;
	store_siginfo(&e->errno, &e->code, info);
	e->sa_handler = (u32)(unsigned long)ka->sa.sa_handler;
	e->sa_flags = ka->sa.sa_flags;
	trace_event_buffer_commit(&fb);
}

void __trace_sys_enter(struct pt_regs *regs, long id)
{
	TRACE_ASSIGN(sys_enter, e);
	e->id = id;
	e->args[0] = regs->ARM_ORIG_r0;
	memcpy(&e->args[1], &regs->ARM_r1, 5 * sizeof(u32));
	trace_event_buffer_commit(&fb);
}

void __trace_sys_exit(struct pt_regs *regs, long ret)
{
	TRACE_ASSIGN(sys_exit, e);
	e->id = current_thread_info()->syscall;
	e->ret = ret;
	trace_event_buffer_commit(&fb);
}

/* Count of raw_syscalls events on: while non-zero every task carries
 * TIF_SYSCALL_TRACEPOINT (new ones inherit it in dup_task_struct). */
static int sys_tracepoint_refcount;

void syscall_regfunc(int enable)
{
	struct task_struct *p, *t;
	unsigned long flags;
	int cpu;

	spin_lock_irqsave(&tasklist_lock, flags);
	sys_tracepoint_refcount += enable ? 1 : -1;
	if (sys_tracepoint_refcount == (enable ? 1 : 0)) {
		list_for_each_entry(p, &all_tasks, tasks)
			for_each_thread(p, t)
				(enable ? set_tsk_thread_flag : clear_tsk_thread_flag)(
					t, TIF_SYSCALL_TRACEPOINT);
		for_each_possible_cpu(cpu)
			if (idle_task(cpu))
				(enable ? set_tsk_thread_flag : clear_tsk_thread_flag)(
					idle_task(cpu), TIF_SYSCALL_TRACEPOINT);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
