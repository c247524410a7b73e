/* mmap() and friends with Linux's flags; mmap() calls mmap2 (NR 192). */
#ifndef _USER_SYS_MMAN_H
#define _USER_SYS_MMAN_H

#include <sys/types.h>
#include <linux/mman.h>

#define MAP_ANON	MAP_ANONYMOUS
#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int madvise(void *addr, size_t len, int advice);

#endif
