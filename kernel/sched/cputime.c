/* CPU time of a thread group (Linux's kernel/sched/cputime.c
 * thread_group_cputime): what its live threads used, plus what its dead
 * ones left in signal->utime/stime when they were released. The ticks
 * themselves are charged in scheduler_tick(). */
#include <linux/sched.h>
#include <linux/sched/signal.h>

/* CONTEXT: tsk->sighand->siglock or tasklist_lock held (the thread list). */
void thread_group_cputime(struct task_struct *tsk, u64 *ut, u64 *st)
{
	struct task_struct *t;

	*ut = tsk->signal->utime;
	*st = tsk->signal->stime;
	for_each_thread(tsk, t) {
		*ut += READ_ONCE(t->utime);
		*st += READ_ONCE(t->stime);
	}
}
