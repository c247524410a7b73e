/* The scheduler core: per-CPU runqueues, schedule(), try_to_wake_up() and
 * the tick (Linux's kernel/sched/core.c). The policy is CFS (fair.c); the
 * mechanics are Linux's: a task is on a runqueue (on_rq) or not, is running
 * or switching out (on_cpu), a wake-up picks a CPU, may preempt the task
 * running there and IPI it, and the runqueue lock is held across the
 * context switch and dropped by the next task (finish_task_switch).
 *
 * Kernel code is not preempted (Linux's PREEMPT_NONE): a task gives the CPU
 * up in schedule(), or on its way back to user mode when TIF_NEED_RESCHED
 * is set (do_work_pending). */
#include <linux/capability.h>
#include <linux/irq.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/nmi.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/sched/loadavg.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/stop_machine.h>
#include <linux/time.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>
#include <trace/events/sched.h>
#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);

struct task_struct *__switch_to(struct task_struct *prev, struct thread_info *prev_ti,
				struct thread_info *next_ti);

/* Linux calls p->sched_class->enqueue_task: the stop task is the only
 * one not in CFS. */
static void enqueue_task(struct rq *rq, struct task_struct *p, int flags)
{
	if (unlikely(p == rq->stop))
		enqueue_task_stop(rq, p, flags);
	else
		enqueue_task_fair(rq, p, flags);
	p->on_rq = 1;
}

static void dequeue_task(struct rq *rq, struct task_struct *p, int flags)
{
	if (unlikely(p == rq->stop))
		dequeue_task_stop(rq, p, flags);
	else
		dequeue_task_fair(rq, p, flags);
	p->on_rq = 0;
}

/* Queue p / take it off, keeping rq->nr_uninterruptible: a task leaving
 * the queue to sleep uninterruptibly is counted in, one queued while still
 * in that state (a move between CPUs) counted out. */
static void activate_task(struct rq *rq, struct task_struct *p, int flags)
{
	if (task_contributes_to_load(p))
		rq->nr_uninterruptible--;
	enqueue_task(rq, p, flags);
}

static void deactivate_task(struct rq *rq, struct task_struct *p, int flags)
{
	if (task_contributes_to_load(p))
		rq->nr_uninterruptible++;
	dequeue_task(rq, p, flags);
}

/* Lock the runqueue p is on; p may move until we hold it, so check again,
 * and wait while it is between two queues (move_queued_task). */
static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = task_rq(p);
		spin_lock(&rq->lock);
		if (rq == task_rq(p) && !task_on_rq_migrating(p))
			return rq;
		spin_unlock(&rq->lock);
		while (task_on_rq_migrating(p))
			barrier();
	}
}

/* Make rq's current task reschedule soon: at once if it is this CPU's,
 * through an IPI if it is another's (the IPI also ends its WFI).
 * CONTEXT: rq->lock held. */
void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (test_tsk_thread_flag(curr, TIF_NEED_RESCHED))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

int idle_cpu(int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return rq->curr == rq->idle && rq->nr_running == 0;
}

struct task_struct *idle_task(int cpu)
{
	return cpu_rq(cpu)->idle;
}

unsigned int nr_running(void)
{
	unsigned int n = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(cpu_rq(cpu)->nr_running);
	return n;
}

/* Where should a waking or new task run? One of its allowed CPUs: the
 * only one, or CFS's choice. The mask always holds an online CPU
 * (__set_cpus_allowed_ptr checks; CPUs do not go offline here), so
 * Linux's select_fallback_rq has nothing to catch. CONTEXT: p->pi_lock. */
static inline int select_task_rq(struct task_struct *p)
{
	if (p->nr_cpus_allowed > 1)
		return select_task_rq_fair(p, task_cpu(p));
	return cpumask_any(&p->cpus_allowed);
}

/* Move p to new_cpu's runqueue (Linux's set_task_cpu): recorded by
 * sched_migrate_task when it changes CPU, and a registered rseq area learns
 * of the move on p's way back to user space. CONTEXT: p's rq locks held, or
 * p not on any runqueue (TASK_WAKING under p->pi_lock). */
