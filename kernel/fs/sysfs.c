/* sysfs, mounted on /sys: here only the directories other file systems
 * are mounted on, kernel/tracing and kernel/debug (Linux's fs/sysfs/,
 * whose kobject tree this kernel does not have). */
#include <linux/fs.h>

static int sysfs_fill_super(struct super_block *sb)
{
	struct inode *inode = new_inode(sb);
	struct dentry *kernel;

	if (!inode)
		return -ENOMEM;
	inode->i_mode = S_IFDIR | 0755;
	inode->i_nlink = 2;
	inode->i_op = &simple_dir_inode_operations;
	inode->i_fop = &simple_dir_operations;
	sb->s_root = d_make_root(inode);
	if (!sb->s_root)
		return -ENOMEM;
	kernel = simple_create_dir(sb->s_root, "kernel", &simple_dir_inode_operations,
				   &simple_dir_operations);
	if (!kernel ||
	    !simple_create_dir(kernel, "debug", &simple_dir_inode_operations,
			       &simple_dir_operations) ||
	    !simple_create_dir(kernel, "tracing", &simple_dir_inode_operations,
			       &simple_dir_operations))
		return -ENOMEM;
	return 0;
}

static struct super_block *sysfs_sb;

static struct dentry *sysfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_single(fs_type, SYSFS_MAGIC, &sysfs_sb, sysfs_fill_super);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.mount = sysfs_mount,
};

void sysfs_init(void)
{
	register_filesystem(&sysfs_fs_type);
}
