/* Garbage written to every file of tracefs (as root, who may write there)
 * and of procfs (as an ordinary user), walking both trees: empty and
 * oversized writes, binary bytes, embedded NULs, numbers too big or
 * negative, globs, writes from NULL and kernel pointers, at offset 4 GiB;
 * and every file read at offsets 0, 4 KiB, 2 GiB - 1 and 4 GiB and with a
 * huge count into a small buffer (the first three files of each name: one
 * enable or filter file per event would take seconds). Linux's answers: an
 * errno or the write taken, never an oops or a hang. An ordinary user may not open a procfs
 * file without write permission for writing (EACCES). Each tracefs file
 * gets its content back afterwards (see restore()), so the tracing set-up
 * is as it was: the tracer, tracing_on, the enabled events, the buffer
 * size, a filter and a trigger are checked. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "case.h"

#define TRACEFS "/sys/kernel/tracing"
#define KERNEL_POINTER ((const void *)0xc0000000)
#define BIG 8192
#define SAVED 4096

static char big[BIG + 1], junk[64];
static int nr_files, nr_written, bad_reads, bad_opens;

static const char *const words[] = {
	"\n", "-1\n", "18446744073709551616\n", "99999999999999999999999\n", "0x\n", "1e9\n",
	" \t \n", "!\n", "*\n", "a b c d e f g h\n", "\xff\xfe\n",
	"sched:\n", ":\n", "!*:*\n", "0\n", "1\n",
};

/* pread64 with a 64-bit offset (the ARM EABI pads r3). */
static long pread64_at(int fd, void *buf, unsigned long count, unsigned long long off)
{
	return syscall(__NR_pread64, fd, buf, count, 0, (unsigned long)off, (unsigned long)(off >> 32));
}

static long pwrite64_at(int fd, const void *buf, unsigned long count, unsigned long long off)
{
	return syscall(__NR_pwrite64, fd, buf, count, 0, (unsigned long)off, (unsigned long)(off >> 32));
}

/* Read @path at odd offsets; a failure must be an errno a read may give. */
static void read_oddly(const char *path)
{
	static const unsigned long long offsets[] = { 0, 4096, 0x7fffffff, 1ull << 32 };
	char buf[256];
	unsigned int i;
	int fd = open(path, O_RDONLY | O_NONBLOCK);

	if (fd < 0)
		return;
	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		long n = pread64_at(fd, buf, sizeof(buf), offsets[i]);

		if (n < 0 && errno != EINVAL && errno != ESPIPE && errno != EAGAIN && errno != EACCES &&
		    errno != EPERM && errno != EIO) {
			printf("%s: pread64 at %llu: errno %d\n", path, offsets[i], errno);
			bad_reads++;
		}
	}
	if (read(fd, buf, 0x7fffffff) > (long)sizeof(buf)) {
		printf("%s: a read of 2 GiB into 256 bytes returned more\n", path);
		bad_reads++;
	}
	close(fd);
}

/* Write every kind of garbage to @path, each through a fresh descriptor. */
static void write_garbage(const char *path)
{
	unsigned int i;
	int fd;

	for (i = 0; i < sizeof(words) / sizeof(words[0]) + 6; i++) {
		fd = open(path, O_WRONLY | O_NONBLOCK);
		if (fd < 0)
			return;
		if (i < sizeof(words) / sizeof(words[0])) {
			write(fd, words[i], strlen(words[i]));
		} else {
			switch (i - sizeof(words) / sizeof(words[0])) {
			case 0:
				write(fd, big, BIG);
				break;
			case 1:
				write(fd, junk, sizeof(junk));
				break;
			case 2:
				write(fd, NULL, 16);
				break;
			case 3:
				write(fd, KERNEL_POINTER, 16);
				break;
			case 4:
				pwrite64_at(fd, "1\n", 2, 1ull << 32);
				break;
			default:
				write(fd, "1\0garbage\n", 10);	/* an embedded NUL */
				break;
			}
		}
		close(fd);
	}
	nr_written++;
}

/* Visit every regular file under @dir (not following symbolic links). */
static void walk(const char *dir, void (*visit)(const char *path, const struct stat *st))
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[512];
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk(path, visit);
		else if (S_ISREG(st.st_mode))
			visit(path, &st);
	}
	closedir(d);
}

