/* vdso: the kernel's vDSO as a glibc program sees it. AT_SYSINFO_EHDR
 * points at an ELF shared object mapped as [vdso], just above its
 * read-only data page [vvar] and the [sigpage]; it exports
 * __vdso_clock_gettime and __vdso_gettimeofday at version LINUX_2.6.
 * clock_gettime() of CLOCK_REALTIME, CLOCK_MONOTONIC and their _COARSE
 * variants and __vdso_gettimeofday make no system call (counted with the
 * raw_syscalls:sys_enter trace event) while a CPU-time clock still does
 * (the vDSO's fallback); the vDSO's times lie between system calls' read
 * just before and after, and CLOCK_MONOTONIC never goes back as the
 * program moves from CPU to CPU. A child of fork() keeps the mappings,
 * and a program exec'd has its own. Same output on Linux 6.1.
 * glibc takes a 32-bit vDSO's time only once tv_sec > 0, so the program
 * first waits for the clocks' first second to pass. */
#include <elf.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRACING "/sys/kernel/tracing/"
#define NSEC_PER_SEC 1000000000LL
/* A tick at the lowest HZ of the two kernels (100), twice over */
#define TWO_TICKS_NS 20000000LL

/* The system calls' 32-bit time structures (SYS_clock_gettime, 263) */
struct ts32 {
	long tv_sec, tv_nsec;
};

static long long ns(const struct timespec *t)
{
	return t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

static long long ns32(const struct ts32 *t)
{
	return t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror(path);
		close(fd);
	}
}

/* This process's lines in the trace for system call @nr (or @nr2). */
static int count_trace_lines(long nr, long nr2)
{
	static char buf[1 << 20];
	char me[32], a[32], b[32], *line, *end;
	int fd = open(TRACING "trace", O_RDONLY), n = 0, r, count = 0;

	if (fd < 0)
		return -1;
	while (n < (int)sizeof(buf) - 1 && (r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(fd);
	snprintf(me, sizeof(me), "-%d ", getpid());
	snprintf(a, sizeof(a), "sys_enter: NR %ld ", nr);
	snprintf(b, sizeof(b), "sys_enter: NR %ld ", nr2);
	for (line = buf; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			break;
		*end = '\0';
		if (strstr(line, me) && (strstr(line, a) || strstr(line, b)))
			count++;
	}
	return count;
}

typedef int (*vgettimeofday_t)(struct timeval *tv, struct timezone *tz);
static vgettimeofday_t vdso_gettimeofday;

static clockid_t which;
static void call_clock_gettime(void)
{
	struct timespec t;

	clock_gettime(which, &t);
}

static void call_vdso_gettimeofday(void)
{
	struct timeval tv;

	vdso_gettimeofday(&tv, NULL);
}

/* The system calls of @nr or @nr2 this process makes in @n calls of @fn. */
static int syscalls_made(void (*fn)(void), int n, long nr, long nr2)
{
	write_file(TRACING "trace", "");
	write_file(TRACING "events/raw_syscalls/sys_enter/enable", "1");
	for (int i = 0; i < n; i++)
		fn();
	write_file(TRACING "events/raw_syscalls/sys_enter/enable", "0");
	return count_trace_lines(nr, nr2);
}

/* The dynamic symbol @name of version @version in the vDSO at @base, the
 * way the C library's dynamic linker finds it: the ELF's PT_DYNAMIC gives
 * DT_SYMTAB, DT_STRTAB, DT_HASH (the chain count) and the version tables. */
static void *vdso_sym(unsigned long base, const char *version, const char *name)
{
	Elf32_Ehdr *eh = (Elf32_Ehdr *)base;
	Elf32_Phdr *ph = (Elf32_Phdr *)(base + eh->e_phoff);
	Elf32_Dyn *dyn = NULL;
	Elf32_Sym *sym = NULL;
	Elf32_Word *hash = NULL;
	Elf32_Half *versym = NULL;
	Elf32_Verdef *verdef = NULL;
	const char *str = NULL;
	unsigned long load = 0;

	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !load)
			load = base + ph[i].p_offset - ph[i].p_vaddr;
		else if (ph[i].p_type == PT_DYNAMIC)
			dyn = (Elf32_Dyn *)(base + ph[i].p_offset);
	}
	for (; dyn && dyn->d_tag != DT_NULL; dyn++) {
		void *p = (void *)(load + dyn->d_un.d_ptr);

		switch (dyn->d_tag) {
		case DT_SYMTAB: sym = p; break;
		case DT_STRTAB: str = p; break;
		case DT_HASH: hash = p; break;
		case DT_VERSYM: versym = p; break;
		case DT_VERDEF: verdef = p; break;
		}
	}
	if (!sym || !str || !hash || !versym || !verdef)
		return NULL;
	for (Elf32_Word i = 0; i < hash[1]; i++) {
		Elf32_Verdef *vd = verdef;

		if (!sym[i].st_name || strcmp(str + sym[i].st_name, name) || !sym[i].st_shndx)
			continue;
		while (vd->vd_ndx != (versym[i] & 0x7fff) && vd->vd_next)
			vd = (Elf32_Verdef *)((char *)vd + vd->vd_next);
		if (vd->vd_ndx == (versym[i] & 0x7fff) &&
		    !strcmp(str + ((Elf32_Verdaux *)((char *)vd + vd->vd_aux))->vda_name, version))
			return (void *)(load + sym[i].st_value);
	}
	return NULL;
}

