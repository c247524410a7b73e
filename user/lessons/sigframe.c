/* sigframe: the signal frame on the user stack (lesson 4). The parent waits
 * in pause() with an SA_SIGINFO handler for SIGUSR1; its child sends it.
 * The handler reads the rt_sigframe that setup_rt_frame built (arch/arm/
 * kernel/signal.c): the siginfo, then the ucontext whose sigcontext holds
 * the registers pause() was stopped with (r0 already -EINTR, pc just after
 * its svc), the mask to restore, and a return address that leads to
 * rt_sigreturn. Everything printed is the ABI's, the same on any ARM Linux. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <ucontext.h>

#define SVC_0		0xef000000u	/* svc #0 */
#define MOV_R7_173	0xe3a070adu	/* mov r7, #173 (__NR_rt_sigreturn) */

static volatile char *main_stack;

static void handler(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	struct sigcontext *sc = &uc->uc_mcontext;
	const uint32_t *restorer = __builtin_return_address(0);
	sigset_t now;
	char here;

	printf("handler: signal %d, si_code %d (SI_USER), from the child\n", sig, info->si_code);
	printf("handler: on the same stack, below main's frame: %s\n",
	       &here < main_stack ? "yes" : "no");
	printf("frame: siginfo first, the ucontext %d bytes after it, all below the interrupted sp: %s\n",
	       (int)((char *)uc - (char *)info),
	       (char *)info > &here && (char *)(uc + 1) <= (char *)sc->arm_sp ? "yes" : "no");
	printf("frame: saved r0 = %ld (-EINTR: a handler runs, so pause() will not restart)\n",
	       (long)sc->arm_r0);
	printf("frame: the word before the saved pc = %08lx (svc #0, pause's system call)\n",
	       (unsigned long)((const uint32_t *)sc->arm_pc)[-1]);
	printf("frame: saved cpsr mode = %#lx (user)\n", sc->arm_cpsr & 0x1f);
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("mask: SIGUSR1 blocked while the handler runs: %s; in the saved mask: %s\n",
	       sigismember(&now, SIGUSR1) ? "yes" : "no",
	       sigismember(&uc->uc_sigmask, SIGUSR1) ? "yes" : "no");
	printf("return: to %08lx %08lx (mov r7, #173; svc #0: rt_sigreturn)\n",
	       (unsigned long)restorer[0], (unsigned long)restorer[1]);
	if (restorer[0] != MOV_R7_173 || restorer[1] != SVC_0)
		printf("return: not rt_sigreturn's code\n");
}

int main(void)
{
	struct sigaction sa;
	char here;
	pid_t child;
	int r, status;

	main_stack = &here;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &sa, NULL) < 0) {
		perror("sigaction");
		return 1;
	}
	child = fork();
	if (child == 0) {
		usleep(100 * 1000);	/* let the parent reach pause() */
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	r = pause();
	printf("main: pause() -> %d, errno %s, after the handler (rt_sigreturn restored r0 = -EINTR)\n",
	       r, errno == EINTR ? "EINTR" : strerror(errno));
	waitpid(child, &status, 0);
	return r == -1 ? 0 : 1;
}
