/* Creating tasks: fork, vfork, clone and kernel threads (Linux 4.19's
 * kernel/fork.c). Every path goes sys_{fork,vfork,clone} -> _do_fork ->
 * copy_process -> wake_up_new_task, as in the seed's trace:
 *	copy_process <- _do_fork <- sys_clone <- ret_fast_syscall
 * copy_process duplicates the task and, per clone flag, shares or copies
 * the address space (copy-on-write), files, fs, signal handlers and the
 * thread group's signal state. */
#include <linux/capability.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/ftrace.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <uapi/linux/sched.h>
#include <asm/uaccess.h>
#include <trace/events/sched.h>
#define CREATE_TRACE_POINTS
#include <trace/events/task.h>
#include "sched/sched.h"

/*
 * The task list, the parent/child links, process groups and sessions, the
 * pid hash (Linux's tasklist_lock, include/linux/sched/task.h). Changed
 * only by writers (fork, exit, release, exec's de_thread, setpgid,
 * setsid, commit_creds here), with write_lock_irq; looked at by readers,
 * who may run in an interrupt handler (the tick's it_real_fn ->
 * kill_pid_info, where Linux has RCU instead). So every lock taken while
 * holding it for writing (a task's alloc_lock, siglock, pi_lock, the
 * runqueues') must never be held with IRQs on anywhere: a CPU holding one
 * with IRQs on may take the tick, spin in read_lock there behind a writer,
 * and never let go of the lock that writer waits for (lockdep's
 * "HARDIRQ-safe -> HARDIRQ-unsafe lock order").
 */
DEFINE_RWLOCK(tasklist_lock);
LIST_HEAD(all_tasks);
int nr_threads; /* tasks alive, against max_threads */
int max_threads; /* tunable limit on nr_threads */

static struct kmem_cache *task_struct_cachep;
struct kmem_cache *sighand_cachep; /* exec (de_thread) makes them too */
static struct kmem_cache *signal_cachep;
static struct kmem_cache *mm_cachep;
/* Handed out since boot (/proc/stat's processes). CONTEXT: tasklist_lock
 * write-locked. */
unsigned long total_forks;

int copy_thread(unsigned long clone_flags, unsigned long stack_start, unsigned long stk_sz,
		struct task_struct *p, unsigned long tls);

static void free_signal_struct(struct signal_struct *sig)
{
	if (sig->oom_mm)
		mmdrop(sig->oom_mm);
	kmem_cache_free(signal_cachep, sig);
}

static void put_signal_struct(struct signal_struct *sig)
{
	if (__atomic_sub_fetch(&sig->sigcnt, 1, __ATOMIC_SEQ_CST) == 0)
		free_signal_struct(sig);
}

void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (__atomic_sub_fetch(&sighand->count, 1, __ATOMIC_SEQ_CST) == 0)
		kmem_cache_free(sighand_cachep, sighand);
}

/* The last reference is gone: free the stack and the task. */
void __put_task_struct(struct task_struct *tsk)
{
	put_signal_struct(tsk->signal);
	exit_creds(tsk);
	ftrace_graph_exit_task(tsk);
	free_pages((unsigned long)tsk->stack, THREAD_SIZE_ORDER);
	kmem_cache_free(task_struct_cachep, tsk);
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	struct thread_info *ti;

	if (!tsk)
		return NULL;
	ti = (struct thread_info *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!ti) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	ftrace_graph_init_task(tsk);
	tsk->stack = ti;
	*ti = *task_thread_info(orig);
	ti->task = tsk;
	ti->flags &= _TIF_SYSCALL_TRACEPOINT; /* no pending work is inherited */
	/* One reference for the task itself (dropped after its last
	 * schedule()), one for whoever reaps it (release_task). */
	tsk->usage = 2;
	return tsk;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	mm->flags = current->mm ? current->mm->flags & MMF_INIT_MASK : 0;
	INIT_LIST_HEAD(&mm->mmap);
	spin_lock_init(&mm->mmap_lock);
	mm->mm_users = 1;
	mm->mm_count = 1;
	if (pgd_alloc(mm)) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* Drop a reference to the mm_struct itself (not its pages). */
void mmdrop(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_count, 1, __ATOMIC_SEQ_CST) == 0) {
		pgd_free(mm);
		kmem_cache_free(mm_cachep, mm);
	}
}

