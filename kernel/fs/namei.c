/* Path name lookup and the calls that change the name space: mkdir,
 * mknod, symlink, unlink, rmdir, rename and open's final step (Linux's
 * fs/namei.c). A walk runs entirely under dcache_lock (see dcache.h): it
 * never sleeps, so it needs none of Linux's RCU-walk/ref-walk dance. */
#include <linux/capability.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || len == 0) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

void putname(char *name)
{
	if (!IS_ERR(name))
		kfree(name);
}

void path_get_locked(const struct path *path)
{
	mntget(path->mnt);
	dget_dlock(path->dentry);
}

void path_put_locked(const struct path *path)
{
	dput_locked(path->dentry);
	mntput_locked(path->mnt);
}

void path_get(const struct path *path)
{
	spin_lock(&dcache_lock);
	path_get_locked(path);
	spin_unlock(&dcache_lock);
}

void path_put(const struct path *path)
{
	spin_lock(&dcache_lock);
	path_put_locked(path);
	spin_unlock(&dcache_lock);
}

static bool d_can_lookup(const struct dentry *d)
{
	return d->d_inode && S_ISDIR(d->d_inode->i_mode);
}

/**
 * path_init - set up @nd to walk @name from "/" or from @dfd
 * @dfd: AT_FDCWD for the working directory, else a directory descriptor
 * CONTEXT: dcache_lock held. RETURNS: 0, -EBADF or -ENOTDIR for a bad
 * @dfd (nothing to put then), -ENOENT before the rootfs exists.
 */
int path_init(struct nameidata *nd, int dfd, const char *name, unsigned int flags)
{
	struct fs_struct *fs = current->fs;

	nd->flags = flags;
	nd->depth = 0;
	nd->total_links = 0;
	nd->last_type = LAST_ROOT;
	nd->last.name = name;
	nd->last.len = 0;
	if (!fs || !fs->root.mnt)
		return -ENOENT;
	spin_lock(&fs->lock);
	nd->root = fs->root;
	if (*name == '/')
		nd->path = fs->root;
	else if (dfd == AT_FDCWD)
		nd->path = fs->pwd;
	else
		nd->path.dentry = NULL;
	spin_unlock(&fs->lock);
	if (!nd->path.dentry) {
		struct files_struct *files = current->files;
		struct file *file;

		spin_lock(&files->file_lock);
		file = dfd >= 0 ? fcheck_files(files, dfd) : NULL;
		if (file)
			nd->path = file->f_path;
		spin_unlock(&files->file_lock);
		if (!file)
			return -EBADF;
		if (!d_can_lookup(nd->path.dentry))
			return -ENOTDIR;
	}
	path_get_locked(&nd->root);
	path_get_locked(&nd->path);
	return 0;
}

void terminate_walk(struct nameidata *nd)
{
	path_put_locked(&nd->path);
	path_put_locked(&nd->root);
}

/**
 * lookup_one_locked - @parent's child @name: cached, or asked of the fs
 * CONTEXT: dcache_lock held. RETURNS: the dentry, referenced and possibly
 * negative, or an ERR_PTR (-ENOMEM, -ENAMETOOLONG, the fs's error).
 */
struct dentry *lookup_one_locked(struct dentry *parent, const struct qstr *name)
{
	struct inode *dir = parent->d_inode;
	struct dentry *dentry, *old;

