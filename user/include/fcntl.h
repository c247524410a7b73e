/* open() flags with Linux ARM's values (replaces newlib's <fcntl.h>, whose
 * O_CREAT etc. differ). */
#ifndef _USER_FCNTL_H
#define _USER_FCNTL_H

#include <sys/types.h>
#include <sys/stat.h>
#include <linux/fcntl.h>

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
