/* Forged signal frames (Linux's sys_sigreturn/sys_rt_sigreturn and
 * valid_user_regs). Each case runs in a child: it captures a real frame
 * from a handler, edits the copy and passes it to sigreturn (NR 119) or
 * rt_sigreturn (NR 173) with sp pointing at it, as a handler's return does.
 *   - A CPSR outside USR mode (31 mode values) or with IRQs masked is
 *     refused: SIGSEGV with si_code SI_KERNEL, delivered in USR mode.
 *   - F and A are cleared; flags, GE, E and T are honoured.
 *   - A frame at a misaligned, unmapped, kernel or half-mapped address is
 *     refused the same way; a garbage mask is taken minus SIGKILL/SIGSTOP.
 *   - J, IT and an odd PC are not the kernel's to refuse: the CPU decides.
 * Whatever the frame, the kernel stays up and the child ends. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "check.h"

#define USR_MODE 0x10
#define MODE_MASK 0x1f
#define PSR_T 0x00000020
#define PSR_F 0x00000040
#define PSR_I 0x00000080
#define PSR_A 0x00000100
#define PSR_E 0x00000200
#define PSR_J 0x01000000
#define PSR_IT 0x0600fc00
#define PSR_FLAGS_GE_Q 0xf80f0000

/* How a child ended, as its exit status (a signal kills it otherwise). */
enum outcome {
	R_LANDED = 0,       /* the frame was taken and its registers were right */
	R_LANDED_WRONG = 1, /* taken, but the CPSR or the mask differ */
	R_SEGV_KERNEL = 2,  /* refused: SIGSEGV SI_KERNEL, seen in USR mode */
	R_SEGV_MAPERR = 3,
	R_SEGV_ACCERR = 4,
	R_SIGILL = 5,
	R_SIGBUS = 6,
	R_PRIVILEGED = 7,   /* a handler saw a non-USR CPSR: the kernel leaked a mode */
	R_OTHER_SIGNAL = 8,
	R_HUNG = 100,       /* the parent's verdict: still running after 5 s */
};

/* The frame layout of arch/arm/kernel/signal.c: rt_sigreturn takes sp at
 * the siginfo, sigreturn at the ucontext. */
struct forged_frame {
	siginfo_t info;
	ucontext_t uc;
	unsigned long retcode[2];
} __attribute__((aligned(8)));

static struct forged_frame frame;
static ucontext_t real_uc;
static unsigned long landed[2];            /* the CPSR seen on landing; 1 if Thumb ran */
static unsigned long want_set, want_clear; /* CPSR bits the landing must (not) show */
static int want_full_mask;                 /* the landing must have all but KILL/STOP blocked */
static int want_thumb;                     /* the landing must be landing_thumb's */
static unsigned long landing_stack[1024] __attribute__((aligned(8)));
static char altstack[16384] __attribute__((aligned(8)));

/* Where a forged pc lands: record the CPSR (E-bit reads need no data
 * access before `setend le`), then return to lr = finish. */
extern char landing_arm[], landing_thumb[];
__asm__(".syntax unified\n"
	".text\n"
	".arm\n"
	".align 2\n"
	"landing_arm:\n"
	"	mrs	r1, cpsr\n"
	"	setend	le\n"
	"	str	r1, [r0]\n"
	"	bx	lr\n"
	".thumb\n"
	".align 2\n"
	"landing_thumb:\n"
	"	mrs	r1, cpsr\n"
	"	str	r1, [r0]\n"
	"	movs	r1, #1\n"
	"	str	r1, [r0, #4]\n"
	"	bx	lr\n"
	".arm\n");

static void __attribute__((noreturn)) finish(void)
{
	unsigned long cpsr = landed[0];
	sigset_t now;
	int ok = (cpsr & MODE_MASK) == USR_MODE && (cpsr & want_set) == want_set &&
		 !(cpsr & want_clear);

	if (want_thumb)
		ok = ok && landed[1] == 1;
	if (want_full_mask) {
		sigprocmask(SIG_BLOCK, NULL, &now);
		ok = ok && now.sig[0] == ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1))) &&
		     now.sig[1] == ~0UL;
	}
	_exit(ok ? R_LANDED : R_LANDED_WRONG);
}

