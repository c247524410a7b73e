/* The access check behind ptrace and /proc (Linux's kernel/ptrace.c
 * __ptrace_may_access; the rest of ptrace is not implemented). */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <asm/barrier.h>

static bool ptrace_has_cap(unsigned int mode)
{
	return capable(CAP_SYS_PTRACE);
}

/* Returns 0 on success, -errno on denial. CONTEXT: task_lock(task) held,
 * so that its credentials and mm stay put. */
static int __ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	const struct cred *cred = &current->cred, *tcred = &task->cred;
	struct mm_struct *mm;
	uid_t caller_uid;
	gid_t caller_gid;

	if (!(mode & PTRACE_MODE_FSCREDS) == !(mode & PTRACE_MODE_REALCREDS))
		return -EPERM; /* denying ptrace access check without PTRACE_MODE_*CREDS */
	/* Don't let security modules deny introspection */
	if (task->tgid == current->tgid)
		return 0;
	if (mode & PTRACE_MODE_FSCREDS) {
		caller_uid = cred->fsuid;
		caller_gid = cred->fsgid;
	} else {
		/*
		 * Using the euid would make more sense here, but something
		 * in userland might rely on the old behavior, and this
		 * shouldn't be a security problem since
		 * PTRACE_MODE_REALCREDS implies that the caller explicitly
		 * used a syscall that requests access to another process
		 * (and not a filesystem syscall to procfs).
		 */
		caller_uid = cred->uid;
		caller_gid = cred->gid;
	}
	if (!(caller_uid == tcred->euid && caller_uid == tcred->suid && caller_uid == tcred->uid &&
	      caller_gid == tcred->egid && caller_gid == tcred->sgid && caller_gid == tcred->gid) &&
	    !ptrace_has_cap(mode))
		return -EPERM;
	/*
	 * If a task drops privileges and becomes nondumpable (through a syscall
	 * like setresuid()) while we are trying to access it, we must ensure
	 * that the dumpability is read after the credentials; otherwise,
	 * we may be able to attach to a task that we shouldn't be able to
	 * attach to (as if the task had dropped privileges without becoming
	 * nondumpable).
	 * Pairs with a write barrier in commit_creds().
	 */
	smp_rmb();
	mm = task->mm;
	if (mm && get_dumpable(mm) != SUID_DUMP_USER && !ptrace_has_cap(mode))
		return -EPERM;
	return 0;
}

bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	unsigned long flags;
	int err;

	spin_lock_irqsave(&task->alloc_lock, flags);
	err = __ptrace_may_access(task, mode);
	spin_unlock_irqrestore(&task->alloc_lock, flags);
	return !err;
}
