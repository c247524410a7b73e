/* FUTEX_WAIT reads the futex word under its hash bucket's lock without
 * letting a page fault be resolved there: a word on a page never touched
 * yet is faulted in outside the lock and read again; a word nowhere is
 * EFAULT. And waitid reports a stopped or continued child's real uid,
 * read while the child cannot go away. */
#include <linux/futex.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long futex_wait(volatile unsigned int *uaddr, int op, unsigned int val, long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	return syscall(__NR_futex, uaddr, op, val, &ts, NULL, 0);
}

static int stop_as_another_user(void *unused)
{
	if (syscall(__NR_setresuid32, 1234, 1234, 1234))
		return 1;
	raise(SIGSTOP);
	for (;;)
		pause(); /* alive to be reported continued, until killed */
}

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	volatile unsigned int *fresh = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
					    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *gone = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *none = mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	siginfo_t si;
	pid_t pid;

	munmap(gone, page);
	CHECK_ERR(futex_wait(fresh, FUTEX_WAIT_PRIVATE, 0, 30), ETIMEDOUT,
		  "a word on a page never touched: faulted in, equal, so it waits (ETIMEDOUT)");
	CHECK_ERR(futex_wait(fresh + page / 4, FUTEX_WAIT, 0, 30), ETIMEDOUT,
		  "the same for a shared futex");
	CHECK_ERR(futex_wait(fresh, FUTEX_WAIT_PRIVATE, 1, 30), EAGAIN, "a word that differs -> EAGAIN");
	CHECK_ERR(futex_wait((unsigned int *)gone, FUTEX_WAIT_PRIVATE, 0, 30), EFAULT,
		  "a word in no mapping -> EFAULT");
	CHECK_ERR(futex_wait((unsigned int *)none, FUTEX_WAIT_PRIVATE, 0, 30), EFAULT,
		  "a word on a PROT_NONE page -> EFAULT");
	CHECK_ERR(futex_wait((unsigned int *)0xc0000000, FUTEX_WAIT_PRIVATE, 0, 30), EFAULT,
		  "a kernel address -> EFAULT");

	pid = spawn(stop_as_another_user, NULL);
	CHECK(waitid(P_PID, pid, &si, WSTOPPED) == 0 && si.si_code == CLD_STOPPED &&
	      si.si_status == SIGSTOP && si.si_uid == 1234,
	      "waitid of a stopped child: CLD_STOPPED, SIGSTOP, its uid 1234");
	kill(pid, SIGCONT);
	CHECK(waitid(P_PID, pid, &si, WCONTINUED) == 0 && si.si_code == CLD_CONTINUED &&
	      si.si_status == SIGCONT && si.si_uid == 1234,
	      "waitid of a continued child: CLD_CONTINUED, SIGCONT, its uid 1234");
	kill(pid, SIGKILL);
	CHECK_EQ(reap(pid), SIGKILL, "and it is killed");
	return check_done("t_futex_wait");
}
