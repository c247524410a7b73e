/* Bad times given to every system call that takes one, as an ordinary
 * user: nanosleep, clock_nanosleep, ppoll, pselect6, select, rt_sigtimedwait,
 * setitimer and utimensat get a negative tv_sec, a negative or too large
 * tv_nsec (tv_usec), a pointer into the kernel or across the end of a
 * mapping, and a time so far away (68 years) that a careless conversion to
 * nanoseconds or jiffies would wrap round and return at once. Linux's
 * answers: EINVAL, EFAULT, and a wait that lasts until a signal (EINTR). */
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define PAGE 4096
#define KERNEL_POINTER ((void *)0xc0000000)
#define UTIME_NOW ((1l << 30) - 1l)
#define AT_FDCWD -100

/* The ARM EABI kernel's struct timespec and struct timeval: a 32-bit
 * tv_sec (newlib's own have a 64-bit time_t). */
struct ts32 {
	long tv_sec, tv_nsec;
};

static const struct ts32 bad[] = { { -1, 0 }, { 0, -1 }, { 0, 1000000000 }, { LONG_MIN, 0 },
				   { 0, LONG_MAX } };
#define NR_BAD (sizeof(bad) / sizeof(bad[0]))
static const struct ts32 huge = { LONG_MAX, 999999999 };
static void *across_end;	/* 4 bytes before an unmapped page */

/* Each bad time is EINVAL, a kernel pointer and one across the end of a
 * mapping EFAULT, and the huge one waits until a signal. @call makes the
 * system call with the time at @t. */
static void check_times(const char *name, long (*call)(const void *t))
{
	char what[96];
	unsigned int i;
	int ok = 1;

	for (i = 0; i < NR_BAD; i++) {
		errno = 0;
		if (call(&bad[i]) != -1 || errno != EINVAL) {
			printf("%s: {%ld, %ld}: errno %d\n", name, bad[i].tv_sec, bad[i].tv_nsec, errno);
			ok = 0;
		}
	}
	snprintf(what, sizeof(what), "%s: negative or too large fields: EINVAL", name);
	check_result(ok, what, "see above");
	snprintf(what, sizeof(what), "%s: a time in the kernel: EFAULT", name);
	CHECK_ERR(call(KERNEL_POINTER), EFAULT, what);
	snprintf(what, sizeof(what), "%s: a time across the end of a mapping: EFAULT", name);
	CHECK_ERR(call(across_end), EFAULT, what);
	snprintf(what, sizeof(what), "%s: 68 years: waits until a signal, EINTR", name);
	alarm_soon(20000);
	CHECK_ERR(call(&huge), EINTR, what);
}

static long call_nanosleep(const void *t)
{
	return syscall(__NR_nanosleep, t, NULL);
}

static long call_clock_nanosleep(const void *t)
{
	return syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, t, NULL);
}

static long call_clock_nanosleep_abs(const void *t)
{
	return syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, t, NULL);
}

static long call_ppoll(const void *t)
{
	struct { int fd; short events, revents; } none = { -1, 0, 0 };	/* struct pollfd */

	return syscall(__NR_ppoll, &none, 1, t, NULL, 8);
}

static long call_pselect6(const void *t)
{
	return syscall(__NR_pselect6, 0, NULL, NULL, NULL, t, NULL);
}

static long call_select(void *t)
{
	return syscall(__NR__newselect, 0, NULL, NULL, NULL, t);
}

static long call_rt_sigtimedwait(const void *t)
{
	unsigned long set[2] = { 1ul << (SIGUSR2 - 1), 0 };

	return syscall(__NR_rt_sigtimedwait, set, NULL, t, 8);
}

/* select's timeval: a tv_usec of a second or more is carried into tv_sec
 * (Linux's kern_select), so only negative fields are EINVAL. */