	dentry = d_lookup(parent, name);
	if (dentry && dentry->d_op && dentry->d_op->d_revalidate &&
	    !dentry->d_op->d_revalidate(dentry, 0)) {
		d_drop(dentry);
		dput_locked(dentry);
		dentry = NULL;
	}
	if (dentry)
		return dentry;
	if (!dir->i_op || !dir->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	dentry = d_alloc(parent, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	old = dir->i_op->lookup(dir, dentry, 0);
	if (old) {
		d_drop(dentry);
		dput_locked(dentry);
		dentry = old;
	}
	return dentry;
}

/* Step from a mount point onto what is mounted there, mounting it first
 * if the dentry automounts (Linux's follow_managed). */
static void follow_mount(struct path *path)
{
	for (;;) {
		struct vfsmount *m = d_mountpoint(path->dentry) ? lookup_mnt(path) : NULL;

		if (!m && (path->dentry->d_flags & DCACHE_NEED_AUTOMOUNT)) {
			m = path->dentry->d_op->d_automount(path);
			if (!m)
				return;
			finish_automount(m, path);
		}
		if (!m)
			return;
		path_put_locked(path);
		path->mnt = mntget(m);
		path->dentry = dget_dlock(m->mnt_root);
	}
}

/* "..": up one directory, not above the walk's root, and from a mount's
 * root to the directory it is mounted on (Linux's follow_dotdot). */
static void follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct path up;

		if (path_equal(&nd->path, &nd->root))
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			up.mnt = mntget(nd->path.mnt);
			up.dentry = dget_dlock(nd->path.dentry->d_parent);
			path_put_locked(&nd->path);
			nd->path = up;
			break;
		}
		if (nd->path.mnt->mnt_parent == nd->path.mnt)
			break;
		up.mnt = mntget(nd->path.mnt->mnt_parent);
		up.dentry = dget_dlock(nd->path.mnt->mnt_mountpoint);
		path_put_locked(&nd->path);
		nd->path = up;
	}
	follow_mount(&nd->path);
}

/* Get a symlink's target; @buf is room for one made up on the spot. */
static const char *get_link(struct path *link, char *buf, size_t size)
{
	struct inode *inode = link->dentry->d_inode;

	if (!inode->i_op || !inode->i_op->get_link)
		return ERR_PTR(-EINVAL);
	return inode->i_op->get_link(link->dentry, buf, size);
}

/**
 * walk_component - step into the component nd->last
 * @follow: follow it if it is a symlink (always, but for a last component
 *	looked up without LOOKUP_FOLLOW)
 *
 * ".", "..", or a name looked up in nd->path, crossing mounts. A symlink's
 * target is walked from where the link is: all its components but the
 * last through link_path_walk() (which nests for symlinks among them, at
 * most MAX_NESTED_LINKS deep), its last one by this loop, so that a chain
 * of links at the end of a path costs no stack (Linux's trailing links).
 * At most MAXSYMLINKS are followed in all.
 * CONTEXT: dcache_lock held. RETURNS: 0, or -ENOENT, -ENOTDIR, -ELOOP, -EACCES...
 */
static int walk_component(struct nameidata *nd, bool follow)
{
	struct path link = { NULL, NULL };
	bool must_be_dir = false, managed;
	char buf[16];
	int err = 0;

	for (;;) {
		struct dentry *dentry;
		struct path path;
		const char *body;
		unsigned int saved_flags;

		if (nd->last_type == LAST_DOTDOT)
			follow_dotdot(nd);
		if (nd->last_type != LAST_NORM)
			break;
		err = -ENOTDIR;
		if (!d_can_lookup(nd->path.dentry))
			break;
		err = generic_permission(nd->path.dentry->d_inode, MAY_EXEC);
		if (err)
			break;
		dentry = lookup_one_locked(nd->path.dentry, &nd->last);
		err = PTR_ERR(dentry);
		if (IS_ERR(dentry))
			break;
		err = -ENOENT;
		if (d_really_is_negative(dentry)) {
			dput_locked(dentry);
			break;
		}
		err = 0;
		if (link.dentry) {
			path_put_locked(&link); /* nd->last pointed into its target */
			link.dentry = NULL;
		}
		/* The mount's reference is taken only to cross onto another
		 * mount; otherwise nd->path's passes on (Linux's
		 * path_to_nameidata puts the old mount only if it changed). */
		path.mnt = nd->path.mnt;
		path.dentry = dentry;
		managed = d_managed(dentry);
		if (managed) {
			mntget(path.mnt);
			follow_mount(&path);
		}
		if (!follow || !S_ISLNK(path.dentry->d_inode->i_mode)) {
			if (managed)
				path_put_locked(&nd->path);
			else
				dput_locked(nd->path.dentry);
			nd->path = path;
			break;
		}
		if (!managed)
			mntget(path.mnt);
		link = path;
		err = -ELOOP;
		if (++nd->total_links > MAXSYMLINKS || nd->depth >= MAX_NESTED_LINKS)
			break;
		body = get_link(&link, buf, sizeof(buf));
		err = PTR_ERR(body);
		if (IS_ERR(body))
			break;
		if (*body == '/') {
			path_put_locked(&nd->path);
			nd->path = nd->root;
			path_get_locked(&nd->path);
		}
		saved_flags = nd->flags;
		nd->depth++;
		err = link_path_walk(nd, body);
		nd->depth--;
		must_be_dir |= nd->flags & LOOKUP_DIRECTORY;
		nd->flags = saved_flags;
		if (err)
			break;
		follow = true; /* the target's last component, next time round */
	}
	if (link.dentry)
		path_put_locked(&link);
	if (!err && must_be_dir && !d_can_lookup(nd->path.dentry))
		err = -ENOTDIR;
	return err;
}

