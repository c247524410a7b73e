/* open, creat, truncate, chdir, access, chmod and chown (Linux's
 * fs/open.c). The lookup and creation are do_filp_open() in namei.c; here
 * are the descriptor and user-space ends. */
#include <linux/capability.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

/* Set @dentry's regular file to @length bytes (O_TRUNC, ftruncate). */
int do_truncate(struct dentry *dentry, loff_t length)
{
	struct iattr newattrs;

	if (length < 0)
		return -EINVAL;
	newattrs.ia_valid = ATTR_SIZE | ATTR_MTIME;
	newattrs.ia_size = length;
	newattrs.ia_mtime = current_time(dentry->d_inode);
	return notify_change(dentry, &newattrs);
}

/* truncate() and truncate64() (Linux's do_sys_truncate and vfs_truncate). */
static long do_sys_truncate(const char __user *pathname, loff_t length)
{
	struct inode *inode;
	struct path path;
	long error;

	if (length < 0)	/* sorry, but loff_t says... */
		return -EINVAL;
	error = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (error)
		return error;
	inode = path.dentry->d_inode;
	if (S_ISDIR(inode->i_mode))
		error = -EISDIR;
	else if (!S_ISREG(inode->i_mode))
		error = -EINVAL;
	else
		error = generic_permission(inode, MAY_WRITE);
	if (!error)
		error = do_truncate(path.dentry, length);
	path_put(&path);
	return error;
}

/* ftruncate() (small: the 32-bit call) and ftruncate64() (Linux's
 * do_sys_ftruncate). */
static long do_sys_ftruncate(unsigned int fd, loff_t length, int small)
{
	struct file *file;
	long err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	/* explicitly opened as large or we are on 64-bit box */
	if (file->f_flags & O_LARGEFILE)
		small = 0;
	err = -EINVAL;
	/* Cannot ftruncate over 2^31 bytes without large file support */
	if (S_ISREG(file_inode(file)->i_mode) && (file->f_mode & FMODE_WRITE) &&
	    !(small && length > 0x7fffffff))
		err = do_truncate(file->f_path.dentry, length);
	fput(file);
	return err;
}

long sys_truncate(const char __user *path, long length)
{
	return do_sys_truncate(path, length);
}

long sys_ftruncate(unsigned int fd, unsigned long length)
{
	return do_sys_ftruncate(fd, (long)length, 1);
}

long sys_truncate64(const char __user *path, u32 pad, u32 len_lo, u32 len_hi)
{
	return do_sys_truncate(path, (loff_t)((u64)len_hi << 32 | len_lo));
}

long sys_ftruncate64(unsigned int fd, u32 pad, u32 len_lo, u32 len_hi)
{
	return do_sys_ftruncate(fd, (loff_t)((u64)len_hi << 32 | len_lo), 0);
}

/* Open @filename for the kernel (exec, the initial console).
 * RETURNS: the file, or an ERR_PTR. */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, filename, flags, mode);
}

/* open() with a kernel string. RETURNS: the new descriptor, or -errno. */
long do_sys_open(int dfd, const char *filename, int flags, umode_t mode)
{
	int fd = get_unused_fd_flags(flags);
	struct file *f;

	if (fd < 0)
		return fd;
	f = do_filp_open(dfd, filename, flags, mode & 07777);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}

long sys_openat(int dfd, const char __user *filename, int flags, int mode)
{
	char *name = getname(filename);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_sys_open(dfd, name, flags, mode);
	putname(name);
	return ret;
}

long sys_open(const char __user *filename, int flags, int mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

long sys_creat(const char __user *pathname, int mode)
{
	return sys_open(pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_chdir(const char __user *filename)
{
	struct path path;
	long err;

	err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	err = generic_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct file *file = fget(fd);
	long err = -ENOTDIR;

	if (!file)
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode)) {
		err = generic_permission(file_inode(file), MAY_EXEC);
		if (!err)
			set_fs_pwd(current->fs, &file->f_path);
	}
	fput(file);
	return err;
}

/*
 * access() needs to use the real uid/gid, not the effective uid/gid.
 * We do this by checking with a copy of our credentials in which the
 * fsuid/fsgid are the real ones, and which has every capability if the
 * real uid is root and none otherwise (Linux overrides the task's creds
 * for the duration; here the copy is handed to the permission check).
 */
long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	struct cred override = current->cred;
	struct path path;
	long err;

	if (mode & ~7) /* where's F_OK, X_OK, W_OK, R_OK? */
		return -EINVAL;
	override.fsuid = override.euid = override.uid;
	override.fsgid = override.gid;
	err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	if (mode)
		err = generic_permission_cred(path.dentry->d_inode, mode, &override);
	path_put(&path);
	return err;
}

long sys_access(const char __user *filename, int mode)
{
	return sys_faccessat(AT_FDCWD, filename, mode);
}

/* Set the permission bits of @path's inode; the owner or root only. */
static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs;

	newattrs.ia_mode = (mode & 07777) | (inode->i_mode & ~07777);
	newattrs.ia_valid = ATTR_MODE;
	return notify_change(path->dentry, &newattrs);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = chmod_common(&file->f_path, mode);
	fput(file);
	return err;
}

long sys_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	long err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

long sys_chmod(const char __user *filename, umode_t mode)
{
	return sys_fchmodat(AT_FDCWD, filename, mode);
}

/* Give @path's inode the owner @user and group @group ((uid_t)-1: keep);
 * setattr_prepare() decides who may. A non-directory loses its set-ID bits. */
static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs;

	newattrs.ia_valid = 0;
	if (user != (uid_t)-1) {
		newattrs.ia_valid |= ATTR_UID;
		newattrs.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		newattrs.ia_valid |= ATTR_GID;
		newattrs.ia_gid = group;
	}
	if (!S_ISDIR(inode->i_mode))
		newattrs.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	return notify_change(path->dentry, &newattrs);
}

long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	struct path path;
	char *name;
	long error;

	if ((flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0)
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name)) {
		if (PTR_ERR(name) != -ENOENT || !(flag & AT_EMPTY_PATH))
			return PTR_ERR(name);
		return sys_fchown(dfd, user, group);
	}
	error = filename_lookup(dfd, name, (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				&path);
	putname(name);
	if (error)
		return error;
	error = chown_common(&path, user, group);
	path_put(&path);
	return error;
}

long sys_chown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

long sys_lchown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
	struct file *file = fget(fd);
	long error;

	if (!file)
		return -EBADF;
	error = chown_common(&file->f_path, user, group);
	fput(file);
	return error;
}
