/* Data and prefetch aborts (Linux's arch/arm/mm/fault.c and extable.c).
 *
 * A fault at a user address is resolved against the task's VMAs (demand
 * paging, copy-on-write). If it cannot be, a user-mode access gets SIGSEGV
 * (SEGV_MAPERR: nothing mapped there; SEGV_ACCERR: not allowed), and a
 * kernel access from copy_{from,to}_user resumes at its exception-table
 * fixup. Anything else the kernel touched is a bug: an oops. */
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/irq.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

#define FSR_WRITE (1 << 11)
#define FSR_FS4 (1 << 10)
#define FSR_FS3_0 15

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

static inline int fsr_fs(unsigned int fsr)
{
	return (fsr & FSR_FS3_0) | ((fsr & FSR_FS4) >> 6);
}

/* A fault the kernel did not expect. */
static void __do_kernel_fault(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	const struct exception_table_entry *fixup = search_exception_tables(regs->ARM_pc);

	if (fixup) {
		regs->ARM_pc = fixup->fixup;
		return;
	}
	pr_alert("Unable to handle kernel %s at virtual address %08lx\n",
		 addr < PAGE_SIZE ? "NULL pointer dereference" : "paging request", addr);
	die("Oops", regs, fsr);
}

static void __do_user_fault(unsigned long addr, unsigned int fsr, int sig, int code,
			    struct pt_regs *regs)
{
	force_sig_fault(sig, code, (void __user *)addr, current);
}

/* Resolve a translation or permission fault at a user address. RETURNS: 0
 * if resolved, else the si_code of the SIGSEGV it deserves. */
static int __do_page_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma;
	int code = SEGV_MAPERR, fault;

	spin_lock(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && addr < vma->vm_start && (vma->vm_flags & VM_GROWSDOWN) &&
	    addr >= vma->vm_end - STACK_LIMIT) {
		/* The stack grows down into the gap below it. */
		vma->vm_start = addr & PAGE_MASK;
	}
	if (!vma || addr < vma->vm_start)
		goto out;
	code = SEGV_ACCERR;
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))
		goto out;
	if ((flags & FAULT_FLAG_EXEC) && !(vma->vm_flags & VM_EXEC))
		goto out;
	if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		goto out;
	fault = handle_mm_fault(vma, addr, flags);
	code = fault ? SEGV_MAPERR : 0;
out:
	spin_unlock(&mm->mmap_lock);
	return code;
}

static void do_page_fault(unsigned long addr, unsigned int fsr, unsigned int flags,
			  struct pt_regs *regs)
{
	struct mm_struct *mm = current->mm;
	int code;

	/* The kernel touching user memory is only legitimate from uaccess
	 * code, which has an exception-table entry. */
	if (!user_mode(regs) && (!mm || in_irq() || !search_exception_tables(regs->ARM_pc))) {
		__do_kernel_fault(addr, fsr, regs);
		return;
	}
	if (addr >= TASK_SIZE || !mm) {
		code = (fsr_fs(fsr) == 0xd || fsr_fs(fsr) == 0xf) ? SEGV_ACCERR : SEGV_MAPERR;
	} else {
		code = __do_page_fault(mm, addr, flags);
		if (!code)
			return;
	}
	if (user_mode(regs))
		__do_user_fault(addr, fsr, SIGSEGV, code, regs);
	else
		__do_kernel_fault(addr, fsr, regs);
}

static const char *fsr_info(int fs)
{
	switch (fs) {
	case 0x1:
		return "alignment exception";
	case 0x8:
		return "synchronous external abort";
	case 0x16:
		return "asynchronous external abort";
	default:
		return "unknown fault";
	}
}

void do_DataAbort(unsigned long addr, unsigned int fsr, struct pt_regs *regs)
{
	int fs = fsr_fs(fsr);

	switch (fs) {
	case 0x5: /* section translation */
	case 0x7: /* page translation */
	case 0xd: /* section permission */
	case 0xf: /* page permission */
		do_page_fault(addr, fsr, (fsr & FSR_WRITE) ? FAULT_FLAG_WRITE : 0, regs);
		return;
	}
	if (user_mode(regs)) {
		__do_user_fault(addr, fsr, SIGBUS, fs == 0x1 ? BUS_ADRALN : BUS_OBJERR, regs);
		return;
	}
	pr_alert("Unhandled fault: %s (0x%03x) at 0x%08lx\n", fsr_info(fs), fsr, addr);
	__do_kernel_fault(addr, fsr, regs);
}

void do_PrefetchAbort(unsigned long addr, unsigned int ifsr, struct pt_regs *regs)
{
	int fs = fsr_fs(ifsr);

	if (fs == 0x5 || fs == 0x7 || fs == 0xd || fs == 0xf) {
		do_page_fault(addr, ifsr, FAULT_FLAG_EXEC, regs);
		return;
	}
	if (user_mode(regs)) {
		__do_user_fault(addr, ifsr, SIGBUS, BUS_OBJERR, regs);
		return;
	}
	pr_alert("Unhandled prefetch abort: %s (0x%03x) at 0x%08lx\n", fsr_info(fs), ifsr, addr);
	die("Oops", regs, ifsr);
}
