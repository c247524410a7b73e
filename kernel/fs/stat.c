/* stat64, lstat64, fstat64, fstatat64, statx, readlink and readlinkat
 * (Linux's fs/stat.c), filling ARM's struct stat64 (include/uapi/asm/stat.h)
 * or struct statx. */
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/stat.h>
#include <asm/uaccess.h>

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	struct inode *inode = path->dentry->d_inode;

	spin_lock(&inode->i_lock);
	generic_fillattr(inode, stat);
	spin_unlock(&inode->i_lock);
	return 0;
}

/**
 * vfs_statx - stat @filename (a kernel string) relative to @dfd
 * @flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH (stat @dfd itself if the
 *	name is empty), AT_NO_AUTOMOUNT; others are -EINVAL
 * RETURNS: 0 or -errno.
 */
int vfs_statx(int dfd, const char *filename, int flags, struct kstat *stat)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags = 0;
	err = filename_lookup(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat);
	path_put(&path);
	return err;
}

static long cp_new_stat64(const struct kstat *stat, struct stat64 __user *statbuf)
{
	struct stat64 tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.__st_ino = stat->ino;
	tmp.st_ino = stat->ino;
	tmp.st_mode = stat->mode;
	tmp.st_nlink = stat->nlink;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_blksize = stat->blksize;
	tmp.st_blocks = stat->blocks;
	tmp.st_atime = stat->mtime.tv_sec;
	tmp.st_atime_nsec = stat->mtime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

long sys_fstatat64(int dfd, const char __user *filename, struct stat64 __user *statbuf, int flag)
{
	struct kstat stat;
	char *name;
	long err;

	name = getname(filename);
	if (IS_ERR(name)) {
		if (PTR_ERR(name) != -ENOENT || !(flag & AT_EMPTY_PATH))
			return PTR_ERR(name);
		return sys_fstat64(dfd, statbuf);
	}
	err = vfs_statx(dfd, name, flag, &stat);
	putname(name);
	return err ? err : cp_new_stat64(&stat, statbuf);
}

long sys_stat64(const char __user *filename, struct stat64 __user *statbuf)
{
	return sys_fstatat64(AT_FDCWD, filename, statbuf, 0);
}

long sys_lstat64(const char __user *filename, struct stat64 __user *statbuf)
{
	return sys_fstatat64(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat64(unsigned long fd, struct stat64 __user *statbuf)
{
	struct file *file = fget(fd);
	struct kstat stat;
	long err;

	if (!file)
		return -EBADF;
	err = vfs_getattr(&file->f_path, &stat);
	fput(file);
	return err ? err : cp_new_stat64(&stat, statbuf);
}

static long cp_statx(const struct kstat *stat, struct statx __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = STATX_BASIC_STATS;
	tmp.stx_blksize = stat->blksize;
	tmp.stx_nlink = stat->nlink;
	tmp.stx_uid = stat->uid;
	tmp.stx_gid = stat->gid;
	tmp.stx_mode = stat->mode;
	tmp.stx_ino = stat->ino;
	tmp.stx_size = stat->size;
	tmp.stx_blocks = stat->blocks;
	tmp.stx_atime.tv_sec = stat->mtime.tv_sec;
	tmp.stx_atime.tv_nsec = stat->mtime.tv_nsec;
	tmp.stx_mtime.tv_sec = stat->mtime.tv_sec;
	tmp.stx_mtime.tv_nsec = stat->mtime.tv_nsec;
	tmp.stx_ctime.tv_sec = stat->ctime.tv_sec;
	tmp.stx_ctime.tv_nsec = stat->ctime.tv_nsec;
	tmp.stx_rdev_major = MAJOR(stat->rdev);
	tmp.stx_rdev_minor = MINOR(stat->rdev);
	tmp.stx_dev_major = MAJOR(stat->dev);
	tmp.stx_dev_minor = MINOR(stat->dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/**
 * sys_statx - System call to get enhanced stats
 * @dfd: Base directory to pathwalk from *or* fd to stat.
 * @filename: File to stat or "" with AT_EMPTY_PATH
 * @flags: AT_* flags to control pathwalk.
 * @mask: Parts of statx struct actually required (all basic stats are
 *	given whatever it asks, as Linux's simple file systems do).
 * @buffer: Result buffer.
 */
long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer)
{
	struct kstat stat;
	char *name;
	long err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name)) {
		struct file *file;

		if (PTR_ERR(name) != -ENOENT || !(flags & AT_EMPTY_PATH))
			return PTR_ERR(name);
		file = fget(dfd);
		if (!file)
			return -EBADF;
		err = vfs_getattr(&file->f_path, &stat);
		fput(file);
	} else {
		err = vfs_statx(dfd, name, flags & ~AT_STATX_SYNC_TYPE, &stat);
		putname(name);
	}
	return err ? err : cp_statx(&stat, buffer);
}

long sys_readlinkat(int dfd, const char __user *path, char __user *buf, int bufsiz)
{
	struct path p;
	long err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, path, 0, &p);
	if (err)
		return err;
	err = vfs_readlink(p.dentry, buf, bufsiz);
	path_put(&p);
	return err;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
