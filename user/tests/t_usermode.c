/* What user mode may not do, and what it gets for trying: Linux's answers,
 * checked on Linux 6.1 by make test-linux.
 *   - Loads, stores and jumps to kernel memory (the linear map, the kernel's
 *     page tables and text), to the peripherals' mappings, to the vector
 *     page's protected parts and above this kernel's TASK_SIZE: SIGSEGV
 *     SEGV_MAPERR with si_addr the address (Linux's do_bad_area). A jump
 *     to one of the vector page's eight vectors: SIGSEGV SEGV_MAPERR in
 *     the stub page above it; to the rest of the page: SIGILL.
 *   - cps, cpsid, msr cpsr_c: no effect in user mode (the CPU ignores the
 *     mode and mask bits); wfi, wfe and the CP15 barriers are allowed.
 *   - Coprocessor access to system registers (SCTLR, MIDR, TTBR0, DACR,
 *     VBAR, TLB and cache maintenance, PMU, physical counter), smc, hvc,
 *     FPEXC: SIGILL ILL_ILLOPC at the instruction.
 *   - The virtual counter and its frequency are readable (as for Linux's
 *     vDSO).
 *   - Breakpoints: the BKPT instruction gives SIGTRAP TRAP_HWBKPT, the
 *     undefined instruction GDB plants and the ARM breakpoint syscall
 *     SIGTRAP TRAP_BRKPT; the private syscall 0xf0000 SIGSEGV, and the
 *     26-bit mode switches SIGILL ILL_ILLTRP.
 *   - The handler's sigcontext says what happened, as Linux fills it:
 *     trap_no 14, error_code the fault status (WnR for a write) and
 *     fault_address for a fault, trap_no 6 for an undefined instruction,
 *     error_code the number of a bad syscall.
 *   - Unaligned LDRD/STRD/LDM/STM, ARM and Thumb-2: done by the kernel
 *     (Linux's alignment fixup), with a SIGSEGV if the access runs into an
 *     unmapped page; an unaligned LDREX stays SIGBUS BUS_ADRALN. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "check.h"

#define NO_SIGNAL 0

/* What the child saw, in memory shared with the parent. */
struct result {
	int sig, code;
	unsigned long addr;  /* si_addr */
	unsigned long insn;  /* an instruction probe's own address */
	unsigned long cpsr;  /* after the probe, if it returned */
	unsigned long value; /* what a read probe read */
	unsigned long trap_no, error_code, fault_address; /* the handler's sigcontext */
};
static struct result *res;
static unsigned long target;

static void record(int sig, siginfo_t *info, void *ctx)
{
	ucontext_t *uc = ctx;

	res->sig = sig;
	res->code = info->si_code;
	res->addr = (unsigned long)info->si_addr;
	res->trap_no = uc->uc_mcontext.trap_no;
	res->error_code = uc->uc_mcontext.error_code;
	res->fault_address = uc->uc_mcontext.fault_address;
	_exit(0);
}

typedef void (*probe_fn)(void);

static void do_read(void)
{
	res->value = *(volatile unsigned long *)target;
}

static void do_write(void)
{
	*(volatile unsigned long *)target = 0;
}

static void do_exec(void)
{
	((void (*)(void))target)();
}

/* An instruction probe: records its instruction's address, then runs it. */
#define INSN(name, text)                                                     \
	static void name(void)                                               \
	{                                                                    \
		__asm__ __volatile__("adr	r0, 1f\n\t"                    \
				     "str	r0, [%0]\n"                     \
				     "1:\t" text                              \
				     : : "r"(&res->insn) : "r0", "r1", "r7", "memory", "cc"); \
	}
