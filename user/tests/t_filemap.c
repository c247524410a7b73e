/* File mappings and the calls Debian's C library and busybox use: mmap2
 * of a file (private copy-on-write, shared, read-only, past the end),
 * mprotect limits, /proc/self/maps and exe, select/pselect6/ppoll,
 * statx, readlinkat, sendfile64, link/symlink/renameat, utimensat, file
 * times, the robust futex list, getcpu, sched_getaffinity and syslog. The same
 * results on Linux (make test-linux). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/stat.h>
#include "check.h"

#define POLLIN 0x0001

#define PAGE 4096
#define FILE_NAME "/tmp/t_filemap"

static char *page;

static int write_page(void *arg)
{
	page[0] = 1;
	return 0;
}

static int read_page(void *arg)
{
	return page[0] == 'x' ? 3 : 4;
}

static void make_file(void)
{
	char buf[PAGE];
	int fd = open(FILE_NAME, O_CREAT | O_TRUNC | O_RDWR, 0644);

	memset(buf, 'a', PAGE);
	write(fd, buf, PAGE);
	memset(buf, 'b', 100);
	write(fd, buf, 100); /* 2 pages' worth of mapping, 4196 bytes of file */
	close(fd);
}

static void test_mmap(void)
{
	int fd = open(FILE_NAME, O_RDONLY), rw;
	char *p, c, maps[4096];
	int st, n, mfd;
	char *line;

	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED, "mmap MAP_PRIVATE of a file");
	CHECK(p[0] == 'a' && p[PAGE] == 'b' && p[PAGE + 100] == 0,
	      "file bytes, zeros past the end in the last page");
	p[0] = 'z';
	lseek(fd, 0, SEEK_SET);
	read(fd, &c, 1);
	CHECK_EQ(c, 'a', "a private write is not seen in the file");
	mfd = open("/proc/self/maps", O_RDONLY);
	n = read(mfd, maps, sizeof(maps) - 1);
	maps[n > 0 ? n : 0] = 0;
	close(mfd);
	CHECK(strstr(maps, "[stack]\n") != NULL, "/proc/self/maps shows [stack]");
	line = strstr(maps, FILE_NAME "\n");
	while (line && line > maps && line[-1] != '\n')
		line--;
	if (line)
		line[strcspn(line, "\n")] = 0;
	check_result(line && strstr(line, " rw-p 00000000 "), "/proc/self/maps shows the file mapping",
		     "its line: %s (of %d bytes)", line ? line : "none", n);
	CHECK_EQ(munmap(p, 2 * PAGE), 0, "munmap");

	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
	CHECK(p != MAP_FAILED && p[0] == 'b', "mmap MAP_SHARED read-only at an offset");
	CHECK_ERR(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES,
		  "mprotect PROT_WRITE of a shared mapping of a read-only file -> EACCES");
	page = p;
	st = reap(spawn(write_page, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "write to it -> SIGSEGV");
	munmap(p, PAGE);
	CHECK(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED &&
	      errno == EACCES, "MAP_SHARED PROT_WRITE of a read-only file -> EACCES");
	close(fd);

	rw = open(FILE_NAME, O_RDWR);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, rw, 0);
	CHECK(p != MAP_FAILED, "mmap MAP_SHARED read-write");
	p[1] = 'y';
	lseek(rw, 1, SEEK_SET);
	read(rw, &c, 1);
	CHECK_EQ(c, 'y', "a shared write is seen by read()");
	lseek(rw, 2, SEEK_SET);
	write(rw, "x", 1);
	page = p + 2;
	st = reap(spawn(read_page, NULL));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3, "write() is seen in a child's mapping");
	munmap(p, PAGE);

	p = mmap(NULL, 3 * PAGE, PROT_READ, MAP_PRIVATE, rw, 0);
	page = p + 2 * PAGE;
	st = reap(spawn(read_page, NULL));
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGBUS, "a page past the end of the file -> SIGBUS");
	munmap(p, 3 * PAGE);
	close(rw);

	fd = open("/proc/self/stat", O_RDONLY);
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED && errno == ENODEV,
	      "mmap of a /proc file -> ENODEV");
	close(fd);
	CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED && errno == EBADF,
	      "mmap of a closed descriptor -> EBADF");
}

