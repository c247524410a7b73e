/* Oopses, undefined instructions and the ARM-private syscalls: the register
 * dump, the backtrace and die(), the undefined-instruction hooks
 * (breakpoints, BUG), arm_syscall with cacheflush, and the vector page
 * (Linux's arch/arm/kernel/traps.c, process.c __show_regs and
 * unwind_backtrace); the backtrace walks the APCS frames with
 * kernel/arm/stacktrace.c's unwind_frame(), as the tracer does. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/irq.h>
#include <linux/time.h>
#include <asm/memory.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/trace.h>
#include <asm/ptrace.h>
#include <asm/setup.h>
#include <asm/stacktrace.h>
#include <asm/tls.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <asm/unistd.h>
#include <asm/vfpmodule.h>

static const char *const processor_modes[] = {
	"USER_26", "FIQ_26", "IRQ_26", "SVC_26", "UK4_26", "UK5_26", "UK6_26", "UK7_26",
	"UK8_26", "UK9_26", "UK10_26", "UK11_26", "UK12_26", "UK13_26", "UK14_26", "UK15_26",
	"USER_32", "FIQ_32", "IRQ_32", "SVC_32", "UK4_32", "UK5_32", "MON_32", "ABT_32",
	"UK8_32", "UK9_32", "HYP_32", "UND_32", "UK12_32", "UK13_32", "UK14_32", "SYS_32"
};

static int die_counter;
static DEFINE_SPINLOCK(die_lock);

/* One line of the backtrace (Linux's dump_backtrace_entry): the function
 * at @where and the return address @from into its caller. */
static void dump_backtrace_entry(unsigned long where, unsigned long from)
{
	printk(KERN_EMERG "[<%08lx>] (%ps) from [<%08lx>] (%pS)\n", where, (void *)where, from,
	       (void *)from);
}

/* The call chain of @regs' context, or of the caller (Linux's unwind_backtrace,
 * over the APCS frames of kernel/arm/stacktrace.c). */
void dump_backtrace(struct pt_regs *regs, struct task_struct *tsk)
{
	register unsigned long current_stack_pointer __asm__("sp");
	struct stackframe frame;
	int depth = 0;

	if (regs) {
		arm_get_current_stackframe(regs, &frame);
	} else {
		frame.fp = (unsigned long)__builtin_frame_address(0);
		frame.sp = current_stack_pointer;
		frame.lr = (unsigned long)__builtin_return_address(0);
		frame.pc = (unsigned long)dump_backtrace;
		frame.graph = 0;
		frame.tsk = current;
	}
	printk(KERN_EMERG "Backtrace:\n");
	while (depth++ < 32) {
		unsigned long where = frame.pc;

		if (unwind_frame(&frame) < 0)
			break;
		dump_backtrace_entry(where, frame.pc);
	}
}

void dump_stack(void)
{
	dump_backtrace(NULL, current);
}

static void dump_instr(struct pt_regs *regs)
{
	unsigned long addr = instruction_pointer(regs);
	char str[sizeof("00000000 ") * 5 + 2 + 1], *p = str;
	int i;

	if (user_mode(regs) || addr < PAGE_OFFSET || (addr & 3))
		return;
	for (i = -4; i < 1; i++) {
		u32 val = ((u32 *)addr)[i];
		p += snprintf(p, str + sizeof(str) - p, i == 0 ? "(%08x) " : "%08x ", val);
	}
	printk(KERN_EMERG "Code: %s\n", str);
}

