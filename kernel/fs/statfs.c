/* statfs64() and fstatfs64(): what a file system holds and has room for
 * (Linux's fs/statfs.c; the ARM EABI struct statfs64). A file system
 * without a statfs operation reports its magic, a page as block size and
 * no limits, as Linux's simple_statfs. */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* ARM's struct statfs64, 84 bytes: packed, 4-byte aligned (Linux's
 * ARCH_PACK_STATFS64 in arch/arm/include/uapi/asm/statfs.h). */
struct statfs64 {
	u32 f_type;
	u32 f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	struct {
		int val[2];
	} f_fsid;
	u32 f_namelen;
	u32 f_frsize;
	u32 f_flags;
	u32 f_spare[4];
} __attribute__((packed, aligned(4)));

static void simple_statfs(struct super_block *sb, struct kstatfs *buf)
{
	buf->f_type = sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
}

static void vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;

	memset(buf, 0, sizeof(*buf));
	if (sb->s_op && sb->s_op->statfs)
		sb->s_op->statfs(sb, buf);
	else
		simple_statfs(sb, buf);
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
}

static long do_statfs64(const struct kstatfs *st, size_t sz, struct statfs64 __user *buf)
{
	struct statfs64 tmp;

	/* EABI glibc passes its own, 8-byte aligned, size (Linux's
	 * sys_statfs64_wrapper in entry-common.S: "teq r1, #88; moveq r1, #84") */
	if (sz == 88)
		sz = sizeof(tmp);
	if (sz != sizeof(tmp))
		return -EINVAL;
	memset(&tmp, 0, sizeof(tmp));
	tmp.f_type = st->f_type;
	tmp.f_bsize = st->f_bsize;
	tmp.f_blocks = st->f_blocks;
	tmp.f_bfree = st->f_bfree;
	tmp.f_bavail = st->f_bavail;
	tmp.f_files = st->f_files;
	tmp.f_ffree = st->f_ffree;
	tmp.f_namelen = st->f_namelen;
	tmp.f_frsize = st->f_frsize;
	tmp.f_flags = st->f_flags;
	return copy_to_user(buf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

long sys_statfs64(const char __user *pathname, size_t sz, struct statfs64 __user *buf)
{
	struct kstatfs st;
	struct path path;
	int error = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (error)
		return error;
	vfs_statfs(&path, &st);
	path_put(&path);
	return do_statfs64(&st, sz, buf);
}

long sys_fstatfs64(unsigned int fd, size_t sz, struct statfs64 __user *buf)
{
	struct file *file = fget(fd);
	struct kstatfs st;

	if (!file)
		return -EBADF;
	vfs_statfs(&file->f_path, &st);
	fput(file);
	return do_statfs64(&st, sz, buf);
}
