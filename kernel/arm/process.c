/* Architecture parts of tasks (Linux's arch/arm/kernel/process.c and
 * ptrace.c): a new task's first registers, the start of a freshly exec'd
 * program, the thread registers, where a sleeping task waits (wchan), and
 * the syscall trace hooks. */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <uapi/linux/sched.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/tls.h>
#include <asm/uaccess.h>
#include <asm/vdso.h>
#include <asm/unistd.h>
#include <asm/vfpmodule.h>
#include <trace/events/raw_syscalls.h>

extern char ret_from_fork[];
static DEFINE_PER_CPU(struct pt_regs *, irq_regs);

struct pt_regs *get_irq_regs(void)
{
	return per_cpu(irq_regs, smp_processor_id());
}

struct pt_regs *set_irq_regs(struct pt_regs *new_regs)
{
	struct pt_regs *old = per_cpu(irq_regs, smp_processor_id());

	per_cpu(irq_regs, smp_processor_id()) = new_regs;
	return old;
}

struct wchan_walk {
	unsigned long stack_page;
	int count; /* frames seen */
	unsigned long pc;
};

/* One frame of get_wchan's walk: Linux's loop body. The first frame, where
 * __switch_to was called from, is never the answer. */
static int wchan_frame(struct stackframe *frame, void *data)
{
	struct wchan_walk *w = data;

	if (frame->sp < w->stack_page || frame->sp >= w->stack_page + THREAD_SIZE)
		return 1;
	if (w->count++ && !in_sched_functions(frame->pc)) {
		w->pc = frame->pc;
		return 1;
	}
	return w->count > 16;
}

/*
 * get_wchan - where @p sleeps: the first return address on its stack
 * outside the __sched functions, for /proc/<pid>/wchan (Linux's).
 * RETURNS: it, or 0 for current, a running task, or a walk that finds none.
 */
unsigned long get_wchan(struct task_struct *p)
{
	struct wchan_walk w = { 0 };

	if (!p || p == current || p->state == TASK_RUNNING)
		return 0;
	w.stack_page = (unsigned long)task_stack_page(p);
	walk_stackframe_blocked(p, wchan_frame, &w);
	return w.pc;
}

/* Set up p's kernel stack so that its first switch-in runs ret_from_fork:
 * a kernel thread calls fn(arg) (stack_start, stk_sz); a user task returns
 * to user mode with a copy of our registers and r0 = 0. */
int copy_thread(unsigned long clone_flags, unsigned long stack_start, unsigned long stk_sz,
		struct task_struct *p, unsigned long tls)
{
	struct thread_info *thread = task_thread_info(p);
	struct pt_regs *childregs = task_pt_regs(p);

	memset(&thread->cpu_context, 0, sizeof(struct cpu_context_save));
	if (likely(!(p->flags & PF_KTHREAD))) {
		*childregs = *task_pt_regs(current);
		childregs->ARM_r0 = 0;
		if (stack_start)
			childregs->ARM_sp = stack_start;
	} else {
		memset(childregs, 0, sizeof(struct pt_regs));
		thread->cpu_context.r4 = stk_sz;
		thread->cpu_context.r5 = stack_start;
		childregs->ARM_cpsr = SVC_MODE;
	}
	thread->cpu_context.pc = (unsigned long)ret_from_fork;
	thread->cpu_context.sp = (unsigned long)childregs;
	if (clone_flags & CLONE_SETTLS)
		thread->tp_value[0] = tls;
	thread->tp_value[1] = get_tpuser();
	vfp_thread_copy(thread); /* Linux: thread_notify(THREAD_NOTIFY_COPY) */
	return 0;
}

/* At exec, the architecture state the old program leaves behind is
 * reset (Linux's flush_thread): the thread registers and the VFP ones. */
void flush_thread(void)
{
	flush_tls();
	vfp_thread_flush(current_thread_info()); /* THREAD_NOTIFY_FLUSH */
}

/* A task is exiting: release its architecture state (Linux's exit_thread). */
void exit_thread(struct task_struct *tsk)
{
	vfp_thread_exit(task_thread_info(tsk)); /* THREAD_NOTIFY_EXIT */
}

/* Registers for a program's first instruction (Linux's start_thread):
 * user mode, Thumb if the entry address is odd, sp at the initial stack. */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	memset(regs->uregs, 0, sizeof(regs->uregs));
	regs->ARM_cpsr = USR_MODE;
	if (pc & 1)
		regs->ARM_cpsr |= PSR_T_BIT;
	regs->ARM_pc = pc & ~1UL;
	regs->ARM_sp = sp;
}

/* The calls a C library of today tries first and falls back from when
 * they return -ENOSYS: those Linux added after 4.19 (400 on: the 64-bit
 * time calls, clone3, faccessat2...). */
static bool probed_by_libc(unsigned int no)
{
	return no >= 400 && no < 450;
}

/* Every syscall number without an implementation. The number is the
 * caller's r7 (EABI); one line at most every second says which, unless it
 * is one a C library probes. */
long sys_ni_syscall(void)
{
	static u64 last;
	static bool printed;
	unsigned int scno = task_pt_regs(current)->ARM_r7;
	u64 now = local_clock();

	if (probed_by_libc(scno))
		return -ENOSYS;
	if (!printed || now - last > 1000000000ULL) {
		printed = true;
		last = now;
		pr_info("%s[%d]: unimplemented syscall %u, returning -ENOSYS\n", current->comm,
			current->pid, scno);
	}
	return -ENOSYS;
}

/* raw_syscalls hooks, from __sys_trace in entry-common.S. As in Linux,
 * thread_info->syscall (syscall_get_nr) is recorded only on this path:
 * the untraced fast path does not store it. */
void syscall_trace_enter(struct pt_regs *regs, int scno)
{
	current_thread_info()->syscall = scno;
	trace_sys_enter(regs, scno);
}

void syscall_trace_exit(struct pt_regs *regs)
{
	trace_sys_exit(regs, regs->ARM_r0);
}

/* The signal page: the sigreturn trampolines, one physical page mapped
 * read-only and executable at SIGPAGE_ADDR in every process (Linux's
 * [sigpage], get_signal_page). */
static struct page *signal_page;

static const struct vm_special_mapping sigpage_mapping = {
	.name = "[sigpage]",
	.pages = &signal_page,
};

void signal_page_init(void)
{
	extern const unsigned long sigreturn_codes[7];
	unsigned long page = get_zeroed_page(GFP_KERNEL);

	if (!page)
		panic("no memory for the signal page");
	memcpy((void *)page, sigreturn_codes, sizeof(sigreturn_codes));
	flush_icache_range(page, page + PAGE_SIZE);
	signal_page = virt_to_page((void *)page);
}

/*
 * Map the signal page, then the vDSO's two mappings just above it (Linux's
 * arch_setup_additional_pages; at a fixed address, see SIGPAGE_ADDR).
 * A missing vDSO is not fatal, as in Linux: AT_SYSINFO_EHDR is then 0.
 * RETURNS: 0 or -ENOMEM. CONTEXT: mm->mmap_lock held.
 */
int arch_setup_additional_pages(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	vma = _install_special_mapping(mm, SIGPAGE_ADDR, PAGE_SIZE,
				       VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
				       &sigpage_mapping);
	if (IS_ERR(vma))
		return PTR_ERR(vma);

	/* Unlike the sigpage, failure to install the vdso is unlikely
	 * to be fatal to the process, so no error check needed
	 * here.
	 */
	arm_install_vdso(mm, SIGPAGE_ADDR + PAGE_SIZE);
	return 0;
}
