/* Pipes: a ring of 16 pages by default (fcntl F_SETPIPE_SZ resizes it)
 * between writers and readers, blocking reads and writes, EOF when the
 * writers are gone and SIGPIPE when the readers are (Linux's fs/pipe.c).
 * Both ends are files on a pipefs inode.
 * CONTEXT: pipe->lock is held while copying to or from user space, which
 * is safe because a user page fault never sleeps in this kernel. */
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/ioctls.h>
#include <asm/uaccess.h>

static struct vfsmount *pipe_mnt;
/* What an unprivileged F_SETPIPE_SZ may ask for (/proc/sys/fs/pipe-max-size). */
static const unsigned int pipe_max_size = 1048576;

static inline unsigned int pipe_size(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->nr_pages) * PAGE_SIZE;
}

/* The page holding byte @pos of the ring. */
static inline char **pipe_page(struct pipe_inode_info *pipe, unsigned int pos)
{
	return &pipe->pages[(pos / PAGE_SIZE) & (pipe->nr_pages - 1)];
}

static bool pipe_readable(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) != READ_ONCE(pipe->tail) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) - READ_ONCE(pipe->tail) < pipe_size(pipe) ||
	       !READ_ONCE(pipe->readers);
}

/**
 * pipe_read - take what is in the pipe, waiting for something if empty
 *
 * A page's worth is consumed only once copied whole, as Linux's buffers:
 * a bad buffer consumes nothing from the page it faulted on.
 * RETURNS: the bytes read; 0 when empty with no writer left; -EAGAIN
 * (O_NONBLOCK) or -ERESTARTSYS (a signal) if empty; -EFAULT if the buffer
 * is bad before anything was read.
 */
static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total = iov_iter_count(to);
	ssize_t ret = 0;

	if (!total)
		return 0;
	spin_lock(&pipe->lock);
	for (;;) {
		unsigned int avail = pipe->head - pipe->tail;

		if (avail) {
			unsigned int off = pipe->tail % PAGE_SIZE;
			size_t chunk = min((size_t)min(avail, PAGE_SIZE - off), total - ret);

			if (copy_to_iter(*pipe_page(pipe, pipe->tail) + off, chunk, to) < chunk) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			pipe->tail += chunk;
			ret += chunk;
			if ((size_t)ret == total)
				break;
			continue;
		}
		if (!pipe->writers || ret)
			break;
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		spin_unlock(&pipe->lock);
		if (wait_event_interruptible(pipe->wait, pipe_readable(pipe)))
			return -ERESTARTSYS;
		spin_lock(&pipe->lock);
	}
	spin_unlock(&pipe->lock);
	if (ret > 0)
		wake_up_interruptible_all(&pipe->wait);
	return ret;
}

/**
 * pipe_write - put the data in the pipe, waiting for room as needed
 *
 * A write of at most PIPE_BUF bytes goes in at once or waits until it can.
 * Data goes in a page at a time, and only whole: a bad buffer adds nothing
 * from the page it faulted on (Linux's pipe_write). Readers are woken once
 * the write is done, or before it waits for room.
 * RETURNS: the bytes written; -EPIPE and SIGPIPE if no reader is left;
 * -EAGAIN (O_NONBLOCK) or -ERESTARTSYS (a signal) if nothing could be
 * written; -EFAULT or -ENOMEM if nothing was.
 */
