/* The pages the kernel maps into every process, as an ordinary user:
 * [sigpage], [vvar] (the vDSO's data, which the tick keeps updating) and
 * [vdso], adjacent at the top of user space. [vvar] may never become
 * writable or executable (EACCES: no VM_MAYWRITE/VM_MAYEXEC, as Linux) and
 * a write to it is SIGSEGV; [vdso] may be made writable, and a write then
 * copies the page for the writer alone, never reaching the page every
 * process shares; MADV_DONTNEED drops the pages and the next touch brings
 * them back; munmap, mremap and a mapping over them change the caller only,
 * and its children fork without them. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define PAGE 4096UL
#ifndef MADV_DONTNEED
#define MADV_DONTNEED 4
#endif

static unsigned long sigpage, vvar, vdso;

/* RETURNS: the start of the mapping /proc/self/maps names @name, or 0. */
static unsigned long mapping(const char *name)
{
	static char maps[8192];
	unsigned long start;
	char *line;

	if (read_text("/proc/self/maps", maps, sizeof(maps)) < 0)
		return 0;
	for (line = strtok(maps, "\n"); line; line = strtok(NULL, "\n"))
		if (strstr(line, name) && sscanf(line, "%lx-", &start) == 1)
			return start;
	return 0;
}

/* The data page's sequence count: the tick adds 2 every time it updates it. */
static unsigned int seq_count(void)
{
	return *(volatile unsigned int *)vvar;
}

/* Does the data page change within a second (a tick may come late on a
 * loaded host)? */
static bool vvar_live(void)
{
	unsigned int seq = seq_count();
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 100 && seq_count() == seq; i++)
		nanosleep(&ts, NULL);
	return seq_count() != seq;
}

static int write_vvar(void *unused)
{
	*(volatile unsigned int *)vvar = 1;
	return 0;
}

/* Make [vdso] writable and scribble over it. RETURNS: 0 if both worked. */
static int scribble_vdso(void *unused)
{
	if (mprotect((void *)vdso, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC))
		return 1;
	memset((void *)vdso, 0xff, PAGE);
	return memcmp((void *)vdso, "\377\377\377\377", 4) ? 2 : 0;
}

static int read_unmapped_vvar(void *unused)
{
	if (munmap((void *)vvar, PAGE))
		return 1;
	return seq_count() ? 2 : 3;
}

static int child_without_them(void *unused)
{
	return mapping("[vvar]") || mapping("[vdso]") || mapping("[sigpage]") ? 1 : 0;
}

/* Unmap, move and map over the three, then fork: the child must have
 * none of them. RETURNS: 0 if the calls did what Linux's do. */
static int tear_them_down(void *unused)
{
	void *over;

	syscall(__NR_mremap, vdso, PAGE, 2 * PAGE, 0);
	syscall(__NR_mremap, vvar, PAGE, PAGE / 2, 0);
	if (munmap((void *)sigpage, 3 * PAGE))
		return 1;
	over = mmap((void *)vvar, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		    -1, 0);
	if (over != (void *)vvar || *(volatile unsigned int *)vvar != 0)
		return 2;
	munmap(over, PAGE);
	return reap(spawn(child_without_them, NULL)) == 0 ? 0 : 3;
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	as_user();
	sigpage = mapping("[sigpage]");
	vvar = mapping("[vvar]");
	vdso = mapping("[vdso]");
	if (!CHECK(sigpage && vvar == sigpage + PAGE && vdso == vvar + PAGE,
		   "/proc/self/maps: [sigpage], [vvar], [vdso] side by side"))
		return check_done("vdso");
	CHECK(!memcmp((void *)vdso, "\177ELF", 4), "[vdso] starts with an ELF header");
	CHECK(vvar_live(), "[vvar] changes as the tick updates it");
	CHECK_ERR(mprotect((void *)vvar, PAGE, PROT_READ | PROT_WRITE), EACCES,
		  "mprotect [vvar] writable: EACCES");
	CHECK_ERR(mprotect((void *)vvar, PAGE, PROT_READ | PROT_EXEC), EACCES,
		  "mprotect [vvar] executable: EACCES");
	CHECK(killed_by(reap(spawn(write_vvar, NULL)), SIGSEGV), "a write to [vvar]: SIGSEGV");
	CHECK_EQ(reap(spawn(scribble_vdso, NULL)), 0, "[vdso] made writable and written over in a child");
	CHECK(!memcmp((void *)vdso, "\177ELF", 4), "the parent's [vdso] is untouched");
	CHECK_EQ(madvise((void *)vvar, 2 * PAGE, MADV_DONTNEED), 0, "MADV_DONTNEED of [vvar] and [vdso]");
	CHECK(!memcmp((void *)vdso, "\177ELF", 4) && vvar_live(), "and both come back on the next touch");
	CHECK(killed_by(reap(spawn(read_unmapped_vvar, NULL)), SIGSEGV),
	      "a read of [vvar] after munmap: SIGSEGV");
	CHECK_EQ(reap(spawn(tear_them_down, NULL)), 0,
		 "mremap, munmap and MAP_FIXED over them; a child forked after has none");
	CHECK(vvar_live() && !memcmp((void *)vdso, "\177ELF", 4), "the parent's are still there");
	return check_done("vdso");
}
