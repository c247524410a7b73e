/* The task: struct task_struct and the scheduler's interface (Linux's
 * include/linux/sched.h, with the fields this kernel uses, under their
 * Linux names). A task's kernel stack is 8 KiB with its thread_info at the
 * bottom, as on Linux ARM 4.19. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/signal_types.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/sched.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>

/* task->state and task->exit_state values (Linux's, so that sched_switch
 * prints the same letters). */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define __TASK_TRACED 0x0008
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020
#define EXIT_TRACE (EXIT_ZOMBIE | EXIT_DEAD)
#define TASK_PARKED 0x0040
#define TASK_DEAD 0x0080
#define TASK_WAKEKILL 0x0100
#define TASK_WAKING 0x0200
#define TASK_NOLOAD 0x0400
#define TASK_NEW 0x0800
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
/* The states /proc and sched_switch report (Linux's): one bit each, and
 * TASK_IDLE reported as its own letter after them. */
#define TASK_REPORT (TASK_RUNNING | TASK_INTERRUPTIBLE | \
		     TASK_UNINTERRUPTIBLE | __TASK_STOPPED | \
		     __TASK_TRACED | EXIT_DEAD | EXIT_ZOMBIE | \
		     TASK_PARKED)
#define TASK_REPORT_IDLE (TASK_REPORT + 1)
#define TASK_REPORT_MAX (TASK_REPORT_IDLE << 1)

/* Asleep in a state the load average counts (Linux's; there is no
 * freezer here, so no PF_FROZEN test): TASK_UNINTERRUPTIBLE and
 * TASK_KILLABLE do, TASK_IDLE (a kernel thread waiting for work) does not. */
#define task_contributes_to_load(task) \
	(((task)->state & TASK_UNINTERRUPTIBLE) != 0 && ((task)->state & TASK_NOLOAD) == 0)

/* task->flags */
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_FORKNOEXEC 0x00000040
#define PF_SIGNALED 0x00000400
#define PF_NPROC_EXCEEDED 0x00001000 /* set_user() noticed that RLIMIT_NPROC was exceeded */
#define PF_KTHREAD 0x00200000
#define PF_NO_SETAFFINITY 0x04000000 /* a per-CPU kernel thread: sched_setaffinity says EINVAL */

#define TASK_COMM_LEN 16
#define PID_MAX 32768
#define MAX_RT_PRIO 100 /* prio 0..99: real-time; here only the stop tasks (prio 0) */
#define DEFAULT_PRIO 120
/* Nice values -20..19 are static priorities 100..139 (Linux's sched/prio.h). */
#define MIN_NICE -20
#define MAX_NICE 19
#define NICE_TO_PRIO(nice) ((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio) ((prio)-DEFAULT_PRIO)

struct mm_struct;
struct files_struct;
struct fs_struct;
struct signal_struct;
struct sighand_struct;
struct completion;
struct robust_list_head;
struct rseq;

/* A task as CFS schedules it (Linux's struct sched_entity, without the
 * group scheduling and load tracking fields). CONTEXT: the rq lock. */
struct load_weight {
	unsigned long weight; /* sched_prio_to_weight[] of the nice value */
};

struct sched_entity {
	struct load_weight load;
	struct list_head run_node; /* on cfs_rq->tasks_timeline unless running */
	unsigned int on_rq;
	u64 exec_start; /* rq clock when it last started running or was charged */
	u64 sum_exec_runtime; /* ns of CPU time */
	u64 prev_sum_exec_runtime; /* sum_exec_runtime when it was last picked */
	u64 vruntime; /* weighted CPU time: the task that has had least runs next */
};
struct ftrace_ret_stack;

struct task_struct {
	struct thread_info *stack; /* the 8 KiB kernel stack, thread_info at its base */
	volatile long state;
	unsigned int flags;
	int on_cpu; /* running, or still switching out: not yet movable */
	int on_rq; /* queued on a runqueue */
	/* try_to_wake_up() found it asleep in a state the load average
	 * counts: ttwu_do_activate() takes it off nr_uninterruptible */
	unsigned sched_contributes_to_load : 1;
	int prio, static_prio;
	struct sched_entity se;
	int nr_cpus_allowed; /* the weight of cpus_allowed */
	cpumask_t cpus_allowed; /* sched_setaffinity(): where it may run */

