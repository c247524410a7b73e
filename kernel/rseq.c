/* Restartable sequences (Linux 4.19's kernel/rseq.c): a thread registers a
 * struct rseq with rseq(2); on every return to user space after it was
 * preempted, migrated or given a signal the kernel writes the CPU it runs
 * on into the area and, if the thread was inside the critical section its
 * rseq_cs points at, sends it to the section's abort_ip instead. glibc 2.35
 * on registers one for every thread. Linux's rseq tracepoints and
 * CONFIG_DEBUG_RSEQ's syscall check are left out. */
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <uapi/linux/rseq.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>

#define RSEQ_CS_PREEMPT_MIGRATE_FLAGS (RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE | \
				       RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT)

static int rseq_update_cpu_id(struct task_struct *t)
{
	u32 cpu_id = raw_smp_processor_id();

	if (put_user(cpu_id, &t->rseq->cpu_id_start))
		return -EFAULT;
	if (put_user(cpu_id, &t->rseq->cpu_id))
		return -EFAULT;
	return 0;
}

static int rseq_reset_rseq_cpu_id(struct task_struct *t)
{
	u32 cpu_id_start = 0, cpu_id = RSEQ_CPU_ID_UNINITIALIZED;

	/* Reset cpu_id_start to its initial state (0). */
	if (put_user(cpu_id_start, &t->rseq->cpu_id_start))
		return -EFAULT;
	/* Reset cpu_id to RSEQ_CPU_ID_UNINITIALIZED, so any user coming in
	 * after unregistration can figure out that rseq needs to be
	 * registered again. */
	if (put_user(cpu_id, &t->rseq->cpu_id))
		return -EFAULT;
	return 0;
}

/* Read and check the section descriptor the thread's rseq_cs points at:
 * all of it in user space, abort_ip outside the section and preceded by
 * the registered signature. RETURNS: 0 (a zeroed @rseq_cs if none), or
 * -EFAULT/-EINVAL. */
static int rseq_get_rseq_cs(struct task_struct *t, struct rseq_cs *rseq_cs)
{
	struct rseq_cs __user *urseq_cs;
	u64 ptr;
	u32 __user *usig;
	u32 sig;
	int ret;

	if (copy_from_user(&ptr, &t->rseq->rseq_cs.ptr64, sizeof(ptr)))
		return -EFAULT;
	if (!ptr) {
		memset(rseq_cs, 0, sizeof(*rseq_cs));
		return 0;
	}
	if (ptr >= TASK_SIZE)
		return -EINVAL;
	urseq_cs = (struct rseq_cs __user *)(unsigned long)ptr;
	if (copy_from_user(rseq_cs, urseq_cs, sizeof(*rseq_cs)))
		return -EFAULT;

	if (rseq_cs->start_ip >= TASK_SIZE ||
	    rseq_cs->start_ip + rseq_cs->post_commit_offset >= TASK_SIZE ||
	    rseq_cs->abort_ip >= TASK_SIZE ||
	    rseq_cs->version > 0)
		return -EINVAL;
	/* Check for overflow. */
	if (rseq_cs->start_ip + rseq_cs->post_commit_offset < rseq_cs->start_ip)
		return -EINVAL;
	/* Ensure that abort_ip is not in the critical section. */
	if (rseq_cs->abort_ip - rseq_cs->start_ip < rseq_cs->post_commit_offset)
		return -EINVAL;

	usig = (u32 __user *)(unsigned long)(rseq_cs->abort_ip - sizeof(u32));
	ret = get_user(sig, usig);
	if (ret)
		return ret;

	if (current->rseq_sig != sig) {
		printk_ratelimited(KERN_WARNING
			"Possible attack attempt. Unexpected rseq signature 0x%x, expecting 0x%x (pid=%d, addr=%p).\n",
			sig, current->rseq_sig, current->pid, usig);
		return -EINVAL;
	}
	return 0;
}

/* RETURNS: 1 if an event since the last return to user space calls for a
 * restart (the thread's and the section's flags do not inhibit it), 0 if
 * not, or -EFAULT/-EINVAL. The events are consumed. */
static int rseq_need_restart(struct task_struct *t, u32 cs_flags)
{
	u32 flags, event_mask;
	unsigned long irqflags;
	int ret;

	/* Get thread flags. */
	ret = get_user(flags, &t->rseq->flags);
	if (ret)
		return ret;

	/* Take critical section flags into account. */
	flags |= cs_flags;

	/*
	 * Restart on signal can only be inhibited when restart on
	 * preempt and restart on migrate are inhibited too. Otherwise,
	 * a preempted signal handler could fail to restart the prior
	 * execution context on sigreturn.
	 */
	if (unlikely((flags & RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL) &&
		     (flags & RSEQ_CS_PREEMPT_MIGRATE_FLAGS) != RSEQ_CS_PREEMPT_MIGRATE_FLAGS))
		return -EINVAL;

	/* Load and clear event mask atomically with respect to scheduler
	 * preemption (Linux disables preemption; we mask the interrupts
	 * that could preempt us). */
	local_irq_save(irqflags);
	event_mask = t->rseq_event_mask;
	t->rseq_event_mask = 0;
	local_irq_restore(irqflags);

	return !!(event_mask & ~flags);
}

