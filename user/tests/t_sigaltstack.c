/* sigaltstack: the initial state, a handler with SA_ONSTACK runs on the
 * alternate stack and sees SS_ONSTACK, the size check. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static char *alt;
static volatile int on_alt, flags_inside;

static void handler(int sig)
{
	stack_t now;
	char local;

	on_alt = (uintptr_t)&local >= (uintptr_t)alt && (uintptr_t)&local < (uintptr_t)alt + SIGSTKSZ;
	sigaltstack(NULL, &now);
	flags_inside = now.ss_flags;
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
	ss.ss_size = MINSIGSTKSZ - 1;
	CHECK_ERR(sigaltstack(&ss, NULL), ENOMEM, "smaller than MINSIGSTKSZ -> ENOMEM");
	ss.ss_flags = SS_DISABLE;
	CHECK_EQ(sigaltstack(&ss, NULL), 0, "disable it");
	CHECK(sigaltstack(NULL, &old) == 0 && old.ss_flags == SS_DISABLE, "disabled");
	return check_done("t_sigaltstack");
}
