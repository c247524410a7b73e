/* Unpacking the initramfs into the rootfs: each cpio "newc" member becomes
 * a directory, regular file, symlink or device node with the archive's
 * mode, owner and time (Linux's init/initramfs.c; the parsing is
 * kernel/fs/cpio.c), hard links included. */
#include <linux/cpio.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

/* Give @dentry the archive's owner, mode (but a symlink's) and time. */
static void set_dentry_attrs(struct dentry *dentry, const struct cpio_entry *e)
{
	struct iattr attr = {
		.ia_valid = ATTR_UID | ATTR_GID | ATTR_MODE | ATTR_MTIME,
		.ia_uid = e->uid,
		.ia_gid = e->gid,
		.ia_mode = e->mode,
		.ia_mtime = { .tv_sec = e->mtime },
	};

	if (S_ISLNK(e->mode))
		attr.ia_valid &= ~ATTR_MODE;
	notify_change(dentry, &attr);
}

/* The same for the member made as @name. */
static void set_attrs(const char *name, const struct cpio_entry *e)
{
	struct path path;

	if (kern_path(name, 0, &path))
		return;
	set_dentry_attrs(path.dentry, e);
	path_put(&path);
}

/* Make room for a member of another type (Linux's clean_path): an old
 * directory or file of that name is removed first. */
static void clean_path(const char *name, umode_t fmode)
{
	struct path path;
	umode_t mode;

	if (kern_path(name, 0, &path))
		return;
	mode = path.dentry->d_inode->i_mode;
	path_put(&path);
	if ((mode ^ fmode) & S_IFMT) {
		if (S_ISDIR(mode))
			do_rmdir(AT_FDCWD, name);
		else
			do_unlinkat(AT_FDCWD, name);
	}
}

/* Archive inodes with several names, by the first name made of each:
 * newc gives the data with the last name only (Linux's find_link hash). */
struct hardlink {
	struct hardlink *next;
	u32 ino, major, minor, mode;
	char name[];
};

static struct hardlink *hardlinks;

/* The name @e's inode was first made as; NULL (and @e remembered) if none. */
static const char *find_link(const struct cpio_entry *e)
{
	struct hardlink *h;
	size_t len = strlen(e->name) + 1;

	for (h = hardlinks; h; h = h->next)
		if (h->ino == e->ino && h->major == e->devmajor && h->minor == e->devminor &&
		    !((h->mode ^ e->mode) & S_IFMT))
			return h->name;
	h = kmalloc(sizeof(*h) + len, GFP_KERNEL);
	if (h) {
		h->ino = e->ino;
		h->major = e->devmajor;
		h->minor = e->devminor;
		h->mode = e->mode;
		memcpy(h->name, e->name, len);
		h->next = hardlinks;
		hardlinks = h;
	}
	return NULL;
}

static void free_hash(void)
{
	while (hardlinks) {
		struct hardlink *h = hardlinks;

		hardlinks = h->next;
		kfree(h);
	}
}

/* RETURNS: 1 if @e was made a link to an earlier name, 0 if it is to be
 * created, -1 if linking failed (Linux's maybe_link). */
static int maybe_link(const struct cpio_entry *e)
{
	const char *old;

	if (e->nlink < 2)
		return 0;
	old = find_link(e);
	if (!old)
		return 0;
	clean_path(e->name, 0);
	return do_linkat(AT_FDCWD, old, AT_FDCWD, e->name) < 0 ? -1 : 1;
}

/* A regular file, its data, then its attributes through the open file
 * (Linux's fchown and fchmod on wfd, with no second lookup of the name);
 * @linked: it exists already, as a link. RETURNS: 0 or -errno. */
static int do_copy(const char *name, const struct cpio_entry *e, bool linked)
{
	struct file *file = filp_open(name, O_WRONLY | O_CREAT | (linked ? 0 : O_TRUNC), e->mode);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = e->size ? kernel_write(file, e->data, e->size, &pos) : 0;
	if (n == e->size)
		set_dentry_attrs(file->f_path.dentry, e);
	fput(file);
	return n < 0 ? n : n != e->size ? -ENOSPC : 0;
}

static int do_symlink(const char *name, const struct cpio_entry *e)
{
	char *target = kmalloc(e->size + 1, GFP_KERNEL);
	int err;

	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	err = do_symlinkat(target, AT_FDCWD, name);
	kfree(target);
	return err;
}

/* Make the directory, symlink or node @e once. RETURNS: 0 or -errno. */
static int create_member(const struct cpio_entry *e)
{
	if (S_ISDIR(e->mode))
		return do_mkdirat(AT_FDCWD, e->name, e->mode);
	if (S_ISLNK(e->mode))
		return do_symlink(e->name, e);
	return do_mknodat(AT_FDCWD, e->name, e->mode, MKDEV(e->rdevmajor, e->rdevminor));
}

/*
 * A directory, symlink or node: made first, and only if the name is taken
 * is an old member of another type removed (clean_path) and the member
 * made again. Linux cleans first; the rootfs starts empty, so that look-up
 * would nearly always find nothing, and a name that was taken ends the
 * same way. (A regular file is cleaned first, as in Linux: opening an old
 * FIFO or device node to try is not harmless.)
 */
static int create_or_clean(const struct cpio_entry *e)
{
	int err = create_member(e);

	if (err == -EEXIST) {
		clean_path(e->name, e->mode);
		err = create_member(e);
	}
	return err;
}

/* Create one member. Errors are not fatal, as in Linux: the rest goes on. */
static void do_name(const struct cpio_entry *e)
{
	const char *name = e->name;
	umode_t mode = e->mode;
	int err;

	if (!strcmp(name, ".") || !*name)
		return;
	if (S_ISREG(mode)) {
		int ml;

		clean_path(name, mode);
		ml = maybe_link(e);
		if (ml >= 0)
			do_copy(name, e, ml == 1);
		return;
	} else if (S_ISDIR(mode)) {
		err = create_or_clean(e);
		if (err == -EEXIST)
			err = 0;
	} else if (S_ISLNK(mode)) {
		err = create_or_clean(e);
	} else if (S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) || S_ISSOCK(mode)) {
		err = maybe_link(e);
		if (!err)
			err = create_or_clean(e);
	} else {
		return;
	}
	if (!err)
		set_attrs(name, e);
}

/**
 * unpack_to_rootfs - create every member of the archive(s) at @data
 * @msg: set to why, if the archive is malformed
 *
 * Names are relative to the caller's working directory ("/" at boot).
 * Members before a malformed one stay created.
 * RETURNS: 0, or -EINVAL with *@msg set.
 */
int unpack_to_rootfs(const void *data, size_t len, const char **msg)
{
	struct cpio_entry e;
	size_t pos = 0;

	while (pos < len) {
		int ret = cpio_next(data, len, &pos, &e);

		if (ret < 0) {
			*msg = e.error;
			free_hash();
			return ret;
		}
		if (ret > 0)
			do_name(&e);
		else
			free_hash(); /* TRAILER!!!: the next archive numbers anew */
	}
	free_hash();
	return 0;
}

/* Unpack an initramfs image (linked in, or from the boot loader); a
 * malformed one is reported and what was unpacked stays. */
void populate_rootfs(const void *data, size_t len)
{
	const char *msg = NULL;

	if (unpack_to_rootfs(data, len, &msg))
		printk(KERN_EMERG "Initramfs unpacking failed: %s\n", msg);
}