void __show_regs(struct pt_regs *regs)
{
	unsigned long flags = regs->ARM_cpsr;
	u32 ctrl, ttbr, dac;
	char buf[5];

	printk(KERN_EMERG "CPU: %d PID: %d Comm: %.16s Not tainted %s #1\n", smp_processor_id(),
	       current->pid, current->comm, UTS_RELEASE);
	printk(KERN_EMERG "Hardware name: BCM2835\n");
	printk(KERN_EMERG "PC is at %pS\n", (void *)instruction_pointer(regs));
	printk(KERN_EMERG "LR is at %pS\n", (void *)regs->ARM_lr);
	printk(KERN_EMERG "pc : [<%08lx>]    lr : [<%08lx>]    psr: %08lx\n", regs->ARM_pc,
	       regs->ARM_lr, regs->ARM_cpsr);
	printk(KERN_EMERG "sp : %08lx  ip : %08lx  fp : %08lx\n", regs->ARM_sp, regs->ARM_ip,
	       regs->ARM_fp);
	printk(KERN_EMERG "r10: %08lx  r9 : %08lx  r8 : %08lx\n", regs->ARM_r10, regs->ARM_r9,
	       regs->ARM_r8);
	printk(KERN_EMERG "r7 : %08lx  r6 : %08lx  r5 : %08lx  r4 : %08lx\n", regs->ARM_r7,
	       regs->ARM_r6, regs->ARM_r5, regs->ARM_r4);
	printk(KERN_EMERG "r3 : %08lx  r2 : %08lx  r1 : %08lx  r0 : %08lx\n", regs->ARM_r3,
	       regs->ARM_r2, regs->ARM_r1, regs->ARM_r0);
	buf[0] = flags & PSR_N_BIT ? 'N' : 'n';
	buf[1] = flags & PSR_Z_BIT ? 'Z' : 'z';
	buf[2] = flags & PSR_C_BIT ? 'C' : 'c';
	buf[3] = flags & PSR_V_BIT ? 'V' : 'v';
	buf[4] = '\0';
	printk(KERN_EMERG "Flags: %s  IRQs o%s  FIQs o%s  Mode %s  ISA %s  Segment %s\n", buf,
	       interrupts_enabled(regs) ? "n" : "ff", (flags & PSR_F_BIT) ? "ff" : "n",
	       processor_modes[flags & 0x1f], (flags & PSR_T_BIT) ? "Thumb" : "ARM",
	       user_mode(regs) ? "user" : "none");
	__asm__ __volatile__("mrc p15, 0, %0, c1, c0, 0\n\t"
			     "mrc p15, 0, %1, c2, c0, 0\n\t"
			     "mrc p15, 0, %2, c3, c0, 0"
			     : "=r"(ctrl), "=r"(ttbr), "=r"(dac));
	printk(KERN_EMERG "Control: %08x  Table: %08x  DAC: %08x\n", ctrl, ttbr, dac);
}

extern const struct bug_entry __start___bug_table[], __stop___bug_table[];

/* If the BUG instruction at bugaddr has a __bug_table record, say where it
 * is (Linux's lib/bug.c report_bug, for BUGs only: WARN has no record
 * here). RETURNS: true if it has one. */
static bool report_bug(unsigned long bugaddr)
{
	const struct bug_entry *bug;

	for (bug = __start___bug_table; bug < __stop___bug_table; bug++) {
		if (bug->bug_addr != bugaddr)
			continue;
		printk("------------[ cut here ]------------\n");
		pr_crit("kernel BUG at %s:%u!\n", bug->file, bug->line);
		return true;
	}
	return false;
}

/* The registers of regs' context and the kernel stack we are on
 * (Linux's ARM show_regs). */
void show_regs(struct pt_regs *regs)
{
	__show_regs(regs);
	dump_stack();
}

/* Report a kernel bug in the context of regs and end the task (or, in an
 * interrupt, the idle task or init, the whole kernel). The other CPUs keep
 * running, and their trace buffers with them, until the panic. */
void die(const char *str, struct pt_regs *regs, int err)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	local_irq_save(flags);
	spin_lock(&die_lock);
	bust_spinlocks(1);
	tracing_off();
	if (!user_mode(regs) && report_bug(regs->ARM_pc))
		str = "Oops - BUG";
	printk(KERN_EMERG "Internal error: %s: %x [#%d] SMP ARM\n", str, err, ++die_counter);
	printk(KERN_EMERG "Modules linked in:\n");
	__show_regs(regs);
	printk(KERN_EMERG "Process %.16s (pid: %d, stack limit = 0x%08lx)\n", tsk->comm, tsk->pid,
	       (unsigned long)task_stack_page(tsk) + sizeof(struct thread_info));
	if (!user_mode(regs) || in_irq()) {
		dump_backtrace(regs, tsk);
		dump_instr(regs);
	}
	printk(KERN_EMERG "---[ end trace %016llx ]---\n", (unsigned long long)local_clock());
	if (ftrace_dump_on_oops)
		ftrace_dump(ftrace_dump_on_oops);
	bust_spinlocks(0);
	spin_unlock(&die_lock);

	if (in_irq())
		panic("Fatal exception in interrupt");
	if (tsk->pid <= 1 || (tsk->flags & PF_IDLE))
		panic("Fatal exception");
	local_irq_restore(flags);
	do_exit(SIGSEGV);
}

/* An exception from a mode this kernel never runs in, or an SVC from SVC. */
void __noreturn bad_mode(struct pt_regs *regs)
{
	die("Oops - bad mode", regs, 0);
	panic("bad mode");
}

/* A fault the task caused: a signal for user mode (err and trap go to its
 * signal frame's error_code and trap_no), an oops for the kernel. */
