/* The mount tree: which file system is attached where, mount(2) and
 * umount(2), and the rootfs every task starts in (Linux's fs/namespace.c,
 * one name space, no propagation, no bind or move mounts).
 * CONTEXT: the tree changes under dcache_lock; mnt_count is atomic. */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/seq_file.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

static LIST_HEAD(mount_list);
struct vfsmount *root_mnt;

/* A mount of @root's superblock, owning the caller's reference to @root;
 * @name is the source /proc/mounts shows ("none" if NULL). */
static struct vfsmount *alloc_vfsmnt(struct dentry *root, const char *name)
{
	struct vfsmount *mnt;

	if (!name)
		name = "none";
	mnt = kzalloc(sizeof(*mnt) + strlen(name) + 1, GFP_KERNEL);
	if (!mnt)
		return NULL;
	mnt->mnt_devname = (char *)(mnt + 1);
	memcpy(mnt->mnt_devname, name, strlen(name) + 1);
	mnt->mnt_root = root;
	mnt->mnt_sb = root->d_sb;
	mnt->mnt_count = 1;
	mnt->mnt_parent = mnt;
	INIT_LIST_HEAD(&mnt->mnt_list);
	return mnt;
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		__atomic_fetch_add(&mnt->mnt_count, 1, __ATOMIC_SEQ_CST);
	return mnt;
}

/* The last reference to a detached mount went: release its superblock. */
static void cleanup_mnt(struct vfsmount *mnt)
{
	dput_locked(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(mnt);
}

void mntput_locked(struct vfsmount *mnt)
{
	if (mnt && __atomic_sub_fetch(&mnt->mnt_count, 1, __ATOMIC_SEQ_CST) == 0)
		cleanup_mnt(mnt);
}

/*
 * Is the caller allowed to modify his namespace? (CAP_SYS_ADMIN; Linux asks
 * it of the mount namespace's user namespace, and there is one of each.)
 */
static inline bool may_mount(void)
{
	return capable(CAP_SYS_ADMIN);
}

/**
 * lookup_mnt - the mount on @path (the one mounted last, if several are)
 * CONTEXT: dcache_lock held. RETURNS: it, without a reference, or NULL.
 */
struct vfsmount *lookup_mnt(const struct path *path)
{
	struct vfsmount *m, *found = NULL;

	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == path->mnt && m->mnt_mountpoint == path->dentry)
			found = m;
	return found;
}

/* Attach @mnt (whose reference the tree takes) on @path. */
static void attach_mnt(struct vfsmount *mnt, const struct path *path)
{
	mnt->mnt_parent = mntget(path->mnt);
	mnt->mnt_mountpoint = dget_dlock(path->dentry);
	path->dentry->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mount_list);
}

/* Take @mnt out of the tree; the tree's reference is the caller's now. */
static void detach_mnt(struct vfsmount *mnt)
{
	struct dentry *mp = mnt->mnt_mountpoint;
	struct vfsmount *m;

	list_del_init(&mnt->mnt_list);
	mp->d_flags &= ~DCACHE_MOUNTED;
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_mountpoint == mp)
			mp->d_flags |= DCACHE_MOUNTED;
	dput_locked(mp);
	mntput_locked(mnt->mnt_parent);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = NULL;
}

static struct vfsmount *first_child(struct vfsmount *mnt)
{
	struct vfsmount *m;

	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == mnt && m != mnt)
			return m;
	return NULL;
}

/* Detach @mnt and every mount below it, deepest first, without recursion. */
static void umount_tree(struct vfsmount *mnt)
{
	for (;;) {
		struct vfsmount *m = mnt, *child;

		while ((child = first_child(m)) != NULL)
			m = child;
		detach_mnt(m);
		mntput_locked(m);
		if (m == mnt)
			return;
	}
}

/* finish_automount - attach @m, made by a dentry's d_automount, on @path
 * as a mount that goes with its parent (debugfs' tracing). */
void finish_automount(struct vfsmount *m, const struct path *path)
{
	m->mnt_flags |= MNT_SHRINKABLE;
	attach_mnt(m, path);
}

