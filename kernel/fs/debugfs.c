/* debugfs, mounted on /sys/kernel/debug: empty but for "tracing", where
 * tracefs is mounted automatically the first time a path walk reaches it
 * (Linux's fs/debugfs/inode.c and debugfs_create_automount, as
 * kernel/trace/trace.c uses it for /sys/kernel/debug/tracing). */
#include <linux/fs.h>

extern struct file_system_type trace_fs_type;

/* d_automount of "tracing". CONTEXT: dcache_lock held (the path walk). */
static struct vfsmount *trace_automount(struct path *path)
{
	return vfs_kern_mount(&trace_fs_type, 0, "tracefs", NULL);
}

static const struct dentry_operations debugfs_automount_dops = {
	.d_automount = trace_automount,
};

/* The root is 0700, as Linux's debugfs_apply_options leaves it. */
static int debugfs_fill_super(struct super_block *sb)
{
	static const struct tree_descr debug_files[] = { { .name = "" } };
	struct dentry *tracing;
	int err = simple_fill_super(sb, debug_files);

	if (err)
		return err;
	sb->s_root->d_inode->i_mode = S_IFDIR | 0700;
	tracing = simple_create_dir(sb->s_root, "tracing");
	if (!tracing)
		return -ENOMEM;
	tracing->d_op = &debugfs_automount_dops;
	tracing->d_flags |= DCACHE_NEED_AUTOMOUNT;
	return 0;
}

static struct super_block *debugfs_sb;

static struct dentry *debugfs_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	return mount_single(fs_type, DEBUGFS_MAGIC, &debugfs_sb, debugfs_fill_super);
}

static struct file_system_type debug_fs_type = {
	.name = "debugfs",
	.mount = debugfs_mount,
};

void debugfs_init(void)
{
	register_filesystem(&debug_fs_type);
}
