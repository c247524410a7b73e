/* The ARM private syscall cacheflush(start, end, flags) (0xf0002, Linux's
 * do_cache_op): -EINVAL for flags or a reversed range, -EFAULT for a range
 * reaching kernel memory; an unmapped user range is not the kernel's
 * problem (0, or -EFAULT where the CPU faults on cache maintenance, as on
 * silicon); a 2 GiB range is flushed a page at a time, so SIGKILL ends it
 * at once instead of after the whole range. */
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define HUGE_START 0x1000UL
#define HUGE_END 0x7fff0000UL /* below TASK_SIZE here and on Linux */

static long cacheflush(unsigned long start, unsigned long end, unsigned long flags)
{
	return syscall(__ARM_NR_cacheflush, start, end, flags);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds one cacheflush of the huge range takes. */
static double huge_flush_time(void)
{
	double t0 = now();

	cacheflush(HUGE_START, HUGE_END, 0);
	return now() - t0;
}

/* Pin the caller to the CPU it runs on, or, with @mask, back to @mask.
 * RETURNS: the mask it had. */
static unsigned long pin_here(unsigned long mask)
{
	unsigned long old = 0;
	unsigned int cpu = 0;

	syscall(__NR_sched_getaffinity, 0, sizeof(old), &old);
	if (!mask) {
		syscall(__NR_getcpu, &cpu, NULL, NULL);
		mask = 1UL << cpu;
	}
	syscall(__NR_sched_setaffinity, 0, sizeof(mask), &mask);
	return old;
}

/* Start a child in huge cacheflushes, one after another (so that it is in
 * one whatever the host's speed), SIGKILL it after `after` seconds. Parent
 * and child share one CPU: the parent's sleep then ends on the tick of the
 * CPU the child keeps busy, and the kill needs the child's cond_resched()
 * and nothing else. On another CPU it would need that vCPU to be run at
 * all: QEMU's TCG has left an idle vCPU with its timer and a reschedule
 * IPI pending unrun for seconds while another vCPU looped in these
 * cache operations (make test, on a loaded host).
 * RETURNS: seconds from the kill to its death, or -1 if it was not killed
 * by SIGKILL. */
static double kill_latency(double after)
{
	unsigned long mask = pin_here(0);
	int fds[2], st;
	double t0;
	pid_t pid;
	char c;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		for (;;)
			cacheflush(HUGE_START, HUGE_END, 0);
	}
	read(fds[0], &c, 1);
	usleep((useconds_t)(after * 1e6));
	t0 = now();
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	close(fds[0]);
	close(fds[1]);
	pin_here(mask);
	if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
		return -1;
	return now() - t0;
}

int main(void)
{
	unsigned long code = (unsigned long)main & ~3UL;
	char *gone;
	double full, latency;
	long r;

	setvbuf(stdout, NULL, _IOLBF, 0);
	CHECK_EQ(cacheflush(code, code + 256, 0), 0, "our own code: 0");
	CHECK_EQ(cacheflush(code, code, 0), 0, "an empty range: 0");
	CHECK_ERR(cacheflush(code, code + 256, 1), EINVAL, "flags != 0: EINVAL");
	CHECK_ERR(cacheflush(code + 256, code, 0), EINVAL, "end before start: EINVAL");
	CHECK_ERR(cacheflush(0xc0000000, 0xc0001000, 0), EFAULT, "kernel memory: EFAULT");
	CHECK_ERR(cacheflush(0xbffff000, 0xc0001000, 0), EFAULT, "a range into kernel memory: EFAULT");
	CHECK_ERR(cacheflush(0x1000, 0xffffffff, 0), EFAULT, "up to 4 GiB: EFAULT");

	gone = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(gone, 8 * 4096);
	errno = 0;
	r = cacheflush((unsigned long)gone, (unsigned long)gone + 8 * 4096, 0);
	check_result(r == 0 || (r == -1 && errno == EFAULT),
		     "an unmapped range: 0, or EFAULT where the CPU faults", "%ld errno %d", r, errno);

	full = huge_flush_time();
	check_result(full > 0, "a 2 GiB range returns", "took %.3f s", full);
	latency = kill_latency(full / 10);
	printf("t_cacheflush: the 2 GiB range took %.3f s; SIGKILL ended it after %.3f s\n", full,
	       latency);
	check_result(latency >= 0 && latency < full / 2,
		     "SIGKILL ends a 2 GiB cacheflush at once, not after the range",
		     "the child died %.3f s after SIGKILL; the whole range takes %.3f s", latency,
		     full);
	return check_done("t_cacheflush");
}
