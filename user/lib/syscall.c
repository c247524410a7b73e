/* The errno convention of Linux system calls, and syscall(2) itself
 * (glibc's INTERNAL_SYSCALL_ERROR_P / __syscall_error). */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall.h"

long __syscall_error(long r)
{
	errno = -r;
	return -1;
}

long syscall(long nr, ...)
{
	va_list ap;
	long a, b, c, d, e, f;

	va_start(ap, nr);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall(nr, a, b, c, d, e, f));
}
