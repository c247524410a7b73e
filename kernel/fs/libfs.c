/* Helpers for file systems whose directories are just their dentries
 * (ramfs, sysfs, tracefs, debugfs): lookup, readdir, unlink, rmdir,
 * rename, fsync, a root and a fixed tree, reading from a buffer (Linux's
 * fs/libfs.c). */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>

/* Everything that exists is in the dcache already: the name is free. */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

/* dcache_dir_open - a directory's open(): its cursor goes in private_data. */
int dcache_dir_open(struct inode *inode, struct file *file)
{
	spin_lock(&dcache_lock);
	file->private_data = d_alloc_cursor(file->f_path.dentry);
	spin_unlock(&dcache_lock);
	return file->private_data ? 0 : -ENOMEM;
}

/* dcache_dir_close - the last close: the cursor leaves the list and goes. */
int dcache_dir_close(struct inode *inode, struct file *file)
{
	dput(file->private_data);
	return 0;
}

static inline bool simple_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

/**
 * scan_positives - the @count-th positive child after @p in the list of
 * @cursor's directory, skipping negative dentries and other files' cursors
 * (Linux 4.19's scan_positives; no reference is taken, as dcache_lock stays
 * held while the caller uses it).
 * CONTEXT: dcache_lock held. RETURNS: the child, or NULL past the end.
 */
static struct dentry *scan_positives(struct dentry *cursor, struct list_head *p, loff_t count)
{
	struct dentry *dentry = cursor->d_parent;

	while ((p = p->next) != &dentry->d_subdirs) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (d->d_flags & DCACHE_DENTRY_CURSOR)
			continue;
		if (simple_positive(d) && !--count)
			return d;
	}
	return NULL;
}

/**
 * dcache_readdir - ".", "..", then the positive children from the cursor on
 *
 * Position 2 starts at the head of d_subdirs; any later position goes on
 * from the cursor, which the walk leaves just before the first child it
 * did not emit (out of the list at the end). So children unlinked or
 * created between two calls make none of the others skipped or repeated;
 * a new child is added at the tail and listed if the walk has not ended.
 * CONTEXT: takes dcache_lock (Linux takes the directory's d_lock); the
 * actor's copy to user space runs under it, which is safe because a user
 * page fault here never sleeps.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;
	struct dentry *cursor = file->private_data;
	struct dentry *next;
	struct list_head *p;

	if (!dir_emit_dots(file, ctx))
		return 0;
	spin_lock(&dcache_lock);
	if (ctx->pos == 2)
		p = &dentry->d_subdirs;
	else if (!list_empty(&cursor->d_child))
		p = &cursor->d_child;
	else
		goto out; /* the end was reached */
	while ((next = scan_positives(cursor, p, 1)) != NULL) {
		if (!dir_emit(ctx, next->d_name.name, next->d_name.len, next->d_inode->i_ino,
			      S_DT(next->d_inode->i_mode)))
			break;
		ctx->pos++;
		p = &next->d_child;
	}
	if (next)
		list_move_tail(&cursor->d_child, &next->d_child);
	else
		list_del_init(&cursor->d_child);
out:
	spin_unlock(&dcache_lock);
	return 0;
}

/**
 * dcache_dir_lseek - SEEK_SET or SEEK_CUR to @offset: the cursor moves just
 * after the (@offset - 2)th positive child, or out of the list for 0..2
 * (Linux's dcache_dir_lseek). RETURNS: the new position, or -EINVAL.
 */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dentry = file->f_path.dentry;
	struct dentry *cursor = file->private_data;
	struct dentry *to = NULL;

	spin_lock(&file->f_lock);
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		/* fall through */
	case SEEK_SET:
		if (offset >= 0)
			break;
		/* fall through */
	default:
		spin_unlock(&file->f_lock);
		return -EINVAL;
	}
	spin_unlock(&file->f_lock);
	spin_lock(&dcache_lock);
	if (offset > 2)
		to = scan_positives(cursor, &dentry->d_subdirs, offset - 2);
	if (to)
		list_move(&cursor->d_child, &to->d_child);
	else
		list_del_init(&cursor->d_child);
	spin_unlock(&dcache_lock);
	spin_lock(&file->f_lock);
	file->f_pos = offset;
	spin_unlock(&file->f_lock);
	return offset;
}

ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *to)
{
	return -EISDIR;
}