/* Decrement the use count and release all resources for an mm. */
void mmput(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_users, 1, __ATOMIC_SEQ_CST) == 0) {
		spin_lock(&mm->mmap_lock);
		exit_mmap(mm);
		spin_unlock(&mm->mmap_lock);
		set_mm_exe_file(mm, NULL);
		mmdrop(mm);
	}
}

static struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	set_mm_exe_file(mm, oldmm->exe_file);
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	/* Are we cloning a kernel thread? We need to steal a active VM for
	 * that.. */
	if (!oldmm)
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(tsk, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (clone_flags & CLONE_FS) {
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files, *newf;
	int error = 0;

	if (clone_flags & CLONE_FILES) {
		__atomic_fetch_add(&oldf->count, 1, __ATOMIC_SEQ_CST);
		return 0;
	}
	newf = dup_fd(oldf, &error);
	if (!newf)
		return error;
	tsk->files = newf;
	return 0;
}

static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;

	if (clone_flags & CLONE_SIGHAND) {
		__atomic_fetch_add(&current->sighand->count, 1, __ATOMIC_SEQ_CST);
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	tsk->sighand = sig;
	if (!sig)
		return -ENOMEM;
	sig->count = 1;
	spin_lock_init(&sig->siglock);
	spin_lock_irq(&current->sighand->siglock);
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	spin_unlock_irq(&current->sighand->siglock);
	return 0;
}

static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD)
		return 0;
	sig = kmem_cache_alloc(signal_cachep, GFP_KERNEL);
	tsk->signal = sig;
	if (!sig)
		return -ENOMEM;
	memset(sig, 0, sizeof(*sig));
	sig->nr_threads = 1;
	sig->live = 1;
	sig->sigcnt = 1;
	/* list_add(thread_node, thread_head) without INIT_LIST_HEAD() */
	sig->thread_head.next = sig->thread_head.prev = &tsk->thread_node;
	tsk->thread_node.next = tsk->thread_node.prev = &sig->thread_head;
	init_waitqueue_head(&sig->wait_chldexit);
	sig->curr_target = tsk;
	timer_setup(&sig->real_timer, it_real_fn, 0);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	sigemptyset(&sig->shared_pending.signal);
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	sig->pgrp = current->signal->pgrp;
	sig->session = current->signal->session;
	sig->tty = current->signal->tty;
	sig->oom_score_adj = current->signal->oom_score_adj;
	return 0;
}

static void exit_signal_struct(struct task_struct *tsk, unsigned long clone_flags)
{
	if (!(clone_flags & CLONE_THREAD))
		free_signal_struct(tsk->signal);
}

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = tidptr;
	return task_pid_nr(current);
}

/*
 * This creates a new process as a copy of the old one,
 * but does not actually start it yet.
 *
 * It copies the registers, and all the appropriate
 * parts of the process environment (as per the clone
 * flags). The actual kick-off is left to the caller.
 */
