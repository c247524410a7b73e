/* Memory exhaustion, as an ordinary user: brk() and mmap2() until the
 * address space is full (ENOMEM, the old break), huge and empty lengths;
 * a process touching more anonymous memory than the machine has, which
 * the OOM killer must end with SIGKILL (and the kernel must say so), while
 * its parent and everyone else live on; copy-on-write of a large region
 * after fork, each side seeing only its own writes; shared anonymous
 * memory, which takes memory only where it is touched and is shared with
 * a forked child. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "case.h"

#define MiB (1024UL * 1024)
#define PAGE 4096UL

static void test_brk(void)
{
	char *start = sbrk(0), *top = start;
	unsigned long step = 64 * MiB;
	int grew = 0;

	/* brk() never fails: past what it can do it returns the old break */
	while (grew < 64 && syscall(__NR_brk, top + step) == (long)(top + step)) {
		top += step;
		grew++;
	}
	CHECK(grew > 0 && grew < 64, "brk grows by 64 MiB steps until the address space is full");
	CHECK_EQ(syscall(__NR_brk, top + step), (long)top, "then returns the old break");
	CHECK_EQ(syscall(__NR_brk, 0xc0000000), (long)top, "brk into the kernel: the old break");
	CHECK_EQ(syscall(__NR_brk, start), (long)start, "shrinks back");
}

static void test_mmap_until_enomem(void)
{
	static void *maps[64];
	int n = 0, i, err = 0;

	while (n < 64) {
		void *p = mmap(NULL, 64 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			err = errno;
			break;
		}
		maps[n++] = p;
	}
	CHECK(n > 4 && n < 64, "64 MiB mappings until the address space is full");
	CHECK_EQ(err, ENOMEM, "then ENOMEM");
	for (i = 0; i < n; i++)
		munmap(maps[i], 64 * MiB);
	CHECK(mmap(NULL, 0xfffff000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == ENOMEM, "mmap of 4 GiB: ENOMEM");
	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == EINVAL, "mmap of nothing: EINVAL");
	CHECK(mmap((void *)0xc0000000, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	      MAP_FAILED && errno == ENOMEM, "MAP_FIXED in the kernel: ENOMEM");
}

/* Touch 64 MiB mappings, a page at a time, until killed. */
static int hog(void *arg)
{
	for (;;) {
		char *p = mmap(NULL, 64 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		unsigned long off;

		if (p == MAP_FAILED)
			return 3;	/* the address space ran out before memory did */
		for (off = 0; off < 64 * MiB; off += PAGE)
			p[off] = 1;
	}
}

static void test_oom_kill(void)
{
	char keep[PAGE * 4];
	int status;

	memset(keep, 0x5a, sizeof(keep));
	status = reap(spawn(hog, NULL));
	CHECK(killed_by(status, SIGKILL), "touching more memory than there is: OOM-killed by SIGKILL");
	CHECK(keep[0] == 0x5a && keep[sizeof(keep) - 1] == 0x5a, "the parent lives on, its memory intact");
	/* and once more: the first victim's memory came back */
	status = reap(spawn(hog, NULL));
	CHECK(killed_by(status, SIGKILL), "a second hog is OOM-killed too");
}

#define COW_BYTES (32 * MiB)

/* Each page holds its own number in its first and last words. */
static bool page_holds(uint32_t *region, unsigned long page, uint32_t value)
{
	uint32_t *p = region + page * (PAGE / 4);

	return p[0] == value && p[PAGE / 4 - 1] == value;
}

static void page_write(uint32_t *region, unsigned long page, uint32_t value)
{
	uint32_t *p = region + page * (PAGE / 4);

	p[0] = p[PAGE / 4 - 1] = value;
}

static int cow_child(void *arg)
{
	uint32_t *region = arg;
	unsigned long page;

	for (page = 0; page < COW_BYTES / PAGE; page++)
		if (!page_holds(region, page, page))
			return 1;
	for (page = 0; page < COW_BYTES / PAGE; page++)
		page_write(region, page, ~page);
	for (page = 0; page < COW_BYTES / PAGE; page++)
		if (!page_holds(region, page, ~page))
			return 2;
	return 0;
}

static void test_cow(void)
{
	uint32_t *region = mmap(NULL, COW_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);
	unsigned long page, bad = 0;

	for (page = 0; page < COW_BYTES / PAGE; page++)
		page_write(region, page, page);
	CHECK_EQ(reap(spawn(cow_child, region)), 0, "a child writes every page of 32 MiB it shares");
	for (page = 0; page < COW_BYTES / PAGE; page++)
		bad += !page_holds(region, page, page);
	CHECK_EQ(bad, 0, "the parent's copy is untouched");
	munmap(region, COW_BYTES);
}

/* The line of @path that holds @what, copied to @line. RETURNS: found. */
static bool find_line(const char *path, const char *what, char *line, int size)
{
	static char buf[8192];
	char *at, *end;

	if (read_text(path, buf, sizeof(buf)) < 0 || !(at = strstr(buf, what)))
		return false;
	while (at > buf && at[-1] != '\n')
		at--;
	end = strchr(at, '\n');
	snprintf(line, size, "%.*s", end ? (int)(end - at) : (int)strlen(at), at);
	return true;
}

static long mem_free_kb(void)
{
	char line[128];

	return find_line("/proc/meminfo", "MemFree:", line, sizeof(line)) ? atol(line + 8) : -1;
}

#define SHARED_BYTES (128 * MiB)

static int shared_child(void *arg)
{
	uint32_t *region = arg;

	if (!page_holds(region, 1000, 1000))
		return 1;
	page_write(region, 2000, 2000);
	return 0;
}

/* MAP_SHARED | MAP_ANONYMOUS is a tmpfs file's pages (Linux's
 * shmem_zero_setup): 128 MiB, half of the suite's machine, costs nothing
 * until touched, a forked child shares what is, and /proc/<pid>/maps names it as
 * Linux does. */
static void test_shared_anonymous(void)
{
	long before = mem_free_kb(), mapped;
	uint32_t *region = mmap(NULL, SHARED_BYTES, PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	char line[160], address[16];

	if (!CHECK(region != MAP_FAILED, "mmap of 128 MiB of shared anonymous memory succeeds"))
		return;
	mapped = mem_free_kb();
	check_result(before - mapped < 1024, "and takes no memory until touched",
		     "MemFree %ld kB, then %ld kB", before, mapped);
	snprintf(address, sizeof(address), "%08lx-", (unsigned long)region);
	CHECK(find_line("/proc/self/maps", address, line, sizeof(line)) &&
	      strstr(line, " rw-s ") && strstr(line, " /dev/zero (deleted)"),
	      "/proc/self/maps: rw-s ... /dev/zero (deleted), as Linux");
	page_write(region, 1000, 1000);
	CHECK_EQ(reap(spawn(shared_child, region)), 0, "a forked child sees the parent's write");
	CHECK(page_holds(region, 2000, 2000), "and the parent sees the child's");
	CHECK(region[(SHARED_BYTES - PAGE) / 4] == 0, "an untouched page reads zeros");
	mapped = mem_free_kb();
	check_result(before - mapped < 1024, "the touched pages cost only themselves",
		     "MemFree %ld kB, then %ld kB", before, mapped);
	munmap(region, SHARED_BYTES);
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	as_user();
	test_brk();
	test_mmap_until_enomem();
	test_cow();
	test_shared_anonymous();
	test_oom_kill();
	return check_done("memory");
}
