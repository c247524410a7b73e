/* vfp_signal: the VFP registers across signal handlers that clobber them,
 * and the VFP block Linux ARM puts in the frame (struct vfp_sigframe in
 * uc_regspace: magic 0x56465001, size 288, d0-d31, FPSCR, FPEXC...).
 * uc_regspace is a list of such blocks, each starting with its magic and
 * size, ending with a zero word; which blocks come before the VFP's is not
 * ABI (Debian's Linux, built with iWMMXt support, puts a 160-byte dummy
 * block first; Linux 4.19 on a Pi and this kernel do not), so the test
 * walks the list as any reader of the frame must.
 *  - SIGUSR1 (SA_SIGINFO, rt_sigreturn): the handler finds the interrupted
 *    registers in its frame and the block's two padding words zero (Linux
 *    builds the block cleared, though the stack held junk there), changes
 *    d31 there, clobbers every register;
 *    after it returns the program has its registers back, d31 as changed.
 *  - SIGUSR2 (plain handler, sigreturn): the same, without the change.
 *  - SIGALRM from a timer while the registers are live in a spin loop.
 *  - a handler that breaks the frame's VFP magic: sigreturn refuses the
 *    frame and the process dies of SIGSEGV. */
#include "vfp_regs.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#define VFP_MAGIC 0x56465001
#define NEW_D31 0x0123456789abcdefULL

struct vfp_sigframe { /* Linux's arch/arm/include/asm/ucontext.h, its padding named */
	unsigned long magic, size;
	unsigned long long fpregs[32];	/* struct user_vfp */
	unsigned long fpscr, pad_ufp;
	unsigned long fpexc, fpinst, fpinst2, pad_end;	/* struct user_vfp_exc */
} __attribute__((aligned(8)));

static struct vfp_regs want;
static volatile int stop;
static volatile int handled;
static char frame_report[128];

/* Clobber every VFP register and FPSCR from inside a handler. */
static void clobber(void)
{
	static volatile int never;
	struct vfp_regs junk, out;

	vfp_pattern(&junk, 99);
	vfp_hold(&junk, &out, 1, &never, SYS_getpid, 0, 0);
}

/* The frame's VFP block: the first block of uc_regspace with its magic. */
static struct vfp_sigframe *find_vfp(void *ctx)
{
	unsigned long *block = ((ucontext_t *)ctx)->uc_regspace;
	unsigned long *end = block + sizeof(((ucontext_t *)ctx)->uc_regspace) / sizeof(long);

	while (block < end && block[0] != 0) {
		if (block[0] == VFP_MAGIC)
			return (struct vfp_sigframe *)block;
		if (block[1] < 8 || block[1] % 8)
			break;
		block += block[1] / sizeof(long);
	}
	return NULL;
}

static void on_usr1(int sig, siginfo_t *info, void *ctx)
{
	struct vfp_sigframe *vfp = find_vfp(ctx);

	if (!vfp) {
		snprintf(frame_report, sizeof(frame_report), "NO VFP BLOCK");
		clobber();
		handled++;
		return;
	}
	snprintf(frame_report, sizeof(frame_report),
		 "VFP block size %lu, d0-d31 %s, fpscr %s, padding %lx %lx", vfp->size,
		 memcmp(vfp->fpregs, want.d, sizeof(want.d)) ? "WRONG" : "as interrupted",
		 vfp->fpscr == want.fpscr ? "as interrupted" : "WRONG", vfp->pad_ufp, vfp->pad_end);
	vfp->fpregs[31] = NEW_D31;
	clobber();
	handled++;
}

static void on_plain(int sig)
{
	clobber();
	handled++;
	stop = 1;
}

static void on_usr1_break_magic(int sig, siginfo_t *info, void *ctx)
{
	struct vfp_sigframe *vfp = find_vfp(ctx);

	if (vfp)
		vfp->magic = 0;
}

/* Junk where the next signal frame will go, below the stack pointer. */
static void __attribute__((noinline)) dirty_stack(void)
{
	volatile unsigned char junk[4096];
	unsigned int i;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = 0xa5;
}

static const char *verdict(const struct vfp_regs *got, const struct vfp_regs *expected)
{
	static char buf[64];
	int bad = vfp_compare(got, expected);

	if (bad < 0)
		return "intact";
	snprintf(buf, sizeof(buf), "CHANGED (%s%d)", bad == 32 ? "FPSCR " : "d", bad);
	return buf;
}

int main(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO, .sa_sigaction = on_usr1 };
	struct itimerval alarm_in_1ms = { .it_value = { 0, 1000 } };
	struct vfp_regs got, expected;
	static volatile int never;
	int status;
	pid_t pid;

	vfp_pattern(&want, 5);
	sigaction(SIGUSR1, &sa, NULL);
	dirty_stack();
	vfp_hold(&want, &got, 1, &never, SYS_kill, getpid(), SIGUSR1);
	expected = want;
	expected.d[31] = NEW_D31;
	printf("SIGUSR1 (SA_SIGINFO): handler ran %d time, frame: %s\n", handled, frame_report);
	printf("SIGUSR1: after rt_sigreturn the registers are %s, d31 as the handler set it\n",
	       verdict(&got, &expected));

	handled = 0;
	vfp_pattern(&want, 6);
	signal(SIGUSR2, on_plain);
	vfp_hold(&want, &got, 1, &never, SYS_kill, getpid(), SIGUSR2);
	printf("SIGUSR2 (plain handler): ran %d time, after sigreturn the registers are %s\n", handled,
	       verdict(&got, &want));

	handled = 0;
	stop = 0;
	vfp_pattern(&want, 7);
	signal(SIGALRM, on_plain);
	setitimer(ITIMER_REAL, &alarm_in_1ms, NULL);
	vfp_hold(&want, &got, 0x7fffffff, &stop, SYS_getpid, 0, 0);
	printf("SIGALRM during a spin: ran %d time, the registers are %s\n", handled,
	       verdict(&got, &want));

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sa.sa_sigaction = on_usr1_break_magic;
		sigaction(SIGUSR1, &sa, NULL);
		raise(SIGUSR1);
		printf("FAIL: a frame with a broken VFP magic was accepted\n");
		_exit(1);
	}
	waitpid(pid, &status, 0);
	printf("a handler that breaks the VFP magic: the process is %s\n",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV ? "killed by SIGSEGV" : "NOT KILLED");
	return 0;
}
