/* mmap2/munmap/mprotect: anonymous private and shared mappings, zero fill,
 * MAP_FIXED, faults after munmap and on a read-only page, bad arguments. */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static char *page;

static int write_page(void *unused)
{
	page[0] = 1;
	return 0;
}

int main(void)
{
	char *p, *q;
	int st, i, zero = 1;
	pid_t pid;

	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED && ((uintptr_t)p & 4095) == 0, "mmap anonymous, page aligned");
	for (i = 0; i < 3 * 4096; i++)
		zero &= p[i] == 0;
	CHECK(zero, "anonymous memory is zero-filled");
	memset(p, 0x33, 3 * 4096);
	CHECK(p[3 * 4096 - 1] == 0x33, "mapping is writable");

	pid = fork();
	if (pid == 0) {
		p[0] = 0x44;
		_exit(p[0] == 0x44 ? 0 : 1);
	}
	CHECK_EQ(reap(pid), 0, "child writes its private copy");
	CHECK_EQ(p[0], 0x33, "private mapping is copy-on-write");

	q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(q != MAP_FAILED, "mmap shared anonymous");
	if (q != MAP_FAILED) {
		q[0] = 1;
		pid = fork();
		if (pid == 0) {
			q[0] = 2;
			_exit(0);
		}
		reap(pid);
		CHECK_EQ(q[0], 2, "MAP_SHARED is shared with the child");
		munmap(q, 4096);
	}

	CHECK_EQ(munmap(p + 4096, 4096), 0, "munmap the middle page");
	page = p + 4096;
	st = reap(spawn(write_page, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "access after munmap -> SIGSEGV");
	q = mmap(p + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(q == p + 4096, "MAP_FIXED fills the hole at the given address");
	CHECK_EQ(mprotect(p, 4096, PROT_READ), 0, "mprotect read-only");
	page = p;
	st = reap(spawn(write_page, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "write to read-only page -> SIGSEGV");
	CHECK_EQ(p[0], 0x33, "read-only page still readable");
	CHECK_EQ(munmap(p, 3 * 4096), 0, "munmap all");

	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == EINVAL, "mmap of length 0 -> EINVAL");
	CHECK_ERR(munmap((char *)p + 1, 4096), EINVAL, "munmap unaligned -> EINVAL");
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == EINVAL, "neither MAP_PRIVATE nor MAP_SHARED -> EINVAL");
	return check_done("t_mmap");
}
