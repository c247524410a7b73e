/* tmpfs: ramfs with Linux's limits (Linux's mm/shmem.c without swap). A
 * tmpfs instance may hold at most max_blocks pages of file data and
 * max_inodes inodes; by default half of RAM each, as Linux's
 * shmem_default_max_blocks/inodes, or what the size=, nr_blocks= and
 * nr_inodes= mount options say. A write past the limit gets ENOSPC, a
 * fault on a hole of a mapped file SIGBUS, and removing files gives the
 * room back. The rootfs (and so /tmp) is a tmpfs, as Linux's when
 * CONFIG_TMPFS is set and no root= is given. The files themselves are
 * ramfs's (kernel/fs/ramfs); ramfs mounts stay unlimited, as in Linux.
 * Shared anonymous memory is an unlinked file of the kernel's own tmpfs
 * mount, shm_mnt, which has no limits (shmem_zero_setup). */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

static unsigned long shmem_default_max_blocks(void)
{
	return totalram_pages / 2;
}

/* Linux: min(totalram_pages - totalhigh_pages, lowmem pages) / 2 */
static unsigned long shmem_default_max_inodes(void)
{
	return totalram_pages / 2;
}

/* Give back @pages pages of file data to @inode's tmpfs. */
void shmem_unacct_blocks(struct inode *inode, unsigned long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	if (!sbinfo || !sbinfo->max_blocks || !pages)
		return;
	__atomic_fetch_sub(&sbinfo->used_blocks, pages, __ATOMIC_RELAXED);
}

/* RETURNS: 0, or -ENOSPC if @sb is a tmpfs whose inodes are all in use. */
int shmem_reserve_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	int err = 0;

	if (!sbinfo || !sbinfo->max_inodes)
		return 0;
	spin_lock(&sbinfo->stat_lock);
	if (!sbinfo->free_inodes)
		err = -ENOSPC;
	else
		sbinfo->free_inodes--;
	spin_unlock(&sbinfo->stat_lock);
	return err;
}

void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (!sbinfo || !sbinfo->max_inodes)
		return;
	spin_lock(&sbinfo->stat_lock);
	sbinfo->free_inodes++;
	spin_unlock(&sbinfo->stat_lock);
}

/* statfs() of a tmpfs (Linux's shmem_statfs). */
static void shmem_statfs(struct super_block *sb, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	spin_lock(&sbinfo->stat_lock);
	buf->f_blocks = sbinfo->max_blocks;
	buf->f_bavail = buf->f_bfree = sbinfo->max_blocks - READ_ONCE(sbinfo->used_blocks);
	buf->f_files = sbinfo->max_inodes;
	buf->f_ffree = sbinfo->free_inodes;
	spin_unlock(&sbinfo->stat_lock);
}

static const struct super_operations shmem_ops = {
	.evict_inode = ramfs_evict_inode,
	.statfs = shmem_statfs,
};

/*
 * The options of a tmpfs mount, comma-separated (Linux's
 * shmem_parse_options): size=bytes (K, M, G suffixes, or a percentage of
 * RAM with %), nr_blocks=, nr_inodes=, mode= (octal), uid=, gid=.
 * RETURNS: 0, or -EINVAL with the reason in the log, as Linux.
 */
static int shmem_parse_options(char *options, struct shmem_sb_info *sbinfo)
{
	char *this_char, *value, *rest;

	while (options && *options) {
		this_char = options;
		options = strchr(options, ',');
		if (options)
			*options++ = '\0';
		if (!*this_char)
			continue;
		value = strchr(this_char, '=');
		if (value) {
			*value++ = 0;
		} else {
			printk(KERN_ERR "tmpfs: No value for mount option '%s'\n", this_char);
			return -EINVAL;
		}

		if (!strcmp(this_char, "size")) {
			unsigned long long size = memparse(value, &rest);

			if (*rest == '%') {
				size <<= PAGE_SHIFT;
				size *= totalram_pages;
				size /= 100;
				rest++;
			}
			if (*rest)
				goto bad_val;
			sbinfo->max_blocks = DIV_ROUND_UP(size, PAGE_SIZE);
		} else if (!strcmp(this_char, "nr_blocks")) {
			sbinfo->max_blocks = memparse(value, &rest);
			if (*rest)
				goto bad_val;
		} else if (!strcmp(this_char, "nr_inodes")) {
			sbinfo->max_inodes = memparse(value, &rest);
			if (*rest)
				goto bad_val;
		} else if (!strcmp(this_char, "mode")) {
			unsigned int mode;

			if (kstrtouint(value, 8, &mode) || mode > 07777)
				goto bad_val;
			sbinfo->mode = mode;
		} else if (!strcmp(this_char, "uid")) {
			if (kstrtouint(value, 0, &sbinfo->uid))
				goto bad_val;
		} else if (!strcmp(this_char, "gid")) {
			if (kstrtouint(value, 0, &sbinfo->gid))
				goto bad_val;
		} else {
			printk(KERN_ERR "tmpfs: Bad mount option %s\n", this_char);
			return -EINVAL;
		}
	}
	return 0;

bad_val:
	printk(KERN_ERR "tmpfs: Bad value '%s' for mount option '%s'\n", value, this_char);
	return -EINVAL;
}