/**
 * link_path_walk - walk every component of @name but the last
 *
 * Leaves the last component in nd->last/last_type (LAST_ROOT if @name is
 * only slashes) for the caller: a lookup steps into it with walk_last(),
 * mkdir creates it. A trailing slash makes the last component
 * LOOKUP_FOLLOW | LOOKUP_DIRECTORY, as in Linux.
 * CONTEXT: dcache_lock held. RETURNS: 0 or -errno.
 */
int link_path_walk(struct nameidata *nd, const char *name)
{
	while (*name == '/')
		name++;
	nd->last_type = LAST_ROOT;
	if (!*name)
		return 0;
	for (;;) {
		unsigned int len = 0;
		int err;

		while (name[len] && name[len] != '/')
			len++;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		nd->last.name = name;
		nd->last.len = len;
		nd->last_type = LAST_NORM;
		if (name[0] == '.' && len == 1)
			nd->last_type = LAST_DOT;
		else if (name[0] == '.' && name[1] == '.' && len == 2)
			nd->last_type = LAST_DOTDOT;
		name += len;
		if (!*name)
			return 0;
		while (*name == '/')
			name++;
		if (!*name) {
			nd->flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
			return 0;
		}
		err = walk_component(nd, true);
		if (err)
			return err;
		if (!d_can_lookup(nd->path.dentry))
			return -ENOTDIR;
	}
}

/* Step into the last component, following a symlink if LOOKUP_FOLLOW. */
int walk_last(struct nameidata *nd)
{
	int err = walk_component(nd, nd->flags & LOOKUP_FOLLOW);

	if (!err && (nd->flags & LOOKUP_DIRECTORY) && !d_can_lookup(nd->path.dentry))
		err = -ENOTDIR;
	return err;
}

int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err;

	spin_lock(&dcache_lock);
	err = path_init(&nd, dfd, name, flags);
	if (!err) {
		err = link_path_walk(&nd, name);
		if (!err)
			err = walk_last(&nd);
		if (!err) {
			*path = nd.path;
			path_put_locked(&nd.root);
		} else {
			terminate_walk(&nd);
		}
	}
	spin_unlock(&dcache_lock);
	return err;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return filename_lookup(AT_FDCWD, name, flags, path);
}

int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	char *kname = getname(name);
	int err;

	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = filename_lookup(dfd, kname, flags, path);
	putname(kname);
	return err;
}

/* Walk to the directory that will hold @name's last component.
 * CONTEXT: dcache_lock held; on success terminate_walk() later. */
static int filename_parentat(int dfd, const char *name, struct nameidata *nd)
{
	int err = path_init(nd, dfd, name, 0);

	if (err)
		return err;
	err = link_path_walk(nd, name);
	if (!err && !d_can_lookup(nd->path.dentry))
		err = -ENOTDIR;
	if (err)
		terminate_walk(nd);
	return err;
}