	struct mm_struct *mm, *active_mm;

	int exit_state;
	int exit_code, exit_signal;
	pid_t pid, tgid;
	struct task_struct *real_parent; /* who forked us */
	struct task_struct *parent; /* who gets SIGCHLD and wait4 results */
	struct list_head children, sibling;
	struct task_struct *group_leader;
	struct list_head thread_node; /* on signal->thread_head */
	struct list_head tasks; /* on the list of all tasks */
	struct pid *thread_pid; /* our pid (PIDTYPE_PID) */

	int *set_child_tid, *clear_child_tid;
	struct robust_list_head __user *robust_list; /* set_robust_list() */
	struct rseq __user *rseq; /* rseq(): the registered area, or NULL */
	u32 rseq_len, rseq_sig;
	unsigned long rseq_event_mask; /* RSEQ_EVENT_*: what happened since the last fixup */
	struct completion *vfork_done;

	u64 utime, stime; /* ns */
	u64 start_time;
	unsigned long nvcsw, nivcsw;

	char comm[TASK_COMM_LEN];

	struct fs_struct *fs;
	struct files_struct *files;

	struct signal_struct *signal;
	struct sighand_struct *sighand;
	sigset_t blocked, real_blocked, saved_sigmask;
	struct sigpending pending;
	unsigned long sas_ss_sp;
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	struct restart_block restart_block;
	unsigned long jobctl; /* JOBCTL_*: group stop in progress */

	int pagefault_disabled; /* uaccess faults return -EFAULT at once (pagefault_disable) */
	struct cred cred; /* changed only by the task itself, in commit_creds() */
	/* task_lock(): protects mm, files, fs, comm, cred. Always taken with
	 * IRQs off, as it nests in tasklist_lock's write side (kernel/fork.c). */
	spinlock_t alloc_lock;
	spinlock_t pi_lock; /* serialises try_to_wake_up() on this task */
	int usage; /* references: freed at zero (put_task_struct) */

	/* function_graph: the returns hooked, innermost at curr_ret_stack
	 * (-1: none); ret_stack is NULL until the tracer is first used */
	int curr_ret_stack;
	struct ftrace_ret_stack *ret_stack;
	unsigned long trace_overrun;
	/* when it was switched out, for options/sleep-time off (0: not yet) */
	unsigned long long ftrace_timestamp;

	struct thread_struct thread; /* CPU-specific state (asm/processor.h) */
};

/* The task running on this CPU, from the thread_info at the base of sp. */
#define current (current_thread_info()->task)
#define smp_processor_id() ((int)current_thread_info()->cpu)
#define raw_smp_processor_id() smp_processor_id()
#define task_thread_info(p) ((p)->stack)
#define task_cpu(p) ((int)task_thread_info(p)->cpu)
#define task_stack_page(p) ((void *)(p)->stack)
#define task_pt_regs(p) \
	((struct pt_regs *)((unsigned long)task_stack_page(p) + THREAD_START_SP) - 1)

extern struct task_struct init_task;
extern union thread_union init_thread_union;
extern rwlock_t tasklist_lock;
extern struct list_head all_tasks;

/* Set or clear a TIF_* flag of @t: atomic, since another CPU may change
 * another bit of the word (TIF_SIGPENDING, TIF_NEED_RESCHED), but not a
 * barrier, as Linux's (set_ti_thread_flag -> set_bit). What depends on
 * the flag being seen has its own: the reschedule IPI's DSB after
 * TIF_NEED_RESCHED (bcm2836_arm_irqchip_send_ipi); after TIF_SIGPENDING,
 * the smp_mb() in try_to_wake_up() before it reads the sleeper's state
 * (signal_wake_up_state), against the sleeper's set_current_state() and
 * test of the flag; a flag of current's own needs none. */
static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	set_bit(flag, &task_thread_info(t)->flags);
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	clear_bit(flag, &task_thread_info(t)->flags);
}

static inline int test_tsk_thread_flag(struct task_struct *t, int flag)
{
	return (READ_ONCE(task_thread_info(t)->flags) >> flag) & 1;
}

