/* The out of memory killer (Linux 4.19's mm/oom_kill.c): when a page
 * cannot be found for a process, the one whose memory would give back the
 * most (oom_badness: its resident pages, scaled by oom_score_adj) is sent
 * SIGKILL, and the kernel says so:
 *	Out of memory: Kill process 1234 (hog) score 912 or sacrifice child
 *	Killed process 1234 (hog) total-vm:3804kB, anon-rss:932712kB, ...
 * Until that victim's memory is freed (exit_mmap marks its mm
 * MMF_OOM_SKIP), nobody else is killed. Linux calls out_of_memory() from
 * the page allocator's slow path, where it can wait and retry; ours never
 * sleeps, so the page fault path calls it (pagefault_out_of_memory) and the
 * faulting access is simply retried. There is no oom_reaper: the victim
 * frees its own memory as it exits. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/time.h>

static DEFINE_SPINLOCK(oom_lock);	/* Linux's oom_lock mutex: one OOM at a time */

#define K(x) ((x) << (PAGE_SHIFT - 10))

/* This kernel counts a process's mapped pages in mm->total_vm; there is no
 * swap and no file page cache, so they are its rss (Linux's get_mm_rss). */
static unsigned long get_mm_rss(struct mm_struct *mm)
{
	return READ_ONCE(mm->total_vm);
}

/* Kernel threads and init are never killed (Linux's oom_unkillable_task). */
static bool oom_unkillable_task(struct task_struct *p)
{
	return p->tgid == 1 || (p->flags & PF_KTHREAD);
}

/*
 * The process has to be killed, but it might have no mm any more (its
 * leader exited): a thread of it that still has one, with task_lock held.
 * Linux's find_lock_task_mm(). CONTEXT: IRQs off (alloc_lock's rule,
 * kernel/fork.c). RETURNS: that thread, or NULL.
 */
static struct task_struct *find_lock_task_mm(struct task_struct *p)
{
	struct task_struct *t;

	for_each_thread(p, t) {
		spin_lock(&t->alloc_lock);
		if (likely(t->mm))
			return t;
		spin_unlock(&t->alloc_lock);
	}
	return NULL;
}

/**
 * oom_badness - heuristic function to determine which candidate task to kill
 * @p: task struct of which task we should calculate
 * @totalpages: total present RAM allowed for page allocation
 *
 * The heuristic for determining which task to kill is made to be as simple and
 * predictable as possible.  The goal is to return the highest value for the
 * task consuming the most memory to avoid subsequent oom failures.
 * CONTEXT: tasklist_lock held.
 */
unsigned long oom_badness(struct task_struct *p, unsigned long totalpages)
{
	long points, adj;

	if (oom_unkillable_task(p))
		return 0;
	p = find_lock_task_mm(p);
	if (!p)
		return 0;
	/* Do not even consider tasks which are explicitly marked oom
	 * unkillable or have been already oom reaped. */
	adj = (long)p->signal->oom_score_adj;
	if (adj == OOM_SCORE_ADJ_MIN ||
	    (READ_ONCE(p->mm->flags) & (1UL << MMF_OOM_SKIP))) {
		spin_unlock(&p->alloc_lock);
		return 0;
	}
	/* The baseline for the badness score is the proportion of RAM that
	 * each task's rss (and here no pagetable or swap) uses. */
	points = get_mm_rss(p->mm);
	spin_unlock(&p->alloc_lock);

	/* Normalize to oom_score_adj units */
	adj *= totalpages / 1000;
	points += adj;

	/* Never return 0 for an eligible task regardless of oom_score_adj. */
	return points > 0 ? points : 1;
}

/*
 * Weigh one process (Linux's oom_evaluate_task). RETURNS: 1 to abort the
 * scan: a victim is still dying, and killing another would not help.
 * CONTEXT: tasklist_lock held.
 */
static int oom_evaluate_task(struct task_struct *task, struct oom_control *oc)
{
	unsigned long points;

	if (oom_unkillable_task(task))
		return 0;
	/* This task is being killed already: don't allow any other to be,
	 * unless its memory has been given back (MMF_OOM_SKIP). */
	if (tsk_is_oom_victim(task)) {
		if (READ_ONCE(task->signal->oom_mm->flags) & (1UL << MMF_OOM_SKIP))
			return 0;
		if (oc->chosen)
			put_task_struct(oc->chosen);
		oc->chosen = (void *)-1UL;
		return 1;
	}
	points = oom_badness(task, oc->totalpages);
	if (!points || points < oc->chosen_points)
		return 0;
	if (oc->chosen)
		put_task_struct(oc->chosen);
	get_task_struct(task);
	oc->chosen = task;
	oc->chosen_points = points;
	return 0;
}