/* The superblock's root: a ramfs directory with the mount's mode and owner. */
static int shmem_fill_super(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = sb->s_fs_info;
	struct inode *inode;

	sb->s_op = &shmem_ops;
	sb->s_time_gran = 1;
	inode = ramfs_get_inode(sb, NULL, S_IFDIR | sbinfo->mode, 0);
	if (inode) {
		inode->i_uid = sbinfo->uid;
		inode->i_gid = sbinfo->gid;
	}
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	struct shmem_sb_info *sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	struct dentry *root;
	int err;

	if (!sbinfo)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&sbinfo->stat_lock);
	sbinfo->mode = 01777;	/* S_IRWXUGO | S_ISVTX */
	/* The kernel's own mount (shm_mnt) has no limits: 0 stands for none. */
	if (!(flags & SB_KERNMOUNT)) {
		sbinfo->max_blocks = shmem_default_max_blocks();
		sbinfo->max_inodes = shmem_default_max_inodes();
	}
	err = shmem_parse_options(data, sbinfo);
	if (err) {
		kfree(sbinfo);
		return ERR_PTR(err);
	}
	/* The rootfs's root keeps ramfs's 0755, and gets the archive's mode. */
	if (fs_type == &rootfs_fs_type)
		sbinfo->mode = 0755;
	sbinfo->free_inodes = sbinfo->max_inodes;
	root = mount_nodev_info(fs_type, TMPFS_MAGIC, sbinfo, shmem_fill_super);
	if (IS_ERR(root))
		kfree(sbinfo);
	return root;
}

/* Unmounted: the files go (their pages and inodes given back), then the
 * limits. */
static void shmem_kill_sb(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = sb->s_fs_info;

	kill_litter_super(sb);
	kfree(sbinfo);
}

struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = shmem_kill_sb,
};

struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = shmem_mount,
	.kill_sb = shmem_kill_sb,
};

static struct vfsmount *shm_mnt;

/* The name a shared anonymous mapping shows in /proc/<pid>/maps, as
 * Linux's: "/dev/zero (deleted)" (fs/d_path.c's simple_dname). */
static int shmem_dname(struct dentry *dentry, char *buf, int buflen)
{
	static const char deleted[] = " (deleted)";
	int pos = buflen - sizeof(deleted);
	int len = dentry->d_name.len;

	if (pos < len + 1)
		return -ENAMETOOLONG;
	memcpy(buf + pos, deleted, sizeof(deleted));
	pos -= len;
	memcpy(buf + pos, dentry->d_name.name, len);
	buf[--pos] = '/';
	return pos;
}

static const struct dentry_operations shmem_anon_ops = {
	.d_dname = shmem_dname,
};

/**
 * shmem_kernel_file_setup - an unlinked file of @size bytes on shm_mnt
 * @name: what /proc/<pid>/maps calls it
 *
 * Its pages come on the first touch of each (filemap_fault) and go with
 * the file's last reference. Linux's __shmem_file_setup, without its
 * overcommit check (shmem_acct_size: a size beyond free memory is -ENOMEM
 * there; here touching too much of it starts the OOM killer).
 * RETURNS: the file, open read-write, or ERR_PTR(-ENOMEM / -ENFILE).
 */
static struct file *shmem_kernel_file_setup(const char *name, loff_t size)
{
	struct qstr this = { .name = name, .len = strlen(name) };
	struct inode *inode = ramfs_get_inode(shm_mnt->mnt_sb, NULL, S_IFREG | S_IRWXU | S_IRWXG | S_IRWXO, 0);
	struct path path;
	struct file *file;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_size = size;
	path.mnt = shm_mnt;
	path.dentry = d_alloc_pseudo(shm_mnt->mnt_sb, &this);
	if (!path.dentry) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	path.dentry->d_op = &shmem_anon_ops;
	d_instantiate(path.dentry, inode);
	file = alloc_file(&path, O_RDWR, inode->i_fop);
	if (!IS_ERR(file))
		file->f_mode |= FMODE_OPENED;
	dput(path.dentry);
	return file;
}

/**
 * shmem_zero_setup - back a shared anonymous mapping with a tmpfs file
 *
 * So its pages are faulted in one by one, not all at mmap() time, and a
 * fork shares them through the file (Linux's shmem_zero_setup).
 * CONTEXT: mm->mmap_lock held. RETURNS: 0, or -ENOMEM / -ENFILE.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file = shmem_kernel_file_setup("dev/zero", vma->vm_end - vma->vm_start);

	if (IS_ERR(file))
		return PTR_ERR(file);
	vma->vm_file = file;
	return file->f_op->mmap(file, vma);
}

/* Linux's shmem_init: the kernel's own tmpfs mount. */
void shmem_init(void)
{
	shm_mnt = kern_mount(&tmpfs_fs_type);
	if (!shm_mnt)
		panic("Could not kern_mount tmpfs");
}
