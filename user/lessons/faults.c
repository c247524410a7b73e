/* faults (lesson 6): one child per kind of fault, each catching the
 * signal the kernel turns it into with an SA_SIGINFO handler that prints
 * si_signo, si_code and si_addr, as Linux 4.19's arch/arm/mm/fault.c
 * (do_DataAbort, do_PrefetchAbort -> do_page_fault -> __do_user_fault)
 * and arch/arm/kernel/traps.c (do_undefinstr -> arm_notify_die) fill them
 * in: a write to NULL, a write to a read-only page, a jump to NULL, a read
 * past the end of a mapped file, an undefined instruction. Then an integer
 * division by zero in the CPU's own divide instruction, which does not trap
 * on ARMv7: no SIGFPE. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define MAPPED_FILE "/tmp/faults-file"

/* the read-only or file-backed page a child faults on, stored before the
 * fault (volatile) for the handler to see */
static volatile char *volatile page;

static const char *code_name(int sig, int code)
{
	if (sig == SIGSEGV && code == SEGV_MAPERR)
		return "SEGV_MAPERR";
	if (sig == SIGSEGV && code == SEGV_ACCERR)
		return "SEGV_ACCERR";
	if (sig == SIGBUS && code == BUS_ADRERR)
		return "BUS_ADRERR";
	if (sig == SIGILL && code == ILL_ILLOPC)
		return "ILL_ILLOPC";
	return "?";
}

/* What the kernel put in the siginfo, with si_addr relative to the page
 * when it is in it (its address differs between runs and kernels). */
static void undefined_instruction(void);

static void handler(int sig, siginfo_t *si, void *uc)
{
	unsigned long addr = (unsigned long)si->si_addr;
	unsigned long udf = (unsigned long)undefined_instruction;

	printf("  %s si_code=%d (%s) si_addr=", strsignal(sig), si->si_code,
	       code_name(sig, si->si_code));
	if (page && addr - (unsigned long)page < PAGE)
		printf("page+0x%lx\n", addr - (unsigned long)page);
	else if (addr - udf < 16)
		printf("undefined_instruction+0x%lx\n", addr - udf);
	else
		printf("0x%lx\n", addr);
	fflush(stdout);
	_exit(0);
}

static void write_null(void)
{
	*(volatile int *)0 = 1;
}

static void write_read_only(void)
{
	page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page[8] = 1;
}

static void jump_null(void)
{
	void (*volatile fn)(void) = NULL;

	fn();
}

/* A page of a mapped file that lies wholly past the file's end. */
static void read_past_eof(void)
{
	int fd = open(MAPPED_FILE, O_CREAT | O_TRUNC | O_RDWR, 0600);

	if (fd < 0 || write(fd, "x", 1) != 1)
		return;
	page = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	if (page == MAP_FAILED)
		return;
	page += PAGE;
	(void)page[0];
}

static void undefined_instruction(void)
{
	__asm__ volatile(".inst 0xe7f000f0"); /* udf #0 */
}

/* The Cortex-A7's divide instruction (the C operator would call libgcc) */
static int sdiv(int n, int d)
{
	int q;

	__asm__(".arch_extension idiv\n\tsdiv %0, %1, %2" : "=r"(q) : "r"(n), "r"(d));
	return q;
}

static const struct fault {
	const char *what;
	int sig;
	void (*fn)(void);
} faults[] = {
	{ "write to NULL", SIGSEGV, write_null },
	{ "write to a read-only page", SIGSEGV, write_read_only },
	{ "jump to NULL", SIGSEGV, jump_null },
	{ "read a file mapping past the file's end", SIGBUS, read_past_eof },
	{ "undefined instruction", SIGILL, undefined_instruction },
};

int main(void)
{
	volatile int zero = 0;
	unsigned int i;
	int failed = 0;

	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
		const struct fault *f = &faults[i];
		int status;
		pid_t pid;

		printf("%s:\n", f->what);
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			struct sigaction sa;

			memset(&sa, 0, sizeof(sa));
			sa.sa_sigaction = handler;
			sa.sa_flags = SA_SIGINFO;
			sigaction(f->sig, &sa, NULL);
			f->fn();
			printf("  no signal\n");
			_exit(1);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
			failed = 1;
	}
	unlink(MAPPED_FILE);
	printf("sdiv 7 / 0 = %d: no trap, no signal\n", sdiv(7, zero));
	return failed;
}