/* Simple selection loop. We choose the process with the highest number of
 * 'points'. In case scan was aborted, oc->chosen is set to -1. */
static void select_bad_process(struct oom_control *oc)
{
	struct task_struct *p;

	/* Linux: rcu_read_lock(). IRQs off for find_lock_task_mm(). */
	read_lock_irq(&tasklist_lock);
	list_for_each_entry(p, &all_tasks, tasks)
		if (oom_evaluate_task(p, oc))
			break;
	read_unlock_irq(&tasklist_lock);
	oc->chosen_points = oc->chosen_points * 1000 / oc->totalpages;
}

/* The process table the kernel prints before a kill (Linux's dump_tasks). */
static void dump_tasks(void)
{
	struct task_struct *p, *task;

	pr_info("Tasks state (memory values in pages):\n");
	pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	read_lock_irq(&tasklist_lock); /* Linux: rcu_read_lock() */
	list_for_each_entry(p, &all_tasks, tasks) {
		if (oom_unkillable_task(p))
			continue;
		task = find_lock_task_mm(p);
		if (!task)
			continue;
		pr_info("[%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s\n", task->pid,
			task->cred.uid, task->tgid, task->mm->total_vm, get_mm_rss(task->mm), 0L,
			0UL, task->signal->oom_score_adj, task->comm);
		spin_unlock(&task->alloc_lock);
	}
	read_unlock_irq(&tasklist_lock);
}

/* Linux's __ratelimit(&oom_rs) with DEFAULT_RATELIMIT_INTERVAL (5 s) and
 * DEFAULT_RATELIMIT_BURST (10): the full report at most 10 times in 5 s. */
static bool oom_report_ratelimit(void)
{
	static u64 begin;
	static int printed;
	u64 now = local_clock();

	if (!begin || now - begin > 5000000000ULL) {
		begin = now;
		printed = 0;
	}
	return printed++ < 10;
}

static void dump_header(struct oom_control *oc, struct task_struct *p)
{
	pr_warn("%s invoked oom-killer: gfp_mask=0x%x(%s), nodemask=(null), order=%d, "
		"oom_score_adj=%hd\n", current->comm, oc->gfp_mask,
		oc->gfp_mask == GFP_KERNEL ? "GFP_KERNEL" : "", oc->order,
		current->signal->oom_score_adj);
	dump_stack();
	/* show_mem(): lib/show_mem.c's summary (and Linux's free pages line) */
	pr_info("Mem-Info:\n");
	pr_info("free:%lu slab_unreclaimable:%lu\n", nr_free_pages(), nr_slab_pages());
	pr_info("%lu pages RAM\n", max_pfn - min_low_pfn);
	pr_info("0 pages HighMem/MovableOnly\n");
	pr_info("%lu pages reserved\n", max_pfn - min_low_pfn - totalram_pages);
	dump_tasks();
}

/* The group is the OOM killer's victim: remember its mm (Linux's
 * mark_oom_victim), so that nobody else dies until that mm is freed. */
static void mark_oom_victim(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm, *none = NULL;

	if (__atomic_compare_exchange_n(&tsk->signal->oom_mm, &none, mm, false, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE)) {
		__atomic_fetch_add(&mm->mm_count, 1, __ATOMIC_SEQ_CST);	/* mmgrab */
		__atomic_fetch_or(&mm->flags, 1UL << MMF_OOM_VICTIM, __ATOMIC_RELEASE);
	}
}

/* A task that is dying already will free its memory without help
 * (Linux's task_will_free_mem, for a single process). */
static bool task_will_free_mem(struct task_struct *task)
{
	return task->mm && (signal_group_exit(task->signal) || __fatal_signal_pending(task) ||
			    (task->flags & PF_EXITING));
}

/*
 * Send the victim SIGKILL and mark it. Linux walks the threads and locks
 * the victim's sighand under RCU; here tasklist_lock read-locked stands in
 * for it (sighands are freed under its write lock: lock_task_sighand's
 * contract), taken with IRQs off before the alloc_lock it nests above
 * (kernel/fork.c's rule).
 */
