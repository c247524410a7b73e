/* newlib's <unistd.h> plus the Linux calls it lacks (gettid, syscall,
 * the saved-id calls) and the POSIX options it leaves out. */
#ifndef _USER_UNISTD_H
#define _USER_UNISTD_H

#include_next <unistd.h>

pid_t gettid(void);
long syscall(long number, ...);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int brk(void *addr);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);

/* CLOCK_MONOTONIC exists (newlib leaves the option undefined for bare
 * metal) */
#ifndef _POSIX_MONOTONIC_CLOCK
#define _POSIX_MONOTONIC_CLOCK 200809L
#endif

#endif