static int may_create(struct inode *dir)
{
	if (dir->i_nlink == 0)
		return -ENOENT; /* removed while we looked */
	return generic_permission(dir, MAY_WRITE | MAY_EXEC);
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & 07777) | S_IFREG);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & 07777);
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir);

	if (err)
		return err;
	/* Device nodes are root's to make: they open hardware. */
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry)
{
	int err = may_create(dir);

	if (err)
		return err;
	if (old_dentry->d_sb != dir->i_sb)
		return -EXDEV;
	if (d_can_lookup(old_dentry))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	return dir->i_op->link(old_dentry, dir, new_dentry);
}

/*
 * In a sticky directory (/tmp), only the owner of a file, the owner of
 * the directory or a task with CAP_FOWNER may remove or rename the file
 * (Linux's check_sticky and __check_sticky).
 */
static bool check_sticky(struct inode *dir, struct inode *inode)
{
	uid_t fsuid = current->cred.fsuid;

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (inode->i_uid == fsuid || dir->i_uid == fsuid)
		return false;
	return !capable(CAP_FOWNER);
}

/* May the caller remove @victim from @dir? (Linux's may_delete.) */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	int err = generic_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (check_sticky(dir, victim->d_inode))
		return -EPERM;
	if (isdir && !d_can_lookup(victim))
		return -ENOTDIR;
	if (!isdir && d_can_lookup(victim))
		return -EISDIR;
	if (d_mountpoint(victim) || IS_ROOT(victim))
		return -EBUSY;
	return 0;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	return dir->i_op->unlink(dir, dentry);
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	return dir->i_op->rmdir(dir, dentry);
}

/*
 * filename_create - the parent of @name and a negative dentry for its last
 * component, for a new directory (@is_dir) or other object (Linux's
 * filename_create). "." and ".." or an existing name are -EEXIST; a
 * trailing slash on anything but a directory is -ENOENT ("you had / on the
 * end, you've been asking for a (non-existent) directory").
 * CONTEXT: dcache_lock held. On success @nd holds the parent: the caller
 * ends with dput_locked(dentry) and terminate_walk(nd).
 */
static struct dentry *filename_create(int dfd, const char *name, struct nameidata *nd,
				      bool is_dir)
{
	struct dentry *dentry;
	int err = filename_parentat(dfd, name, nd);

	if (err)
		return ERR_PTR(err);
	err = -EEXIST;
	if (nd->last_type != LAST_NORM)
		goto fail;
	dentry = lookup_one_locked(nd->path.dentry, &nd->last);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto fail;
	err = -EEXIST;
	if (!d_really_is_negative(dentry))
		goto fail_dput;
	err = -ENOENT;
	if (!is_dir && (nd->flags & LOOKUP_DIRECTORY))
		goto fail_dput;
	return dentry;
fail_dput:
	dput_locked(dentry);
fail:
	terminate_walk(nd);
	return ERR_PTR(err);
}

enum create_kind { CREATE_DIR, CREATE_NODE, CREATE_LINK };

/* The common part of mkdir, mknod and symlink: a free name, then the fs
 * makes the object (Linux's filename_create + vfs_*). */
static int do_create(int dfd, const char *name, enum create_kind kind, umode_t mode, dev_t dev,
		     const char *target)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	spin_lock(&dcache_lock);
	dentry = filename_create(dfd, name, &nd, kind == CREATE_DIR);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out_unlock;
	dir = nd.path.dentry->d_inode;
	if (kind == CREATE_DIR)
		err = vfs_mkdir(dir, dentry, mode & ~current->fs->umask);
	else if (kind == CREATE_NODE)
		err = vfs_mknod(dir, dentry, mode, dev);
	else
		err = vfs_symlink(dir, dentry, target);
	dput_locked(dentry);
	terminate_walk(&nd);