static void __oom_kill_process(struct task_struct *victim)
{
	struct task_struct *p;
	struct mm_struct *mm;

	read_lock_irq(&tasklist_lock);
	p = find_lock_task_mm(victim);
	if (!p) {
		read_unlock_irq(&tasklist_lock);
		return;
	}
	victim = p;
	mm = victim->mm;
	/* We should send SIGKILL before granting access to memory reserves
	 * in order to prevent the OOM victim from depleting the memory
	 * reserves from the user space under its control. */
	do_send_sig_info(SIGKILL, SEND_SIG_FORCED, victim, true);
	mark_oom_victim(victim);
	pr_err("Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB\n",
	       task_pid_nr(victim), victim->comm, K(mm->total_vm), K(get_mm_rss(mm)), 0UL, 0UL);
	spin_unlock(&victim->alloc_lock);
	read_unlock_irq(&tasklist_lock);
}

/*
 * Kill the chosen process, or the child of it that would free the most,
 * sparing the parent's work (Linux's oom_kill_process: "sacrifice child").
 */
static void oom_kill_process(struct oom_control *oc, const char *message)
{
	struct task_struct *p = oc->chosen, *victim = p, *t, *child;
	unsigned long victim_points = 0;

	/* If the task is already exiting, don't alarm the sysadmin or kill
	 * its children or threads, just let it die quickly. */
	spin_lock_irq(&p->alloc_lock);
	if (task_will_free_mem(p)) {
		spin_unlock_irq(&p->alloc_lock);
		mark_oom_victim(p);
		put_task_struct(p);
		return;
	}
	spin_unlock_irq(&p->alloc_lock);

	if (oom_report_ratelimit())
		dump_header(oc, p);
	pr_err("%s: Kill process %d (%s) score %lu or sacrifice child\n", message, task_pid_nr(p),
	       p->comm, oc->chosen_points);

	/* If any of p's children has a different mm and is eligible for
	 * kill, the one with the highest oom_badness() score is sacrificed
	 * for its parent. */
	read_lock_irq(&tasklist_lock); /* IRQs off for oom_badness's alloc_lock */
	for_each_thread(p, t) {
		list_for_each_entry(child, &t->children, sibling) {
			unsigned long child_points;

			if (child->mm == p->mm)
				continue;
			child_points = oom_badness(child, oc->totalpages);
			if (child_points > victim_points) {
				put_task_struct(victim);
				victim = child;
				victim_points = child_points;
				get_task_struct(victim);
			}
		}
	}
	read_unlock_irq(&tasklist_lock);

	__oom_kill_process(victim);
	put_task_struct(victim);
}

/**
 * out_of_memory - kill the "best" process when we run out of memory
 * @oc: pointer to struct oom_control
 *
 * If we run out of memory, we have the choice between either
 * killing a random task (bad), letting the system crash (worse)
 * OR try to be smart about which process to kill. Note that we
 * don't have to be perfect here, we just have to be good.
 * RETURNS: true if a process was killed or is being killed.
 */
bool out_of_memory(struct oom_control *oc)
{
	/* If current has a pending SIGKILL or is exiting, then automatically
	 * select it. The goal is to allow it to allocate so that it may
	 * quickly exit and free its memory. */
	if (task_will_free_mem(current)) {
		mark_oom_victim(current);
		return true;
	}
	oc->totalpages = totalram_pages ? totalram_pages : 1;
	select_bad_process(oc);
	/* Found nothing?!?! Linux panics ("System is deadlocked on memory");
	 * here only user page faults get here, and they can give up. */
	if (!oc->chosen) {
		if (oom_report_ratelimit()) {
			dump_header(oc, NULL);
			pr_warn("Out of memory and no killable processes...\n");
		}
		return false;
	}
	if (oc->chosen != (void *)-1UL)
		oom_kill_process(oc, "Out of memory");
	return true;
}

/*
 * The pagefault handler calls here because it is out of memory: kill a
 * process, and let the fault be retried once its memory is back (or until
 * the faulting task itself is the one killed). The slabs every CPU holds
 * empty go back first (what alloc_pages' last resort cannot take: it may
 * run with IRQs off); Linux's allocator reclaims before it kills too.
 * CONTEXT: process, no lock held (do_page_fault has dropped mmap_lock).
 */
void pagefault_out_of_memory(void)
{
	struct oom_control oc = {
		.gfp_mask = 0,
		.order = 0,
	};

	if (!spin_trylock(&oom_lock))
		return;
	if (!irqs_disabled())
		kmem_cache_shrink_all(true);
	out_of_memory(&oc);
	spin_unlock(&oom_lock);
}
