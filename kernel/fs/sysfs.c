/* sysfs, mounted on /sys: here only the directories other file systems
 * are mounted on, kernel/tracing and kernel/debug (Linux's fs/sysfs/,
 * whose kobject tree this kernel does not have). */
#include <linux/fs.h>

static int sysfs_fill_super(struct super_block *sb)
{
	static const struct tree_descr sysfs_files[] = { { .name = "" } };
	struct dentry *kernel;
	int err = simple_fill_super(sb, sysfs_files);

	if (err)
		return err;
	kernel = simple_create_dir(sb->s_root, "kernel");
	if (!kernel || !simple_create_dir(kernel, "debug") || !simple_create_dir(kernel, "tracing"))
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
