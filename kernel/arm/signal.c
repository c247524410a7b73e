/* Signal delivery on ARM: building the frame on the user stack, entering
 * the handler, sigreturn, and the work done on the way back to user mode
 * (Linux 4.19's arch/arm/kernel/signal.c).
 *
 * A handler without SA_SIGINFO gets a struct sigframe and returns through
 * sigreturn (NR 119); one with SA_SIGINFO gets a struct rt_sigframe
 * (siginfo + ucontext) and rt_sigreturn (NR 173). It returns to lr: the
 * C library's sa_restorer with SA_RESTORER, else the kernel's trampoline
 * in the signal page mapped into every process (Linux's [sigpage]). */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/ucontext.h>
#include <asm/uaccess.h>
#include <asm/unistd.h>
#include <asm/vfpmodule.h>

struct sigframe {
	struct ucontext uc;
	unsigned long retcode[2];
};

struct rt_sigframe {
	struct siginfo info;
	struct sigframe sig;
};

/* The return trampolines (Linux's sigreturn_codes.S), ARM then Thumb:
 * "mov r7, #NR; svc #0" for sigreturn, then for rt_sigreturn. */
const unsigned long sigreturn_codes[7] = {
	0xe3a07000 | __NR_sigreturn, 0xef000000,
	0x2700 | __NR_sigreturn | (0xdf00 << 16),
	0xe3a07000 | __NR_rt_sigreturn, 0xef000000,
	0x2700 | __NR_rt_sigreturn | (0xdf00 << 16),
	0,
};

/* The frame's VFP block: magic, size and the thread's VFP registers, built
 * in kernel memory and written in one copy, as Linux 4.19 does. Linux
 * clears the whole block first; here only what the registers leave
 * unwritten is (from fpscr on: its two padding words): the same bytes. */
static int preserve_vfp_context(struct vfp_sigframe __user *frame)
{
	struct vfp_sigframe kframe;
	int err;

	__builtin_memset(&kframe.ufp.fpscr, 0, sizeof(kframe) - offsetof(struct vfp_sigframe, ufp.fpscr));
	kframe.magic = VFP_MAGIC;
	kframe.size = VFP_STORAGE_SIZE;
	err = vfp_preserve_user_clear_hwstate(&kframe.ufp, &kframe.ufp_exc);
	if (err)
		return err;
	return copy_to_user(frame, &kframe, sizeof(kframe)) ? -EFAULT : 0;
}

/* The frame's VFP block back into the thread, if it is one: the magic and
 * size must be the kernel's (a frame is not to be trusted). */
static int restore_vfp_context(char __user **auxp)
{
	struct vfp_sigframe frame;

	if (copy_from_user(&frame, *auxp, sizeof(frame)))
		return -EFAULT;
	if (frame.magic != VFP_MAGIC || frame.size != VFP_STORAGE_SIZE)
		return -EINVAL;
	*auxp += sizeof(frame);
	return vfp_restore_user_hwstate(&frame.ufp, &frame.ufp_exc);
}

/* uc_mcontext and the uc_sigmask that follows it, as the frame holds
 * them: written and read in one copy each (Linux 4.19 copies the two
 * separately; the bytes are the same). */
struct sigframe_context {
	struct sigcontext mcontext;
	sigset_t sigmask;
};
_Static_assert(offsetof(struct ucontext, uc_sigmask) ==
		       offsetof(struct ucontext, uc_mcontext) + sizeof(struct sigcontext),
	       "uc_sigmask follows uc_mcontext");

/* pt_regs holds r0..r15 in sigcontext's order, arm_r0..arm_pc: they go
 * between the two as one block (then cpsr), where Linux names each field
 * (the same values). */
#define SIGCONTEXT_R0_PC (offsetof(struct sigcontext, arm_pc) + sizeof(long) - \
			  offsetof(struct sigcontext, arm_r0))
_Static_assert(SIGCONTEXT_R0_PC == offsetof(struct pt_regs, ARM_pc) + sizeof(long) &&
		       offsetof(struct sigcontext, arm_fp) - offsetof(struct sigcontext, arm_r0) ==
			       offsetof(struct pt_regs, ARM_fp),
	       "sigcontext's arm_r0..arm_pc are pt_regs' uregs[0..15]");

/* Write the interrupted context into the frame's ucontext: registers,
 * the mask to restore, the VFP block and the coprocessor area's end marker.
 * RETURNS: non-zero if the user stack could not be written. */
static int setup_sigframe(struct sigframe __user *sf, struct pt_regs *regs, sigset_t *set)
{
	struct aux_sigframe __user *aux = (struct aux_sigframe __user *)sf->uc.uc_regspace;
	struct sigframe_context context;
	int err;

	context.mcontext.trap_no = current->thread.trap_no;
	context.mcontext.error_code = current->thread.error_code;
	context.mcontext.oldmask = set->sig[0];
	memcpy(&context.mcontext.arm_r0, regs->uregs, SIGCONTEXT_R0_PC);
	context.mcontext.arm_cpsr = regs->ARM_cpsr;
	context.mcontext.fault_address = current->thread.address;
	context.sigmask = *set;
	err = copy_to_user(&sf->uc.uc_mcontext, &context, sizeof(context)) ? 1 : 0;

	if (err == 0)
		err |= preserve_vfp_context(&aux->vfp);
	err |= put_user(0, &aux->end_magic);
	return err;
}

