/* Scatter/gather I/O: struct iovec as readv/writev take it (include/uapi/linux/uio.h). */
#ifndef _USER_SYS_UIO_H
#define _USER_SYS_UIO_H

#include <sys/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif
