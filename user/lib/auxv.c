/* getauxval(): look up an AT_* entry the kernel passed at exec. */
#include <errno.h>
#include <sys/auxv.h>

extern unsigned long *__auxv;

unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