static void test_select(void)
{
	int fds[2];
	unsigned long rd[32], wr[32];
	struct { long tv_sec, tv_usec; } tv = { 0, 20000 };
	struct { long tv_sec, tv_nsec; } ts = { 0, 0 };
	struct { int fd; short events, revents; } pfd;

	pipe(fds);
	memset(rd, 0, sizeof(rd));
	rd[0] = 1UL << fds[0];
	CHECK_EQ(syscall(__NR__newselect, fds[0] + 1, rd, NULL, NULL, &tv), 0,
		 "select on an empty pipe times out");
	CHECK(tv.tv_sec == 0 && tv.tv_usec == 0, "select leaves the time remaining: 0");
	write(fds[1], "x", 1);
	rd[0] = 1UL << fds[0];
	memset(wr, 0, sizeof(wr));
	wr[0] = 1UL << fds[1];
	CHECK_EQ(syscall(__NR__newselect, fds[1] + 1, rd, wr, NULL, NULL), 2,
		 "select: readable end and writable end");
	CHECK(rd[0] == 1UL << fds[0] && wr[0] == 1UL << fds[1], "select: the bits left set");
	rd[0] = 1UL << 30;
	CHECK_ERR(syscall(__NR__newselect, 31, rd, NULL, NULL, NULL), EBADF,
		  "select on a closed descriptor -> EBADF");
	rd[0] = 1UL << fds[0];
	CHECK_EQ(syscall(__NR_pselect6, fds[0] + 1, rd, NULL, NULL, &ts, NULL), 1,
		 "pselect6 sees the byte");
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	CHECK_EQ(syscall(__NR_ppoll, &pfd, 1, &ts, NULL, 8), 1, "ppoll sees the byte");
	CHECK_EQ(pfd.revents, POLLIN, "ppoll: POLLIN");
	close(fds[0]);
	close(fds[1]);
}

static void test_files(void)
{
	struct statx stx;
	char buf[64];
	long n;
	long long off = 4000;
	int in, out;

	CHECK_EQ(syscall(__NR_statx, AT_FDCWD, FILE_NAME, 0, STATX_BASIC_STATS, &stx), 0, "statx");
	CHECK(stx.stx_size == 4196 && (stx.stx_mode & S_IFMT) == S_IFREG &&
	      (stx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS, "statx: size, type, mask");
	CHECK_ERR(syscall(__NR_statx, AT_FDCWD, FILE_NAME, 0, 0x80000000, &stx), EINVAL,
		  "statx with STATX__RESERVED -> EINVAL");
	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = 0;
	CHECK(n > 0 && !strcmp(buf, "/bin/t_filemap"), "readlink /proc/self/exe");
	CHECK_EQ(symlink(FILE_NAME, "/tmp/t_filemap.link"), 0, "symlink");
	n = syscall(__NR_readlinkat, AT_FDCWD, "/tmp/t_filemap.link", buf, sizeof(buf));
	CHECK(n == (long)strlen(FILE_NAME) && !memcmp(buf, FILE_NAME, n), "readlinkat");
	CHECK_EQ(link(FILE_NAME, "/tmp/t_filemap.hard"), 0, "link");
	CHECK_EQ(syscall(__NR_renameat, AT_FDCWD, "/tmp/t_filemap.hard", AT_FDCWD,
			 "/tmp/t_filemap.moved"), 0, "renameat");
	CHECK_EQ(syscall(__NR_utimensat, AT_FDCWD, "/tmp/t_filemap.moved", NULL, 0), 0,
		 "utimensat to now");
	in = open("/tmp/t_filemap.moved", O_RDONLY);
	out = open("/tmp/t_filemap.copy", O_CREAT | O_TRUNC | O_WRONLY, 0644);
	CHECK_EQ(syscall(__NR_sendfile64, out, in, &off, 1000), 196, "sendfile64 to the end");
	CHECK_EQ(off, 4196, "sendfile64 moves the offset");
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 0, "but not the file's position");
	close(in);
	close(out);
	unlink("/tmp/t_filemap.link");
	unlink("/tmp/t_filemap.moved");
	unlink("/tmp/t_filemap.copy");
}

#define UTIME_OMIT ((1l << 30) - 2l)

static long long mtime_ns(int fd)
{
	struct stat st;

	fstat(fd, &st);
	return st.st_mtime * 1000000000LL + st.st_mtime_nsec;
}

static long long realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* File times as ls -l and stat show them: a write stamps the modification
 * time with the wall clock as of the last tick (current_time(), which
 * may lag a tick, or more on a loaded host: half a second is allowed),
 * to the nanosecond, since tmpfs keeps nanoseconds; a later write moves
 * it on; utimensat sets what it is given, nanoseconds too. */