static void set_task_cpu(struct task_struct *p, unsigned int new_cpu)
{
	if (task_cpu(p) != new_cpu) {
		trace_sched_migrate_task(p, new_cpu);
		rseq_migrate(p);
	}
	task_thread_info(p)->cpu = new_cpu;
}

/* p was just queued on rq: should it preempt the running task? The stop
 * task preempts any other; for a CFS task, CFS decides (and lets neither
 * the idle task stand in its way nor the stop task be preempted). Linux
 * compares the two tasks' classes first. */
static void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (unlikely(p == rq->stop))
		resched_curr(rq);
	else
		check_preempt_wakeup(rq, p);
}

/*
 * move_queued_task - move a queued task that is not running to new_cpu's
 * runqueue, where it may preempt the running task. Between the two
 * queues it is TASK_ON_RQ_MIGRATING, and task_rq_lock() waits for it.
 * CONTEXT: p->pi_lock and rq->lock held, IRQs off.
 * RETURNS: new_cpu's runqueue, locked; rq's lock is released.
 */
static struct rq *move_queued_task(struct rq *rq, struct task_struct *p, int new_cpu)
{
	dequeue_task(rq, p, 0);
	WRITE_ONCE(p->on_rq, TASK_ON_RQ_MIGRATING);
	set_task_cpu(p, new_cpu);
	spin_unlock(&rq->lock);
	rq = cpu_rq(new_cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	enqueue_task(rq, p, 0);
	check_preempt_curr(rq, p);
	return rq;
}

/* Mark p runnable and let it preempt the running task (Linux's ttwu_do_wakeup). */
static noinline __noclone void ttwu_do_wakeup(struct rq *rq, struct task_struct *p)
{
	check_preempt_curr(rq, p);
	p->state = TASK_RUNNING;
	trace_sched_wakeup(p);
}

/* Queue the woken p on rq, where it stops counting as uninterruptible:
 * here, not on the CPU it slept on (see struct rq's nr_uninterruptible). */
static noinline void ttwu_do_activate(struct rq *rq, struct task_struct *p, int en_flags)
{
	if (p->sched_contributes_to_load)
		rq->nr_uninterruptible--;
	activate_task(rq, p, en_flags);
	ttwu_do_wakeup(rq, p);
}

/**
 * try_to_wake_up - wake up a thread
 * @p: the thread to be awakened
 * @state: the mask of task states that can be woken
 * @wake_flags: unused here (Linux's WF_*)
 *
 * CONTEXT: any; takes p->pi_lock and a runqueue lock with IRQs saved.
 * The caller has made the condition p waits for true before calling, and
 * p tests it after setting its state, so the wake-up cannot be lost.
 * RETURNS: 1 if p was woken, 0 if it was not in @state.
 */
noinline int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	int cpu, success = 0, en_flags = ENQUEUE_WAKEUP;
	unsigned long flags;
	struct rq *rq;

	spin_lock_irqsave(&p->pi_lock, flags);
	smp_mb(); /* pairs with set_current_state() in the sleeper */
	if (!(p->state & state))
		goto out;
	trace_sched_waking(p);
	success = 1;

	/* Still queued: it has not gone through schedule() yet, or is running. */
	if (READ_ONCE(p->on_rq)) {
		rq = task_rq_lock(p);
		if (p->on_rq) {
			p->state = TASK_RUNNING;
			trace_sched_wakeup(p);
			spin_unlock(&rq->lock);
			goto out;
		}
		spin_unlock(&rq->lock);
	}

	/* Dequeued, but maybe still switching out on its old CPU: its
	 * registers are not saved until on_cpu drops. */
	smp_rmb();
	while (READ_ONCE(p->on_cpu))
		barrier();
	smp_rmb();