/**
 * vfs_kern_mount - a new, unattached mount of @type
 * CONTEXT: dcache_lock held. RETURNS: it (one reference), or NULL.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data)
{
	struct dentry *root = type->mount(type, flags, name, data);
	struct vfsmount *mnt;

	if (IS_ERR(root))
		return NULL;
	mnt = alloc_vfsmnt(root, name);
	if (!mnt) {
		dput_locked(root);
		deactivate_super(root->d_sb);
	}
	return mnt;
}

/* A mount of @type used by the kernel only, never attached (pipefs). */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt;

	spin_lock(&dcache_lock);
	mnt = vfs_kern_mount(type, SB_KERNMOUNT, type->name, NULL);
	if (mnt)
		mnt->mnt_flags |= MNT_INTERNAL;
	spin_unlock(&dcache_lock);
	return mnt;
}

/**
 * do_mount - mount a new instance of @type_page on the directory @dir_name
 * @dev_name, @data_page: handed to the file system (tmpfs reads its
 *	options from @data_page; the others ignore both)
 * @flags: MS_*; remount, bind and move are not supported (-EINVAL)
 * The mount point is looked up first, then the caller's right to mount,
 * then the rest: Linux's order, and so its errors.
 * RETURNS: 0, -ENOENT/-ENOTDIR for a bad mount point, -EPERM without
 * CAP_SYS_ADMIN, -ENODEV for an unknown type, -ENOMEM.
 */
int do_mount(const char *dev_name, const char *dir_name, const char *type_page,
	     unsigned long flags, void *data_page)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	struct dentry *root;
	struct path path;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	flags &= ~MS_KERNMOUNT; /* only the kernel's own mounts are unlimited */
	/* ... and get the mountpoint */
	err = kern_path(dir_name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	if (!may_mount())
		err = -EPERM;
	else if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE))
		err = -EINVAL;
	else if (!type_page)
		err = -EINVAL;
	else if (!(type = get_fs_type(type_page)))
		err = -ENODEV;
	if (err) {
		path_put(&path);
		return err;
	}
	spin_lock(&dcache_lock);
	root = type->mount(type, flags, dev_name, data_page);
	if (IS_ERR(root)) {
		err = PTR_ERR(root);
	} else {
		mnt = alloc_vfsmnt(root, dev_name);
		if (mnt) {
			attach_mnt(mnt, &path);
		} else {
			dput_locked(root);
			deactivate_super(root->d_sb);
			err = -ENOMEM;
		}
	}
	path_put_locked(&path);
	spin_unlock(&dcache_lock);
	return err;
}

/* RETURNS: nonzero if something besides the tree, the caller's lookup and
 * the automounts below it holds @mnt (Linux's propagate_mount_busy(mnt, 2)). */
static int mount_busy(struct vfsmount *mnt)
{
	struct vfsmount *m;
	int expected = 2;

	list_for_each_entry(m, &mount_list, mnt_list) {
		if (m->mnt_parent != mnt || m == mnt)
			continue;
		if (!(m->mnt_flags & MNT_SHRINKABLE) || m->mnt_count != 1 || first_child(m))
			return 1;
		expected++;
	}
	return mnt->mnt_count != expected;
}

/**
 * do_umount - detach the file system mounted at @name (CAP_SYS_ADMIN only)
 * @flags: MNT_DETACH detaches even while it is in use; MNT_FORCE (no
 *	I/O to abort here) is ignored; UMOUNT_NOFOLLOW: @name may not be a link
 * RETURNS: 0, -EPERM, -EINVAL if @name is not a mount point (or is the
 * root), -EBUSY if it is in use, or a lookup error.
 */
int do_umount(const char *name, int flags)
{
	struct path path;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!may_mount())
		return -EPERM;
	err = kern_path(name, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	spin_lock(&dcache_lock);
	if (path.dentry != path.mnt->mnt_root || path.mnt == root_mnt ||
	    (path.mnt->mnt_flags & MNT_INTERNAL) || list_empty(&path.mnt->mnt_list))
		err = -EINVAL;
	else if (!(flags & MNT_DETACH) && mount_busy(path.mnt))
		err = -EBUSY;
	else
		umount_tree(path.mnt);
	path_put_locked(&path);
	spin_unlock(&dcache_lock);
	return err;
}