/* The names and permissions of the mappings that start one and two pages
 * below @vdso and at @vdso in /proc/self/maps. */
static void show_special_mappings(unsigned long vdso)
{
	static char maps[16384];
	unsigned long start;
	char perms[8], name[64], *line;
	int fd = open("/proc/self/maps", O_RDONLY), n = 0, r, found = 0;

	while (fd >= 0 && n < (int)sizeof(maps) - 1 && (r = read(fd, maps + n, sizeof(maps) - 1 - n)) > 0)
		n += r;
	maps[n] = '\0';
	close(fd);
	printf("maps:");
	for (line = maps; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		name[0] = '\0';
		if (sscanf(line, "%lx-%*x %7s %*s %*s %*s %63s", &start, perms, name) >= 2 &&
		    (start == vdso - 2 * 4096 || start == vdso - 4096 || start == vdso))
			printf("%s %s %s", found++ ? "," : "", name, perms);
	}
	printf("\n");
}

int main(int argc, char **argv)
{
	static const struct { clockid_t id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "CLOCK_REALTIME" },
		{ CLOCK_MONOTONIC, "CLOCK_MONOTONIC" },
		{ CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_COARSE" },
		{ CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_COARSE" },
	};
	unsigned long vdso = getauxval(AT_SYSINFO_EHDR);
	struct timespec t, prev;
	int status, backwards = 0, ok;
	pid_t pid;

	if (argc > 1) {
		/* exec'd by the parent below: its own vDSO, at work */
		printf("after exec: AT_SYSINFO_EHDR %s, clock_gettime %s\n",
		       getauxval(AT_SYSINFO_EHDR) ? "set" : "0",
		       clock_gettime(CLOCK_MONOTONIC, &t) == 0 && t.tv_sec > 0 ? "works" : "FAILS");
		return 0;
	}
	if (!vdso || memcmp((void *)vdso, ELFMAG, SELFMAG) ||
	    ((Elf32_Ehdr *)vdso)->e_type != ET_DYN) {
		printf("AT_SYSINFO_EHDR: no vDSO\n");
		return 1;
	}
	printf("AT_SYSINFO_EHDR: an ELF shared object\n");
	show_special_mappings(vdso);
	vdso_gettimeofday = (vgettimeofday_t)vdso_sym(vdso, "LINUX_2.6", "__vdso_gettimeofday");
	printf("LINUX_2.6 symbols: __vdso_clock_gettime %s, __vdso_gettimeofday %s\n",
	       vdso_sym(vdso, "LINUX_2.6", "__vdso_clock_gettime") ? "found" : "MISSING",
	       vdso_gettimeofday ? "found" : "MISSING");
	if (!vdso_gettimeofday)
		return 1;

	do {
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (t.tv_sec < 1)
			usleep(10000);
	} while (t.tv_sec < 1);

	for (unsigned i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		which = clocks[i].id;
		printf("clock_gettime(%s) x1000: %d system calls\n", clocks[i].name,
		       syscalls_made(call_clock_gettime, 1000, SYS_clock_gettime, 403));
	}
	printf("__vdso_gettimeofday x1000: %d system calls\n",
	       syscalls_made(call_vdso_gettimeofday, 1000, SYS_gettimeofday, SYS_gettimeofday));
	which = CLOCK_PROCESS_CPUTIME_ID;
	printf("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) x100: %d system calls\n",
	       syscalls_made(call_clock_gettime, 100, SYS_clock_gettime, 403));

	/* Each clock read in user space lies between two system calls' reads
	 * of it (the precise ones), or within two ticks before the second
	 * (the coarse ones, the tick's copy). */
	for (unsigned i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		clockid_t precise = clocks[i].id == CLOCK_REALTIME_COARSE ? CLOCK_REALTIME :
				    clocks[i].id == CLOCK_MONOTONIC_COARSE ? CLOCK_MONOTONIC :
				    clocks[i].id;
		int coarse = precise != clocks[i].id;

		ok = 1;
		for (int j = 0; j < 100; j++) {
			struct ts32 before, after;

			syscall(SYS_clock_gettime, precise, &before);
			clock_gettime(clocks[i].id, &t);
			syscall(SYS_clock_gettime, precise, &after);
			if (coarse)
				ok &= ns(&t) <= ns32(&after) && ns32(&after) - ns(&t) < TWO_TICKS_NS + (ns32(&after) - ns32(&before));
			else
				ok &= ns32(&before) <= ns(&t) && ns(&t) <= ns32(&after);
		}
		printf("%s agrees with the system call: %s\n", clocks[i].name, ok ? "yes" : "NO");
	}
	ok = 1;
	for (int j = 0; j < 100; j++) {
		struct timeval before, tv, after;

		syscall(SYS_gettimeofday, &before, NULL);
		vdso_gettimeofday(&tv, NULL);
		syscall(SYS_gettimeofday, &after, NULL);
		ok &= timercmp(&before, &tv, <=) && timercmp(&tv, &after, <=);
	}
	printf("__vdso_gettimeofday agrees with the system call: %s\n", ok ? "yes" : "NO");

	/* CLOCK_MONOTONIC across CPUs: never back, whichever CPU reads it */
	clock_gettime(CLOCK_MONOTONIC, &prev);
	for (int i = 0; i < 200; i++) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(i % 4, &set);
		sched_setaffinity(0, sizeof(set), &set);
		for (int j = 0; j < 50; j++) {
			clock_gettime(CLOCK_MONOTONIC, &t);
			backwards += ns(&t) < ns(&prev);
			prev = t;
		}
	}
	printf("CLOCK_MONOTONIC moved across 4 CPUs 200 times: went back %d times\n", backwards);

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		which = CLOCK_MONOTONIC;
		printf("child of fork: [vdso] %s, clock_gettime x1000: %d system calls\n",
		       memcmp((void *)vdso, ELFMAG, SELFMAG) ? "GONE" : "still mapped",
		       syscalls_made(call_clock_gettime, 1000, SYS_clock_gettime, 403));
		fflush(stdout);
		execl(argv[0], argv[0], "exec", (char *)NULL);
		_exit(1);
	}
	waitpid(pid, &status, 0);
	printf("child status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}
