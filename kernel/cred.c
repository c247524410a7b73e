/* Changing a task's credentials (Linux's kernel/cred.c): a task copies its
 * set with prepare_creds(), edits the copy, and installs it with
 * commit_creds(); fork gives the child its own references to the same set.
 * See include/linux/cred.h for how this differs from Linux's RCU scheme. */
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <asm/barrier.h>

struct cred *prepare_creds(void)
{
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = current->cred;
	get_uid(new->user);
	get_group_info(new->group_info);
	return new;
}

void abort_creds(struct cred *new)
{
	free_uid(new->user);
	put_group_info(new->group_info);
	kfree(new);
}

/**
 * commit_creds - install @new as current's credentials
 *
 * A change of the effective or file-system ids makes the process not
 * dumpable, as Linux does, so that what it holds under its old identity
 * cannot be read through /proc by its new one. A change of real user moves
 * the process between the users' RLIMIT_NPROC counts.
 * CONTEXT: process context; @new came from prepare_creds(). RETURNS: 0.
 */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	struct cred old = task->cred;

	if (old.euid != new->euid || old.egid != new->egid || old.fsuid != new->fsuid ||
	    old.fsgid != new->fsgid) {
		if (task->mm)
			set_dumpable(task->mm, SUID_DUMP_DISABLE);
		/* ptrace_may_access() reads the creds, then the dumpable bits. */
		smp_wmb();
	}
	if (new->user != old.user)
		__atomic_fetch_add(&new->user->processes, 1, __ATOMIC_SEQ_CST);
	/* Readers of another task's set hold one of these three (see
	 * <linux/cred.h>); taken in the kernel's order. */
	write_lock_irq(&tasklist_lock);
	spin_lock(&task->alloc_lock);
	spin_lock(&task->sighand->siglock);
	task->cred = *new;
	spin_unlock(&task->sighand->siglock);
	spin_unlock(&task->alloc_lock);
	write_unlock_irq(&tasklist_lock);
	if (new->user != old.user)
		__atomic_fetch_sub(&old.user->processes, 1, __ATOMIC_SEQ_CST);
	/* The task's set took over @new's references; drop the old set's. */
	free_uid(old.user);
	put_group_info(old.group_info);
	kfree(new);
	return 0;
}

void copy_creds(struct task_struct *p)
{
	get_uid(p->cred.user);
	get_group_info(p->cred.group_info);
	__atomic_fetch_add(&p->cred.user->processes, 1, __ATOMIC_SEQ_CST);
}

void exit_creds(struct task_struct *tsk)
{
	free_uid(tsk->cred.user);
	put_group_info(tsk->cred.group_info);
}

/* Linux reads __task_cred(t) under rcu_read_lock(); the lock here is the
 * one commit_creds() installs a new set under. CONTEXT: any; @t pinned. */
void get_task_cred(struct task_struct *t, struct cred *cred)
{
	unsigned long flags;

	spin_lock_irqsave(&t->alloc_lock, flags);
	*cred = t->cred;
	get_uid(cred->user);
	get_group_info(cred->group_info);
	spin_unlock_irqrestore(&t->alloc_lock, flags);
}

void put_cred(struct cred *cred)
{
	free_uid(cred->user);
	put_group_info(cred->group_info);
}