/* fsync() of a file with nothing to write back. */
int noop_fsync(struct file *file, int datasync)
{
	return 0;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

/* A symlink keeps its target in i_link. */
static const char *simple_get_link(struct dentry *dentry, char *buf, size_t size)
{
	return dentry->d_inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

/* RETURNS: 1 if @dentry has no positive child. CONTEXT: dcache_lock held. */
int simple_empty(struct dentry *dentry)
{
	struct dentry *child;

	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (child->d_inode)
			return 0;
	return 1;
}

/* A second name for @old_dentry's inode. */
int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	inode->i_nlink++;
	ihold(inode);
	d_instantiate(dentry, inode);
	d_pin(dentry);
	dir->i_mtime = dir->i_ctime = inode->i_ctime = current_time(inode);
	return 0;
}

/* Take @dentry out of @dir: the inode loses a link, the name its pin. */
int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	dir->i_mtime = dir->i_ctime = inode->i_ctime = current_time(inode);
	if (inode->i_nlink)
		inode->i_nlink--;
	d_drop(dentry);
	d_unpin(dentry);
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	dentry->d_inode->i_nlink = 1; /* "." goes, then the name */
	simple_unlink(dir, dentry);
	dir->i_nlink--;
	return 0;
}

int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry)
{
	bool isdir = S_ISDIR(old_dentry->d_inode->i_mode);

	if (new_dentry->d_inode) {
		if (isdir && !simple_empty(new_dentry))
			return -ENOTEMPTY;
		if (isdir)
			simple_rmdir(new_dir, new_dentry);
		else
			simple_unlink(new_dir, new_dentry);
	}
	if (isdir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	old_dir->i_mtime = new_dir->i_mtime = current_time(old_dir);
	return d_move(old_dentry, new_dentry);
}

/**
 * simple_read_from_buffer - read(): copy from @from (@available bytes) at *@ppos
 * RETURNS: the bytes copied (0 at the end), or -EFAULT if none could be.
 */
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *ppos, const void *from,
				size_t available)
{
	loff_t pos = *ppos;
	size_t n, want;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !iov_iter_count(to))
		return 0;
	want = min(available - (size_t)pos, iov_iter_count(to));
	n = copy_to_iter((const char *)from + pos, want, to);
	if (!n)
		return -EFAULT;
	*ppos = pos + n;
	return n;
}

/* A new pinned child of @parent with a new inode of @mode. */
static struct dentry *simple_create(struct dentry *parent, const char *name, umode_t mode)
{
	struct qstr q = QSTR_INIT(name, strlen(name));
	struct dentry *dentry = d_alloc(parent, &q);
	struct inode *inode;

	if (!dentry)
		return NULL;
	inode = new_inode(parent->d_sb);
	if (!inode) {
		d_drop(dentry);
		dput_locked(dentry);
		return NULL;
	}
	inode->i_mode = mode;
	d_instantiate(dentry, inode);
	d_pin(dentry);
	dput_locked(dentry);
	return dentry;
}

/**
 * simple_create_file - a regular file @name in @parent, for a pseudo file
 * system's fixed tree (Linux's tracefs_create_file)
 * @data: the file's inode->i_private
 * CONTEXT: dcache_lock held (fill_super). RETURNS: the dentry, or NULL.
 */
struct dentry *simple_create_file(struct dentry *parent, const char *name, umode_t mode,
				  const struct file_operations *fops, void *data)
{
	struct dentry *dentry = simple_create(parent, name, S_IFREG | (mode & 07777));

	if (dentry) {
		dentry->d_inode->i_fop = fops;
		dentry->d_inode->i_private = data;
	}
	return dentry;
}

/* The same for a directory of the simple kind (Linux's tracefs_create_dir). */
struct dentry *simple_create_dir(struct dentry *parent, const char *name)
{
	struct dentry *dentry = simple_create(parent, name, S_IFDIR | 0755);

	if (dentry) {
		dentry->d_inode->i_op = &simple_dir_inode_operations;
		dentry->d_inode->i_fop = &simple_dir_operations;
		dentry->d_inode->i_nlink = 2;
		parent->d_inode->i_nlink++;
	}
	return dentry;
}

/**
 * simple_fill_super - give @s a root directory of the simple kind (mode
 * 0755) holding the regular files of @files (Linux's simple_fill_super;
 * mount_single() has set the magic number already)
 * CONTEXT: dcache_lock held. RETURNS: 0 or -ENOMEM.
 */
int simple_fill_super(struct super_block *s, const struct tree_descr *files)
{
	struct inode *inode = new_inode(s);

	if (!inode)
		return -ENOMEM;
	inode->i_mode = S_IFDIR | 0755;
	inode->i_nlink = 2;
	inode->i_op = &simple_dir_inode_operations;
	inode->i_fop = &simple_dir_operations;
	s->s_root = d_make_root(inode);
	if (!s->s_root)
		return -ENOMEM;
	for (; files->name[0]; files++)
		if (!simple_create_file(s->s_root, files->name, files->mode, files->ops, NULL))
			return -ENOMEM;
	return 0;
}
