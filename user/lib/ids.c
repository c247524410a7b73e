/* Changing the user and group ids and the process group (glibc's setuid.c and friends over the 32-bit-id system
 * calls; setpgrp as System V's setpgid(0, 0)). The kernel checks every
 * change (kernel/sys.c). */
#include <sys/types.h>
#include <unistd.h>
#include "syscall.h"

/* newlib's uid_t and gid_t are 16 bits: its -1 ("leave as it is") must
 * reach the 32-bit calls as -1, not 65535. */
static long id32(unsigned int id, unsigned int none)
{
	return id == none ? -1L : (long)id;
}
#define UID(id) id32(id, (uid_t)-1)
#define GID(id) id32(id, (gid_t)-1)

int setuid(uid_t uid)
{
	return SYSCALL(__NR_setuid32, UID(uid));
}

int setgid(gid_t gid)
{
	return SYSCALL(__NR_setgid32, GID(gid));
}

int setreuid(uid_t ruid, uid_t euid)
{
	return SYSCALL(__NR_setreuid32, UID(ruid), UID(euid));
}

int setregid(gid_t rgid, gid_t egid)
{
	return SYSCALL(__NR_setregid32, GID(rgid), GID(egid));
}

int setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return SYSCALL(__NR_setresuid32, UID(ruid), UID(euid), UID(suid));
}

int setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return SYSCALL(__NR_setresgid32, GID(rgid), GID(egid), GID(sgid));
}

/* seteuid/setegid: only the effective id, as glibc does with setresuid. */
int seteuid(uid_t euid)
{
	return setresuid(-1, euid, -1);
}

int setegid(gid_t egid)
{
	return setresgid(-1, egid, -1);
}


int setpgrp(void)
{
	return setpgid(0, 0);
}