out_unlock:
	spin_unlock(&dcache_lock);
	return err;
}

int do_mkdirat(int dfd, const char *pathname, umode_t mode)
{
	return do_create(dfd, pathname, CREATE_DIR, mode, 0, NULL);
}

/* What mknod() may make: files, device nodes, FIFOs and sockets; not
 * directories (-EPERM) nor anything else (-EINVAL). */
static int may_mknod(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
	case 0: /* zero mode translates to S_IFREG */
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

/* Make the node @filename; @mode passed may_mknod(). */
int do_mknodat(int dfd, const char *filename, umode_t mode, dev_t dev)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (!S_ISCHR(mode) && !S_ISBLK(mode))
		dev = 0;
	return do_create(dfd, filename, CREATE_NODE, mode & ~current->fs->umask, dev, NULL);
}

int do_symlinkat(const char *oldname, int newdfd, const char *newname)
{
	if (!*oldname)
		return -ENOENT;
	return do_create(newdfd, newname, CREATE_LINK, S_IFLNK | 0777, 0, oldname);
}

/* A hard link @newname to the existing @oldname (not followed if a symlink). */
int do_linkat(int olddfd, const char *oldname, int newdfd, const char *newname)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct path old;
	int err;

	err = filename_lookup(olddfd, oldname, 0, &old);
	if (err)
		return err;
	spin_lock(&dcache_lock);
	dentry = filename_create(newdfd, newname, &nd, false);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out_unlock;
	err = -EXDEV;
	if (nd.path.mnt == old.mnt)
		err = vfs_link(old.dentry, nd.path.dentry->d_inode, dentry);
	dput_locked(dentry);
	terminate_walk(&nd);
out_unlock:
	path_put_locked(&old);
	spin_unlock(&dcache_lock);
	return err;
}

/* The common part of unlink and rmdir. */
static int do_remove(int dfd, const char *name, bool isdir)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err;

	spin_lock(&dcache_lock);
	err = filename_parentat(dfd, name, &nd);
	if (err)
		goto out_unlock;
	if (nd.last_type != LAST_NORM) {
		err = !isdir ? -EISDIR : nd.last_type == LAST_DOT ? -EINVAL
				: nd.last_type == LAST_DOTDOT ? -ENOTEMPTY : -EBUSY;
		goto out;
	}
	dentry = lookup_one_locked(nd.path.dentry, &nd.last);
	err = PTR_ERR(dentry);
	if (IS_ERR(dentry))
		goto out;
	if (d_really_is_negative(dentry))
		err = -ENOENT;
	else if (!isdir && (nd.flags & LOOKUP_DIRECTORY) && !d_can_lookup(dentry))
		err = -ENOTDIR;
	else if (isdir)
		err = vfs_rmdir(nd.path.dentry->d_inode, dentry);
	else
		err = vfs_unlink(nd.path.dentry->d_inode, dentry);
	dput_locked(dentry);
out:
	terminate_walk(&nd);
out_unlock:
	spin_unlock(&dcache_lock);
	return err;
}

int do_unlinkat(int dfd, const char *name)
{
	return do_remove(dfd, name, false);
}

int do_rmdir(int dfd, const char *pathname)
{
	return do_remove(dfd, pathname, true);
}

static bool is_ancestor(struct dentry *ancestor, struct dentry *d)
{
	for (;;) {
		if (d == ancestor)
			return true;
		if (IS_ROOT(d))
			return false;
		d = d->d_parent;
	}
}

/* The checks of Linux's vfs_rename, then the file system's rename. */
static int vfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
		      struct dentry *new)
{
	bool isdir = d_can_lookup(old);
	int err;

	if (old == new)
		return 0;
	err = may_delete(old_dir, old, isdir);
	if (!err && !d_really_is_negative(new))
		err = may_delete(new_dir, new, isdir);
	else if (!err)
		err = may_create(new_dir);
	if (err)
		return err;
	if (isdir && is_ancestor(old, new->d_parent))
		return -EINVAL;
	if (!old_dir->i_op->rename)
		return -EPERM;
	return old_dir->i_op->rename(old_dir, old, new_dir, new);
}

