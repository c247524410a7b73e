/* Superblocks: one per mounted instance of a file system, or one for all
 * mounts of a singleton such as proc (Linux's fs/super.c: alloc_super,
 * mount_nodev, mount_single, deactivate_super, kill_litter_super).
 * CONTEXT: all run with dcache_lock held (from do_mount/do_umount). */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/time.h>

/* A superblock of @type with the next anonymous device number (0, n),
 * which stat() shows as st_dev. RETURNS: it, or NULL. */
struct super_block *alloc_super(struct file_system_type *type, unsigned long magic)
{
	static unsigned int unnamed_dev_minor;
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_magic = magic;
	sb->s_dev = MKDEV(0, ++unnamed_dev_minor);
	sb->s_time_gran = NSEC_PER_SEC; /* file systems that keep ns say so */
	return sb;
}

/**
 * mount_nodev - a new instance of @type for each mount (ramfs, tmpfs)
 * @fill_super: give the superblock its root dentry
 * RETURNS: the root dentry, referenced, or an ERR_PTR.
 */
struct dentry *mount_nodev(struct file_system_type *type, unsigned long magic,
			   int (*fill_super)(struct super_block *sb))
{
	return mount_nodev_info(type, magic, NULL, fill_super);
}

struct dentry *mount_nodev_info(struct file_system_type *type, unsigned long magic, void *fs_info,
				int (*fill_super)(struct super_block *sb))
{
	struct super_block *sb = alloc_super(type, magic);
	int err;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_fs_info = fs_info;
	err = fill_super(sb);
	if (err) {
		kfree(sb);
		return ERR_PTR(err);
	}
	sb->s_active = 1;
	return dget_dlock(sb->s_root);
}

/**
 * mount_single - one instance of @type shared by all its mounts
 * @sbp: where the instance is kept; filled on the first mount
 * RETURNS: the root dentry, referenced, or an ERR_PTR.
 */
struct dentry *mount_single(struct file_system_type *type, unsigned long magic,
			    struct super_block **sbp, int (*fill_super)(struct super_block *sb))
{
	if (!*sbp) {
		struct dentry *root = mount_nodev(type, magic, fill_super);

		if (IS_ERR(root))
			return root;
		*sbp = root->d_sb;
		return root;
	}
	(*sbp)->s_active++;
	return dget_dlock((*sbp)->s_root);
}

/* The last mount of @sb went: free it, unless it is a singleton. */
void deactivate_super(struct super_block *sb)
{
	if (--sb->s_active == 0 && sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
}

/* Drop the self-references that keep a ramfs tree alive, leaves first;
 * whatever open files still hold goes when they are closed. Iterative, so
 * a deep tree cannot overflow the kernel stack. */
static void d_genocide(struct dentry *root)
{
	struct dentry *this = root, *child;

	for (;;) {
		struct dentry *next = NULL;

		list_for_each_entry(child, &this->d_subdirs, d_child)
			if (child->d_flags & DCACHE_PINNED) {
				next = child;
				break;
			}
		if (next) {
			this = next;
			continue;
		}
		if (this == root)
			return;
		next = this->d_parent;
		d_unpin(this);
		this = next;
	}
}

/* kill_sb of the in-memory file systems (Linux's kill_litter_super). */
void kill_litter_super(struct super_block *sb)
{
	d_genocide(sb->s_root);
	dput_locked(sb->s_root);
	kfree(sb);
}
