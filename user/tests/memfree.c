/* memfree: print /proc/meminfo's MemFree line as it stands once nothing
 * else is running, for tests that compare free memory exactly.
 * A reading taken while the shell that started us is still on its way
 * back from fork() found a page missing for a moment (one of its
 * copy-on-write faults half done, most likely: the copy allocated, the
 * page it replaces not yet released). So wait until the parent sleeps (in wait4) and
 * two readings 10 ms apart agree, for at most 2 s. Exit status 1 if the
 * readings never settled. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

/* RETURNS: @pid's state letter from /proc/<pid>/stat, or 0. */
static char task_state(pid_t pid)
{
	char path[32], buf[256], *paren;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_text(path, buf, sizeof(buf)) <= 0 || !(paren = strrchr(buf, ')')))
		return 0;
	return paren[1] == ' ' ? paren[2] : 0;
}

/* RETURNS: MemFree in kB, or -1. */
static long mem_free_kb(void)
{
	char buf[512], *line;
	long kb;

	if (read_text("/proc/meminfo", buf, sizeof(buf)) <= 0 || !(line = strstr(buf, "MemFree:")) ||
	    sscanf(line, "MemFree: %ld kB", &kb) != 1)
		return -1;
	return kb;
}

int main(void)
{
	long long start = ms_now();
	long before = -1, now = -1;

	while (ms_now() - start < 2000) {
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
		now = mem_free_kb();
		if (task_state(getppid()) == 'S' && now == before && now >= 0) {
			printf("MemFree:        %8ld kB\n", now);
			return 0;
		}
		before = now;
	}
	printf("memfree: MemFree did not settle in 2 s (last %ld kB)\n", now);
	return 1;
}
