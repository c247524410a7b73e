/* newlib's <unistd.h> plus the Linux calls it lacks (gettid, syscall). */
#ifndef _USER_UNISTD_H
#define _USER_UNISTD_H

#include_next <unistd.h>

pid_t gettid(void);
long syscall(long number, ...);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int brk(void *addr);

#endif
