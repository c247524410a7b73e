/* The dentry cache: allocating, finding, counting and dropping directory
 * entries (Linux's fs/dcache.c, with one global dcache_lock as in Linux
 * 2.6 instead of per-dentry locks and RCU). */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

DEFINE_SPINLOCK(dcache_lock);

/*
 * Every named child is also in a bucket chosen by its parent and name, as
 * in Linux's dentry_hashtable, so that d_lookup() reads a few dentries
 * rather than the whole directory. The hash is Linux's older
 * partial_name_hash, salted with the parent (d_hash()).
 */
#define D_HASHBITS 10
static struct hlist_head dentry_hashtable[1 << D_HASHBITS];

static struct hlist_head *d_hash(const struct dentry *parent, const struct qstr *name)
{
	unsigned long hash = 0;
	unsigned int i;

	for (i = 0; i < name->len; i++) {
		unsigned long c = (unsigned char)name->name[i];

		hash = (hash + (c << 4) + (c >> 4)) * 11;
	}
	hash += (unsigned long)parent / sizeof(long);
	return &dentry_hashtable[(u32)(hash * 0x61C88647u) >> (32 - D_HASHBITS)];
}

/* Make @dentry findable by d_lookup() under its parent and name. */
static void d_rehash(struct dentry *dentry)
{
	hlist_add_head(&dentry->d_hash, d_hash(dentry->d_parent, &dentry->d_name));
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kzalloc(sizeof(*dentry) + name->len + 1, GFP_KERNEL);

	if (!dentry)
		return NULL;
	memcpy(dentry->d_iname, name->name, name->len);
	dentry->d_name.name = dentry->d_iname;
	dentry->d_name.len = name->len;
	dentry->d_count = 1;
	dentry->d_parent = dentry;
	dentry->d_sb = sb;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

/**
 * d_alloc - a new negative dentry @name in @parent, listed as its child
 * CONTEXT: dcache_lock held. RETURNS: the dentry (one reference), or NULL.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	dentry->d_parent = dget_dlock(parent);
	dentry->d_op = parent->d_op;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	d_rehash(dentry);
	return dentry;
}

/* A dentry in no directory, its own parent: a pipe's (Linux's d_alloc_pseudo). */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	return __d_alloc(sb, name);
}

/**
 * d_alloc_cursor - a cursor for an open directory @parent: a dentry that
 * readdir keeps in @parent's d_subdirs just before the next child to list
 * (Linux's d_alloc_cursor). It holds a reference on @parent and is in no
 * list until the first readdir places it; lookups never match it.
 * CONTEXT: dcache_lock held. RETURNS: the cursor, or NULL.
 */
struct dentry *d_alloc_cursor(struct dentry *parent)
{
	static const struct qstr anon = QSTR_INIT("/", 1);
	struct dentry *dentry = __d_alloc(parent->d_sb, &anon);

	if (dentry) {
		dentry->d_flags |= DCACHE_DENTRY_CURSOR;
		dentry->d_parent = dget_dlock(parent);
	}
	return dentry;
}

/* The root dentry of a new superblock, owning @root_inode's reference. */
struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *res = NULL;

	if (root_inode) {
		res = __d_alloc(root_inode->i_sb, &slash);
		if (res)
			res->d_inode = root_inode;
		else
			iput(root_inode);
	}
	return res;
}

/* Give a negative dentry its inode (whose reference it takes over). */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
}

/**
 * d_lookup - the child of @parent called @name, if cached
 * CONTEXT: dcache_lock held. RETURNS: it with a reference (it may be
 * negative), or NULL.
 */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d;

	hlist_for_each_entry(d, d_hash(parent, name), d_hash)
		if (d->d_parent == parent && d->d_name.len == name->len &&
		    !memcmp(d->d_name.name, name->name, name->len))
			return dget_dlock(d);
	return NULL;
}

/* Unlink from the parent's list and the hash: later lookups no longer find it. */
void d_drop(struct dentry *dentry)
{
	list_del_init(&dentry->d_child);
	hlist_del_init(&dentry->d_hash);
}

/**
 * d_move - rename: @dentry takes @target's name and place, @target is dropped
 * CONTEXT: dcache_lock held. RETURNS: 0, or -ENOMEM (nothing changed).
 */