void arm_notify_die(const char *str, struct pt_regs *regs, int signo, int si_code,
		    void __user *addr, unsigned long err, unsigned long trap)
{
	if (user_mode(regs)) {
		current->thread.error_code = err;
		current->thread.trap_no = trap;
		force_sig_fault(signo, si_code, addr, current);
	} else {
		die(str, regs, err);
	}
}

/* A breakpoint for the debugger (Linux's ptrace_break). Without ptrace, it
 * is the signal a program gets when no debugger is attached. */
static void ptrace_break(struct pt_regs *regs)
{
	force_sig_fault(SIGTRAP, TRAP_BRKPT, (void __user *)instruction_pointer(regs), current);
}

static int break_trap(struct pt_regs *regs, unsigned int instr)
{
	ptrace_break(regs);
	return 0;
}

static int bug_handler(struct pt_regs *regs, unsigned int instr)
{
	die("Oops - BUG", regs, 0);
	return 0;
}

/* An instruction the CPU found undefined that the kernel knows: the match
 * is on the instruction and on CPSR bits (Thumb, mode). */
struct undef_hook {
	u32 instr_mask;
	u32 instr_val;
	u32 cpsr_mask;
	u32 cpsr_val;
	int (*fn)(struct pt_regs *regs, unsigned int instr);
};

/* Linux registers these at boot (register_undef_hook, from ptrace.c and
 * traps.c); here the list is fixed: the ARM, Thumb and Thumb-2 breakpoint
 * instructions GDB plants, and the kernel's BUG(). */
static const struct undef_hook undef_hooks[] = {
	{ 0x0fffffff, 0x07f001f0, PSR_T_BIT, 0, break_trap },
	{ 0xffffffff, 0x0000de01, PSR_T_BIT, PSR_T_BIT, break_trap },
	{ 0xffffffff, 0xf7f0a000, PSR_T_BIT, PSR_T_BIT, break_trap },
	{ 0xffffffff, BUG_INSTR_VALUE, MODE_MASK, SVC_MODE, bug_handler },
};

/* RETURNS: 0 if a hook handled instr, else 1. */
static int call_undef_hook(struct pt_regs *regs, unsigned int instr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(undef_hooks); i++) {
		const struct undef_hook *hook = &undef_hooks[i];

		if ((instr & hook->instr_mask) == hook->instr_val &&
		    (regs->ARM_cpsr & hook->cpsr_mask) == hook->cpsr_val)
			return hook->fn(regs, instr);
	}
	return 1;
}

/* Is this Thumb halfword the first of a 32-bit Thumb-2 instruction? */
static inline bool is_wide_instruction(unsigned long instr)
{
	return instr >= 0xe800;
}

/* Undefined instruction: a hook's if one matches (breakpoints, BUG()),
 * else SIGILL ILL_ILLOPC at the instruction for user space and an oops in
 * the kernel. */