/* The rseq_cs field is set to NULL on preemption or signal delivery on
 * top of rseq assembly block, as well as on top of code outside of the
 * rseq assembly block. This performs a lazy clear of the rseq_cs field. */
static int clear_rseq_cs(struct task_struct *t)
{
	if (clear_user(&t->rseq->rseq_cs.ptr64, sizeof(t->rseq->rseq_cs.ptr64)))
		return -EFAULT;
	return 0;
}

/* Unsigned comparison will be true when ip >= start_ip, and when
 * ip < start_ip + post_commit_offset. */
static bool in_rseq_cs(unsigned long ip, struct rseq_cs *rseq_cs)
{
	return ip - rseq_cs->start_ip < rseq_cs->post_commit_offset;
}

/* If the thread is stopped inside its critical section and must restart,
 * move its pc to the section's abort_ip. RETURNS: 0 or -errno. */
static int rseq_ip_fixup(struct pt_regs *regs)
{
	unsigned long ip = instruction_pointer(regs);
	struct task_struct *t = current;
	struct rseq_cs rseq_cs;
	int ret;

	ret = rseq_get_rseq_cs(t, &rseq_cs);
	if (ret)
		return ret;

	/* Handle potentially not being within a critical section. If not
	 * nested over a rseq critical section, restart is useless. Clear the
	 * rseq_cs pointer and return. */
	if (!in_rseq_cs(ip, &rseq_cs))
		return clear_rseq_cs(t);
	ret = rseq_need_restart(t, rseq_cs.flags);
	if (ret <= 0)
		return ret;
	ret = clear_rseq_cs(t);
	if (ret)
		return ret;
	instruction_pointer_set(regs, (unsigned long)rseq_cs.abort_ip);
	return 0;
}

/**
 * __rseq_handle_notify_resume - the fixup before a return to user space
 * @ksig: the signal being delivered, or NULL
 * @regs: the user registers
 *
 * Runs between any preemption or signal delivery and the return to user
 * space, so that the section's commit instruction only runs if the whole
 * section ran atomically with respect to other threads on the same CPU and
 * to signal handlers. A bad area or descriptor gets SIGSEGV, as in Linux.
 * CONTEXT: current, in process context, IRQs on.
 */
void __rseq_handle_notify_resume(struct ksignal *ksig, struct pt_regs *regs)
{
	struct task_struct *t = current;
	int ret, sig;

	if (unlikely(t->flags & PF_EXITING))
		return;
	if (unlikely(!access_ok(t->rseq, sizeof(*t->rseq))))
		goto error;
	ret = rseq_ip_fixup(regs);
	if (unlikely(ret < 0))
		goto error;
	if (unlikely(rseq_update_cpu_id(t)))
		goto error;
	return;

error:
	sig = ksig ? ksig->sig : 0;
	force_sigsegv(sig, t);
}

/* rseq(2): register @rseq for the calling thread (@flags 0) or, with
 * RSEQ_FLAG_UNREGISTER, unregister it; @sig is the signature every abort
 * handler must be preceded by. RETURNS: 0, -EINVAL (bad area, length or
 * flags, or another area registered), -EPERM (another signature), -EBUSY
 * (already registered) or -EFAULT. */
long sys_rseq(struct rseq __user *rseq, u32 rseq_len, int flags, u32 sig)
{
	int ret;

	if (flags & RSEQ_FLAG_UNREGISTER) {
		/* Unregister rseq for current thread. */
		if (current->rseq != rseq || !current->rseq)
			return -EINVAL;
		if (current->rseq_len != rseq_len)
			return -EINVAL;
		if (current->rseq_sig != sig)
			return -EPERM;
		ret = rseq_reset_rseq_cpu_id(current);
		if (ret)
			return ret;
		current->rseq = NULL;
		current->rseq_len = 0;
		current->rseq_sig = 0;
		return 0;
	}

	if (unlikely(flags))
		return -EINVAL;

	if (current->rseq) {
		/* If rseq is already registered, check whether the provided
		 * address differs from the prior one. */
		if (current->rseq != rseq || current->rseq_len != rseq_len)
			return -EINVAL;
		if (current->rseq_sig != sig)
			return -EPERM;
		/* Already registered. */
		return -EBUSY;
	}

	/* If there was no rseq previously registered, ensure the provided
	 * rseq is properly aligned and valid. */
	if (!IS_ALIGNED((unsigned long)rseq, __alignof__(*rseq)) || rseq_len != sizeof(*rseq))
		return -EINVAL;
	if (!access_ok(rseq, rseq_len))
		return -EFAULT;
	current->rseq = rseq;
	current->rseq_len = rseq_len;
	current->rseq_sig = sig;
	/* If rseq was previously inactive, and has just been registered,
	 * ensure the cpu_id_start and cpu_id fields are updated before
	 * returning to user-space. */
	rseq_set_notify_resume(current);

	return 0;
}