	p->sched_contributes_to_load = !!task_contributes_to_load(p);
	p->state = TASK_WAKING;
	cpu = select_task_rq(p);
	if (cpu != task_cpu(p)) {
		migrate_task_rq_fair(p);
		en_flags |= ENQUEUE_MIGRATED;
	}
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	set_task_cpu(p, cpu);
	ttwu_do_activate(rq, p, en_flags);
	spin_unlock(&rq->lock);
out:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return success;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

noinline int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/* Ready a task fresh from copy_process() to run for the first time. */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;
	int cpu;

	spin_lock_irqsave(&p->pi_lock, flags);
	p->state = TASK_RUNNING;
	cpu = select_task_rq(p);
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	task_thread_info(p)->cpu = cpu;
	activate_task(rq, p, 0);
	trace_sched_wakeup_new(p);
	check_preempt_curr(rq, p);
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/* Set up scheduling state for a task being forked (before it is visible):
 * a fresh CFS entity that starts where its parent is (task_fork_fair). */
int sched_fork(unsigned long clone_flags, struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	p->state = TASK_NEW;
	p->on_rq = 0;
	p->on_cpu = 0;
	p->prio = p->static_prio; /* the nice value is inherited */
	set_load_weight(p, false);
	p->se.on_rq = 0;
	p->se.exec_start = 0;
	p->se.sum_exec_runtime = 0;
	p->se.prev_sum_exec_runtime = 0;
	p->se.vruntime = 0;
	INIT_LIST_HEAD(&p->se.run_node);
	task_thread_info(p)->preempt_count = 0;
	task_thread_info(p)->cpu = smp_processor_id();
	rq = this_rq();
	spin_lock_irqsave(&rq->lock, flags);
	task_fork_fair(p);
	spin_unlock_irqrestore(&rq->lock, flags);
	return 0;
}

/* If p is running on another CPU, interrupt it so that it notices new work
 * (a signal) on its way back to user mode (Linux's kick_process). No
 * barrier of its own, as Linux's: the caller's TIF flag must be visible
 * before rq->curr is read, and signal_wake_up_state() comes here from
 * try_to_wake_up(), whose smp_mb() ordered them. */
void kick_process(struct task_struct *p)
{
	int cpu = task_cpu(p);

	if (cpu != smp_processor_id() && cpu_rq(cpu)->curr == p)
		smp_send_reschedule(cpu);
}

/* Run on the new task's stack after the switch: release the runqueue lock
 * taken by schedule() on the old task's stack, and let the old task be
 * woken elsewhere now that its registers are saved. */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = prev->state;

	smp_mb();
	WRITE_ONCE(prev->on_cpu, 0);
	spin_unlock_irq(&rq->lock);
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
}

/* The first thing a new task runs (from ret_from_fork). */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	if (current->set_child_tid)
		put_user(task_pid_nr(current), current->set_child_tid);
}

/* prev stops running (back in the queue if still runnable); the stop
 * task runs next if it is queued, else the task with the least vruntime,
 * else the idle task. Linux asks each class in turn after the same test:
 * only a queued stop task makes the counts differ here. */
static struct task_struct *pick_next_task(struct rq *rq, struct task_struct *prev)
{
	struct task_struct *next;

	if (unlikely(rq->nr_running != rq->cfs.nr_running))
		return pick_next_task_stop(rq, prev);
	next = pick_next_task_fair(rq, prev);

	if (unlikely(!next))
		next = rq->idle;
	return next;
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *mm = next->mm ? next->mm : &init_mm;

	if (prev->active_mm != mm)
		switch_mm(prev->active_mm, mm, next);
	next->active_mm = mm;
	prev = __switch_to(prev, task_thread_info(prev), task_thread_info(next));
	finish_task_switch(prev);
}

/* notrace, as Linux's: it runs on every context switch. __sched: a
 * sleeper's wchan and /proc/<pid>/stack look through it. */