int do_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname)
{
	struct nameidata oldnd, newnd;
	struct dentry *old, *new;
	int err;

	spin_lock(&dcache_lock);
	err = filename_parentat(olddfd, oldname, &oldnd);
	if (err)
		goto out_unlock;
	err = filename_parentat(newdfd, newname, &newnd);
	if (err)
		goto out_old;
	err = -EBUSY;
	if (oldnd.last_type != LAST_NORM || newnd.last_type != LAST_NORM)
		goto out_new;
	err = -EXDEV;
	if (oldnd.path.mnt != newnd.path.mnt)
		goto out_new;
	old = lookup_one_locked(oldnd.path.dentry, &oldnd.last);
	err = PTR_ERR(old);
	if (IS_ERR(old))
		goto out_new;
	new = lookup_one_locked(newnd.path.dentry, &newnd.last);
	err = PTR_ERR(new);
	if (!IS_ERR(new)) {
		if (d_really_is_negative(old))
			err = -ENOENT;
		else if (!d_can_lookup(old) &&
			 ((oldnd.flags | newnd.flags) & LOOKUP_DIRECTORY))
			err = -ENOTDIR;
		else
			err = vfs_rename(oldnd.path.dentry->d_inode, old,
					 newnd.path.dentry->d_inode, new);
		dput_locked(new);
	}
	dput_locked(old);
out_new:
	terminate_walk(&newnd);
out_old:
	terminate_walk(&oldnd);
out_unlock:
	spin_unlock(&dcache_lock);
	return err;
}

/* Copy a symlink's target to user space (readlink(2)). RETURNS: the bytes
 * copied (no NUL), or -EINVAL if @dentry is not a symlink, -EFAULT. */
int vfs_readlink(struct dentry *dentry, char __user *buffer, int buflen)
{
	struct inode *inode = dentry->d_inode;
	const char *link;
	char buf[16];
	int len;

	if (!inode || !S_ISLNK(inode->i_mode))
		return -EINVAL;
	/* get_link runs with dcache_lock held, as in a path walk; the copy
	 * to user space may fault under it, as dcache_readdir's does. */
	spin_lock(&dcache_lock);
	link = inode->i_op->get_link(dentry, buf, sizeof(buf));
	if (IS_ERR(link)) {
		spin_unlock(&dcache_lock);
		return PTR_ERR(link);
	}
	len = min((int)strlen(link), buflen);
	if (copy_to_user(buffer, link, len))
		len = -EFAULT;
	spin_unlock(&dcache_lock);
	return len;
}