/* SIGSEGV/SIGILL/SIGBUS on the alternate stack: exit with the outcome. */
static void report(int sig, siginfo_t *info, void *ctx)
{
	ucontext_t *uc = ctx;

	if ((uc->uc_mcontext.arm_cpsr & MODE_MASK) != USR_MODE ||
	    (uc->uc_mcontext.arm_cpsr & (PSR_I | PSR_F | PSR_A)))
		_exit(R_PRIVILEGED);
	if (sig == SIGSEGV && info->si_code == SI_KERNEL)
		_exit(R_SEGV_KERNEL);
	if (sig == SIGSEGV && info->si_code == SEGV_MAPERR)
		_exit(R_SEGV_MAPERR);
	if (sig == SIGSEGV && info->si_code == SEGV_ACCERR)
		_exit(R_SEGV_ACCERR);
	if (sig == SIGILL)
		_exit(R_SIGILL);
	if (sig == SIGBUS)
		_exit(R_SIGBUS);
	_exit(R_OTHER_SIGNAL);
}

static void capture(int sig, siginfo_t *info, void *ctx)
{
	memcpy(&real_uc, ctx, sizeof(real_uc));
}

static void on(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(sig, &sa, NULL);
}

/* In the child: a real frame to start from, and handlers that report. */
static void prepare(int with_altstack)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack), .ss_flags = 0 };

	if (with_altstack)
		sigaltstack(&ss, NULL);
	on(SIGSEGV, report, SA_ONSTACK);
	on(SIGILL, report, SA_ONSTACK);
	on(SIGBUS, report, SA_ONSTACK);
	on(SIGUSR1, capture, 0);
	raise(SIGUSR1);
	frame.uc = real_uc;
}

/* Fill the copy's registers: pc, the CPSR, and a stack and lr that lead
 * to finish() if the frame is taken. */
static void forge(unsigned long pc, unsigned long cpsr)
{
	struct sigcontext *sc = &frame.uc.uc_mcontext;

	sc->arm_r0 = (unsigned long)landed;
	sc->arm_pc = pc;
	sc->arm_lr = (unsigned long)finish;
	sc->arm_sp = (unsigned long)&landing_stack[1024];
	sc->arm_cpsr = cpsr;
}

static void __attribute__((noreturn)) do_sigreturn(int rt, void *sp)
{
	register void *r0 __asm__("r0") = sp;
	register long r7 __asm__("r7") = rt ? __NR_rt_sigreturn : __NR_sigreturn;

	__asm__ __volatile__("mov	sp, r0\n\tsvc	#0" : : "r"(r0), "r"(r7) : "memory");
	__builtin_unreachable();
}

/* The frame's address for each syscall: rt_sigframe starts at siginfo. */
static void *frame_sp(int rt)
{
	return rt ? (void *)&frame : (void *)&frame.uc;
}

struct forgery {
	int rt;
	unsigned long pc, cpsr; /* 0 pc: landing_arm */
	unsigned long set, clear;
	void *sp;               /* NULL: the forged frame */
	int thumb, full_mask, no_altstack;
};

static int __attribute__((noreturn)) run_forgery(void *arg)
{
	struct forgery *f = arg;

	prepare(!f->no_altstack);
	want_set = f->set;
	want_clear = f->clear;
	want_full_mask = f->full_mask;
	want_thumb = f->thumb;
	forge(f->pc ? f->pc : (unsigned long)landing_arm, f->cpsr);
	if (f->full_mask)
		memset(&frame.uc.uc_sigmask, 0xff, sizeof(frame.uc.uc_sigmask));
	do_sigreturn(f->rt, f->sp ? f->sp : frame_sp(f->rt));
}

/* The child's outcome: its exit status, the signal that killed it
 * (negated), or HUNG after 5 s (it is then killed). */