static void test_times(void)
{
	/* the system call's struct timespec: 32-bit seconds (newlib's time_t has 64) */
	struct { long tv_sec, tv_nsec; } set[2] = { { 0, UTIME_OMIT }, { 1234567890, 123456789 } };
	int fd = open("/tmp/t_filemap.times", O_CREAT | O_TRUNC | O_RDWR, 0644);
	long long before, after, first, later = 0;
	struct stat st;
	int tries;

	before = realtime_ns();
	write(fd, "x", 1);
	after = realtime_ns();
	first = mtime_ns(fd);
	CHECK(first > before - 500000000 && first <= after,
	      "a write stamps the modification time with the time of the write");
	CHECK(first % 1000000000 != 0, "to the nanosecond (tmpfs keeps them)");
	for (tries = 0; tries < 200 && (later = mtime_ns(fd)) == first; tries++) {
		usleep(10000);
		write(fd, "x", 1);
	}
	CHECK(later > first, "a later write moves it on");
	CHECK_EQ(syscall(__NR_utimensat, AT_FDCWD, "/tmp/t_filemap.times", set, 0), 0,
		 "utimensat to a given time");
	fstat(fd, &st);
	CHECK_EQ(st.st_mtime, 1234567890, "which stat shows");
	CHECK_EQ(st.st_mtime_nsec, 123456789, "nanoseconds too");
	close(fd);
	unlink("/tmp/t_filemap.times");
}

/* A robust mutex held at exit: the kernel marks it FUTEX_OWNER_DIED. */
struct robust_head {
	void *next;
	long futex_offset;
	void *pending;
};

static struct {
	void *next;
	unsigned int futex;
} *entry;

static int die_holding(void *arg)
{
	struct robust_head *head = arg;

	entry->futex = syscall(__NR_gettid);
	entry->next = head;
	head->next = entry;
	syscall(__NR_set_robust_list, head, sizeof(*head));
	return 0;
}

static void test_robust_and_cpus(void)
{
	struct robust_head *head = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
					MAP_SHARED | MAP_ANONYMOUS, -1, 0), *got;
	unsigned long mask = 0;
	unsigned int cpu = 99;
	size_t len = 0;
	char *log;
	long n;

	entry = (void *)(head + 1);
	head->next = head;
	head->futex_offset = 4;
	head->pending = NULL;
	CHECK_ERR(syscall(__NR_set_robust_list, head, 4), EINVAL,
		  "set_robust_list with a wrong size -> EINVAL");
	CHECK_EQ(syscall(__NR_set_robust_list, head, sizeof(*head)), 0, "set_robust_list");
	CHECK(syscall(__NR_get_robust_list, 0, &got, &len) == 0 && got == head && len == 12,
	      "get_robust_list reads it back");
	reap(spawn(die_holding, head));
	CHECK_EQ(entry->futex & 0x40000000, 0x40000000, "a robust futex held at exit: OWNER_DIED");
	CHECK_EQ(syscall(__NR_set_robust_list, NULL, sizeof(*head)), 0, "set_robust_list NULL");
	munmap(head, PAGE);

	CHECK_ERR(syscall(__NR_sched_getaffinity, 0, 2, &mask), EINVAL,
		  "sched_getaffinity with 2 bytes -> EINVAL");
	CHECK_EQ(syscall(__NR_sched_getaffinity, 0, sizeof(mask), &mask), 4, "sched_getaffinity");
	CHECK(mask & 1, "CPU 0 in the mask");
	CHECK(syscall(__NR_getcpu, &cpu, NULL, NULL) == 0 && cpu < 32 && (mask & (1UL << cpu)),
	      "getcpu: a CPU of the mask");
	n = syscall(__NR_syslog, 10, NULL, 0);
	CHECK(n > 0, "syslog SIZE_BUFFER");
	log = malloc(n);
	n = syscall(__NR_syslog, 3, log, n);
	CHECK(n > 0 && log[0] == '<' && strstr(log, "] "), "syslog READ_ALL: <level>[time] lines");
	free(log);
}

int main(void)
{
	make_file();
	test_mmap();
	test_select();
	test_files();
	test_times();
	test_robust_and_cpus();
	unlink(FILE_NAME);
	return check_done("t_filemap");
}