/* open()'s check of the object found (Linux's may_open). */
static int may_open(struct path *path, int acc_mode, int flag, bool created)
{
	struct inode *inode = path->dentry->d_inode;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if (S_ISDIR(inode->i_mode) && ((acc_mode & MAY_WRITE) || (flag & O_CREAT)))
		return -EISDIR;
	if ((flag & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (created)
		return 0;
	return generic_permission(inode, acc_mode);
}

/**
 * do_filp_open - open(): find or create @pathname, then open it
 * @flags: open()'s flags; @mode: the new file's mode for O_CREAT
 *
 * Linux's path_openat and do_last: the walk, O_CREAT/O_EXCL, O_NOFOLLOW,
 * O_DIRECTORY and permissions under dcache_lock; then the file system's
 * open and O_TRUNC without it.
 * RETURNS: the file, or an ERR_PTR.
 */
struct file *do_filp_open(int dfd, const char *pathname, int flags, umode_t mode)
{
	int acc = flags & O_ACCMODE, acc_mode = 0, err;
	bool created = false;
	struct nameidata nd;
	struct dentry *dentry;
	struct file *file;
	struct path path;

	if (acc == O_RDONLY || acc == O_RDWR)
		acc_mode |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
		acc_mode |= MAY_WRITE;
	spin_lock(&dcache_lock);
	err = path_init(&nd, dfd, pathname, 0);
	if (err)
		goto out_unlock;
	err = link_path_walk(&nd, pathname);
	if (err)
		goto out;
	if (!(flags & O_NOFOLLOW))
		nd.flags |= LOOKUP_FOLLOW;
	if (flags & O_DIRECTORY)
		nd.flags |= LOOKUP_DIRECTORY;
	if (flags & O_CREAT) {
		err = -EISDIR;
		if (nd.last_type != LAST_NORM || (nd.flags & LOOKUP_DIRECTORY))
			goto out;
		err = -ENOTDIR;
		if (!d_can_lookup(nd.path.dentry))
			goto out;
		dentry = lookup_one_locked(nd.path.dentry, &nd.last);
		err = PTR_ERR(dentry);
		if (IS_ERR(dentry))
			goto out;
		err = 0;
		if (d_really_is_negative(dentry)) {
			err = vfs_create(nd.path.dentry->d_inode, dentry,
					 mode & ~current->fs->umask);
			if (!err) {
				path.mnt = mntget(nd.path.mnt);
				path.dentry = dget_dlock(dentry);
				path_put_locked(&nd.path);
				nd.path = path;
				created = true;
			}
		} else if (flags & O_EXCL) {
			err = -EEXIST;
		}
		dput_locked(dentry);
		if (err)
			goto out;
	}
	if (!created) {
		err = walk_last(&nd);
		if (err)
			goto out;
	}
	err = may_open(&nd.path, acc_mode, flags, created);
	if (err)
		goto out;
	path = nd.path;
	path_get_locked(&path);
out:
	terminate_walk(&nd);
out_unlock:
	spin_unlock(&dcache_lock);
	if (err)
		return ERR_PTR(err);
	file = dentry_open(&path, flags);
	if (!IS_ERR(file) && (flags & O_TRUNC) && !created &&
	    S_ISREG(path.dentry->d_inode->i_mode)) {
		err = do_truncate(path.dentry, 0);
		if (err) {
			fput(file);
			file = ERR_PTR(err);
		}
	}
	path_put(&path);
	return file;
}

long sys_mkdirat(int dfd, const char __user *pathname, int mode)
{
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mkdirat(dfd, name, mode);
	putname(name);
	return err;
}

long sys_mkdir(const char __user *pathname, int mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

/* @dev in the 32-bit form stat shows (Linux's new_decode_dev). */
long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	unsigned int major = (dev & 0xfff00) >> 8, minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
	long err = may_mknod(mode);
	char *name;

	if (err)
		return err;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mknodat(dfd, name, mode, MKDEV(major, minor));
	putname(name);
	return err;
}

long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, filename, mode, dev);
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	char *name;
	long err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = (flag & AT_REMOVEDIR) ? do_rmdir(dfd, name) : do_unlinkat(dfd, name);
	putname(name);
	return err;
}

long sys_unlink(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_rmdir(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

long sys_rename(const char __user *oldname, const char __user *newname)
{
	return sys_renameat(AT_FDCWD, oldname, AT_FDCWD, newname);
}

long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	char *from, *to;
	long err;

	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_symlinkat(from, newdfd, to);
		putname(to);
	}
	putname(from);
	return err;
}

long sys_symlink(const char __user *oldname, const char __user *newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}

/* linkat(): AT_SYMLINK_FOLLOW is not supported here (-EINVAL): the link
 * is always to the name itself, as link() makes it. */
long sys_linkat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		int flags)
{
	char *from, *to;
	long err;

	if (flags)
		return -EINVAL;
	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_linkat(olddfd, from, newdfd, to);
		putname(to);
	}
	putname(from);
	return err;
}

long sys_link(const char __user *oldname, const char __user *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

long sys_renameat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname)
{
	char *from, *to;
	long err;

	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_renameat2(olddfd, from, newdfd, to);
		putname(to);
	}
	putname(from);
	return err;
}