static __sched notrace void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	int cpu;
	struct rq *rq;

	local_irq_disable();
	cpu = smp_processor_id();
	rq = cpu_rq(cpu);
	spin_lock(&rq->lock);
	update_rq_clock(rq);
	/* Linux clears the flag with an atomic op on every pass; here only
	 * when it is set (the same result: with this rq's lock held and IRQs
	 * off, nothing else can set it now). A requested reschedule is what
	 * the soft lockup detector waits for (kernel/watchdog.c). */
	if (test_tsk_need_resched(prev)) {
		clear_tsk_need_resched(prev);
		touch_softlockup_watchdog_sched();
	}

	if (!preempt && prev->state) {
		if (signal_pending_state(prev->state, prev)) {
			prev->state = TASK_RUNNING;
		} else {
			deactivate_task(rq, prev, DEQUEUE_SLEEP);
			if (prev->state & TASK_NORMAL)
				prev->nvcsw++;
		}
	}
	next = pick_next_task(rq, prev);
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
		return;
	}
	if (prev->state == TASK_RUNNING && prev != rq->idle)
		prev->nivcsw++;
	rq->curr = next;
	rq->nr_switches++;
	next->on_cpu = 1;
	rseq_preempt(prev); /* Linux's prepare_task_switch */
	trace_sched_switch(preempt, prev, next);
	context_switch(rq, prev, next);
}

void __sched schedule(void)
{
	__schedule(false);
}

int __sched _cond_resched(void)
{
	if (need_resched()) {
		schedule();
		return 1;
	}
	return 0;
}

/* The idle task's way in: it is never dequeued, so it just yields. */
void __sched schedule_idle(void)
{
	__schedule(false);
}

/* Linux also counts its out-of-line spinlock functions (.spinlock.text);
 * ours are inline. */
int in_sched_functions(unsigned long addr)
{
	return addr >= (unsigned long)__sched_text_start && addr < (unsigned long)__sched_text_end;
}

/* May p move from its queue to dst_cpu? Not while it is still switching
 * out (its registers are not saved yet), nor to a CPU it may not use
 * (Linux's can_migrate_task). CONTEXT: p's rq->lock held. */
static inline bool can_migrate_task(struct task_struct *p, int dst_cpu)
{
	return !p->on_cpu && cpumask_test_cpu(dst_cpu, &p->cpus_allowed);
}

/* The longest an idle CPU waits before looking again at busy queues that
 * held only tasks pinned elsewhere: 16 ticks. */
#define MAX_PINNED_INTERVAL 16

/* Pull one waiting task from the busiest other runqueue to this idle CPU
 * (Linux's idle_balance, reduced to "steal one"); if none of its tasks may
 * come here, try the next busiest (Linux's LBF_ALL_PINNED). If no busy
 * queue held a task allowed here, wait before looking again, twice as long
 * each time (Linux doubles sd->balance_interval): an idle CPU does not
 * take a busy queue's lock at every tick for nothing. CONTEXT: IRQs off.
 * RETURNS: 1 if a task was pulled. */
int idle_balance(void)
{
	int this_cpu = smp_processor_id(), cpu, busiest;
	struct rq *this_rq = cpu_rq(this_cpu), *src, *first, *second;
	struct task_struct *p, *pulled = NULL;
	bool tried = false, movable = false;
	struct sched_entity *se;
	struct cpumask cpus;

	if (time_before(jiffies, this_rq->next_balance))
		return 0;
	cpumask_copy(&cpus, cpu_online_mask);
redo:
	busiest = -1;
	for_each_cpu(cpu, &cpus)
		if (cpu != this_cpu && cpu_rq(cpu)->nr_running > 1 &&
		    (busiest < 0 || cpu_rq(cpu)->nr_running > cpu_rq(busiest)->nr_running))
			busiest = cpu;
	if (busiest < 0) {
		if (tried && !movable) {
			this_rq->next_balance = jiffies + this_rq->balance_interval;
			if (this_rq->balance_interval < MAX_PINNED_INTERVAL)
				this_rq->balance_interval *= 2;
		}
		return 0;
	}
	tried = true;
	src = cpu_rq(busiest);
	/* Lock in CPU order so two idle CPUs cannot deadlock on each other. */
	first = this_cpu < busiest ? this_rq : src;
	second = this_cpu < busiest ? src : this_rq;
	spin_lock(&first->lock);
	spin_lock(&second->lock);
	/* The timeline holds the waiting tasks. */
	list_for_each_entry(se, &src->cfs.tasks_timeline, run_node) {
		p = container_of(se, struct task_struct, se);
		if (!cpumask_test_cpu(this_cpu, &p->cpus_allowed))
			continue;
		movable = true;
		if (can_migrate_task(p, this_cpu)) {
			pulled = p;
			break;
		}
	}
	if (pulled) {
		update_rq_clock(src);
		update_rq_clock(this_rq);
		deactivate_task(src, pulled, 0);
		set_task_cpu(pulled, this_cpu);
		activate_task(this_rq, pulled, 0);
		set_tsk_need_resched(this_rq->curr);
	}
	spin_unlock(&second->lock);
	spin_unlock(&first->lock);
	if (!pulled) {
		cpumask_clear_cpu(busiest, &cpus);
		goto redo;
	}
	this_rq->balance_interval = 1;
	return 1;
}

