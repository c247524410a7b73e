/* The stack's limits, as an ordinary user: Linux's stack_guard_gap (256
 * pages, mm/mmap.c expand_downwards) keeps a growing stack 1 MiB away from
 * the mapping below it, so a runaway recursion dies by SIGSEGV instead of
 * writing over that mapping; a touch closer than the gap is SIGSEGV
 * (SEGV_MAPERR at that address), one that leaves the gap free grows the
 * stack; a PROT_NONE mapping below is a guard itself and needs no gap; and
 * the stack grows no further than RLIMIT_STACK. Each check runs in a child
 * whose stack it may ruin; the mapping below is shared, so that the parent
 * can see whether the child's stack ran over it. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "case.h"

#define KiB 1024UL
#define MiB (1024 * KiB)
#define PAGE (4 * KiB)
#define GAP (256 * PAGE)	/* Linux's stack_guard_gap */
#define MARK 0x5a
/* Larger than a frame of recurse() (gcc unrolls it into 6 KiB frames),
 * so that a stack running into it must write there, not jump over it. */
#define RUNAWAY_MAP (64 * KiB)

static volatile char *volatile target;	/* read by on_segv */
static char altstack[16384];

/* RETURNS: the start of the VMA holding the stack ([stack] in maps). */
static unsigned long stack_start(void)
{
	char maps[4096], *line;
	unsigned long start = 0, end;

	if (read_text("/proc/self/maps", maps, sizeof(maps)) < 0)
		return 0;
	for (line = strtok(maps, "\n"); line; line = strtok(NULL, "\n"))
		if (strstr(line, "[stack]") && sscanf(line, "%lx-%lx", &start, &end) == 2)
			break;
	return start;
}

/* A SIGSEGV at the touched address, as Linux's bad_area reports a stack
 * that may not grow there: exit 11; anything else: exit 12. */
static void on_segv(int sig, siginfo_t *si, void *uc)
{
	_exit(si->si_code == SEGV_MAPERR && si->si_addr == (void *)target ? 11 : 12);
}

static void catch_segv_on_altstack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
}

/* Child: touch @arg's address below the stack. RETURNS: 0 if the write
 * went through (on_segv exits otherwise). */
static int touch(void *arg)
{
	catch_segv_on_altstack();
	target = arg;
	*target = 1;
	return 0;
}

/* @size bytes mapped @below bytes under the stack's start, for the
 * children. RETURNS: the mapping, or NULL. */
static char *map_below(unsigned long start, unsigned long below, unsigned long size, int prot)
{
	char *want = (char *)(start - below);
	char *p = mmap(want, size, prot, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (p != want)
		return NULL;
	if (prot & PROT_WRITE)
		memset(p, MARK, size);
	return p;
}

static void test_touches(unsigned long start)
{
	char *below = map_below(start, 2 * MiB, PAGE, PROT_READ | PROT_WRITE);
	unsigned long below_end = (unsigned long)below + PAGE;

	if (!CHECK(below != NULL, "a mapping 2 MiB below the stack"))
		return;
	CHECK_EQ(reap(spawn(touch, (void *)(below_end + GAP))), 0,
		 "a touch that leaves stack_guard_gap free grows the stack");
	CHECK_EQ(WEXITSTATUS(reap(spawn(touch, (void *)(below_end + GAP - PAGE)))), 11,
		 "a touch a page inside the gap: SIGSEGV, SEGV_MAPERR at that address");
	CHECK_EQ(WEXITSTATUS(reap(spawn(touch, (void *)(below_end + 64 * KiB)))), 11,
		 "a touch 64 KiB above the mapping: SIGSEGV");
	munmap(below, PAGE);

	below = map_below(start, 2 * MiB, PAGE, PROT_NONE);
	if (CHECK(below != NULL, "a PROT_NONE mapping 2 MiB below the stack"))
		CHECK_EQ(reap(spawn(touch, (void *)((unsigned long)below + PAGE))), 0,
			 "is a guard itself: the stack may grow right down to it");
	munmap(below, PAGE);
}

static volatile int never = -1;

/* Recurse until the stack may grow no further (never is never reached). */
static int recurse(int depth)
{
	volatile char pad[1024];

	if (depth == never)
		return 0;
	pad[0] = (char)depth;
	return recurse(depth + 1) + pad[0];
}

static int overflow(void *unused)
{
	return recurse(0);
}

static void test_runaway_recursion(unsigned long start)
{
	char *below = map_below(start, 3 * MiB, RUNAWAY_MAP, PROT_READ | PROT_WRITE);
	int st, i, intact = 1;

	if (!CHECK(below != NULL, "a shared mapping 3 MiB below the stack"))
		return;
	st = reap(spawn(overflow, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "a runaway recursion dies by SIGSEGV");
	for (i = 0; i < (int)RUNAWAY_MAP; i++)
		intact &= below[i] == MARK;
	CHECK(intact, "before its stack reaches the mapping 3 MiB below: untouched");
	munmap(below, RUNAWAY_MAP);
}

static int touch_past_rlimit(void *arg)
{
	if (case_setrlimit(RLIMIT_STACK, MiB, MiB) < 0)
		return 2;
	return touch(arg);
}

int main(int argc, char **argv)
{
	unsigned long start;

	case_init(argc, argv);
	as_user();
	start = stack_start();
	if (!CHECK(start > 4 * MiB, "/proc/self/maps shows [stack]"))
		return check_done("stack");
	test_touches(start);
	test_runaway_recursion(start);
	CHECK_EQ(WEXITSTATUS(reap(spawn(touch_past_rlimit, (void *)(start - MiB)))), 11,
		 "RLIMIT_STACK 1 MiB: a touch 1 MiB below the stack's start is SIGSEGV");
	CHECK_EQ(reap(spawn(touch, (void *)(start - MiB))), 0,
		 "at the default 8 MiB it grows the stack");
	return check_done("stack");
}