INSN(i_cps, "cps #0x13")
INSN(i_cpsid, "cpsid aif")
INSN(i_msr, "mov r1, #0xd3\n\tmsr cpsr_c, r1")
INSN(i_wfi, "wfi")
INSN(i_wfe, "sev\n\twfe")
INSN(i_cp15dmb, "mcr p15, 0, r0, c7, c10, 5")
INSN(i_cp15isb, "mcr p15, 0, r0, c7, c5, 4")
INSN(i_mrc_sctlr, "mrc p15, 0, r1, c1, c0, 0")
INSN(i_mcr_sctlr, "mcr p15, 0, r0, c1, c0, 0")
INSN(i_mrc_midr, "mrc p15, 0, r1, c0, c0, 0")
INSN(i_mcr_ttbr0, "mcr p15, 0, r0, c2, c0, 0")
INSN(i_mcr_dacr, "mcr p15, 0, r0, c3, c0, 0")
INSN(i_mrc_vbar, "mrc p15, 0, r1, c12, c0, 0")
INSN(i_tlbiall, "mcr p15, 0, r0, c8, c7, 0")
INSN(i_iciallu, "mcr p15, 0, r0, c7, c5, 0")
INSN(i_pmccntr, "mrc p15, 0, r1, c9, c13, 0")
INSN(i_cntpct, "mrrc p15, 0, r0, r1, c14")
INSN(i_smc, ".word 0xe1600070")       /* smc #0 */
INSN(i_hvc, ".word 0xe1400070")       /* hvc #0 */
INSN(i_fpexc, ".word 0xeef80a10")     /* vmrs r0, fpexc */
INSN(i_bkpt, "bkpt #0")
INSN(i_gdb_break, ".word 0xe7f001f0") /* Linux's BREAKINST_ARM */
INSN(i_sys_branch0, "mov r7, #0xf0000\n\tsvc #0")
INSN(i_sys_breakpoint, "mov r7, #0xf0000\n\torr r7, r7, #1\n\tsvc #0")
INSN(i_sys_usr26, "mov r7, #0xf0000\n\torr r7, r7, #3\n\tsvc #0")
INSN(i_sys_usr32, "mov r7, #0xf0000\n\torr r7, r7, #4\n\tsvc #0")

static void i_cntvct(void)
{
	unsigned long lo, hi;

	__asm__ __volatile__("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	res->value = lo | hi;
}

static void i_cntfrq(void)
{
	unsigned long v;

	__asm__ __volatile__("mrc p15, 0, %0, c14, c0, 0" : "=r"(v));
	res->value = v;
}

/* Run fn (on addr) in a child with SIGSEGV/SIGBUS/SIGILL/SIGTRAP recorded.
 * RETURNS: what the child saw; sig -1 if it died otherwise. */
static struct result probe(probe_fn fn, unsigned long addr)
{
	pid_t pid;
	int st;

	memset(res, 0, sizeof(*res));
	target = addr;
	pid = fork();
	if (pid == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = record;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGSEGV, &sa, NULL);
		sigaction(SIGBUS, &sa, NULL);
		sigaction(SIGILL, &sa, NULL);
		sigaction(SIGTRAP, &sa, NULL);
		fn();
		__asm__ __volatile__("mrs %0, cpsr" : "=r"(res->cpsr));
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid || st != 0)
		res->sig = -1;
	return *res;
}

/* fn must raise sig/code with si_addr at addr, or at its own instruction
 * when addr is 0; with NO_SIGNAL it must return in USR mode, A/I/F clear. */
static void expect(const char *what, probe_fn fn, unsigned long addr, int sig, int code)
{
	struct result r = probe(fn, addr);
	unsigned long want = addr ? addr : r.insn;

	if (sig == NO_SIGNAL)
		check_result(r.sig == 0 && (r.cpsr & 0x1df) == 0x10, what,
			     "signal %d code %d, cpsr %#lx", r.sig, r.code, r.cpsr);
	else
		check_result(r.sig == sig && r.code == code && r.addr == want, what,
			     "signal %d code %d addr %#lx, want signal %d code %d addr %#lx",
			     r.sig, r.code, r.addr, sig, code, want);
}


/* Unaligned multi-word accesses on `data`, whose bytes are 0, 1, 2, ... */
static unsigned char data[32] __attribute__((aligned(8)));

static void a_ldrd(void)
{
	register unsigned long lo __asm__("r2"), hi __asm__("r3");

	__asm__ __volatile__("ldrd	r2, r3, [%2]" : "=r"(lo), "=r"(hi) : "r"(target) : "memory");
	res->value = lo;
	res->insn = hi;
}

