/* Data and prefetch aborts (Linux 4.19's arch/arm/mm/fault.c, fsr-2level.c
 * and extable.c).
 *
 * The fault status picks a handler from fsr_info (data) or ifsr_info
 * (prefetch), as Linux's do_DataAbort/do_PrefetchAbort do. A fault at a user
 * address is resolved against the task's VMAs (demand paging, copy-on-write,
 * stack growth); if it cannot be, a user-mode access gets SIGSEGV
 * (SEGV_MAPERR: nothing mapped there; SEGV_ACCERR: the VMA forbids it). A
 * user access to any kernel address is SEGV_MAPERR (do_bad_area), whatever
 * the hardware said. A kernel access from copy_{from,to}_user resumes at its
 * exception-table fixup; anything else the kernel touched is a bug: an oops.
 * An unaligned LDRD/STRD/LDM/STM is emulated (alignment.c). What the table
 * cannot handle (external aborts, debug events) gets the table's signal,
 * with Linux's "Unhandled fault" line. */
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/irq.h>
#include <asm/traps.h>
#include <linux/uaccess.h>
#include "fault.h"

/* Fault status register encodings. We steal bit 31 for our own purposes. */
#define FSR_LNX_PF (1 << 31)
#define FSR_CM (1 << 13)
#define FSR_WRITE (1 << 11)
#define FSR_FS4 (1 << 10)
#define FSR_FS3_0 15

#define VM_FAULT_BADMAP 0x010000
#define VM_FAULT_BADACCESS 0x020000

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

/* Resume a faulting uaccess instruction at its fixup. RETURNS: 1 if it
 * had one. */
static int fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *fixup = search_exception_tables(regs->ARM_pc);

	if (fixup)
		regs->ARM_pc = fixup->fixup;
	return fixup != NULL;
}

static inline int fsr_fs(unsigned int fsr)
{
	return (fsr & FSR_FS3_0) | ((fsr & FSR_FS4) >> 6);
}

/*
 * Oops.  The kernel tried to access some page that wasn't present.
 */
static void __do_kernel_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	/* Are we prepared to handle this kernel fault? */
	if (fixup_exception(regs))
		return;
	pr_alert("Unable to handle kernel %s at virtual address %08lx\n",
		 addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request", addr);
	die("Oops", regs, fsr);
}

/*
 * Something tried to access memory that isn't in our memory map..
 * User mode accesses just cause a SIGSEGV
 */
static void __do_user_fault(unsigned long addr, unsigned int fsr, int sig, int code,
			    struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	tsk->thread.address = addr;
	tsk->thread.error_code = fsr;
	tsk->thread.trap_no = 14;
	force_sig_fault(sig, code, (void __user *)addr, tsk);
}

void do_bad_area(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	/* If we are in kernel mode at this point, we have no context to
	 * handle this fault with. */
	if (user_mode(regs))
		__do_user_fault(addr, fsr, SIGSEGV, SEGV_MAPERR, regs);
	else
		__do_kernel_fault(addr, fsr, regs);
}

/* Does the VMA forbid this access? A write needs VM_WRITE (a cache
 * maintenance fault reads as a write, but is not one), an instruction fetch
 * VM_EXEC, a read any permission. */
static inline bool access_error(unsigned int fsr, struct vm_area_struct *vma)
{
	unsigned int mask = VM_READ | VM_WRITE | VM_EXEC;

	if ((fsr & FSR_WRITE) && !(fsr & FSR_CM))
		mask = VM_WRITE;
	if (fsr & FSR_LNX_PF)
		mask = VM_EXEC;
	return vma->vm_flags & mask ? false : true;
}

/* CONTEXT: takes mm->mmap_lock. RETURNS: 0 once resolved, else
 * VM_FAULT_BADMAP (no VMA there), VM_FAULT_BADACCESS (the VMA forbids it)
 * or handle_mm_fault's error. */
static int __do_page_fault(struct mm_struct *mm, unsigned long addr, unsigned int fsr,
			   unsigned int flags)
{
	struct vm_area_struct *vma;
	int fault = VM_FAULT_BADMAP;

	spin_lock(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (unlikely(!vma))
		goto out;
	if (unlikely(vma->vm_start > addr)) {
		/* check_stack: the stack grows down into the gap below it */
		if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr))
			goto out;
	}
	fault = VM_FAULT_BADACCESS;
	if (access_error(fsr, vma))
		goto out;
	fault = handle_mm_fault(vma, addr, flags);
out:
	spin_unlock(&mm->mmap_lock);
	return fault;
}

