/* ramfs: a file system that is only its dentries and pages in memory
 * (Linux's fs/ramfs/inode.c). Its files are also tmpfs's and the rootfs's
 * (kernel/mm/shmem.c), which count them against their limits. */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

extern const struct file_operations ramfs_file_operations;
extern const struct inode_operations ramfs_file_inode_operations;

static const struct inode_operations ramfs_dir_inode_operations;

static const struct super_operations ramfs_ops = {
	.evict_inode = ramfs_evict_inode,
};

/**
 * ramfs_get_inode - a new inode of @mode owned by the caller
 * @dir: the directory it goes in (for set-group-ID directories), or NULL
 * @dev: the device a character or block node names
 * RETURNS: the inode, or NULL if out of memory or (tmpfs) out of inodes.
 */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev)
{
	struct inode *inode;

	if (shmem_reserve_inode(sb))
		return NULL;
	inode = new_inode(sb);
	if (!inode) {
		shmem_free_inode(sb);
		return NULL;
	}
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		init_special_inode(inode, mode, dev);
	}
	return inode;
}

/* Give the negative @dentry a new inode and keep it (the pin). */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	d_pin(dentry);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		dir->i_nlink++;
	return err;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname);
	char *link;
	int err;

	if (len >= PAGE_SIZE)
		return -ENAMETOOLONG;
	link = kmalloc(len + 1, GFP_KERNEL);
	if (!link)
		return -ENOSPC;
	memcpy(link, symname, len + 1);
	err = ramfs_mknod(dir, dentry, S_IFLNK | 0777, 0);
	if (err) {
		kfree(link);
		return err;
	}
	dentry->d_inode->i_link = link;
	dentry->d_inode->i_size = len;
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup = simple_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.link = simple_link,
	.unlink = simple_unlink,
	.rmdir = simple_rmdir,
	.rename = simple_rename,
};

static int ramfs_fill_super(struct super_block *sb)
{
	sb->s_op = &ramfs_ops;
	sb->s_time_gran = 1;
	sb->s_root = d_make_root(ramfs_get_inode(sb, NULL, S_IFDIR | 0755, 0));
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *ramfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, RAMFS_MAGIC, ramfs_fill_super);
}

struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = kill_litter_super,
};