/* Load the registers and the signal mask saved in a frame that user space
 * may have edited. RETURNS: non-zero if the frame could not be read or its
 * registers would leave user mode (valid_user_regs has then forced the
 * CPSR back to USR mode, so the SIGSEGV that follows is delivered there). */
static int restore_sigframe(struct pt_regs *regs, struct sigframe __user *sf)
{
	struct sigframe_context context;
	struct sigcontext *sc = &context.mcontext;
	char __user *aux;
	int err;

	err = copy_from_user(&context, &sf->uc.uc_mcontext, sizeof(context)) ? 1 : 0;
	if (err == 0) {
		set_current_blocked(&context.sigmask);
		memcpy(regs->uregs, &sc->arm_r0, SIGCONTEXT_R0_PC);
		regs->ARM_cpsr = sc->arm_cpsr;
	}

	err |= !valid_user_regs(regs);
	aux = (char __user *)sf->uc.uc_regspace;
	if (err == 0)
		err |= restore_vfp_context(&aux);
	return err;
}

long sys_sigreturn(struct pt_regs *regs)
{
	struct sigframe __user *frame;

	/* Always make any pending restarted system calls return -EINTR */
	current->restart_block.fn = do_no_restart_syscall;

	/* Since we stacked the signal on a 64-bit boundary, then 'sp' should
	 * be word aligned here. If it's not, then the user is trying to mess
	 * with us. */
	if (regs->ARM_sp & 7)
		goto badframe;
	frame = (struct sigframe __user *)regs->ARM_sp;
	if (!access_ok(frame, sizeof(*frame)))
		goto badframe;
	if (restore_sigframe(regs, frame))
		goto badframe;
	return regs->ARM_r0;

badframe:
	force_sig(SIGSEGV, current);
	return 0;
}

long sys_rt_sigreturn(struct pt_regs *regs)
{
	struct rt_sigframe __user *frame;

	current->restart_block.fn = do_no_restart_syscall;
	if (regs->ARM_sp & 7)
		goto badframe;
	frame = (struct rt_sigframe __user *)regs->ARM_sp;
	if (!access_ok(frame, sizeof(*frame)))
		goto badframe;
	if (restore_sigframe(regs, &frame->sig))
		goto badframe;
	if (restore_altstack(&frame->sig.uc.uc_stack))
		goto badframe;
	return regs->ARM_r0;

badframe:
	force_sig(SIGSEGV, current);
	return 0;
}

/* Where the frame goes: below sp, or on the alternate stack, 8-aligned. */
static inline void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, int framesize)
{
	unsigned long sp = sigsp(regs->ARM_sp, ksig);
	void __user *frame = (void __user *)((sp - framesize) & ~7);

	/* Check that we can actually write to the signal frame. */
	if (!access_ok(frame, framesize))
		frame = NULL;
	return frame;
}

static int setup_return(struct pt_regs *regs, struct ksignal *ksig, unsigned long __user *rc,
			void __user *frame)
{
	unsigned long handler = (unsigned long)ksig->ka.sa.sa_handler;
	unsigned long retcode;
	int thumb = handler & 1;
	unsigned long cpsr = regs->ARM_cpsr & ~(PSR_f | PSR_E_BIT);
	unsigned int idx = thumb << 1;

	/* Clear the If-Then Thumb-2 execution state. ARM spec requires this
	 * to be all 000s in ARM mode. */
	cpsr &= ~PSR_IT_MASK;
	if (thumb)
		cpsr |= PSR_T_BIT;
	else
		cpsr &= ~PSR_T_BIT;

	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		idx += 3;
	/* Put the sigreturn code on the stack no matter which return
	 * mechanism we use in order to remain ABI compliant. */
	if (put_user(sigreturn_codes[idx], rc) || put_user(sigreturn_codes[idx + 1], rc + 1))
		return 1;
	if (ksig->ka.sa.sa_flags & SA_RESTORER)
		retcode = (unsigned long)ksig->ka.sa.sa_restorer;
	else
		retcode = SIGPAGE_ADDR + (idx << 2) + thumb;

	regs->ARM_r0 = ksig->sig;
	regs->ARM_sp = (unsigned long)frame;
	regs->ARM_lr = retcode;
	regs->ARM_pc = handler & ~1UL;
	regs->ARM_cpsr = cpsr;
	return 0;
}