void do_undefinstr(struct pt_regs *regs)
{
	unsigned int instr;
	void __user *pc;

	/* The stub left pc just past the instruction. */
	regs->ARM_pc -= (regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4;
	/* A VFP/NEON instruction with the VFP off for this thread (Linux's
	 * __und_usr -> call_fpe -> do_vfp) is retried. */
	if (user_mode(regs) && call_fpe(regs))
		return;
	pc = (void __user *)instruction_pointer(regs);

	if (processor_mode(regs) == SVC_MODE) {
		instr = *(u32 *)pc;
	} else if (regs->ARM_cpsr & PSR_T_BIT) {
		u16 half;

		if (get_user(half, (u16 __user *)pc))
			goto die_sig;
		instr = half;
		if (is_wide_instruction(instr)) {
			if (get_user(half, (u16 __user *)pc + 1))
				goto die_sig;
			instr = (instr << 16) | half;
		}
	} else if (get_user(instr, (u32 __user *)pc)) {
		goto die_sig;
	}

	if (call_undef_hook(regs, instr) == 0)
		return;

die_sig:
	arm_notify_die("Oops - undefined instruction", regs, SIGILL, ILL_ILLOPC, pc, 0, 6);
}

/* Linux's __do_cache_op: one page at a time, so that a huge range can be
 * interrupted by a fatal signal and lets other tasks run between pages. */
static int __do_cache_op(unsigned long start, unsigned long end)
{
	int ret;

	do {
		unsigned long chunk = min(PAGE_SIZE, end - start);

		if (fatal_signal_pending(current))
			return 0;

		ret = v7_coherent_user_range(start, start + chunk);
		if (ret)
			return ret;

		cond_resched();
		start += chunk;
	} while (start < end);

	return 0;
}

static int do_cache_op(unsigned long start, unsigned long end, int flags)
{
	if (end < start || flags)
		return -EINVAL;

	if (!access_ok((void __user *)start, end - start))
		return -EFAULT;

	return __do_cache_op(start, end);
}

/*
 * Handle all unrecognised system calls: the ARM-private ones at 0xf0000
 * (Linux's arm_syscall), the only numbers past the table that are
 * syscalls at all. Any other number is SIGILL ILL_ILLTRP, as Linux's
 * bad_syscall; in the private range, 0xf0000-0xf07ff return -ENOSYS when
 * unused, so that a program can probe for them, and the rest are SIGILL.
 */
long arm_syscall(int no, struct pt_regs *regs)
{
	if ((no >> 16) != (__ARM_NR_BASE >> 16))
		goto bad_syscall;

	switch (no & 0xffff) {
	case 0: /* branch through 0 */
		arm_notify_die("branch through zero", regs, SIGSEGV, SEGV_MAPERR, NULL, 0, 0);
		return 0;

	case __ARM_NR_breakpoint - __ARM_NR_BASE: /* SWI BREAK_POINT */
		regs->ARM_pc -= (regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4;
		ptrace_break(regs);
		return regs->ARM_r0;

	/* Flush a region from virtual address 'r0' to virtual address 'r1'
	 * _exclusive_. There is no alignment requirement on either address;
	 * user space does not need to know the hardware cache layout. r2
	 * contains flags, which must be zero. */
	case __ARM_NR_cacheflush - __ARM_NR_BASE:
		return do_cache_op(regs->ARM_r0, regs->ARM_r1, regs->ARM_r2);

	case __ARM_NR_usr26 - __ARM_NR_BASE:
	case __ARM_NR_usr32 - __ARM_NR_BASE:
		/* no ARMv7 has the 26-bit modes (HWCAP_26BIT) */
		break;

	case __ARM_NR_set_tls - __ARM_NR_BASE:
		set_tls(regs->ARM_r0);
		return 0;

	case __ARM_NR_get_tls - __ARM_NR_BASE:
		return current_thread_info()->tp_value[0];

	default:
		/* Calls 9f00xx..9f07ff are defined to return -ENOSYS if not
		 * implemented, rather than raising SIGILL. This way the calling
		 * program can gracefully determine whether a feature is
		 * supported. */
		if ((no & 0xffff) <= 0x7ff)
			return sys_ni_syscall();
		break;
	}

bad_syscall:
	arm_notify_die("Oops - bad syscall", regs, SIGILL, ILL_ILLTRP,
		       (void __user *)instruction_pointer(regs) -
			       ((regs->ARM_cpsr & PSR_T_BIT) ? 2 : 4),
		       no, 0);
	return regs->ARM_r0;
}

/* The vector page at 0xffff0000 (Linux's early_trap_init and the
 * MT_HIGH_VECTORS mapping of devicemaps_init): one page of undefined
 * instructions with Linux's eight vector instructions at its start and
 * the kuser helpers (boot/entry-armv.S) copied to its top, mapped
 * read-only and executable for user mode in every process.
 * Simplified: Linux also runs its exception vectors from this page
 * (SCTLR.V) and keeps their stubs in the page above; ours stay in kernel
 * text at VBAR, so the page serves only user space, and its vectors are
 * there only to lead where Linux's do. Called once on the boot CPU, before
 * the others start. */
void early_trap_init(void)
{
	extern char __kuser_helper_start[], __kuser_helper_end[];
	unsigned int kuser_sz = __kuser_helper_end - __kuser_helper_start;
	unsigned long vectors = get_zeroed_page(GFP_KERNEL);
	unsigned int i;

	if (!vectors)
		panic("no memory for the vector page");
	/* A jump anywhere but into a helper is an undefined instruction:
	 * SIGILL, as on Linux, which fills the page the same way. */
	for (i = 0; i < PAGE_SIZE / 4; i++)
		((u32 *)vectors)[i] = 0xe7fddef1;
	/* The vectors branch into the stub page (the swi vector loads its
	 * address from there), which user mode cannot reach: a jump to one is
	 * SIGSEGV SEGV_MAPERR at 0xffff1xxx, as on Linux. Each points at a
	 * word of its own there; Linux's stubs have their own offsets. */
	for (i = 0; i < 8; i++)
		((u32 *)vectors)[i] = i == 2 ? 0xe59ffff0 /* ldr pc, [pc, #0xff0]: from 0xffff1000 */
				     : 0xea0003ff; /* b .+0x1004: to 0xffff1004 + 4 * i */
	memcpy((void *)(vectors + PAGE_SIZE - kuser_sz), __kuser_helper_start, kuser_sz);
	flush_icache_range(vectors, vectors + PAGE_SIZE);
	map_vectors_page(__pa(vectors));
}