static noinline __noclone struct task_struct *
copy_process(unsigned long clone_flags, unsigned long stack_start, unsigned long stack_size,
	     int __user *child_tidptr, unsigned long tls)
{
	struct task_struct *p;
	struct pid *pid;
	int retval;

	/* Thread groups must share signals as well, and detached threads
	 * can only be started up within the thread group. Shared signal
	 * handlers imply shared VM. */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	/* Namespaces do not exist here. */
	if (clone_flags & (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |
			   CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP))
		return ERR_PTR(-EINVAL);

	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);

	/* Only root (and INIT_USER's own tasks) may go past RLIMIT_NPROC. */
	retval = -EAGAIN;
	if (READ_ONCE(p->cred.user->processes) >= task_rlimit(p, RLIMIT_NPROC)) {
		if (p->cred.user != INIT_USER && !capable(CAP_SYS_RESOURCE) &&
		    !capable(CAP_SYS_ADMIN))
			goto bad_fork_free;
	}
	current->flags &= ~PF_NPROC_EXCEEDED;
	copy_creds(p);

	/*
	 * If multiple threads are within copy_process(), then this check
	 * triggers too late. This doesn't hurt, the check is only there
	 * to stop root fork bombs.
	 */
	retval = -EAGAIN;
	if (nr_threads >= max_threads)
		goto bad_fork_cleanup_count;

	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	spin_lock_init(&p->alloc_lock);
	spin_lock_init(&p->pi_lock);
	INIT_LIST_HEAD(&p->pending.list);
	sigemptyset(&p->pending.signal);
	sigemptyset(&p->real_blocked);
	p->utime = p->stime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->start_time = ktime_get_ns();
	p->jobctl = 0;
	p->pagefault_disabled = 0;
	p->vfork_done = NULL;
	p->exit_state = 0;
	p->exit_code = 0;
	p->flags &= ~(PF_IDLE | PF_EXITING | PF_SIGNALED);
	p->flags |= PF_FORKNOEXEC;

	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_count;
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_count;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_thread(clone_flags, stack_start, stack_size, p, tls);
	if (retval)
		goto bad_fork_cleanup_mm;

	pid = alloc_pid();
	if (IS_ERR(pid)) {
		retval = PTR_ERR(pid);
		goto bad_fork_cleanup_mm;
	}
	p->pid = pid->nr;
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? child_tidptr : NULL;
	/* Clear TID on mm_release()? */
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? child_tidptr : NULL;
	p->robust_list = NULL;
	/* sigaltstack should be cleared when sharing the same VM */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		sas_ss_reset(p);
	rseq_fork(p, clone_flags);

	/* ok, now we should be set up.. */
	if (clone_flags & CLONE_THREAD) {
		p->exit_signal = -1;
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
	} else {
		/* CLONE_PARENT shouldn't allow to set ->exit_signal: the new
		 * parent did not ask for this child or its signal. */
		if (clone_flags & CLONE_PARENT)
			p->exit_signal = current->group_leader->exit_signal;
		else
			p->exit_signal = clone_flags & CSIGNAL;
		p->group_leader = p;
		p->tgid = p->pid;
	}

	/* Make it visible to the rest of the system, but dont wake it up yet. */
	write_lock_irq(&tasklist_lock);
	/* CLONE_PARENT re-uses the old parent */
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;

	spin_lock(&current->sighand->siglock);
	/* Process group exit or fatal signals: the child would only die.
	 * Any other signal: restart the fork once it is handled, so the
	 * child is not created twice by a handler that forks too. */
	if (signal_pending(current)) {
		spin_unlock(&current->sighand->siglock);
		free_pid(pid);
		write_unlock_irq(&tasklist_lock);
		retval = -ERESTARTNOINTR;
		goto bad_fork_cleanup_mm;
	}
	p->thread_pid = pid;
	if (thread_group_leader(p)) {
		p->signal->pids[PIDTYPE_TGID] = pid;
		attach_pid(p, PIDTYPE_TGID);
		/* is_child_reaper: the global init ignores the signals it has
		 * no handler for, even SIGKILL from user space. */
		if (p->pid == 1)
			p->signal->flags |= SIGNAL_UNKILLABLE;
		list_add_tail(&p->sibling, &p->real_parent->children);
		list_add_tail(&p->tasks, &all_tasks);
	} else {
		current->signal->nr_threads++;
		__atomic_fetch_add(&current->signal->live, 1, __ATOMIC_SEQ_CST);
		__atomic_fetch_add(&current->signal->sigcnt, 1, __ATOMIC_SEQ_CST);
		list_add_tail(&p->thread_node, &p->signal->thread_head);
	}
	attach_pid(p, PIDTYPE_PID);
	nr_threads++;
	total_forks++;
	spin_unlock(&current->sighand->siglock);
	write_unlock_irq(&tasklist_lock);
	trace_task_newtask(p, clone_flags);
	return p;

bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_signal:
	exit_signal_struct(p, clone_flags);
bad_fork_cleanup_sighand:
	if (p->sighand)
		__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup_count:
	__atomic_fetch_sub(&p->cred.user->processes, 1, __ATOMIC_SEQ_CST);
	exit_creds(p);
bad_fork_free:
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kmem_cache_free(task_struct_cachep, p);
	return ERR_PTR(retval);
}

static void complete_vfork_done(struct task_struct *tsk)
{
	struct completion *vfork;

	spin_lock_irq(&tsk->alloc_lock);
	vfork = tsk->vfork_done;
	if (likely(vfork)) {
		tsk->vfork_done = NULL;
		complete(vfork);
	}
	spin_unlock_irq(&tsk->alloc_lock);
}

/* The parent of a vfork waits until the child execs or exits, since the
 * child runs on its memory. A fatal signal ends the wait early. */
static int wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
	int killed = wait_for_completion_killable(vfork);

	if (killed) {
		spin_lock_irq(&child->alloc_lock);
		child->vfork_done = NULL;
		spin_unlock_irq(&child->alloc_lock);
	}
	put_task_struct(child);
	return killed;
}

