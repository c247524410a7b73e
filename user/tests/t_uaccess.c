/* Copies between user memory and the kernel (copy_from_user and
 * copy_to_user, block copies with fault fixups), seen through pipes: every
 * alignment of source and destination and many lengths arrive intact; a
 * buffer that runs into an unmapped page gives EFAULT and moves nothing; a
 * copy into a copy-on-write page after fork copies the page, and into a
 * read-only page gives EFAULT; a file page a faulting write leaves half
 * filled reads as zeros past the end. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define PAGE 4096

static unsigned char src[3 * PAGE], dst[3 * PAGE];

/* Every source and destination offset 0..7 against lengths 0..200 and a
 * few long ones, through one pipe (the pipe buffer is the kernel side). */
static void check_alignments(void)
{
	static const int long_lens[] = { 255, 256, 257, 1000, 4095, 4096, 4097, 8191 };
	int fds[2], s, d, len, i, ok = 1;

	for (i = 0; i < (int)sizeof(src); i++)
		src[i] = (unsigned char)(i * 7 + 3);
	pipe(fds);
	for (s = 0; s < 8 && ok; s++)
		for (d = 0; d < 8 && ok; d++)
			for (len = 0; len < 200 + (int)(sizeof(long_lens) / sizeof(long_lens[0])) && ok;
			     len++) {
				int n = len < 200 ? len : long_lens[len - 200];

				memset(dst, 0xee, sizeof(dst));
				ok &= write(fds[1], src + s, n) == n;
				ok &= read(fds[0], dst + d, n) == (n ? n : 0);
				ok &= !memcmp(dst + d, src + s, n);
				ok &= (d == 0 || dst[d - 1] == 0xee) && dst[d + n] == 0xee;
				if (!ok)
					printf("copy of %d bytes from offset %d to offset %d differs\n", n, s,
					       d);
			}
	CHECK(ok, "every alignment and length arrives intact, nothing around it touched");
	close(fds[0]);
	close(fds[1]);
}

/* Two pages with the second unmapped: a copy running into the hole stops
 * there. A pipe takes nothing from the page it faulted on, as Linux. */
static void check_partial(void)
{
	unsigned char *map = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				  -1, 0);
	unsigned char *edge = map + PAGE - 100;
	int fds[2], i, queued = -1;

	munmap(map + PAGE, PAGE);
	for (i = 0; i < 100; i++)
		edge[i] = (unsigned char)i;
	pipe(fds);
	CHECK_ERR(syscall(__NR_write, fds[1], edge, 1000), EFAULT,
		  "a write from a buffer running into a hole -> EFAULT");
	ioctl(fds[0], FIONREAD, &queued);
	CHECK_EQ(queued, 0, "and the pipe got nothing of it");
	CHECK_ERR(syscall(__NR_write, fds[1], map + PAGE, 100), EFAULT,
		  "a write from the hole itself -> EFAULT");
	write(fds[1], src, 1000);
	CHECK_ERR(syscall(__NR_read, fds[0], edge, 1000), EFAULT,
		  "a read into a buffer running into a hole -> EFAULT");
	CHECK_EQ(read(fds[0], dst, sizeof(dst)), 1000, "and the data stays in the pipe");
	CHECK(!memcmp(dst, src, 1000), "intact");
	write(fds[1], src, 100);
	CHECK_ERR(syscall(__NR_read, fds[0], map + PAGE, 100), EFAULT,
		  "a read into the hole itself -> EFAULT");
	close(fds[0]);
	close(fds[1]);
	munmap(map, PAGE);
}

/* A write that would fill a whole new page of a file but whose buffer runs
 * into a hole halfway: the first half arrives, and the rest of the page,
 * past the end of the file, reads as zeros through mmap (the kernel fills
 * such a page before the file shows it and zeroes what a copy left). */
static void check_file_page_partial(void)
{
	unsigned char *map = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				  -1, 0);
	unsigned char *half = map + PAGE / 2, *file_map;
	int fd = open("/t_uaccess.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600), i, zeros = 1;

	unsigned char *junk = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				   -1, 0);

	munmap(map + PAGE, PAGE);
	memset(half, 'h', PAGE / 2);
	/* a page just freed is the next one the kernel hands out: make it junk */
	memset(junk, 0xaa, PAGE);
	munmap(junk, PAGE);
	CHECK_EQ(syscall(__NR_write, fd, half, PAGE), PAGE / 2,
		 "a one-page write into a file from a buffer running into a hole writes up to the hole");
	file_map = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(file_map != MAP_FAILED && file_map[0] == 'h' && file_map[PAGE / 2 - 1] == 'h',
	      "the file holds what was written");
	for (i = PAGE / 2; file_map != MAP_FAILED && i < PAGE; i++)
		zeros &= file_map[i] == 0;
	CHECK(file_map != MAP_FAILED && zeros, "and the rest of its page reads as zeros");
	munmap(file_map, PAGE);
	close(fd);
	unlink("/t_uaccess.tmp");
	munmap(map, PAGE);
}

/* After fork, the child's read() into a shared page copies it first. */
static void check_cow(void)
{
	int fds[2], status;
	pid_t pid;

	memset(dst, 'p', PAGE);
	pipe(fds);
	pid = fork();
	if (pid == 0) {
		write(fds[1], src, PAGE);
		_exit(read(fds[0], dst, PAGE) == PAGE && !memcmp(dst, src, PAGE) ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child's read() fills its page");
	CHECK(dst[0] == 'p' && dst[PAGE - 1] == 'p', "the parent's page is its own");
	close(fds[0]);
	close(fds[1]);
}

static void check_read_only(void)
{
	unsigned char *ro = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fds[2];

	pipe(fds);
	write(fds[1], src, 64);
	CHECK_ERR(syscall(__NR_read, fds[0], ro, 64), EFAULT, "a read into a read-only page -> EFAULT");
	CHECK(ro[0] == 0, "the read-only page is unchanged");
	close(fds[0]);
	close(fds[1]);
	munmap(ro, PAGE);
}

int main(void)
{
	check_alignments();
	check_partial();
	check_file_page_partial();
	check_cow();
	check_read_only();
	return check_done("t_uaccess");
}
