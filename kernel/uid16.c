/* The 16-bit uid/gid system calls of the old ARM ABI (Linux's
 * kernel/uid16.c), still in the EABI table: they take and return 16-bit
 * ids. 0xffff stands for -1 ("leave it"); an id that does not fit in 16
 * bits reads as the overflow id 65534. */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <uapi/linux/fcntl.h>
#include <asm/uaccess.h>

typedef u16 old_uid_t;
typedef u16 old_gid_t;

#define OVERFLOW_ID 65534 /* Linux's default overflowuid and overflowgid */
#define low2highuid(uid) ((uid) == (old_uid_t)-1 ? (uid_t)-1 : (uid_t)(uid))
#define low2highgid(gid) ((gid) == (old_gid_t)-1 ? (gid_t)-1 : (gid_t)(gid))
#define high2lowuid(uid) ((uid) & ~0xffffU ? (old_uid_t)OVERFLOW_ID : (old_uid_t)(uid))
#define high2lowgid(gid) ((gid) & ~0xffffU ? (old_gid_t)OVERFLOW_ID : (old_gid_t)(gid))

long sys_chown16(const char __user *filename, old_uid_t user, old_gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, low2highuid(user), low2highgid(group), 0);
}

long sys_lchown16(const char __user *filename, old_uid_t user, old_gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, low2highuid(user), low2highgid(group),
			    AT_SYMLINK_NOFOLLOW);
}

long sys_fchown16(unsigned int fd, old_uid_t user, old_gid_t group)
{
	return sys_fchown(fd, low2highuid(user), low2highgid(group));
}

long sys_setregid16(old_gid_t rgid, old_gid_t egid)
{
	return sys_setregid(low2highgid(rgid), low2highgid(egid));
}

long sys_setgid16(old_gid_t gid)
{
	return sys_setgid(low2highgid(gid));
}

long sys_setreuid16(old_uid_t ruid, old_uid_t euid)
{
	return sys_setreuid(low2highuid(ruid), low2highuid(euid));
}

long sys_setuid16(old_uid_t uid)
{
	return sys_setuid(low2highuid(uid));
}

long sys_setresuid16(old_uid_t ruid, old_uid_t euid, old_uid_t suid)
{
	return sys_setresuid(low2highuid(ruid), low2highuid(euid), low2highuid(suid));
}

long sys_getresuid16(old_uid_t __user *ruidp, old_uid_t __user *euidp, old_uid_t __user *suidp)
{
	const struct cred *cred = &current->cred;

	if (put_user(high2lowuid(cred->uid), ruidp) || put_user(high2lowuid(cred->euid), euidp) ||
	    put_user(high2lowuid(cred->suid), suidp))
		return -EFAULT;
	return 0;
}

long sys_setresgid16(old_gid_t rgid, old_gid_t egid, old_gid_t sgid)
{
	return sys_setresgid(low2highgid(rgid), low2highgid(egid), low2highgid(sgid));
}

long sys_getresgid16(old_gid_t __user *rgidp, old_gid_t __user *egidp, old_gid_t __user *sgidp)
{
	const struct cred *cred = &current->cred;

	if (put_user(high2lowgid(cred->gid), rgidp) || put_user(high2lowgid(cred->egid), egidp) ||
	    put_user(high2lowgid(cred->sgid), sgidp))
		return -EFAULT;
	return 0;
}

long sys_setfsuid16(old_uid_t uid)
{
	return sys_setfsuid(low2highuid(uid));
}

long sys_setfsgid16(old_gid_t gid)
{
	return sys_setfsgid(low2highgid(gid));
}

long sys_getgroups16(int gidsetsize, old_gid_t __user *grouplist)
{
	const struct group_info *group_info = current->cred.group_info;
	int i;

	if (gidsetsize < 0)
		return -EINVAL;
	if (gidsetsize) {
		if (group_info->ngroups > gidsetsize)
			return -EINVAL;
		for (i = 0; i < group_info->ngroups; i++)
			if (put_user(high2lowgid(group_info->gid[i]), grouplist + i))
				return -EFAULT;
	}
	return group_info->ngroups;
}

long sys_setgroups16(int gidsetsize, old_gid_t __user *grouplist)
{
	struct group_info *group_info;
	int retval, i;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	group_info = groups_alloc(gidsetsize);
	if (!group_info)
		return -ENOMEM;
	for (i = 0; i < gidsetsize; i++) {
		old_gid_t gid;

		retval = get_user(gid, grouplist + i) ? -EFAULT : gid == (old_gid_t)-1 ? -EINVAL : 0;
		if (retval) {
			put_group_info(group_info);
			return retval;
		}
		group_info->gid[i] = gid;
	}
	groups_sort(group_info);
	retval = set_current_groups(group_info);
	put_group_info(group_info);
	return retval;
}

long sys_getuid16(void)
{
	return high2lowuid(current->cred.uid);
}

long sys_geteuid16(void)
{
	return high2lowuid(current->cred.euid);
}

long sys_getgid16(void)
{
	return high2lowgid(current->cred.gid);
}

long sys_getegid16(void)
{
	return high2lowgid(current->cred.egid);
}