#define set_thread_flag(f) set_tsk_thread_flag(current, f)
#define clear_thread_flag(f) clear_tsk_thread_flag(current, f)
#define test_thread_flag(f) test_tsk_thread_flag(current, f)
#define set_tsk_need_resched(t) set_tsk_thread_flag(t, TIF_NEED_RESCHED)
#define clear_tsk_need_resched(t) clear_tsk_thread_flag(t, TIF_NEED_RESCHED)
#define test_tsk_need_resched(t) unlikely(test_tsk_thread_flag(t, TIF_NEED_RESCHED))
#define tif_need_resched() test_thread_flag(TIF_NEED_RESCHED)
#define need_resched() tif_need_resched()
#define signal_pending(p) test_tsk_thread_flag(p, TIF_SIGPENDING)

/* The order of these stores matters to try_to_wake_up() on another CPU:
 * the state must be visible before the condition the sleeper then tests. */
#define __set_current_state(s) (current->state = (s))
#define set_current_state(s)               \
	do {                               \
		WRITE_ONCE(current->state, (s)); \
		smp_mb();                  \
	} while (0)

static inline int thread_group_leader(struct task_struct *p)
{
	return p->exit_signal >= 0;
}

/* Which of the reported states @tsk is in: 0 running, then one per
 * TASK_REPORT bit, then idle (Linux's; the letters "RSDTtXZPI"). */
static inline unsigned int task_state_index(struct task_struct *tsk)
{
	unsigned int tsk_state = READ_ONCE(tsk->state);
	unsigned int state = (tsk_state | tsk->exit_state) & TASK_REPORT;

	if (tsk_state == TASK_IDLE)
		state = TASK_REPORT_IDLE;
	return state ? 32 - __builtin_clz(state) : 0;
}

static inline pid_t task_pid_nr(struct task_struct *t) { return t->pid; }
static inline pid_t task_tgid_nr(struct task_struct *t) { return t->tgid; }

static inline void get_task_struct(struct task_struct *t)
{
	__atomic_fetch_add(&t->usage, 1, __ATOMIC_SEQ_CST);
}
void __put_task_struct(struct task_struct *t);
static inline void put_task_struct(struct task_struct *t)
{
	if (__atomic_sub_fetch(&t->usage, 1, __ATOMIC_SEQ_CST) == 0)
		__put_task_struct(t);
}

/* Give the CPU to the next runnable task. CONTEXT: process context, no
 * spinlock held, IRQs on. */
void schedule(void);
/* Let another task run if the tick asked for it, at a point where a long
 * loop in the kernel may sleep (Linux's cond_resched, for a kernel without
 * preemption). RETURNS: 1 if it scheduled. */
int _cond_resched(void);
#define cond_resched() _cond_resched()
void schedule_idle(void);
long schedule_timeout(long timeout);
/* Wake p if its state is in `state`. RETURNS: 1 if it was woken. */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
void scheduler_tick(void);
void sched_init(void);
void sched_init_idle(int cpu);
int sched_fork(unsigned long clone_flags, struct task_struct *p);
static inline int rt_prio(int prio)
{
	return unlikely(prio < MAX_RT_PRIO);
}
static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(READ_ONCE(p->static_prio));
}
/* May p's nice value go down to @nice (RLIMIT_NICE, or CAP_SYS_NICE)? */
int can_nice(const struct task_struct *p, const int nice);
/* Give p nice value @nice (-20..19), and CFS the weight that goes with it. */
void set_user_nice(struct task_struct *p, long nice);
void sched_init_smp(void);
/* Let p run only on @new_mask's CPUs, without moving it (kernel/sched/core.c). */
void do_set_cpus_allowed(struct task_struct *p, const struct cpumask *new_mask);
unsigned long wait_task_inactive(struct task_struct *p, long match_state);
void sched_set_stop_task(int cpu, struct task_struct *stop);
void kick_process(struct task_struct *p);
int idle_cpu(int cpu);
struct task_struct *idle_task(int cpu);
void __noreturn cpu_startup_entry(void);
unsigned int nr_running(void);

