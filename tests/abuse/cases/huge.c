/* Huge lengths, as an ordinary user: a 2 GiB read from /dev/zero (into the
 * same buffer many times over, through readv) is interrupted by a signal
 * and returns what it did, as Linux's read_iter_zero does, instead of
 * holding the CPU to the end; reads and getrandom() of huge lengths into
 * short buffers fail with EFAULT; writes of huge lengths to /dev/null. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>
#include "case.h"

#define MiB (1024 * 1024)
#define IOVS 1023
#define CHUNK (2 * MiB)

static void on_alarm(int sig)
{
}

static void test_interrupted_zero_read(void)
{
	static struct iovec iov[IOVS];
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	struct itimerval soon = { { 0, 0 }, { 0, 20000 } };
	char *buf = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long total = 0x7ffff000, got;	/* Linux's MAX_RW_COUNT */
	int fd = open("/dev/zero", O_RDONLY), i;

	for (i = 0; i < IOVS; i++) {
		iov[i].iov_base = buf;
		iov[i].iov_len = CHUNK;
	}
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &soon, NULL);
	got = readv(fd, iov, IOVS);
	CHECK(got > 0 && got < total, "a signal ends a 2 GiB read from /dev/zero early");
	if (got < 0)
		printf("readv: %ld errno %d\n", got, errno);
	CHECK_EQ(read(fd, NULL, 1), -1, "read into NULL");
	CHECK_EQ(errno, EFAULT, "EFAULT");
	CHECK_EQ(read(fd, buf + CHUNK - 100, 0x7fffffff), -1, "read of 2 GiB into the last 100 bytes");
	CHECK_EQ(errno, EFAULT, "EFAULT (the length fails access_ok)");
	close(fd);
	munmap(buf, CHUNK);
	signal(SIGALRM, SIG_DFL);
}

static void test_getrandom(void)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_ERR(syscall(__NR_getrandom, page, 0xffffffffu, 0), EFAULT,
		  "getrandom of 4 GiB into one page: EFAULT");
	CHECK_ERR(syscall(__NR_getrandom, page, 4096, 0x100), EINVAL, "getrandom with bad flags");
	CHECK_ERR(syscall(__NR_getrandom, 0xc0000000, 16, 0), EFAULT, "getrandom into the kernel");
	CHECK_EQ(syscall(__NR_getrandom, page, 4096, 0), 4096, "getrandom of one page");
	munmap(page, 4096);
}

static void test_null_writes(void)
{
	int fd = open("/dev/null", O_WRONLY);

	CHECK_EQ(write(fd, NULL, 0x7fffffff), 0x7ffff000, "write of 2 GiB to /dev/null: MAX_RW_COUNT");
	CHECK_EQ(write(fd, NULL, 0), 0, "write of nothing");
	close(fd);
}

int main(int argc, char **argv)
{
	case_init(argc, argv);
	as_user();
	test_interrupted_zero_read();
	test_getrandom();
	test_null_writes();
	return check_done("huge");
}
