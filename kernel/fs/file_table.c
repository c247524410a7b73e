/* Open file objects: allocation and the last-reference teardown (Linux's
 * fs/file_table.c). A struct file is shared by dup()ed descriptors and
 * forked tables; f_count counts them and the calls using it. */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

/**
 * alloc_file - a file on @path (which it references) with open() @flags
 * RETURNS: the file with one reference, or ERR_PTR(-ENFILE).
 */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	int acc = flags & O_ACCMODE;

	if (!file)
		return ERR_PTR(-ENFILE);
	file->f_path = *path;
	path_get(path);
	file->f_inode = path->dentry->d_inode;
	file->f_op = fop;
	file->f_count = 1;
	file->f_flags = flags;
	if (acc == O_RDONLY || acc == O_RDWR)
		file->f_mode |= FMODE_READ;
	if (acc == O_WRONLY || acc == O_RDWR)
		file->f_mode |= FMODE_WRITE;
	spin_lock_init(&file->f_lock);
	return file;
}

/**
 * dentry_open - open the object at @path: a file, then its ->open
 * RETURNS: the file, or an ERR_PTR (->open's error).
 */
struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	struct file *file = alloc_file(path, flags, inode->i_fop);
	int err = 0;

	if (IS_ERR(file))
		return file;
	if (file->f_op && file->f_op->open)
		err = file->f_op->open(inode, file);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	file->f_mode |= FMODE_OPENED;
	file->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return file;
}

/* Drop a reference; the last one releases the file (Linux's fput and
 * __fput, run at once rather than from task_work). CONTEXT: may sleep. */
void fput(struct file *file)
{
	if (__atomic_sub_fetch(&file->f_count, 1, __ATOMIC_SEQ_CST))
		return;
	if ((file->f_mode & FMODE_OPENED) && file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	path_put(&file->f_path);
	kfree(file);
}

/* Files whose last reference went where they could not be released. */
static DEFINE_SPINLOCK(delayed_fput_lock);
static struct file *delayed_fput_list;

static void delayed_fput(struct work_struct *unused)
{
	struct file *file, *next;
	unsigned long flags;

	spin_lock_irqsave(&delayed_fput_lock, flags);
	file = delayed_fput_list;
	delayed_fput_list = NULL;
	spin_unlock_irqrestore(&delayed_fput_lock, flags);
	for (; file; file = next) {
		next = file->f_delayed_next;
		file->f_count = 1;
		fput(file);
	}
}

static struct work_struct delayed_fput_work = __WORK_INITIALIZER(delayed_fput_work, delayed_fput);

void fput_delayed(struct file *file)
{
	unsigned long flags;

	if (__atomic_sub_fetch(&file->f_count, 1, __ATOMIC_SEQ_CST))
		return;
	spin_lock_irqsave(&delayed_fput_lock, flags);
	file->f_delayed_next = delayed_fput_list;
	delayed_fput_list = file;
	spin_unlock_irqrestore(&delayed_fput_lock, flags);
	schedule_work(&delayed_fput_work);
}