/* pids: see <linux/pid.h> */
struct task_struct *find_task_by_vpid(pid_t nr);
static inline struct pid *task_pid(struct task_struct *task)
{
	return task->thread_pid;
}
pid_t last_pid_nr(void);

void set_task_comm(struct task_struct *tsk, const char *from);

/* The architecture's part of exec and exit (kernel/arm/process.c). */
void flush_thread(void);
void exit_thread(struct task_struct *tsk);

/* kernel/fork.c and kernel/exit.c */
long _do_fork(unsigned long clone_flags, unsigned long stack_start, unsigned long stack_size,
	      int __user *parent_tidptr, int __user *child_tidptr, unsigned long tls);
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
void __noreturn do_exit(long code);
void __noreturn do_group_exit(int exit_code);
void release_task(struct task_struct *p);
void fork_init(void);
void proc_caches_init(void);
extern int nr_threads, max_threads;

/*
 * Restartable sequences (kernel/rseq.c): what may have interrupted a
 * critical section since the thread last returned to user space, as the
 * bits of enum rseq_cs_flags that would keep it from restarting.
 */
enum rseq_event_mask_bits {
	RSEQ_EVENT_PREEMPT_BIT = 0, /* RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT_BIT */
	RSEQ_EVENT_SIGNAL_BIT = 1, /* RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL_BIT */
	RSEQ_EVENT_MIGRATE_BIT = 2, /* RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE_BIT */
};

struct ksignal;
void __rseq_handle_notify_resume(struct ksignal *ksig, struct pt_regs *regs);

static inline void rseq_set_notify_resume(struct task_struct *t)
{
	if (t->rseq)
		set_tsk_thread_flag(t, TIF_NOTIFY_RESUME);
}

/* On the way back to user space (TIF_NOTIFY_RESUME): abort the critical
 * section the thread was in, update its cpu_id. */
static inline void rseq_handle_notify_resume(struct ksignal *ksig, struct pt_regs *regs)
{
	if (current->rseq)
		__rseq_handle_notify_resume(ksig, regs);
}

/* Before a signal frame is built: the handler must not return into the
 * middle of a critical section. */
static inline void rseq_signal_deliver(struct ksignal *ksig, struct pt_regs *regs)
{
	current->rseq_event_mask |= 1UL << RSEQ_EVENT_SIGNAL_BIT;
	rseq_handle_notify_resume(ksig, regs);
}

/* @t is switched out. CONTEXT: its runqueue lock, IRQs off. */
static inline void rseq_preempt(struct task_struct *t)
{
	t->rseq_event_mask |= 1UL << RSEQ_EVENT_PREEMPT_BIT;
	rseq_set_notify_resume(t);
}

/* @t moves to another CPU. CONTEXT: @t not running; its pi_lock or the
 * runqueue locks held. */
static inline void rseq_migrate(struct task_struct *t)
{
	t->rseq_event_mask |= 1UL << RSEQ_EVENT_MIGRATE_BIT;
	rseq_set_notify_resume(t);
}

/* A new task keeps its parent's registration, unless it shares the
 * parent's memory (a thread registers its own). */
static inline void rseq_fork(struct task_struct *t, unsigned long clone_flags)
{
	if (clone_flags & CLONE_VM) {
		t->rseq = NULL;
		t->rseq_len = 0;
		t->rseq_sig = 0;
		t->rseq_event_mask = 0;
	} else {
		t->rseq = current->rseq;
		t->rseq_len = current->rseq_len;
		t->rseq_sig = current->rseq_sig;
		t->rseq_event_mask = current->rseq_event_mask;
	}
}

/* A new program starts unregistered. */
static inline void rseq_execve(struct task_struct *t)
{
	t->rseq = NULL;
	t->rseq_len = 0;
	t->rseq_sig = 0;
	t->rseq_event_mask = 0;
}

/* kernel/futex.c: wake up to nr shared (not FUTEX_PRIVATE_FLAG) waiters on
 * the futex word at uaddr, as exit does for CLONE_CHILD_CLEARTID. */
int futex_wake(u32 __user *uaddr, int nr);
/* Mark the robust futexes @curr holds as dead (Linux's exit_robust_list).
 * CONTEXT: curr is current, its mm still in place. */
void exit_robust_list(struct task_struct *curr);

#endif
