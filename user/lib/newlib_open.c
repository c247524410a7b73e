/* newlib's fopen() flags -> Linux's open() flags (see newlib_abi.h). */
#include <fcntl.h>
#include "newlib_abi.h"

int __newlib_open(const char *path, int newlib_flags, int mode)
{
	static const struct {
		int newlib, linux;
	} bits[] = {
		{ NEWLIB_O_APPEND, O_APPEND },
		{ NEWLIB_O_CREAT, O_CREAT },
		{ NEWLIB_O_TRUNC, O_TRUNC },
		{ NEWLIB_O_EXCL, O_EXCL },
		{ NEWLIB_O_NONBLOCK, O_NONBLOCK },
		{ NEWLIB_O_NOCTTY, O_NOCTTY },
		{ NEWLIB_O_CLOEXEC, O_CLOEXEC },
	};
	int flags = newlib_flags & NEWLIB_O_ACCMODE;
	unsigned int i;

	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (newlib_flags & bits[i].newlib)
			flags |= bits[i].linux;
	return open(path, flags, mode);
}