static int do_page_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;
	unsigned int flags = 0;
	int fault;

	/* If we're in an interrupt, have page faults disabled (a uaccess under
	 * a lock: pagefault_disable) or have no user context, we must not
	 * take the fault. (Linux checks the exception table only when
	 * mmap_sem is contended; our mmap_lock is a spinlock, so we always
	 * check: the kernel touches user memory only from uaccess code.) */
	if (in_irq() || faulthandler_disabled() || !mm ||
	    (!user_mode(regs) && !search_exception_tables(regs->ARM_pc)))
		goto no_context;

	if ((fsr & FSR_WRITE) && !(fsr & FSR_CM))
		flags |= FAULT_FLAG_WRITE;
	if (fsr & FSR_LNX_PF)
		flags |= FAULT_FLAG_EXEC;

	fault = __do_page_fault(mm, addr, fsr, flags);
	if (likely(!fault))
		return 0;

	/* We ran out of memory, call the OOM killer, and return to
	 * userspace (which will retry the fault, or kill us if we got
	 * oom-killed). Linux's page allocator calls it for a kernel access
	 * too; ours cannot wait there, so this does, before the fixup. */
	if (fault & VM_FAULT_OOM) {
		pagefault_out_of_memory();
		if (!user_mode(regs))
			goto no_context;
		return 0;
	}

	/* If we are in kernel mode at this point, we have no context to
	 * handle this fault with. */
	if (!user_mode(regs))
		goto no_context;

	if (fault & VM_FAULT_SIGBUS) {
		/* We had some memory, but were unable to successfully fix up
		 * this page fault (a file mapping's page past the file's end). */
		__do_user_fault(addr, fsr, SIGBUS, BUS_ADRERR, regs);
		return 0;
	}
	/* Something tried to access memory that isn't in our memory map. */
	__do_user_fault(addr, fsr, SIGSEGV, fault == VM_FAULT_BADACCESS ? SEGV_ACCERR : SEGV_MAPERR,
			regs);
	return 0;

no_context:
	__do_kernel_fault(addr, fsr, regs);
	return 0;
}

/*
 * First Level Translation Fault Handler
 *
 * We enter here because the first level page table doesn't contain a valid
 * entry for the address. Below TASK_SIZE that is a user page not yet
 * mapped. Above it, Linux copies a vmalloc-area entry from init_mm; here the
 * kernel's half is one table in TTBR1, shared by every process, so there is
 * nothing to copy: the address is simply not mapped.
 */
static int do_translation_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	if (addr < TASK_SIZE)
		return do_page_fault(addr, fsr, regs);
	do_bad_area(addr, fsr, regs);
	return 0;
}

/*
 * Some section permission faults need to be handled gracefully.
 * They can happen due to a __{get,put}_user during an oops.
 */
static int do_sect_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	do_bad_area(addr, fsr, regs);
	return 0;
}

/*
 * This abort handler always returns "fault".
 */
static int do_bad(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	return 1;
}

struct fsr_info {
	int (*fn)(unsigned long addr, unsigned int fsr, struct pt_regs *regs);
	int sig;
	int code;
	const char *name;
};

/* The short-descriptor fault status codes (Linux's fsr-2level.c). Code 1 is
 * the alignment fault, which Linux's alignment.c hooks at boot
 * (hook_fault_code) to emulate the access: here the table says it. */
static const struct fsr_info fsr_info[32] = {
	/* The following are the standard ARMv3 and ARMv4 aborts. ARMv5
	 * defines these to be "precise" aborts. */
	{ do_bad, SIGSEGV, 0, "vector exception" },
	{ do_alignment, SIGBUS, BUS_ADRALN, "alignment exception" },
	{ do_bad, SIGKILL, 0, "terminal exception" },
	{ do_bad, SIGBUS, BUS_ADRALN, "alignment exception" },
	{ do_bad, SIGBUS, 0, "external abort on linefetch" },
	{ do_translation_fault, SIGSEGV, SEGV_MAPERR, "section translation fault" },
	{ do_bad, SIGBUS, 0, "external abort on linefetch" },
	{ do_page_fault, SIGSEGV, SEGV_MAPERR, "page translation fault" },
	{ do_bad, SIGBUS, 0, "external abort on non-linefetch" },
	{ do_bad, SIGSEGV, SEGV_ACCERR, "section domain fault" },
	{ do_bad, SIGBUS, 0, "external abort on non-linefetch" },
	{ do_bad, SIGSEGV, SEGV_ACCERR, "page domain fault" },
	{ do_bad, SIGBUS, 0, "external abort on translation" },
	{ do_sect_fault, SIGSEGV, SEGV_ACCERR, "section permission fault" },
	{ do_bad, SIGBUS, 0, "external abort on translation" },
	{ do_page_fault, SIGSEGV, SEGV_ACCERR, "page permission fault" },
	/* The following are "imprecise" aborts, which are signalled by bit
	 * 10 of the FSR, and may not be recoverable. These are only
	 * supported if the CPU abort handler supports bit 10. */
	{ do_bad, SIGBUS, 0, "unknown 16" },
	{ do_bad, SIGBUS, 0, "unknown 17" },
	{ do_bad, SIGBUS, 0, "unknown 18" },
	{ do_bad, SIGBUS, 0, "unknown 19" },
	{ do_bad, SIGBUS, 0, "lock abort" }, /* xscale */
	{ do_bad, SIGBUS, 0, "unknown 21" },
	{ do_bad, SIGBUS, BUS_OBJERR, "imprecise external abort" }, /* xscale */
	{ do_bad, SIGBUS, 0, "unknown 23" },
	{ do_bad, SIGBUS, 0, "dcache parity error" }, /* xscale */
	{ do_bad, SIGBUS, 0, "unknown 25" },
	{ do_bad, SIGBUS, 0, "unknown 26" },
	{ do_bad, SIGBUS, 0, "unknown 27" },
	{ do_bad, SIGBUS, 0, "unknown 28" },
	{ do_bad, SIGBUS, 0, "unknown 29" },
	{ do_bad, SIGBUS, 0, "unknown 30" },
	{ do_bad, SIGBUS, 0, "unknown 31" },
};

