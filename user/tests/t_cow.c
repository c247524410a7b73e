/* Copy-on-write under fire: while one thread of a process writes the
 * pages it shares with a forked child (each write copies a page) and the
 * child writes its own copies, another thread of the process reads them
 * all the time. It must only ever see its own process's values: a CPU
 * that kept the old translation after the copy would read the child's
 * writes once the child owns the old page alone. One second of rounds. */
#include <sched.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <thread.h>
#include <unistd.h>
#include "check.h"

#define PAGES 64
#define PAGE 4096
#define CHILD_MAGIC 0xc0ffee

static volatile unsigned int *area;
static volatile int stop, leaks;

static int reader(void *unused)
{
	while (!stop) {
		int i;

		for (i = 0; i < PAGES; i++)
			if (area[i * PAGE / 4] == CHILD_MAGIC)
				leaks++;
	}
	return 0;
}

static int child_writes(void *unused)
{
	int i;

	for (i = 0; i < PAGES; i++)
		area[i * PAGE / 4] = CHILD_MAGIC;
	return 0;
}

int main(void)
{
	long long start;
	struct thread t;
	int i, rounds = 0, bad = 0;

	area = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (i = 0; i < PAGES; i++)
		area[i * PAGE / 4] = 1;
	CHECK(thread_start(&t, reader, NULL) > 0, "a reader thread");
	for (start = ms_now(); ms_now() - start < 1000; rounds++) {
		pid_t pid = spawn(child_writes, NULL);

		for (i = 0; i < PAGES; i++)
			area[i * PAGE / 4] = rounds + 2;
		if (reap(pid) != 0)
			bad++;
		for (i = 0; i < PAGES; i++)
			if (area[i * PAGE / 4] != (unsigned int)rounds + 2)
				bad++;
	}
	stop = 1;
	thread_join(&t);
	check_result(!bad && !leaks && rounds > 0, "the reader never saw the child's writes",
		     "%d leaks, %d wrong values in %d rounds", leaks, bad, rounds);
	return check_done("t_cow");
}
