/* utimensat: set a file's times (Linux's fs/utimes.c). The inode keeps
 * one time, the modification time (to the nanosecond on tmpfs, as Linux);
 * the access time asked for is checked and dropped, as a file system
 * mounted noatime would. */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <asm/uaccess.h>

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

/* Setting "now" needs ownership or write permission; any other time,
 * ownership (or root). */
static int utimes_common(const struct path *path, struct timespec *times)
{
	struct inode *inode = path->dentry->d_inode;
	uid_t euid = current->cred.euid;
	struct iattr newattrs = { .ia_valid = ATTR_MTIME, .ia_mtime = current_time(inode) };

	if (times && times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (times) {
		if (euid && euid != inode->i_uid)
			return -EPERM;
		if (times[1].tv_nsec == UTIME_OMIT)
			return 0;
		if (times[1].tv_nsec != UTIME_NOW) {
			newattrs.ia_mtime.tv_sec = times[1].tv_sec;
			newattrs.ia_mtime.tv_nsec = times[1].tv_nsec;
		}
	} else if (euid && euid != inode->i_uid && generic_permission(inode, MAY_WRITE)) {
		return -EACCES;
	}
	return notify_change(path->dentry, &newattrs);
}

long sys_utimensat(int dfd, const char __user *filename, struct timespec __user *utimes,
		   int flags)
{
	struct timespec tstimes[2];
	struct path path;
	long error;

	if (utimes) {
		if (copy_from_user(&tstimes, utimes, sizeof(tstimes)))
			return -EFAULT;
		if (!nsec_valid(tstimes[0].tv_nsec) || !nsec_valid(tstimes[1].tv_nsec))
			return -EINVAL;
		if (tstimes[0].tv_nsec == UTIME_OMIT && tstimes[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if (!filename) {
		/* futimens(fd, times) */
		struct file *file = fget(dfd);

		if (!file)
			return -EBADF;
		error = utimes_common(&file->f_path, utimes ? tstimes : NULL);
		fput(file);
		return error;
	}
	error = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			     &path);
	if (error)
		return error;
	error = utimes_common(&path, utimes ? tstimes : NULL);
	path_put(&path);
	return error;
}
