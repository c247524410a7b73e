/* Memory mappings: mmap() over mmap2 (NR 192, offset in 4096-byte units),
 * munmap, mprotect, mremap, madvise. */
#include <errno.h>
#include <stdarg.h>
#include <sys/mman.h>
#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)SYSCALL(__NR_mmap2, addr, len, prot, flags, fd, off >> 12);
}

int munmap(void *addr, size_t len)
{
	return SYSCALL(__NR_munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
	return SYSCALL(__NR_mprotect, addr, len, prot);
}

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	va_list ap;
	void *new_addr = NULL;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)SYSCALL(__NR_mremap, old, old_len, new_len, flags, new_addr);
}

int madvise(void *addr, size_t len, int advice)
{
	return SYSCALL(__NR_madvise, addr, len, advice);
}