struct kernel_cpustat kernel_cpustat[NR_CPUS];

/* Called from each CPU's timer interrupt: charge the tick to the task and
 * the CPU (Linux's account_process_tick: user, idle or system), let CFS
 * preempt the running task once it has had its share (task_tick_fair),
 * and count this CPU's tasks for the load averages. */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;
	struct pt_regs *regs = get_irq_regs();
	u64 *cpustat = kcpustat_cpu(rq->cpu).cpustat;

	spin_lock(&rq->lock);
	update_rq_clock(rq);
	curr = rq->curr;
	if (regs && user_mode(regs)) {
		curr->utime += TICK_NSEC;
		cpustat[CPUTIME_USER] += TICK_NSEC;
	} else {
		curr->stime += TICK_NSEC;
		cpustat[curr == rq->idle ? CPUTIME_IDLE : CPUTIME_SYSTEM] += TICK_NSEC;
	}
	if (curr != rq->idle && curr != rq->stop) /* Linux: curr's class's task_tick */
		task_tick_fair(rq, curr);
	calc_global_load_tick(rq);
	spin_unlock(&rq->lock);
}

/*
 * wait_task_inactive - wait until @p, which has set itself to
 * @match_state and is on its way into schedule(), is off its CPU and off
 * every runqueue. Linux returns p's switch count and sleeps a tick while
 * p is still queued; here p is about to switch out, so this spins.
 * RETURNS: 1, or 0 if p's state is no longer @match_state (woken).
 */
unsigned long wait_task_inactive(struct task_struct *p, long match_state)
{
	unsigned long flags;
	bool busy;
	struct rq *rq;

	do {
		local_irq_save(flags);
		rq = task_rq_lock(p);
		if (p->state != match_state) {
			spin_unlock(&rq->lock);
			local_irq_restore(flags);
			return 0;
		}
		busy = task_running(rq, p) || p->on_rq;
		spin_unlock(&rq->lock);
		local_irq_restore(flags);
	} while (busy);
	return 1;
}

/* Make @stop the stop task of @cpu, the one task of the stop class (Linux's
 * sched_set_stop_task). Linux makes it SCHED_FIFO at the top real-time
 * priority "so that user space is not confused": its prio is 0 in traces,
 * and -100 in /proc/<pid>/stat, as here (there is no real-time class:
 * rt_prio() tells the stop tasks apart).
 * CONTEXT: @stop is asleep, bound to @cpu. */
void sched_set_stop_task(int cpu, struct task_struct *stop)
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;

	stop->prio = 0; /* Linux's for SCHED_FIFO 99: MAX_RT_PRIO - 1 - 99 */
	spin_lock_irqsave(&rq->lock, flags);
	rq->stop = stop;
	spin_unlock_irqrestore(&rq->lock, flags);
}

/* Give an idle task to a CPU (the boot CPU's is init_task, swapper/0). */
void sched_init_idle(int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *idle = cpu ? fork_idle(cpu) : &init_task;

	idle->state = TASK_RUNNING;
	idle->flags |= PF_IDLE;
	idle->on_cpu = 1;
	task_thread_info(idle)->cpu = cpu;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	rq->curr = rq->idle = idle;
}

void sched_init(void)
{
	int cpu;

	calc_load_update = jiffies + LOAD_FREQ;
	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		spin_lock_init(&rq->lock);
		init_cfs_rq(&rq->cfs);
		rq->cpu = cpu;
		rq->balance_interval = 1;
		rq->calc_load_update = calc_load_update;
	}
	sched_init_idle(0);
}

/* The scheduler's tunables depend on the number of CPUs: set them once
 * the secondary CPUs are up (Linux's sched_init_smp). */
void sched_init_smp(void)
{
	sched_init_granularity();
}

/* sched_yield: let another task of this CPU run first, if one is close in
 * vruntime (yield_task_fair), then reschedule (Linux's do_sched_yield).
 * IRQs stay off into schedule(), which disables them anyway. */
long sys_sched_yield(void)
{
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	spin_lock(&rq->lock);
	yield_task_fair(rq);
	spin_unlock(&rq->lock);
	schedule();
	return 0;
}

/*
 * Linux's set_user_nice: under p's runqueue lock, the new weight enters
 * the queue's load; a queued task that got heavier, or a running one that
 * got lighter, makes its CPU choose again.
 */
void set_user_nice(struct task_struct *p, long nice)
{
	unsigned long flags;
	int old_prio, delta;
	struct rq *rq;

	if (nice < MIN_NICE || nice > MAX_NICE)
		return;
	local_irq_save(flags);
	rq = task_rq_lock(p);
	update_rq_clock(rq);
	/* A real-time task keeps its priority; its nice value is only
	 * recorded (Linux tests the policy; here only the stop tasks have a
	 * real-time prio, sched_set_stop_task). */
	if (rt_prio(p->prio)) {
		WRITE_ONCE(p->static_prio, NICE_TO_PRIO(nice));
		goto out_unlock;
	}
	old_prio = p->prio;
	WRITE_ONCE(p->static_prio, NICE_TO_PRIO(nice));
	set_load_weight(p, true);
	WRITE_ONCE(p->prio, p->static_prio);
	delta = p->prio - old_prio;
	if (p->on_rq && (delta < 0 || (delta > 0 && rq->curr == p)))
		resched_curr(rq);
out_unlock:
	spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

int can_nice(const struct task_struct *p, const int nice)
{
	/* Convert nice value [19,-20] to rlimit style value [1,40]: */
	int nice_rlim = MAX_NICE - nice + 1;

	return nice_rlim <= task_rlimit(p, RLIMIT_NICE) || capable(CAP_SYS_NICE);
}

/* The task @pid names (0: the caller), with a reference for the caller to
 * put_task_struct() (Linux's find_process_by_pid under RCU, then
 * get_task_struct). RETURNS: NULL if there is none. */
static struct task_struct *find_get_process_by_pid(pid_t pid)
{
	struct task_struct *p;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	p = pid ? find_task_by_vpid(pid) : current;
	if (p)
		get_task_struct(p);
	read_unlock(&tasklist_lock);
	return p;
}

/* Does p belong to the caller's effective uid? Its ids are read under its
 * alloc_lock, which commit_creds() takes (Linux reads them under RCU). */
static bool check_same_owner(struct task_struct *p)
{
	const struct cred *cred = &current->cred;
	unsigned long flags;
	uid_t uid, euid;

	spin_lock_irqsave(&p->alloc_lock, flags);
	uid = p->cred.uid;
	euid = p->cred.euid;
	spin_unlock_irqrestore(&p->alloc_lock, flags);
	return cred->euid == euid || cred->euid == uid;
}

/* CFS keeps no state that depends on the mask, so Linux's dequeue and
 * enqueue around the class's set_cpus_allowed are left out.
 * CONTEXT: p->pi_lock held, and task_rq(p)->lock unless p sleeps off
 * every runqueue (kthread_bind). */
void do_set_cpus_allowed(struct task_struct *p, const struct cpumask *new_mask)
{
	cpumask_copy(&p->cpus_allowed, new_mask);
	p->nr_cpus_allowed = cpumask_weight(new_mask);
}

struct migration_arg {
	struct task_struct *task;
	int dest_cpu;
};

/* Move p, queued on rq, to dest_cpu unless its mask changed again since.
 * CONTEXT: p->pi_lock and rq->lock held, IRQs off. RETURNS: the runqueue
 * now locked. */
static struct rq *__migrate_task(struct rq *rq, struct task_struct *p, int dest_cpu)
{
	/* Affinity changed (again). */
	if (!cpumask_test_cpu(dest_cpu, &p->cpus_allowed))
		return rq;
	update_rq_clock(rq);
	return move_queued_task(rq, p, dest_cpu);
}

/*
 * migration_cpu_stop - this will be executed by a highprio stopper thread
 * and performs thread migration by bumping thread off CPU then 'pushing'
 * onto another runqueue (Linux's words). The stopper preempted the task,
 * which is queued here unless it went to sleep or another CPU pulled it
 * first. A task asleep is left alone: try_to_wake_up() places it by its
 * new mask (Linux also records the CPU in p->wake_cpu).
 * CONTEXT: the stopper thread of the CPU the task ran on. RETURNS: 0.
 */
static int migration_cpu_stop(void *data)
{
	struct migration_arg *arg = data;
	struct task_struct *p = arg->task;
	struct rq *rq = this_rq();

	local_irq_disable();
	spin_lock(&p->pi_lock);
	spin_lock(&rq->lock);
	if (task_rq(p) == rq && task_on_rq_queued(p))
		rq = __migrate_task(rq, p, arg->dest_cpu);
	spin_unlock(&rq->lock);
	spin_unlock(&p->pi_lock);
	local_irq_enable();
	return 0;
}

/*
 * __set_cpus_allowed_ptr - change where p may run, and move it off a CPU
 * it may no longer use before returning: a queued task at once
 * (move_queued_task); a running one by its CPU's stopper thread, which
 * preempts it (migration_cpu_stop), while the caller waits. Linux also
 * sends a TASK_WAKING task to the stopper; here try_to_wake_up() holds
 * p->pi_lock, taken first, from TASK_WAKING until p is queued.
 * CONTEXT: process context, no locks held; may sleep.
 * RETURNS: 0, or -EINVAL if @new_mask holds no online CPU.
 */
static int __set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	unsigned int dest_cpu;
	unsigned long flags;
	struct rq *rq;
	int ret = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	rq = task_rq_lock(p);
	update_rq_clock(rq);
	if (cpumask_equal(&p->cpus_allowed, new_mask))
		goto out;
	dest_cpu = cpumask_any_and(cpu_online_mask, new_mask);
	if (dest_cpu >= nr_cpu_ids) {
		ret = -EINVAL;
		goto out;
	}
	do_set_cpus_allowed(p, new_mask);
	/* Can the task run on the task's current CPU? If so, we're done. */
	if (cpumask_test_cpu(task_cpu(p), new_mask))
		goto out;
	if (task_running(rq, p)) {
		struct migration_arg arg = { p, dest_cpu };

		/* Need help from migration thread: drop lock and wait. */
		spin_unlock(&rq->lock);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		stop_one_cpu(rq->cpu, migration_cpu_stop, &arg);
		return 0;
	} else if (task_on_rq_queued(p)) {
		rq = move_queued_task(rq, p, dest_cpu);
	}
	/* Asleep: try_to_wake_up() picks an allowed CPU. */
out:
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return ret;
}