static void a_strd(void)
{
	register unsigned long lo __asm__("r2") = 0x44332211, hi __asm__("r3") = 0x88776655;

	__asm__ __volatile__("strd	r2, r3, [%0]" : : "r"(target), "r"(lo), "r"(hi) : "memory");
	memcpy(&res->value, (void *)target, 4);
	memcpy(&res->insn, (void *)(target + 4), 4);
}

static void a_ldm_writeback(void)
{
	register unsigned long base __asm__("r4") = target;
	register unsigned long a __asm__("r0"), b __asm__("r1");

	__asm__ __volatile__("ldmia	r4!, {r0, r1}" : "=r"(a), "=r"(b), "+r"(base) : : "memory");
	res->value = a ^ b;
	res->insn = base - target;
}

static void a_stmdb(void)
{
	register unsigned long base __asm__("r4") = target + 8;
	register unsigned long a __asm__("r0") = 0x0d0c0b0a, b __asm__("r1") = 0x1d1c1b1a;

	__asm__ __volatile__("stmdb	r4!, {r0, r1}" : "+r"(base) : "r"(a), "r"(b) : "memory");
	memcpy(&res->value, (void *)target, 4);
	res->insn = target + 8 - base; /* how far the base moved down */
}

/* Thumb-2 LDRD r2, r3, [r0]: both words into *r1. */
extern char t32_ldrd[];
__asm__(".syntax unified\n"
	".text\n"
	".thumb\n"
	".align 2\n"
	"t32_ldrd:\n"
	"	ldrd	r2, r3, [r0]\n"
	"	str	r2, [r1]\n"
	"	str	r3, [r1, #4]\n"
	"	bx	lr\n"
	".arm\n");

static void a_t32_ldrd(void)
{
	unsigned long out[2];

	((void (*)(unsigned long, unsigned long *))((unsigned long)t32_ldrd | 1))(target, out);
	res->value = out[0];
	res->insn = out[1];
}

static void a_ldrex(void)
{
	unsigned long v;

	__asm__ __volatile__("ldrex	%0, [%1]" : "=r"(v) : "r"(target) : "memory");
	res->value = v;
}

/* fn at an unaligned address: no signal, and res->value and res->insn as
 * wanted. */
static void expect_fixup(const char *what, probe_fn fn, unsigned long addr, unsigned long v0,
			 unsigned long v1)
{
	struct result r = probe(fn, addr);

	check_result(r.sig == 0 && r.value == v0 && r.insn == v1, what,
		     "signal %d code %d, got %#lx %#lx, want %#lx %#lx", r.sig, r.code, r.value,
		     r.insn, v0, v1);
}

static const struct {
	const char *name;
	unsigned long addr;
} kernel_addresses[] = {
	{ "the kernel's linear map", 0xc0000000 },
	{ "the kernel's page tables (swapper_pg_dir)", 0xc0004000 },
	{ "kernel text", 0xc0008000 },
	{ "the peripherals' mapping here", 0xfd000000 },
	{ "the local peripherals' mapping here", 0xfe000000 },
	{ "the vector page's stubs", 0xffff1000 },
	{ "the top page", 0xfffff000 },
	{ "above TASK_SIZE here (user space on Linux)", 0x80000000 },
	{ "the physical peripherals' address", 0x3f000000 },
};