/* Prefetch aborts. Code 2 is what Linux's hw_breakpoint.c hooks in
 * (hook_ifault_code): a BKPT instruction ends in SIGTRAP TRAP_HWBKPT. We
 * have no hardware breakpoints to check first, so the entry says it. */
static const struct fsr_info ifsr_info[32] = {
	{ do_bad, SIGBUS, 0, "unknown 0" },
	{ do_bad, SIGBUS, 0, "unknown 1" },
	{ do_bad, SIGTRAP, TRAP_HWBKPT, "breakpoint debug exception" },
	{ do_bad, SIGSEGV, SEGV_ACCERR, "section access flag fault" },
	{ do_bad, SIGBUS, 0, "unknown 4" },
	{ do_translation_fault, SIGSEGV, SEGV_MAPERR, "section translation fault" },
	{ do_bad, SIGSEGV, SEGV_ACCERR, "page access flag fault" },
	{ do_page_fault, SIGSEGV, SEGV_MAPERR, "page translation fault" },
	{ do_bad, SIGBUS, 0, "external abort on non-linefetch" },
	{ do_bad, SIGSEGV, SEGV_ACCERR, "section domain fault" },
	{ do_bad, SIGBUS, 0, "unknown 10" },
	{ do_bad, SIGSEGV, SEGV_ACCERR, "page domain fault" },
	{ do_bad, SIGBUS, 0, "external abort on translation" },
	{ do_sect_fault, SIGSEGV, SEGV_ACCERR, "section permission fault" },
	{ do_bad, SIGBUS, 0, "external abort on translation" },
	{ do_page_fault, SIGSEGV, SEGV_ACCERR, "page permission fault" },
	{ do_bad, SIGBUS, 0, "unknown 16" },
	{ do_bad, SIGBUS, 0, "unknown 17" },
	{ do_bad, SIGBUS, 0, "unknown 18" },
	{ do_bad, SIGBUS, 0, "unknown 19" },
	{ do_bad, SIGBUS, 0, "unknown 20" },
	{ do_bad, SIGBUS, 0, "unknown 21" },
	{ do_bad, SIGBUS, 0, "unknown 22" },
	{ do_bad, SIGBUS, 0, "unknown 23" },
	{ do_bad, SIGBUS, 0, "unknown 24" },
	{ do_bad, SIGBUS, 0, "unknown 25" },
	{ do_bad, SIGBUS, 0, "unknown 26" },
	{ do_bad, SIGBUS, 0, "unknown 27" },
	{ do_bad, SIGBUS, 0, "unknown 28" },
	{ do_bad, SIGBUS, 0, "unknown 29" },
	{ do_bad, SIGBUS, 0, "unknown 30" },
	{ do_bad, SIGBUS, 0, "unknown 31" },
};

/*
 * Dispatch a data abort to the relevant handler.
 */
void do_DataAbort(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	const struct fsr_info *inf = fsr_info + fsr_fs(fsr);

	if (!inf->fn(addr, fsr & ~FSR_LNX_PF, regs))
		return;

	pr_alert("Unhandled fault: %s (0x%03x) at 0x%08lx\n", inf->name, fsr, addr);
	arm_notify_die("", regs, inf->sig, inf->code, (void __user *)addr, fsr, 0);
}

void do_PrefetchAbort(unsigned long addr, unsigned int ifsr, struct pt_regs *regs)
{
	const struct fsr_info *inf = ifsr_info + fsr_fs(ifsr);

	if (!inf->fn(addr, ifsr | FSR_LNX_PF, regs))
		return;

	pr_alert("Unhandled prefetch abort: %s (0x%03x) at 0x%08lx\n", inf->name, ifsr, addr);
	arm_notify_die("", regs, inf->sig, inf->code, (void __user *)addr, ifsr, 0);
}
