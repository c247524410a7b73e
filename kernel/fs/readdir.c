/* getdents64: a directory's entries as struct linux_dirent64 records
 * (Linux's fs/readdir.c). The file system emits entries through a
 * dir_context; filldir64 packs them into the user's buffer. */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/**
 * iterate_dir - emit @file's entries from its position on
 * RETURNS: 0, -ENOTDIR if @file is no directory, -ENOENT if it was removed.
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res;

	if (!file->f_op->iterate_shared)
		return -ENOTDIR;
	if (inode->i_nlink == 0)
		return -ENOENT;
	spin_lock(&file->f_lock);
	ctx->pos = file->f_pos;
	spin_unlock(&file->f_lock);
	res = file->f_op->iterate_shared(file, ctx);
	spin_lock(&file->f_lock);
	file->f_pos = ctx->pos;
	spin_unlock(&file->f_lock);
	return res;
}

struct getdents_callback64 {
	struct dir_context ctx;
	struct linux_dirent64 __user *current_dir;
	struct linux_dirent64 __user *previous;
	int count; /* room left */
	int error;
};

/* Pack one entry; the previous one's d_off becomes this one's position. */
static int filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		     u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
	struct {
		struct linux_dirent64 d;
		char name[NAME_MAX + 1 + sizeof(u64)];
	} ent;

	buf->error = -EINVAL; /* only used if we fail */
	if (reclen > buf->count || namlen > NAME_MAX)
		return -EINVAL;
	if (buf->previous &&
	    copy_to_user(&buf->previous->d_off, &offset, sizeof(buf->previous->d_off)))
		goto efault;
	memset(&ent, 0, reclen);
	ent.d.d_ino = ino;
	ent.d.d_reclen = reclen;
	ent.d.d_type = d_type;
	memcpy(ent.d.d_name, name, namlen);
	if (copy_to_user(buf->current_dir, &ent, reclen))
		goto efault;
	buf->previous = buf->current_dir;
	buf->current_dir = (void __user *)((char __user *)buf->current_dir + reclen);
	buf->count -= reclen;
	return 0;
efault:
	buf->error = -EFAULT;
	return -EFAULT;
}

long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent, unsigned int count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.current_dir = dirent,
		.count = min(count, 0x7fffffffu),
	};
	struct file *file;
	long error;

	if (!access_ok(dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	error = iterate_dir(file, &buf.ctx);
	if (error >= 0)
		error = buf.error;
	if (buf.previous) {
		loff_t d_off = buf.ctx.pos;

		if (copy_to_user(&buf.previous->d_off, &d_off, sizeof(d_off)))
			error = -EFAULT;
		else
			error = count - buf.count;
	}
	fput(file);
	return error;
}