static int outcome_of(struct forgery *f)
{
	int st, i;
	pid_t pid = spawn(run_forgery, f);

	for (i = 0; i < 500; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return R_HUNG;
}

static const char *const names[] = { "sigreturn", "rt_sigreturn" };

/* Every mode value but USR, with IRQs on: refused each time. */
static void check_modes(int rt)
{
	char bad[256] = "";
	int mode, n = 0;

	for (mode = 0; mode <= MODE_MASK; mode++) {
		struct forgery f = { .rt = rt };
		int r;

		if (mode == USR_MODE)
			continue;
		f.cpsr = 0x60000000 | mode;
		r = outcome_of(&f);
		if (r != R_SEGV_KERNEL)
			n += snprintf(bad + n, sizeof(bad) - n, " mode %#x -> %d", mode, r);
	}
	check_result(n == 0, rt ? "rt_sigreturn: each of the 31 other modes -> SIGSEGV SI_KERNEL in USR"
				: "sigreturn: each of the 31 other modes -> SIGSEGV SI_KERNEL in USR",
		     "%s", bad);
}

/* The CPU's answer for bits the kernel lets through: landing, or a fault
 * signal; never the kernel's refusal, never a leaked mode or a hang. */
static int cpu_decides(int r)
{
	return r == R_LANDED || r == R_SEGV_MAPERR || r == R_SEGV_ACCERR || r == R_SIGILL ||
	       r == R_SIGBUS || r == -SIGSEGV || r == -SIGILL || r == -SIGBUS;
}

static void check_frames(int rt)
{
	const char *n = names[rt];
	unsigned long base = 0x60000000 | USR_MODE;
	char name[128];
	void *unmapped_end;
	char *pages;
	int r;

#define CASE(want, text, ...)                                              \
	do {                                                               \
		struct forgery f = { .rt = rt, __VA_ARGS__ };              \
		if (!f.cpsr)                                               \
			f.cpsr = base;                                     \
		r = outcome_of(&f);                                        \
		snprintf(name, sizeof(name), "%s: %s", n, text);           \
		check_result(want, name, "outcome %d", r);                 \
	} while (0)

	CASE(r == R_LANDED, "the unedited frame is taken", .clear = PSR_I | PSR_F | PSR_A);
	CASE(r == R_SEGV_KERNEL, "IRQs masked -> SIGSEGV SI_KERNEL", .cpsr = base | PSR_I);
	CASE(r == R_SEGV_KERNEL, "I, F and A -> SIGSEGV SI_KERNEL",
	     .cpsr = base | PSR_I | PSR_F | PSR_A);
	CASE(r == R_SEGV_KERNEL, "SVC mode, IRQs and FIQs masked -> SIGSEGV SI_KERNEL",
	     .cpsr = (base & ~MODE_MASK) | 0x13 | PSR_I | PSR_F);
	CASE(r == R_LANDED, "F is cleared, the frame taken", .cpsr = base | PSR_F, .clear = PSR_F);
	CASE(r == R_LANDED, "A is cleared, the frame taken", .cpsr = base | PSR_A, .clear = PSR_A);
	CASE(r == R_LANDED, "NZCVQ and GE are restored", .cpsr = base | PSR_FLAGS_GE_Q,
	     .set = PSR_FLAGS_GE_Q);
	CASE(r == R_LANDED, "E (big-endian data) is restored", .cpsr = base | PSR_E, .set = PSR_E);
	CASE(r == R_LANDED, "T: the frame returns to Thumb code", .cpsr = base | PSR_T,
	     .pc = (unsigned long)landing_thumb & ~1UL, .thumb = 1);
	CASE(cpu_decides(r), "J: taken, the CPU decides", .cpsr = base | PSR_J);
	CASE(cpu_decides(r), "IT bits in ARM state: taken, the CPU decides", .cpsr = base | PSR_IT);
	CASE(cpu_decides(r), "odd pc in ARM state: the CPU decides", .pc = (unsigned long)landing_arm + 1);
	CASE(cpu_decides(r), "halfword pc in ARM state: the CPU decides",
	     .pc = (unsigned long)landing_arm + 2);
	CASE(r == R_SEGV_MAPERR, "kernel pc -> SIGSEGV SEGV_MAPERR from the CPU", .pc = 0xc0000000);
	CASE(r == R_LANDED, "garbage mask: all but SIGKILL/SIGSTOP blocked", .full_mask = 1);
	CASE(r == -SIGSEGV, "garbage mask and bad mode: SIGSEGV still kills",
	     .cpsr = base | 0x03, .full_mask = 1);
	CASE(r == R_SEGV_KERNEL, "misaligned frame -> SIGSEGV SI_KERNEL",
	     .sp = (char *)frame_sp(rt) + 4);
	CASE(r == R_SEGV_KERNEL, "frame at an unmapped sp -> SIGSEGV SI_KERNEL", .sp = (void *)0x2000);
	CASE(r == R_SEGV_KERNEL, "frame at a kernel sp -> SIGSEGV SI_KERNEL",
	     .sp = (void *)0xc0000000);
	CASE(r == R_SEGV_KERNEL, "frame wrapping past 4 GiB -> SIGSEGV SI_KERNEL",
	     .sp = (void *)0xfffffff8);

	pages = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pages + 4096, 4096);
	unmapped_end = pages + 4096 - 64;
	CASE(r == R_SEGV_KERNEL, "frame running off its mapping -> SIGSEGV SI_KERNEL",
	     .sp = unmapped_end);
	munmap(pages, 4096);

	CASE(r == -SIGSEGV, "no room for the SIGSEGV frame: killed by SIGSEGV",
	     .sp = (void *)0x2000, .no_altstack = 1);
#undef CASE
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	check_modes(0);
	check_modes(1);
	check_frames(0);
	check_frames(1);
	return check_done("t_sigreturn");
}
