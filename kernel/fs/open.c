/* open, creat, truncate, chdir and access (Linux's fs/open.c). The lookup
 * and creation are do_filp_open() in namei.c; here are the descriptor and
 * user-space ends. */
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
	newattrs.ia_mtime = current_time();
	return notify_change(dentry, &newattrs);
}

long sys_ftruncate64(unsigned int fd, u32 pad, u32 len_lo, u32 len_hi)
{
	loff_t length = (loff_t)((u64)len_hi << 32 | len_lo);
	struct file *file;
	long err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = -EINVAL;
	if (S_ISREG(file_inode(file)->i_mode) && (file->f_mode & FMODE_WRITE))
		err = do_truncate(file->f_path.dentry, length);
	fput(file);
	return err;
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

/* access(): the check is made with the real, not the effective, ids. */
long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	struct path path;
	long err;

	if (mode & ~7)
		return -EINVAL;
	err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	if (mode)
		err = generic_permission_cred(path.dentry->d_inode, mode, current->cred.uid,
					      current->cred.gid);
	path_put(&path);
	return err;
}

long sys_access(const char __user *filename, int mode)
{
	return sys_faccessat(AT_FDCWD, filename, mode);
}