static noinline int setup_frame(struct ksignal *ksig, sigset_t *set, struct pt_regs *regs)
{
	struct sigframe __user *frame = get_sigframe(ksig, regs, sizeof(*frame));
	int err = 0;

	if (!frame)
		return 1;
	/* Set uc.uc_flags to a value which sc.trap_no would never have. */
	err |= put_user(0x5ac3c35a, &frame->uc.uc_flags);
	err |= setup_sigframe(frame, regs, set);
	if (err == 0)
		err = setup_return(regs, ksig, frame->retcode, frame);
	return err;
}

static noinline int setup_rt_frame(struct ksignal *ksig, sigset_t *set, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame = get_sigframe(ksig, regs, sizeof(*frame));
	int err = 0;

	if (!frame)
		return 1;
	err |= copy_siginfo_to_user(&frame->info, &ksig->info);
	err |= put_user(0, &frame->sig.uc.uc_flags);
	err |= put_user(NULL, &frame->sig.uc.uc_link);
	err |= __save_altstack(&frame->sig.uc.uc_stack, regs->ARM_sp);
	err |= setup_sigframe(&frame->sig, regs, set);
	if (err == 0)
		err = setup_return(regs, ksig, frame->sig.retcode, frame);
	if (err == 0) {
		/* For realtime signals we must also set the second and third
		 * arguments for the signal handler.
		 *   -- Peter Maydell <pmaydell@chiark.greenend.org.uk> 2000-12-06 */
		regs->ARM_r1 = (unsigned long)&frame->info;
		regs->ARM_r2 = (unsigned long)&frame->sig.uc;
	}
	return err;
}

/*
 * OK, we're invoking a handler
 */
static noinline void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	sigset_t *oldset = sigmask_to_save();
	int ret;

	/* Increment event counter and perform fixup for the pre-signal
	 * frame. */
	rseq_signal_deliver(ksig, regs);

	/* Set up the stack frame */
	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		ret = setup_rt_frame(ksig, oldset, regs);
	else
		ret = setup_frame(ksig, oldset, regs);

	/* Check that the resulting registers are actually sane. */
	ret |= !valid_user_regs(regs);

	signal_setup_done(ret, ksig, 0);
}

/*
 * Note that 'init' is a special process: it doesn't get signals it doesn't
 * want to handle. Thus you cannot kill init even with a SIGKILL even by
 * mistake.
 *
 * Note that we go through the signals twice: once to check the signals that
 * the kernel can handle, and then we build all the user-level signal handling
 * stack-frames in one go after that.
 */
static noinline int do_signal(struct pt_regs *regs, int syscall)
{
	unsigned int retval = 0, continue_addr = 0, restart_addr = 0;
	struct ksignal ksig;
	int restart = 0;

	/* If we were from a system call, check for system call restarting... */
	if (syscall) {
		continue_addr = regs->ARM_pc;
		restart_addr = continue_addr - ((regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4);
		retval = regs->ARM_r0;

		/* Prepare for system call restart. We do this here so that a
		 * debugger will see the already changed PSW. */
		switch (retval) {
		case -ERESTART_RESTARTBLOCK:
			restart -= 2;
			/* fall through */
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			restart++;
			regs->ARM_r0 = regs->ARM_ORIG_r0;
			regs->ARM_pc = restart_addr;
			break;
		}
	}

	/* Get the signal to deliver. */
	if (get_signal(&ksig)) {
		/* handler */
		if (unlikely(restart) && regs->ARM_pc == restart_addr) {
			if (retval == (unsigned int)-ERESTARTNOHAND ||
			    retval == (unsigned int)-ERESTART_RESTARTBLOCK ||
			    (retval == (unsigned int)-ERESTARTSYS &&
			     !(ksig.ka.sa.sa_flags & SA_RESTART))) {
				regs->ARM_r0 = -EINTR;
				regs->ARM_pc = continue_addr;
			}
		}
		handle_signal(&ksig, regs);
	} else {
		/* no handler */
		restore_saved_sigmask();
		if (unlikely(restart) && regs->ARM_pc == restart_addr) {
			regs->ARM_pc = continue_addr;
			return restart;
		}
	}
	return 0;
}

/* Called from slow_work_pending with IRQs off, while thread_info->flags has
 * work in _TIF_WORK_MASK. RETURNS: non-zero to make the entry code restart
 * the syscall at once (negative: through restart_syscall). */
int do_work_pending(struct pt_regs *regs, unsigned int thread_flags, int syscall)
{
	do {
		if (likely(thread_flags & _TIF_NEED_RESCHED)) {
			schedule();
		} else {
			if (unlikely(!user_mode(regs)))
				return 0;
			local_irq_enable();
			if (thread_flags & _TIF_SIGPENDING) {
				int restart = do_signal(regs, syscall);
				if (unlikely(restart)) {
					/* Restart without handlers. Deal with it
					 * without leaving the kernel space. */
					return restart;
				}
				syscall = 0;
			} else {
				clear_thread_flag(TIF_NOTIFY_RESUME);
				rseq_handle_notify_resume(NULL, regs);
			}
		}
		local_irq_disable();
		thread_flags = current_thread_info()->flags;
	} while (thread_flags & _TIF_WORK_MASK);
	return 0;
}
