/* Directory entries: the tree of names the VFS walks (Linux's
 * include/linux/dcache.h). As in Linux's ramfs, an in-memory file system's
 * directories are nothing but their dentries' d_subdirs lists.
 *
 * Locking: one spinlock, dcache_lock (Linux 2.6's, before RCU path walk),
 * guards every dentry's d_count, d_parent, d_inode, d_subdirs and d_child,
 * and the mount tree. A whole path walk, create, unlink or rename runs
 * under it, so none of them may sleep: the file systems here live in
 * memory, and the allocator never sleeps. */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct dentry;
struct inode;
struct path;
struct vfsmount;
struct super_block;

/* A name, not NUL-terminated (Linux's struct qstr, without the hash). */
struct qstr {
	const char *name;
	unsigned int len;
};

#define QSTR_INIT(n, l) { .name = (n), .len = (l) }

struct dentry_operations {
	/* RETURNS: 0 if the cached dentry no longer stands for a live object
	 * (a /proc/<pid> whose task is gone): the walk looks it up anew. */
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	/* A DCACHE_NEED_AUTOMOUNT dentry: the mount to put on it when a walk
	 * first reaches it (debugfs' tracing). RETURNS: a vfsmount or NULL. */
	struct vfsmount *(*d_automount)(struct path *path);
	/* A pseudo file's name for d_path(), built at the end of @buf as
	 * d_path() builds it. RETURNS: its offset in @buf, or -ENAMETOOLONG. */
	int (*d_dname)(struct dentry *dentry, char *buf, int buflen);
};

struct dentry {
	unsigned int d_flags; /* DCACHE_* */
	int d_count; /* references; freed at zero */
	struct dentry *d_parent; /* itself for a root */
	struct qstr d_name; /* points at d_iname */
	struct inode *d_inode; /* NULL: negative, the name does not exist */
	struct super_block *d_sb;
	const struct dentry_operations *d_op;
	struct hlist_node d_hash; /* in its bucket of dentry_hashtable; unhashed when dropped */
	struct list_head d_child; /* in d_parent->d_subdirs; empty when dropped */
	struct list_head d_subdirs;
	void *d_fsdata;
	char d_iname[];
};

#define DCACHE_MOUNTED 0x00010000 /* something is mounted on it */
#define DCACHE_NEED_AUTOMOUNT 0x00020000 /* d_op->d_automount on first walk */
#define DCACHE_MANAGED_DENTRY (DCACHE_MOUNTED | DCACHE_NEED_AUTOMOUNT) /* a walk must stop here */
#define DCACHE_PINNED 0x00100000 /* holds a reference on itself while linked (ramfs) */
#define DCACHE_DENTRY_CURSOR 0x20000000 /* an open directory's readdir place, no name */

extern spinlock_t dcache_lock;

static inline bool IS_ROOT(const struct dentry *d)
{
	return d == d->d_parent;
}

static inline bool d_mountpoint(const struct dentry *d)
{
	return d->d_flags & DCACHE_MOUNTED;
}

/* Something is, or is to be, mounted on @d (Linux's d_managed). */
static inline bool d_managed(const struct dentry *d)
{
	return d->d_flags & DCACHE_MANAGED_DENTRY;
}

static inline struct inode *d_inode(const struct dentry *d)
{
	return d->d_inode;
}

static inline bool d_really_is_negative(const struct dentry *d)
{
	return d->d_inode == NULL;
}

/* All take dcache_lock themselves unless named _locked/_dlock or noted. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name); /* lock held */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
struct dentry *d_alloc_cursor(struct dentry *parent); /* lock held */
struct dentry *d_make_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name); /* lock held */
void d_drop(struct dentry *dentry); /* lock held */
int d_move(struct dentry *dentry, struct dentry *target); /* lock held */
void d_pin(struct dentry *dentry); /* lock held */
void d_unpin(struct dentry *dentry); /* lock held */
struct dentry *dget_dlock(struct dentry *dentry); /* lock held */
void dput(struct dentry *dentry);
void dput_locked(struct dentry *dentry); /* lock held */
int d_path(const struct path *path, const struct path *root, char *buf, int buflen);

#endif
