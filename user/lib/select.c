/* select and pselect over Linux's _newselect and pselect6 (glibc's
 * sysdeps/unix/sysv/linux/select.c and pselect.c). The kernel's time
 * records are 32-bit (newlib's time_t is not): converted both ways. Linux
 * writes the time left back into a select timeout; pselect's stays as it
 * was given. */
#include <signal.h>
#include <sys/select.h>
#include <time.h>
#include "kernel_time.h"
#include "syscall.h"

int select(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout)
{
	struct old_timeval32 ktv;
	int ret;

	if (timeout)
		timeval_to_old(&ktv, timeout);
	ret = SYSCALL(__NR__newselect, n, readfds, writefds, exceptfds, timeout ? &ktv : NULL);
	if (timeout)
		timeval_from_old(timeout, &ktv);
	return ret;
}

int pselect(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	    const struct timespec *timeout, const sigset_t *sigmask)
{
	struct old_timespec32 kts;
	/* pselect6's sixth argument: the mask and the kernel's sigset size */
	struct {
		const sigset_t *set;
		size_t size;
	} data = { sigmask, 8 };

	if (timeout)
		timespec_to_old(&kts, timeout);
	return SYSCALL(__NR_pselect6, n, readfds, writefds, exceptfds, timeout ? &kts : NULL,
		       sigmask ? &data : NULL);
}