/* Copy a string argument of mount(2), which may be empty (Linux's
 * copy_mount_string). RETURNS: a kmalloc'd copy, NULL for NULL, or an ERR_PTR. */
static char *copy_mount_string(const char __user *s)
{
	char *page;
	long len;

	if (!s)
		return NULL;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(page, s, PAGE_SIZE);
	if (len < 0 || len == PAGE_SIZE) {
		kfree(page);
		return ERR_PTR(len < 0 ? len : -EINVAL);
	}
	return page;
}

/* The file system's options: a page of them at most, NUL-terminated, as
 * Linux's copy_mount_options() and do_mount() leave them (only string
 * options exist here). RETURNS: the copy, NULL for none, or an ERR_PTR. */
static char *copy_mount_options(const void __user *data)
{
	char *page;
	long len;

	if (!data)
		return NULL;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(page, data, PAGE_SIZE);
	if (len < 0) {
		kfree(page);
		return ERR_PTR(len);
	}
	page[PAGE_SIZE - 1] = '\0';
	return page;
}

long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data)
{
	char *kdev, *kdir, *ktype, *koptions;
	long ret;

	kdir = getname(dir_name);
	if (IS_ERR(kdir))
		return PTR_ERR(kdir);
	ktype = copy_mount_string(type);
	ret = PTR_ERR(ktype);
	if (IS_ERR(ktype))
		goto out_dir;
	kdev = copy_mount_string(dev_name);
	ret = PTR_ERR(kdev);
	if (IS_ERR(kdev))
		goto out_type;
	koptions = copy_mount_options(data);
	ret = PTR_ERR(koptions);
	if (IS_ERR(koptions))
		goto out_dev;
	ret = do_mount(kdev, kdir, ktype, flags, koptions);
	kfree(koptions);
out_dev:
	kfree(kdev);
out_type:
	kfree(ktype);
out_dir:
	putname(kdir);
	return ret;
}

long sys_umount(char __user *name, int flags)
{
	char *kname = getname(name);
	long ret;

	if (IS_ERR(kname))
		return PTR_ERR(kname);
	ret = do_umount(kname, flags);
	putname(kname);
	return ret;
}

/* The rootfs mount, and the swapper's root and cwd in it (Linux's
 * init_mount_tree). Every task inherits them through fork. */
static void init_mount_tree(void)
{
	struct dentry *root;
	struct path path;

	spin_lock(&dcache_lock);
	root = rootfs_fs_type.mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(root))
		panic("Can't create rootfs");
	root_mnt = alloc_vfsmnt(root, "rootfs");
	if (!root_mnt)
		panic("Can't allocate initial namespace");
	list_add(&root_mnt->mnt_list, &mount_list);
	spin_unlock(&dcache_lock);
	path.mnt = root_mnt;
	path.dentry = root;
	set_fs_pwd(&init_fs, &path);
	set_fs_root(&init_fs, &path);
}

void mnt_init(void)
{
	register_filesystem(&rootfs_fs_type);
	init_mount_tree();
}

/**
 * proc_mounts_show - /proc/mounts: "source mountpoint type options 0 0",
 * one line per mount, from the root (Linux's fs/proc_namespace.c
 * show_vfsmnt). Every mount here is read-write, with Linux's default
 * relatime (but rootfs, which Linux mounts without it).
 */
int proc_mounts_show(struct seq_file *m, void *v)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct vfsmount *mnt;
	struct path root = { .mnt = root_mnt, .dentry = root_mnt->mnt_root };

	if (!buf)
		return -ENOMEM;
	spin_lock(&dcache_lock);
	list_for_each_entry(mnt, &mount_list, mnt_list) {
		struct path mnt_path = { .mnt = mnt, .dentry = mnt->mnt_root };
		int pos = d_path(&mnt_path, &root, buf, PATH_MAX);

		if (pos < 0)
			continue;
		seq_printf(m, "%s %s %s %s 0 0\n", mnt->mnt_devname, buf + pos,
			   mnt->mnt_sb->s_type->name, mnt == root_mnt ? "rw" : "rw,relatime");
	}
	spin_unlock(&dcache_lock);
	kfree(buf);
	return 0;
}
