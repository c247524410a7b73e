/* A task's root, working directory and umask: fork's copy, exit's drop,
 * chdir's update (Linux's fs/fs_struct.c). Lock order: dcache_lock, then
 * fs->lock. */
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

/* Replace *@where, @fs's root or pwd, with @path (referenced anew); drop
 * the old one. */
static void set_fs_path(struct fs_struct *fs, struct path *where, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = *where;
	*where = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	set_fs_path(fs, &fs->root, path);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	set_fs_path(fs, &fs->pwd, path);
}

/* Both of @fs's paths at one moment, referenced (Linux's
 * get_fs_root_and_pwd_rcu, for getcwd). */
void get_fs_root_and_pwd(struct fs_struct *fs, struct path *root, struct path *pwd)
{
	spin_lock(&dcache_lock);
	spin_lock(&fs->lock);
	*root = fs->root;
	*pwd = fs->pwd;
	path_get_locked(root);
	path_get_locked(pwd);
	spin_unlock(&fs->lock);
	spin_unlock(&dcache_lock);
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&dcache_lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	if (fs->root.dentry)
		path_get_locked(&fs->root);
	if (fs->pwd.dentry)
		path_get_locked(&fs->pwd);
	spin_unlock(&old->lock);
	spin_unlock(&dcache_lock);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	int kill;

	if (!fs)
		return;
	spin_lock_irq(&tsk->alloc_lock);
	spin_lock(&fs->lock);
	tsk->fs = NULL;
	kill = !--fs->users;
	spin_unlock(&fs->lock);
	spin_unlock_irq(&tsk->alloc_lock);
	if (kill && fs != &init_fs)
		free_fs_struct(fs);
}

/* umask(): set the file mode creation mask. RETURNS: the old one. */
long sys_umask(int mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}
