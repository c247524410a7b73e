/* sigaltstack: the initial state, a handler with SA_ONSTACK runs on the
 * alternate stack and sees SS_ONSTACK, the size check; the uc_stack an
 * SA_SIGINFO handler finds in its frame (what sigaltstack set, as Linux's
 * __save_altstack writes it), and SS_AUTODISARM: the alternate stack is
 * disarmed while a handler runs on it and rearmed by rt_sigreturn; a new
 * thread starts without one, a forked child keeps its parent's. */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)	/* Linux's uapi/linux/signal.h */
#endif

static char *alt;
static volatile int on_alt, flags_inside;
static stack_t saved, nested_saved;

static void handler(int sig)
{
	stack_t now;
	char local;

	on_alt = (uintptr_t)&local >= (uintptr_t)alt && (uintptr_t)&local < (uintptr_t)alt + SIGSTKSZ;
	sigaltstack(NULL, &now);
	flags_inside = now.ss_flags;
}

/* SA_SIGINFO: what the frame's uc_stack holds, what sigaltstack says */
static void info_handler(int sig, siginfo_t *info, void *ctx)
{
	stack_t now;
	char local;

	on_alt = (uintptr_t)&local >= (uintptr_t)alt && (uintptr_t)&local < (uintptr_t)alt + SIGSTKSZ;
	saved = ((ucontext_t *)ctx)->uc_stack;
	sigaltstack(NULL, &now);
	flags_inside = now.ss_flags;
	if (sig == SIGUSR1)
		raise(SIGUSR2);
}

static void nested_handler(int sig, siginfo_t *info, void *ctx)
{
	nested_saved = ((ucontext_t *)ctx)->uc_stack;
}

static void *thread_altstack(void *arg)
{
	stack_t now;

	sigaltstack(NULL, &now);
	return (void *)(intptr_t)now.ss_flags;
}

int main(void)
{
	struct sigaction sa;
	stack_t ss, old;

	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE, "initially SS_DISABLE");
	alt = malloc(SIGSTKSZ);
	ss.ss_sp = alt;
	ss.ss_size = SIGSTKSZ;
	ss.ss_flags = 0;
	CHECK_EQ(sigaltstack(&ss, NULL), 0, "install an alternate stack");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_size == SIGSTKSZ &&
	      old.ss_flags == 0, "read it back");
	{
		pthread_t t;
		void *flags;
		int status;
		pid_t pid;

		pthread_create(&t, NULL, thread_altstack, NULL);
		pthread_join(t, &flags);
		CHECK_EQ((int)(intptr_t)flags, SS_DISABLE, "a new thread starts without it");
		pid = fork();
		if (pid == 0)
			_exit(sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_flags == 0 ? 0 : 1);
		waitpid(pid, &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a forked child keeps it");
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	CHECK_EQ(on_alt, 1, "SA_ONSTACK handler runs on the alternate stack");
	CHECK_EQ(flags_inside, SS_ONSTACK, "sigaltstack inside the handler says SS_ONSTACK");
	sa.sa_flags = 0;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	CHECK_EQ(on_alt, 0, "without SA_ONSTACK it runs on the normal stack");

	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	CHECK(saved.ss_sp == alt && saved.ss_size == SIGSTKSZ && saved.ss_flags == 0,
	      "an SA_SIGINFO handler's uc_stack: the alternate stack, flags 0 as set");
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_sigaction = nested_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR1);
	CHECK(on_alt && nested_saved.ss_sp == alt && nested_saved.ss_flags == 0,
	      "a signal taken on the alternate stack saves the flags set (0), not SS_ONSTACK");

	ss.ss_flags = SS_AUTODISARM;
	CHECK_EQ(sigaltstack(&ss, NULL), 0, "SS_AUTODISARM is accepted");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_AUTODISARM,
	      "and read back with the stack's state (0 | SS_AUTODISARM)");
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	CHECK_EQ(on_alt, 1, "an SS_AUTODISARM stack is used");
	CHECK_EQ(flags_inside, SS_DISABLE, "and disarmed while the handler runs on it");
	CHECK(saved.ss_sp == alt && saved.ss_size == SIGSTKSZ && saved.ss_flags == SS_AUTODISARM,
	      "the frame's uc_stack keeps it, SS_AUTODISARM included");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_flags == SS_AUTODISARM,
	      "rt_sigreturn rearms it");
	ss.ss_flags = 0;

	ss.ss_size = MINSIGSTKSZ - 1;
	CHECK_ERR(sigaltstack(&ss, NULL), ENOMEM, "smaller than MINSIGSTKSZ -> ENOMEM");
	ss.ss_flags = SS_DISABLE;
	CHECK_EQ(sigaltstack(&ss, NULL), 0, "disable it");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE, "disabled");
	return check_done("t_sigaltstack");
}
