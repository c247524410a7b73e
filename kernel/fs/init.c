/* Setting up the file system layer at boot: the file system types, the
 * rootfs with its /dev, and the first process's console descriptors
 * (Linux's vfs_caches_init in fs/dcache.c, default_rootfs in
 * init/noinitramfs.c and console_on_rootfs in init/main.c). */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/tty.h>

void sysfs_init(void);
void tracefs_init(void);
void debugfs_init(void);

static const struct {
	const char *name;
	umode_t mode;
	unsigned int major, minor;
} dev_nodes[] = {
	{ "/dev/console", S_IFCHR | 0600, TTYAUX_MAJOR, 1 },
	{ "/dev/tty", S_IFCHR | 0666, TTYAUX_MAJOR, 0 },
	{ "/dev/ttyAMA0", S_IFCHR | 0660, SERIAL_AMBA_MAJOR, SERIAL_AMBA_MINOR },
	{ "/dev/null", S_IFCHR | 0666, 1, 3 },
	{ "/dev/zero", S_IFCHR | 0666, 1, 5 },
};

/* /dev and its nodes in the rootfs before any initramfs is unpacked, as
 * Linux's default_rootfs() and devtmpfs provide them: an archive need not
 * carry device nodes. */
static void default_rootfs(void)
{
	int umask = init_fs.umask, err;
	unsigned int i;

	init_fs.umask = 0;
	err = do_mkdirat(AT_FDCWD, "/dev", 0755);
	for (i = 0; !err && i < ARRAY_SIZE(dev_nodes); i++)
		err = do_mknodat(AT_FDCWD, dev_nodes[i].name, dev_nodes[i].mode,
				 MKDEV(dev_nodes[i].major, dev_nodes[i].minor));
	init_fs.umask = umask;
	if (err)
		pr_err("Failed to create /dev in the rootfs: error %d\n", err);
}

/**
 * vfs_caches_init - make the file system layer usable
 *
 * Mounts the rootfs as "/" (the swapper's root and cwd, which every task
 * inherits), registers ramfs, tmpfs, proc, sysfs, tracefs and debugfs,
 * pipes and /dev/null, /dev/zero, and creates /dev.
 * CONTEXT: boot, on the swapper, after kmalloc works and before the first
 * fork.
 */
void vfs_caches_init(void)
{
	mnt_init();
	register_filesystem(&ramfs_fs_type);
	register_filesystem(&tmpfs_fs_type);
	shmem_init();
	proc_root_init();
	sysfs_init();
	tracefs_init();
	debugfs_init();
	pipe_init();
	chr_dev_init();
	default_rootfs();
}

/**
 * console_on_rootfs - open /dev/console as descriptors 0, 1 and 2 of the
 * current task, for init to inherit
 * CONTEXT: kernel_init (pid 1), after the initramfs is unpacked.
 */
void console_on_rootfs(void)
{
	struct file *file = filp_open("/dev/console", O_RDWR, 0);
	int i;

	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);

		if (fd >= 0)
			fd_install(fd, get_file(file));
	}
	fput(file);
}