/**
 * sched_setaffinity - let the task @pid run only on the CPUs of @in_mask
 *
 * The caller must own the task (its effective uid is the task's uid or
 * effective uid) or have CAP_SYS_NICE. Linux also intersects the mask
 * with the task's cpuset; without cpusets that is every possible CPU.
 * RETURNS: 0, -ESRCH, -EPERM, or -EINVAL if no online CPU is left.
 */
static long sched_setaffinity(pid_t pid, const struct cpumask *in_mask)
{
	struct cpumask new_mask;
	struct task_struct *p;
	long retval;

	p = find_get_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	/* A per-CPU kernel thread (kthread_bind). Bound before user space
	 * runs, so Linux's second look under the locks has nothing to catch. */
	retval = -EINVAL;
	if (p->flags & PF_NO_SETAFFINITY)
		goto out_put_task;
	retval = -EPERM;
	if (!check_same_owner(p) && !capable(CAP_SYS_NICE))
		goto out_put_task;
	cpumask_and(&new_mask, in_mask, cpu_possible_mask);
	retval = __set_cpus_allowed_ptr(p, &new_mask);
out_put_task:
	put_task_struct(p);
	return retval;
}

/* A shorter user mask is zero-extended, a longer one cut to our size. */
static int get_user_cpu_mask(unsigned long __user *user_mask_ptr, unsigned int len,
			     struct cpumask *new_mask)
{
	if (len < cpumask_size())
		cpumask_clear(new_mask);
	else if (len > cpumask_size())
		len = cpumask_size();
	return copy_from_user(new_mask, user_mask_ptr, len) ? -EFAULT : 0;
}