/* RETURNS: the length of what @path holds now (up to SAVED - 1), or -1. */
static int save(const char *path, char *buf)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK), n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, SAVED - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* Put back what @path held: O_TRUNC empties a list (events, functions,
 * triggers, pids), "0" removes an event filter (which keeps the error of a
 * bad one, as Linux's does), and a setting is written back as read. */
static void restore(const char *path, const char *buf, int len)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_NONBLOCK);

	if (fd < 0)
		return;
	if (!strcmp(buf, "none\n"))
		write(fd, "0\n", 2);
	else if (len > 0 && buf[0] != '#')	/* "#### all functions enabled ####" */
		write(fd, buf, len);
	close(fd);
}

/* RETURNS: whether @path is the fourth or later file of its name (one
 * enable, filter, trigger... per event would take seconds): those are
 * counted, not abused. */
static bool seen_enough(const char *path)
{
	static char names[256][32];
	static unsigned char count[256];
	const char *base = strrchr(path, '/') + 1;
	int i;

	for (i = 0; i < 256 && names[i][0]; i++)
		if (!strcmp(names[i], base))
			return ++count[i] > 3;
	if (i < 256) {
		snprintf(names[i], sizeof(names[i]), "%s", base);
		count[i] = 1;
	}
	return false;
}

static void tracefs_file(const char *path, const struct stat *st)
{
	static char before[SAVED];
	int len;

	nr_files++;
	if (seen_enough(path))
		return;
	if (!strcmp(strrchr(path, '/'), "/trace_marker") || !strcmp(strrchr(path, '/'), "/trace_marker_raw"))
		return read_oddly(path);	/* anything written there is a marker */
	len = save(path, before);
	if (st->st_mode & 0222)
		write_garbage(path);
	restore(path, before, len);
	read_oddly(path);
}

static void procfs_file(const char *path, const struct stat *st)
{
	int fd;

	nr_files++;
	if (!(st->st_mode & 0222) || st->st_uid != ABUSE_UID) {
		fd = open(path, O_WRONLY | O_NONBLOCK);
		if (fd >= 0 || (errno != EACCES && errno != ENOENT && errno != ESRCH)) {
			printf("%s (mode %o, uid %d): open for writing: %d errno %d\n", path,
			       (unsigned int)st->st_mode & 07777, (int)st->st_uid, fd, errno);
			bad_opens++;
		}
		if (fd >= 0)
			close(fd);
	} else {
		write_garbage(path);
	}
	read_oddly(path);
}

static const char *const kept[] = { "current_tracer", "tracing_on", "set_event", "buffer_size_kb",
				    "trace_options", "set_ftrace_filter", "events/sched/sched_switch/filter",
				    "events/sched/sched_switch/trigger" };
#define NR_KEPT (sizeof(kept) / sizeof(kept[0]))

int main(int argc, char **argv)
{
	static char was[NR_KEPT][SAVED], now[SAVED];
	unsigned int i;
	int same = 1;

	case_init(argc, argv);
	memset(big, 'A', BIG);
	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (char)case_rand();
	for (i = 0; i < NR_KEPT; i++) {
		char path[96];

		snprintf(path, sizeof(path), TRACEFS "/%s", kept[i]);
		save(path, was[i]);
	}
	walk(TRACEFS, tracefs_file);
	printf("garbage: %d tracefs files, %d written to\n", nr_files, nr_written);
	check_result(nr_files > 50, "walked tracefs", "%d files", nr_files);
	for (i = 0; i < NR_KEPT; i++) {
		char path[96];

		snprintf(path, sizeof(path), TRACEFS "/%s", kept[i]);
		save(path, now);
		if (strcmp(now, was[i])) {
			printf("%s was \"%s\", is \"%s\"\n", kept[i], was[i], now);
			same = 0;
		}
	}
	check_result(same, "the tracer, tracing_on, events, options, buffer size, filters and triggers "
			   "are as they were",
		     "see above");

	as_user();
	nr_files = nr_written = 0;
	walk("/proc", procfs_file);
	printf("garbage: %d procfs files, %d written to\n", nr_files, nr_written);
	check_result(nr_files > 20, "walked procfs", "%d files", nr_files);
	check_result(!bad_opens, "an ordinary user opens no procfs file without write permission for writing",
		     "%d did", bad_opens);
	check_result(!bad_reads, "every file read at 0, 4 KiB, 2 GiB - 1 and 4 GiB: data or a read's errno",
		     "%d not", bad_reads);
	return check_done("garbage");
}