int d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = dentry->d_parent;
	char *name = kmalloc(target->d_name.len + 1, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	memcpy(name, target->d_name.name, target->d_name.len);
	name[target->d_name.len] = '\0';
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	dentry->d_name.name = name;
	dentry->d_name.len = target->d_name.len;
	d_drop(target);
	d_drop(dentry);
	list_add_tail(&dentry->d_child, &target->d_parent->d_subdirs);
	dentry->d_parent = dget_dlock(target->d_parent);
	d_rehash(dentry);
	dput_locked(old_parent);
	return 0;
}

/* ramfs keeps a linked dentry alive by a reference to itself. */
void d_pin(struct dentry *dentry)
{
	dentry->d_flags |= DCACHE_PINNED;
	dget_dlock(dentry);
}

void d_unpin(struct dentry *dentry)
{
	if (dentry->d_flags & DCACHE_PINNED) {
		dentry->d_flags &= ~DCACHE_PINNED;
		dput_locked(dentry);
	}
}

struct dentry *dget_dlock(struct dentry *dentry)
{
	if (dentry)
		dentry->d_count++;
	return dentry;
}

/* Free a dentry nobody references, then drop its parent's reference: a
 * loop, not recursion, since a chain of parents may go at once. */
void dput_locked(struct dentry *dentry)
{
	while (dentry && --dentry->d_count == 0) {
		struct dentry *parent = dentry->d_parent;

		d_drop(dentry);
		if (dentry->d_inode)
			iput(dentry->d_inode);
		if (dentry->d_name.name != dentry->d_iname)
			kfree(dentry->d_name.name);
		kfree(dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

void dput(struct dentry *dentry)
{
	if (!dentry)
		return;
	spin_lock(&dcache_lock);
	dput_locked(dentry);
	spin_unlock(&dcache_lock);
}

/**
 * d_path - the name of @path as seen from @root, for getcwd()
 * @buf, @buflen: where to build it, from the end backwards
 *
 * Climbs d_parent, crossing from a mount's root to where it is mounted;
 * a pseudo file in no directory names itself (d_op->d_dname).
 * CONTEXT: dcache_lock held. RETURNS: the offset in @buf where the name
 * starts (it ends at @buf + @buflen - 1 with a NUL), or -ENAMETOOLONG.
 */
int d_path(const struct path *path, const struct path *root, char *buf, int buflen)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *mnt = path->mnt;
	int pos = buflen - 1;

	if (dentry->d_op && dentry->d_op->d_dname &&
	    (!IS_ROOT(dentry) || dentry != mnt->mnt_root))
		return dentry->d_op->d_dname(dentry, buf, buflen);
	if (buflen < 2)
		return -ENAMETOOLONG;
	buf[pos] = '\0';
	while (!(dentry == root->dentry && mnt == root->mnt)) {
		if (dentry == mnt->mnt_root || IS_ROOT(dentry)) {
			if (mnt->mnt_parent == mnt)
				break; /* the top of the tree */
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		if (pos < (int)dentry->d_name.len + 1)
			return -ENAMETOOLONG;
		pos -= dentry->d_name.len;
		memcpy(buf + pos, dentry->d_name.name, dentry->d_name.len);
		buf[--pos] = '/';
		dentry = dentry->d_parent;
	}
	if (pos == buflen - 1) {
		if (pos < 1)
			return -ENAMETOOLONG;
		buf[--pos] = '/';
	}
	return pos;
}

/* getcwd(): the working directory's name as seen from the root.
 * RETURNS: its length with the NUL, -ERANGE if @size is too small, -EFAULT. */
long sys_getcwd(char __user *buf, unsigned long size)
{
	char *page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct path pwd, root;
	long len;
	int pos;

	if (!page)
		return -ENOMEM;
	get_fs_root_and_pwd(current->fs, &root, &pwd);
	spin_lock(&dcache_lock);
	pos = d_path(&pwd, &root, page, PAGE_SIZE);
	spin_unlock(&dcache_lock);
	path_put(&pwd);
	path_put(&root);
	len = pos < 0 ? pos : (long)PAGE_SIZE - pos;
	if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	else if (len > 0 && copy_to_user(buf, page + pos, len))
		len = -EFAULT;
	kfree(page);
	return len;
}