int main(void)
{
	char name[160];
	unsigned int i;
	struct result r;
	unsigned long d;
	char *edge;

	setvbuf(stdout, NULL, _IOLBF, 0);
	res = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	for (i = 0; i < sizeof(kernel_addresses) / sizeof(kernel_addresses[0]); i++) {
		const char *what = kernel_addresses[i].name;
		unsigned long a = kernel_addresses[i].addr;

		snprintf(name, sizeof(name), "read, write, jump to %s (%#lx): SIGSEGV SEGV_MAPERR",
			 what, a);
		expect(name, do_read, a, SIGSEGV, SEGV_MAPERR);
		expect(name, do_write, a, SIGSEGV, SEGV_MAPERR);
		expect(name, do_exec, a, SIGSEGV, SEGV_MAPERR);
	}
	r = probe(do_read, 0xffff0ffc);
	CHECK_EQ(r.sig == 0 ? r.value : 0, 5, "the vector page is readable: __kuser_helper_version 5");
	expect("write to the vector page: SIGSEGV SEGV_MAPERR", do_write, 0xffff0fe0, SIGSEGV,
	       SEGV_MAPERR);
	expect("a call to __kuser_get_tls returns", do_exec, 0xffff0fe0, NO_SIGNAL, 0);
	for (i = 0; i < 8; i++) {
		/* Linux's vectors lead into the stub page above, 0xffff1000,
		 * which user mode cannot touch (6.1's vector_rst is at 0x100c) */
		snprintf(name, sizeof(name), "jump to vector %u (%#lx): SIGSEGV SEGV_MAPERR in the page "
			 "above", i, 0xffff0000UL + 4 * i);
		r = probe(do_exec, 0xffff0000UL + 4 * i);
		check_result(r.sig == SIGSEGV && r.code == SEGV_MAPERR && (r.addr >> 12) == 0xffff1, name,
			     "signal %d code %d addr %#lx", r.sig, r.code, r.addr);
	}
	expect("jump past the vectors into the vector page: SIGILL ILL_ILLOPC", do_exec, 0xffff0100,
	       SIGILL, ILL_ILLOPC);

	expect("cps #SVC: ignored, still USR", i_cps, 0, NO_SIGNAL, 0);
	expect("cpsid aif: ignored, interrupts still on", i_cpsid, 0, NO_SIGNAL, 0);
	expect("msr cpsr_c, #SVC|I|F: ignored", i_msr, 0, NO_SIGNAL, 0);
	expect("wfi: allowed", i_wfi, 0, NO_SIGNAL, 0);
	expect("sev; wfe: allowed", i_wfe, 0, NO_SIGNAL, 0);
	expect("CP15 DMB: allowed", i_cp15dmb, 0, NO_SIGNAL, 0);
	expect("CP15 ISB: allowed", i_cp15isb, 0, NO_SIGNAL, 0);

	expect("mrc SCTLR: SIGILL ILL_ILLOPC", i_mrc_sctlr, 0, SIGILL, ILL_ILLOPC);
	expect("mcr SCTLR: SIGILL ILL_ILLOPC", i_mcr_sctlr, 0, SIGILL, ILL_ILLOPC);
	expect("mrc MIDR: SIGILL ILL_ILLOPC", i_mrc_midr, 0, SIGILL, ILL_ILLOPC);
	expect("mcr TTBR0: SIGILL ILL_ILLOPC", i_mcr_ttbr0, 0, SIGILL, ILL_ILLOPC);
	expect("mcr DACR: SIGILL ILL_ILLOPC", i_mcr_dacr, 0, SIGILL, ILL_ILLOPC);
	expect("mrc VBAR: SIGILL ILL_ILLOPC", i_mrc_vbar, 0, SIGILL, ILL_ILLOPC);
	expect("TLBIALL: SIGILL ILL_ILLOPC", i_tlbiall, 0, SIGILL, ILL_ILLOPC);
	expect("ICIALLU: SIGILL ILL_ILLOPC", i_iciallu, 0, SIGILL, ILL_ILLOPC);
	expect("PMCCNTR: SIGILL ILL_ILLOPC", i_pmccntr, 0, SIGILL, ILL_ILLOPC);
	expect("CNTPCT (physical counter): SIGILL ILL_ILLOPC", i_cntpct, 0, SIGILL, ILL_ILLOPC);
	expect("smc: SIGILL ILL_ILLOPC", i_smc, 0, SIGILL, ILL_ILLOPC);
	expect("hvc: SIGILL ILL_ILLOPC", i_hvc, 0, SIGILL, ILL_ILLOPC);
	expect("vmrs FPEXC: SIGILL ILL_ILLOPC", i_fpexc, 0, SIGILL, ILL_ILLOPC);

	r = probe(i_cntvct, 0);
	CHECK(r.sig == 0 && r.value != 0, "CNTVCT (virtual counter) is readable");
	r = probe(i_cntfrq, 0);
	CHECK(r.sig == 0 && r.value != 0, "CNTFRQ is readable");

	r = probe(i_bkpt, 0);
	check_result(r.sig == SIGTRAP && r.code == TRAP_HWBKPT, "bkpt: SIGTRAP TRAP_HWBKPT",
		     "signal %d code %d", r.sig, r.code);
	expect("the ARM breakpoint instruction: SIGTRAP TRAP_BRKPT", i_gdb_break, 0, SIGTRAP,
	       TRAP_BRKPT);
	r = probe(i_sys_breakpoint, 0);
	check_result(r.sig == SIGTRAP && r.code == TRAP_BRKPT && r.addr == r.insn + 8,
		     "syscall 0xf0001 (breakpoint): SIGTRAP TRAP_BRKPT at the svc",
		     "signal %d code %d addr %#lx (svc at %#lx)", r.sig, r.code, r.addr, r.insn + 8);
	r = probe(i_sys_branch0, 0);
	check_result(r.sig == SIGSEGV && r.code == SEGV_MAPERR && r.addr == 0,
		     "syscall 0xf0000 (branch through zero): SIGSEGV SEGV_MAPERR at 0",
		     "signal %d code %d addr %#lx", r.sig, r.code, r.addr);
	r = probe(i_sys_usr26, 0);
	check_result(r.sig == SIGILL && r.code == ILL_ILLTRP && r.addr == r.insn + 8,
		     "syscall 0xf0003 (usr26): SIGILL ILL_ILLTRP", "signal %d code %d addr %#lx",
		     r.sig, r.code, r.addr);
	r = probe(i_sys_usr32, 0);
	check_result(r.sig == SIGILL && r.code == ILL_ILLTRP && r.addr == r.insn + 8,
		     "syscall 0xf0004 (usr32): SIGILL ILL_ILLTRP", "signal %d code %d addr %#lx",
		     r.sig, r.code, r.addr);

	r = probe(do_write, 0x10);
	check_result(r.trap_no == 14 && r.fault_address == 0x10 && (r.error_code & 0x800),
		     "sigcontext of a write fault: trap_no 14, fault_address, error_code with WnR",
		     "trap_no %lu error_code %#lx fault_address %#lx", r.trap_no, r.error_code,
		     r.fault_address);
	r = probe(do_read, 0xc0000000);
	check_result(r.trap_no == 14 && r.fault_address == 0xc0000000 && !(r.error_code & 0x800),
		     "sigcontext of a read fault: trap_no 14, fault_address, error_code without WnR",
		     "trap_no %lu error_code %#lx fault_address %#lx", r.trap_no, r.error_code,
		     r.fault_address);
	r = probe(i_mrc_sctlr, 0);
	check_result(r.trap_no == 6 && r.error_code == 0,
		     "sigcontext of an undefined instruction: trap_no 6, error_code 0",
		     "trap_no %lu error_code %#lx", r.trap_no, r.error_code);
	r = probe(i_sys_usr26, 0);
	check_result(r.trap_no == 0 && r.error_code == 0xf0003,
		     "sigcontext of a bad syscall: trap_no 0, error_code the number",
		     "trap_no %lu error_code %#lx", r.trap_no, r.error_code);

	for (i = 0; i < sizeof(data); i++)
		data[i] = i;
	d = (unsigned long)data;
	expect_fixup("unaligned ldrd: emulated", a_ldrd, d + 1, 0x04030201, 0x08070605);
	expect_fixup("unaligned strd: emulated", a_strd, d + 3, 0x44332211, 0x88776655);
	expect_fixup("unaligned ldmia with writeback: emulated", a_ldm_writeback, d + 2,
		     0x05040302 ^ 0x09080706, 8);
	expect_fixup("unaligned stmdb with writeback: emulated", a_stmdb, d + 1, 0x0d0c0b0a, 8);
	expect_fixup("unaligned Thumb-2 ldrd: emulated", a_t32_ldrd, d + 5, 0x08070605, 0x0c0b0a09);
	edge = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(edge + 4096, 4096);
	expect("unaligned strd into an unmapped page: SIGSEGV SEGV_MAPERR", a_strd,
	       (unsigned long)edge + 4096 - 6, SIGSEGV, SEGV_MAPERR);
	munmap(edge, 4096);
	expect("unaligned ldrex: SIGBUS BUS_ADRALN", a_ldrex, d + 1, SIGBUS, BUS_ADRALN);

	return check_done("t_usermode");
}
