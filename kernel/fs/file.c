/* Descriptor tables: allocating numbers, installing and closing files,
 * dup, and the fork/exit/exec hooks (Linux's fs/file.c, with a fixed-size
 * table). CONTEXT: files->file_lock guards a table; fput() runs outside it. */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>

struct files_struct init_files = {
	.count = 1,
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
};

static inline void __assign_bit(unsigned int nr, unsigned long *map, bool set)
{
	if (set)
		__set_bit(nr, map);
	else
		__clear_bit(nr, map);
}

/* The descriptors up to the last word of open_fds with a bit set: what a
 * copy or a close must look at (Linux's count_open_files). */
static unsigned int count_open_files(struct files_struct *files)
{
	unsigned int i;

	for (i = ARRAY_SIZE(files->open_fds); i > 0; i--)
		if (files->open_fds[i - 1])
			break;
	return i * BITS_PER_LONG;
}

struct file *fcheck_files(struct files_struct *files, unsigned int fd)
{
	return fd < NR_OPEN_DEFAULT ? files->fd_array[fd] : NULL;
}

/* The descriptor limit: RLIMIT_NOFILE, at most the table's size. */
static unsigned int nofile_limit(void)
{
	return min(task_rlimit(current, RLIMIT_NOFILE), (unsigned long)NR_OPEN_DEFAULT);
}

/**
 * __alloc_fd - reserve the lowest free descriptor in [@start, @end)
 * @flags: O_CLOEXEC sets its close-on-exec bit
 * RETURNS: the descriptor, or -EMFILE.
 */
static int __alloc_fd(struct files_struct *files, unsigned int start, unsigned int end,
		      unsigned int flags)
{
	unsigned int fd;

	spin_lock(&files->file_lock);
	fd = find_next_zero_bit(files->open_fds, end, max(start, files->next_fd));
	if (fd >= end) {
		spin_unlock(&files->file_lock);
		return -EMFILE;
	}
	__assign_bit(fd, files->open_fds, true);
	__assign_bit(fd, files->close_on_exec, flags & O_CLOEXEC);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	spin_unlock(&files->file_lock);
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return __alloc_fd(current->files, 0, nofile_limit(), flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__assign_bit(fd, files->open_fds, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	files->fd_array[fd] = file;
	spin_unlock(&files->file_lock);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file;

	spin_lock(&files->file_lock);
	file = fcheck_files(files, fd);
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

int filp_close(struct file *filp)
{
	fput(filp);
	return 0;
}

/* RETURNS: 0, or -EBADF if @fd is not open. */
int __close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	spin_lock(&files->file_lock);
	file = fcheck_files(files, fd);
	if (!file) {
		spin_unlock(&files->file_lock);
		return -EBADF;
	}
	files->fd_array[fd] = NULL;
	__assign_bit(fd, files->close_on_exec, false);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
	return filp_close(file);
}

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf = kmalloc(sizeof(*newf), GFP_KERNEL);
	unsigned int fd, open_files;

	if (!newf) {
		*errorp = -ENOMEM;
		return NULL;
	}
	spin_lock(&oldf->file_lock);
	open_files = count_open_files(oldf);
	newf->next_fd = oldf->next_fd;
	memcpy(newf->open_fds, oldf->open_fds, sizeof(newf->open_fds));
	memcpy(newf->close_on_exec, oldf->close_on_exec, sizeof(newf->close_on_exec));
	for (fd = 0; fd < open_files; fd++) {
		struct file *f = oldf->fd_array[fd];

		if (f)
			get_file(f);
		else if (test_bit(fd, newf->open_fds))
			__put_unused_fd(newf, fd); /* reserved, not yet installed: not ours */
		newf->fd_array[fd] = f;
	}
	spin_unlock(&oldf->file_lock);
	memset(newf->fd_array + open_files, 0, (NR_OPEN_DEFAULT - open_files) * sizeof(struct file *));
	newf->count = 1;
	spin_lock_init(&newf->file_lock);
	return newf;
}

/* Close every descriptor of a table nobody uses any more, going through
 * open_fds a word at a time (Linux's close_files). */
static void close_files(struct files_struct *files)
{
	unsigned int fd;

	for (fd = find_next_bit(files->open_fds, NR_OPEN_DEFAULT, 0); fd < NR_OPEN_DEFAULT;
	     fd = find_next_bit(files->open_fds, NR_OPEN_DEFAULT, fd + 1))
		if (files->fd_array[fd])
			filp_close(files->fd_array[fd]);
}

void put_files_struct(struct files_struct *files)
{
	if (__atomic_sub_fetch(&files->count, 1, __ATOMIC_SEQ_CST))
		return;
	close_files(files);
	if (files != &init_files)
		kfree(files);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		spin_lock_irq(&tsk->alloc_lock);
		tsk->files = NULL;
		spin_unlock_irq(&tsk->alloc_lock);
		put_files_struct(files);
	}
}

void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	spin_lock(&files->file_lock);
	for (fd = find_next_bit(files->close_on_exec, NR_OPEN_DEFAULT, 0); fd < NR_OPEN_DEFAULT;
	     fd = find_next_bit(files->close_on_exec, NR_OPEN_DEFAULT, fd + 1)) {
		struct file *file;

		file = files->fd_array[fd];
		files->fd_array[fd] = NULL;
		__assign_bit(fd, files->close_on_exec, false);
		__put_unused_fd(files, fd);
		if (file) {
			spin_unlock(&files->file_lock);
			filp_close(file);
			spin_lock(&files->file_lock);
		}
	}
	spin_unlock(&files->file_lock);
}

void set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__assign_bit(fd, files->close_on_exec, flag);
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool res;

	spin_lock(&files->file_lock);
	res = fd < NR_OPEN_DEFAULT && test_bit(fd, files->close_on_exec);
	spin_unlock(&files->file_lock);
	return res;
}

/**
 * replace_fd - make @fd refer to @file, closing what it referred to (dup2)
 * RETURNS: @fd, -EBADF past the limit, -EBUSY if @fd is reserved by an
 * open() still in progress.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *tofree;

	if (fd >= nofile_limit())
		return -EBADF;
	spin_lock(&files->file_lock);
	tofree = files->fd_array[fd];
	if (!tofree && test_bit(fd, files->open_fds)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	files->fd_array[fd] = get_file(file);
	__assign_bit(fd, files->open_fds, true);
	__assign_bit(fd, files->close_on_exec, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	if (tofree)
		filp_close(tofree);
	return fd;
}

/* F_DUPFD: the lowest free descriptor >= @from for @file. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	unsigned int limit = nofile_limit();
	int fd;

	if (from >= limit)
		return -EINVAL;
	fd = __alloc_fd(current->files, from, limit, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

long sys_close(unsigned int fd)
{
	return __close_fd(current->files, fd);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	long ret;

	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	ret = replace_fd(newfd, file, flags);
	fput(file);
	return ret;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {
		struct file *file = fget(oldfd);

		if (!file)
			return -EBADF;
		fput(file);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

long sys_dup(unsigned int fildes)
{
	struct file *file = fget(fildes);
	long ret;

	if (!file)
		return -EBADF;
	ret = f_dupfd(0, file, 0);
	fput(file);
	return ret;
}