static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total = iov_iter_count(from);
	bool sigpipe = false;
	ssize_t ret = 0;

	if (!total)
		return 0;
	spin_lock(&pipe->lock);
	for (;;) {
		unsigned int room = pipe->nr_pages * PAGE_SIZE - (pipe->head - pipe->tail);

		if (!pipe->readers) {
			sigpipe = true;
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (room && !(total <= PIPE_BUF && room < total - ret)) {
			unsigned int off = pipe->head % PAGE_SIZE;
			size_t chunk = min((size_t)min(room, PAGE_SIZE - off), total - ret);
			char **page = pipe_page(pipe, pipe->head);

			if (!*page)
				*page = (char *)__get_free_page(GFP_KERNEL);
			if (!*page) {
				if (!ret)
					ret = -ENOMEM;
				break;
			}
			if (copy_from_iter(*page + off, chunk, from) < chunk) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			pipe->head += chunk;
			ret += chunk;
			if ((size_t)ret == total)
				break;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		spin_unlock(&pipe->lock);
		if (ret > 0)
			wake_up_interruptible_all(&pipe->wait);
		if (wait_event_interruptible(pipe->wait, pipe_writable(pipe))) {
			spin_lock(&pipe->lock);
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		spin_lock(&pipe->lock);
	}
	spin_unlock(&pipe->lock);
	if (ret > 0)
		wake_up_interruptible_all(&pipe->wait);
	if (sigpipe)
		send_sig(SIGPIPE, current, 0);
	return ret;
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int used;
	__poll_t mask = 0;

	poll_wait(filp, &pipe->wait, wait);
	spin_lock(&pipe->lock);
	used = pipe->head - pipe->tail;
	if (filp->f_mode & FMODE_READ) {
		if (used)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (used < pipe->nr_pages * PAGE_SIZE)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	spin_unlock(&pipe->lock);
	return mask;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user((int)(READ_ONCE(pipe->head) - READ_ONCE(pipe->tail)), (int __user *)arg);
}

/* One end closed: the other side may now see EOF or EPIPE. */
static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = inode->i_pipe;

	spin_lock(&pipe->lock);
	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	spin_unlock(&pipe->lock);
	wake_up_interruptible_all(&pipe->wait);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

static void free_pipe_pages(char **pages, unsigned int nr_pages)
{
	unsigned int i;

	for (i = 0; i < nr_pages; i++)
		if (pages[i])
			free_page((unsigned long)pages[i]);
	kfree(pages);
}

/* The inode goes with the last file on it: so does the pipe. */
static void pipefs_evict_inode(struct inode *inode)
{
	struct pipe_inode_info *pipe = inode->i_pipe;

	if (pipe) {
		free_pipe_pages(pipe->pages, pipe->nr_pages);
		kfree(pipe);
	}
}

static const struct super_operations pipefs_ops = {
	.evict_inode = pipefs_evict_inode,
};

/* A pipe's inode, with its ring (Linux's get_pipe_inode). */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	if (pipe)
		pipe->pages = kzalloc(PIPE_DEF_BUFFERS * sizeof(char *), GFP_KERNEL);
	if (!pipe || !pipe->pages) {
		if (pipe)
			kfree(pipe->pages);
		kfree(pipe);
		iput(inode);
		return NULL;
	}
	spin_lock_init(&pipe->lock);
	init_waitqueue_head(&pipe->wait);
	pipe->readers = pipe->writers = 1;
	pipe->nr_pages = PIPE_DEF_BUFFERS;
	inode->i_pipe = pipe;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = current->cred.fsuid;
	inode->i_gid = current->cred.fsgid;
	inode->i_fop = &pipefifo_fops;
	return inode;
}

/*
 * Move the ring to @nr_slots pages: the pages holding data keep their
 * place in the byte order, the others are freed.
 * RETURNS: 0, -EBUSY if the data would not fit, -ENOMEM.
 * CONTEXT: pipe->lock held.
 */
static int pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int used = pipe->head - pipe->tail, pos = pipe->tail & PAGE_MASK, i;
	unsigned int spanned = DIV_ROUND_UP(pipe->tail % PAGE_SIZE + used, PAGE_SIZE);
	char **pages, **old = pipe->pages;

	if (spanned > nr_slots)
		return -EBUSY;
	pages = kzalloc(nr_slots * sizeof(char *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	/* Byte positions wrap at 2^32, a multiple of both rings' sizes. */
	for (i = 0; i < spanned; i++, pos += PAGE_SIZE) {
		char **from = pipe_page(pipe, pos);

		pages[(pos / PAGE_SIZE) & (nr_slots - 1)] = *from;
		*from = NULL;
	}
	free_pipe_pages(old, pipe->nr_pages);
	pipe->pages = pages;
	WRITE_ONCE(pipe->nr_pages, nr_slots);
	return 0;
}

/* A size in bytes as a ring's: at least a page, a power of two; 0 if too
 * large (Linux's round_pipe_size). */
static unsigned int round_pipe_size(unsigned long size)
{
	unsigned int pow = PAGE_SIZE;

	if (size > (1UL << 31))
		return 0;
	while (pow < size)
		pow <<= 1;
	return pow;
}

/* F_SETPIPE_SZ (Linux's pipe_set_size): growing past pipe_max_size takes
 * CAP_SYS_RESOURCE; shrinking below what the pipe holds is -EBUSY. Linux
 * also counts each user's pipe pages against limits; this kernel does not.
 * CONTEXT: pipe->lock held. */
static long pipe_set_size(struct pipe_inode_info *pipe, unsigned long arg)
{
	unsigned int size = round_pipe_size(arg), nr_slots = size / PAGE_SIZE;
	long ret;

	if (!nr_slots)
		return -EINVAL;
	if (nr_slots > pipe->nr_pages && size > pipe_max_size && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	ret = pipe_resize_ring(pipe, nr_slots);
	return ret ? ret : size;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe;
	long ret;

	if (file->f_op != &pipefifo_fops)
		return -EBADF;
	pipe = file->private_data;
	spin_lock(&pipe->lock);
	if (cmd == F_SETPIPE_SZ)
		ret = pipe_set_size(pipe, arg);
	else
		ret = pipe->nr_pages * PAGE_SIZE;
	spin_unlock(&pipe->lock);
	/* A larger ring has room for writers that wait. */
	if (cmd == F_SETPIPE_SZ && ret > 0)
		wake_up_interruptible_all(&pipe->wait);
	return ret;
}

/* The read end (res[0]) and write end (res[1]) of a new pipe.
 * RETURNS: 0, or -ENFILE / -ENOMEM. */
static int create_pipe_files(struct file **res, int flags)
{
	static const struct qstr name = QSTR_INIT("", 0);
	struct inode *inode = get_pipe_inode();
	struct path path;
	int err = -ENFILE;

	if (!inode)
		return -ENFILE;
	path.mnt = pipe_mnt;
	path.dentry = d_alloc_pseudo(pipe_mnt->mnt_sb, &name);
	if (!path.dentry) {
		iput(inode);
		return -ENOMEM;
	}
	d_instantiate(path.dentry, inode);
	res[1] = alloc_file(&path, O_WRONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (!IS_ERR(res[1])) {
		res[0] = alloc_file(&path, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
		if (!IS_ERR(res[0])) {
			res[0]->private_data = res[1]->private_data = inode->i_pipe;
			res[0]->f_mode |= FMODE_OPENED;
			res[1]->f_mode |= FMODE_OPENED;
			err = 0;
		} else {
			fput(res[1]);
		}
	}
	dput(path.dentry);
	return err;
}

/**
 * do_pipe2 - make a pipe and put its ends in @fildes (user space)
 * @flags: O_CLOEXEC, O_NONBLOCK (O_DIRECT is accepted and ignored)
 * RETURNS: 0, -EINVAL for other flags, -EFAULT (nothing installed),
 * -EMFILE, -ENFILE.
 */
static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
	} else if (copy_to_user(fildes, fd, sizeof(fd))) {
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		err = -EFAULT;
	}
	if (err) {
		fput(files[0]);
		fput(files[1]);
		return err;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

long sys_pipe2(int __user *fildes, int flags)
{
	return do_pipe2(fildes, flags);
}

long sys_pipe(int __user *fildes)
{
	return do_pipe2(fildes, 0);
}

static int pipefs_fill_super(struct super_block *sb)
{
	struct inode *inode;

	sb->s_op = &pipefs_ops;
	sb->s_time_gran = 1;
	inode = new_inode(sb);
	if (inode)
		inode->i_mode = S_IFDIR | 0700;
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_nodev(fs_type, PIPEFS_MAGIC, pipefs_fill_super);
}

static struct file_system_type pipe_fs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
};

void pipe_init(void)
{
	pipe_mnt = kern_mount(&pipe_fs_type);
	if (!pipe_mnt)
		panic("Cannot create pipefs");
}