static void check_select(void)
{
	static struct ts32 tv;
	static const struct ts32 negative[] = { { -1, 0 }, { 0, -1 }, { LONG_MIN, 0 } };
	unsigned int i;

	for (i = 0; i < sizeof(negative) / sizeof(negative[0]); i++) {
		tv = negative[i];
		CHECK_ERR(call_select(&tv), EINVAL, "select: a negative timeval: EINVAL");
	}
	tv = (struct ts32){ 4, 1000001 };
	alarm_soon(20000);
	CHECK_ERR(call_select(&tv), EINTR, "select: tv_usec of a second and more is a wait (EINTR at 20 ms)");
	CHECK(tv.tv_sec >= 0 && tv.tv_sec <= 5 && tv.tv_nsec >= 0 && tv.tv_nsec < 1000000,
	      "and what is left is written back, normalised");
	CHECK_ERR(call_select(KERNEL_POINTER), EFAULT, "select: a timeval in the kernel: EFAULT");
	CHECK_ERR(call_select(across_end), EFAULT, "select: a timeval across the end of a mapping: EFAULT");
	tv = huge;
	tv.tv_nsec = 999999;
	alarm_soon(20000);
	CHECK_ERR(call_select(&tv), EINTR, "select: 68 years: waits until a signal, EINTR");
}

static void check_setitimer(void)
{
	static const struct ts32 bad_tv[] = { { -1, 0 }, { 0, -1 }, { 0, 1000000 } };
	struct ts32 it[2];
	unsigned int i;

	for (i = 0; i < sizeof(bad_tv) / sizeof(bad_tv[0]); i++) {
		it[0] = (struct ts32){ 0, 0 };
		it[1] = bad_tv[i];
		CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, it, NULL), EINVAL,
			  "setitimer: a bad it_value: EINVAL");
		it[0] = bad_tv[i];
		it[1] = (struct ts32){ 1, 0 };
		CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, it, NULL), EINVAL,
			  "setitimer: a bad it_interval: EINVAL");
	}
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, KERNEL_POINTER, NULL), EFAULT,
		  "setitimer: a value in the kernel: EFAULT");
	CHECK_ERR(syscall(__NR_setitimer, ITIMER_REAL, NULL, KERNEL_POINTER), EFAULT,
		  "setitimer: an old value to the kernel: EFAULT");
}

static void check_utimensat(void)
{
	struct ts32 times[2] = { { 0, UTIME_NOW }, { 0, 1000000000 } };
	const char *path = "/tmp/abuse-timespec";
	int fd = open(path, O_CREAT | O_WRONLY, 0600);

	close(fd);
	CHECK_ERR(syscall(__NR_utimensat, AT_FDCWD, path, times, 0), EINVAL,
		  "utimensat: tv_nsec 1e9 (not UTIME_NOW/UTIME_OMIT): EINVAL");
	times[1] = (struct ts32){ 0, -1 };
	CHECK_ERR(syscall(__NR_utimensat, AT_FDCWD, path, times, 0), EINVAL, "utimensat: tv_nsec -1: EINVAL");
	CHECK_ERR(syscall(__NR_utimensat, AT_FDCWD, path, KERNEL_POINTER, 0), EFAULT,
		  "utimensat: times in the kernel: EFAULT");
	unlink(path);
}

int main(int argc, char **argv)
{
	char *pages = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	case_init(argc, argv);
	as_user();
	munmap(pages + PAGE, PAGE);
	across_end = pages + PAGE - 4;
	check_times("nanosleep", call_nanosleep);
	check_times("clock_nanosleep", call_clock_nanosleep);
	check_times("clock_nanosleep TIMER_ABSTIME", call_clock_nanosleep_abs);
	check_times("ppoll", call_ppoll);
	check_times("pselect6", call_pselect6);
	check_times("rt_sigtimedwait", call_rt_sigtimedwait);
	check_select();
	check_setitimer();
	check_utimensat();
	return check_done("timespec");
}