/**
 * sys_sched_setaffinity - set the CPU affinity of a process
 * @pid: pid of the process (0: the caller)
 * @len: length in bytes of the bitmask pointed to by user_mask_ptr
 * @user_mask_ptr: user-space pointer to the new CPU mask
 *
 * RETURNS: 0, or -EFAULT, -ESRCH, -EPERM, -EINVAL (sched_setaffinity).
 */
long sys_sched_setaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask_ptr)
{
	struct cpumask new_mask;
	long retval;

	retval = get_user_cpu_mask(user_mask_ptr, len, &new_mask);
	if (retval == 0)
		retval = sched_setaffinity(pid, &new_mask);
	return retval;
}

/* The online CPUs task @pid may run on, into @mask. RETURNS: 0 or -ESRCH. */
static long sched_getaffinity(pid_t pid, struct cpumask *mask)
{
	struct task_struct *p = find_get_process_by_pid(pid);
	unsigned long flags;

	if (!p)
		return -ESRCH;
	spin_lock_irqsave(&p->pi_lock, flags);
	cpumask_and(mask, &p->cpus_allowed, cpu_online_mask); /* Linux: cpu_active_mask */
	spin_unlock_irqrestore(&p->pi_lock, flags);
	put_task_struct(p);
	return 0;
}

/**
 * sys_sched_getaffinity - get the CPU affinity of a process
 * @pid: pid of the process (0: the caller)
 * @len: length in bytes of the bitmask pointed to by user_mask_ptr
 * @user_mask_ptr: user-space pointer to hold the current CPU mask
 *
 * RETURNS: the size of the mask copied (cpumask_size(), 4 bytes), or
 * -EINVAL if @len has fewer bits than there are CPUs or is not a
 * multiple of a long, -ESRCH, -EFAULT.
 */
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask_ptr)
{
	struct cpumask mask;
	long ret;

	if ((len * BITS_PER_BYTE) < nr_cpu_ids)
		return -EINVAL;
	if (len & (sizeof(unsigned long) - 1))
		return -EINVAL;
	ret = sched_getaffinity(pid, &mask);
	if (ret == 0) {
		unsigned int retlen = min(len, cpumask_size());

		if (copy_to_user(user_mask_ptr, cpumask_bits(&mask), retlen))
			ret = -EFAULT;
		else
			ret = retlen;
	}
	return ret;
}

/* getcpu(cpu, node, cache): the CPU the caller runs on, node 0. */
long sys_getcpu(unsigned __user *cpup, unsigned __user *nodep, void __user *unused)
{
	int err = 0;
	int cpu = raw_smp_processor_id();

	if (cpup)
		err |= put_user(cpu, cpup);
	if (nodep)
		err |= put_user(0, nodep);
	return err ? -EFAULT : 0;
}

/* Context switches on all CPUs since boot (/proc/stat's ctxt). */
unsigned long long nr_context_switches(void)
{
	unsigned long long sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return sum;
}