/* Please note the differences between mmput and mm_release.
 * mmput is called whenever we stop holding onto a mm_struct,
 * error success whatever.
 *
 * mm_release is called after a mm_struct has been removed
 * from the current process: on exit and exec. It marks the robust futexes
 * the task holds as dead, wakes the vfork parent and, for a thread created
 * with CLONE_CHILD_CLEARTID, clears the tid
 * word and wakes a futex waiter on it (how pthread_join works). */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	/* Get rid of any futexes when releasing the mm */
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
	if (tsk->clear_child_tid) {
		if (mm->mm_users > 1) {
			/* We don't check the error code - if userspace has not
			 * set up a proper pointer then tough luck. */
			put_user(0, tsk->clear_child_tid);
			futex_wake((u32 __user *)tsk->clear_child_tid, 1);
		}
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done)
		complete_vfork_done(tsk);
}

/*
 *  Ok, this is the main fork-routine.
 *
 * It copies the process, and if successful kick-starts
 * it and waits for it to finish using the VM if required.
 */
noinline long _do_fork(unsigned long clone_flags, unsigned long stack_start,
		       unsigned long stack_size, int __user *parent_tidptr,
		       int __user *child_tidptr, unsigned long tls)
{
	struct completion vfork;
	struct task_struct *p;
	long nr;

	p = copy_process(clone_flags, stack_start, stack_size, child_tidptr, tls);
	if (IS_ERR(p))
		return PTR_ERR(p);

	/* Do this prior waking up the new thread - the thread pointer might
	 * get invalid after that point, if the thread exits quickly. */
	trace_sched_process_fork(current, p);
	nr = task_pid_nr(p);

	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(nr, parent_tidptr);
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}

	wake_up_new_task(p);

	if (clone_flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

/*
 * Create a kernel thread.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	return _do_fork(flags | CLONE_VM | CLONE_UNTRACED, (unsigned long)fn, (unsigned long)arg,
			NULL, NULL, 0);
}

long sys_fork(void)
{
	return _do_fork(SIGCHLD, 0, 0, NULL, NULL, 0);
}

long sys_vfork(void)
{
	return _do_fork(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, 0, NULL, NULL, 0);
}

/* ARM's argument order (CONFIG_CLONE_BACKWARDS): flags, newsp, parent_tidptr,
 * tls, child_tidptr. */
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tidptr,
	       unsigned long tls, int __user *child_tidptr)
{
	return _do_fork(clone_flags, newsp, 0, parent_tidptr, child_tidptr, tls);
}

/* The idle task of a secondary CPU: a copy of init_task with pid 0 that is
 * on no list (Linux's fork_idle). */
struct task_struct *fork_idle(int cpu)
{
	struct task_struct *p = dup_task_struct(&init_task);

	if (!p)
		panic("fork_idle: out of memory for CPU%d's idle task", cpu);
	INIT_LIST_HEAD(&p->se.run_node);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->pending.list);
	spin_lock_init(&p->pi_lock);
	spin_lock_init(&p->alloc_lock);
	memset(&task_thread_info(p)->cpu_context, 0, sizeof(struct cpu_context_save));
	return p;
}

#define MIN_THREADS 20
#define MAX_THREADS 0x3fffffff /* FUTEX_TID_MASK */

/*
 * set_max_threads: the number of threads shall be limited such that the
 * thread structures may only consume a small part of the available memory
 * (an eighth, counting the kernel stacks).
 */
static void set_max_threads(unsigned int max_threads_suggested)
{
	u64 threads = (u64)totalram_pages * PAGE_SIZE / (THREAD_SIZE * 8UL);

	if (threads > max_threads_suggested)
		threads = max_threads_suggested;
	max_threads = threads < MIN_THREADS ? MIN_THREADS : threads > MAX_THREADS ? MAX_THREADS : threads;
}

/* The task cache, max_threads, and init's process and signal limits,
 * which every task inherits: half of max_threads each, as Linux. */
void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 0, 0);
	set_max_threads(MAX_THREADS);
	init_task.signal->rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
	init_task.signal->rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
	init_task.signal->rlim[RLIMIT_SIGPENDING] = init_task.signal->rlim[RLIMIT_NPROC];
}

void proc_caches_init(void)
{
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 0, 0);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct), 0, 0);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0, 0);
	pid_idr_init();
}
