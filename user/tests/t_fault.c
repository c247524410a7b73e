/* Faults become signals: a NULL write and a write to code -> SIGSEGV with
 * SEGV_MAPERR/SEGV_ACCERR, an undefined instruction -> SIGILL ILL_ILLOPC,
 * an unaligned exclusive load -> SIGBUS BUS_ADRALN; si_addr names the
 * faulting address (the instruction, for SIGILL). */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static void *volatile expected_addr;
static char data[8] __attribute__((aligned(8)));

/* in the child: exit with si_code if si_addr is right, else 100 */
static void report(int sig, siginfo_t *info, void *uc)
{
	_exit(info->si_addr == expected_addr ? info->si_code : 100);
}

static void catch_faults(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = report;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

static int null_write(void *handled)
{
	if (handled)
		catch_faults();
	expected_addr = NULL;
	*(volatile int *)0 = 1;
	return 0;
}

static int code_write(void *unused)
{
	catch_faults();
	expected_addr = (void *)catch_faults;
	*(volatile int *)expected_addr = 0;
	return 0;
}

static int undefined_instruction(void *handled)
{
	void *pc;

	if (handled)
		catch_faults();
	__asm__ volatile("adr	%0, 1f\n\t"
			 "str	%0, [%1]\n"
			 "1:\t.word 0xe7f000f0"	/* udf #0 */
			 : "=&r"(pc) : "r"(&expected_addr) : "memory");
	return 0;
}

static int unaligned_exclusive(void *unused)
{
	int v;

	catch_faults();
	expected_addr = data + 1;
	__asm__ volatile("ldrex %0, [%1]" : "=r"(v) : "r"(data + 1) : "memory");
	return v;
}

int main(void)
{
	int st;

	st = reap(spawn(null_write, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "NULL write kills with SIGSEGV");
	st = reap(spawn(null_write, (void *)1));
	CHECK_EQ(st, SEGV_MAPERR << 8, "handled: SEGV_MAPERR, si_addr NULL");
	st = reap(spawn(code_write, NULL));
	CHECK_EQ(st, SEGV_ACCERR << 8, "write to code: SEGV_ACCERR, si_addr the code address");
	st = reap(spawn(undefined_instruction, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGILL, "undefined instruction kills with SIGILL");
	st = reap(spawn(undefined_instruction, (void *)1));
	CHECK_EQ(st, ILL_ILLOPC << 8, "handled: ILL_ILLOPC, si_addr the instruction");
	st = reap(spawn(unaligned_exclusive, NULL));
	CHECK_EQ(st, BUS_ADRALN << 8, "unaligned ldrex: SIGBUS BUS_ADRALN, si_addr the data");
	return check_done("t_fault");
}
