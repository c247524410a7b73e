/* Capabilities (Linux's include/uapi/linux/capability.h numbers and
 * kernel/capability.c's capable()).
 *
 * Simplified: no capability sets. A task holds every capability while its
 * effective uid is 0, and the file-system ones (CAP_FS_MASK) while its
 * fsuid is 0. That is what Linux's cap_emulate_setxuid() and
 * cap_task_fix_setuid() give a root process without file capabilities or
 * securebits: the effective set follows euid 0, the file-system part of it
 * fsuid 0. */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/cred.h>
#include <linux/sched.h>

#define CAP_CHOWN 0
#define CAP_DAC_OVERRIDE 1
#define CAP_DAC_READ_SEARCH 2
#define CAP_FOWNER 3
#define CAP_FSETID 4
#define CAP_KILL 5
#define CAP_SETGID 6
#define CAP_SETUID 7
#define CAP_LINUX_IMMUTABLE 9
#define CAP_SYS_PTRACE 19
#define CAP_SYS_ADMIN 21
#define CAP_SYS_BOOT 22
#define CAP_SYS_NICE 23
#define CAP_SYS_RESOURCE 24
#define CAP_MKNOD 27
#define CAP_MAC_OVERRIDE 32

/* The capabilities that setfsuid() drops and raises (Linux's CAP_FS_SET). */
#define CAP_FS_MASK                                                                 \
	((1ULL << CAP_CHOWN) | (1ULL << CAP_DAC_OVERRIDE) | (1ULL << CAP_DAC_READ_SEARCH) | \
	 (1ULL << CAP_FOWNER) | (1ULL << CAP_FSETID) | (1ULL << CAP_LINUX_IMMUTABLE) |      \
	 (1ULL << CAP_MKNOD) | (1ULL << CAP_MAC_OVERRIDE))

/* Does @cred hold @cap? (Linux's cap_capable, without namespaces.) */
static inline bool cap_capable(const struct cred *cred, int cap)
{
	if ((1ULL << cap) & CAP_FS_MASK)
		return cred->fsuid == 0;
	return cred->euid == 0;
}

/* Does the current task hold @cap? */
static inline bool capable(int cap)
{
	return cap_capable(&current->cred, cap);
}

#endif
