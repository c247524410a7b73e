/* Path name lookup (Linux's include/linux/namei.h): from a name to a
 * struct path, following mounts and symbolic links. */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>

#define LOOKUP_FOLLOW 0x0001 /* follow a symlink in the last component */
#define LOOKUP_DIRECTORY 0x0002 /* the last component must be a directory */

/* The last component of a parent lookup (Linux's LAST_*). */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/*
 * The state of one walk (Linux's struct nameidata). path is where the walk
 * stands, referenced; root is where "/" and ".." stop (the caller's root);
 * last/last_type the final component of a parent lookup.
 */
struct nameidata {
	struct path path;
	struct path root;
	struct qstr last;
	int last_type;
	unsigned int flags;
	int depth; /* symlinks being followed, nested */
	int total_links; /* symlinks followed in this walk */
};

/* Copy a path name from user space into a kmalloc'd PATH_MAX buffer.
 * RETURNS: it, or ERR_PTR(-EFAULT / -ENAMETOOLONG / -ENOENT if empty). */
char *getname(const char __user *filename);
void putname(char *name);

/* Start a walk at @dfd (AT_FDCWD: the cwd) or "/" for an absolute @name.
 * CONTEXT: dcache_lock held from path_init() to the caller's path_put. */
int path_init(struct nameidata *nd, int dfd, const char *name, unsigned int flags);
void terminate_walk(struct nameidata *nd);
int link_path_walk(struct nameidata *nd, const char *name);
int walk_last(struct nameidata *nd);
struct dentry *lookup_one_locked(struct dentry *parent, const struct qstr *name);

/* Whole lookups; each takes dcache_lock itself. RETURNS: 0 with @path
 * referenced, or -ENOENT, -ENOTDIR, -ELOOP, -EACCES, -ENAMETOOLONG. */
int filename_lookup(int dfd, const char *name, unsigned int flags, struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);

/* Name-space changes for kernel callers (kernel strings). RETURNS: 0 or -errno. */
int do_mkdirat(int dfd, const char *pathname, umode_t mode);
int do_mknodat(int dfd, const char *filename, umode_t mode, dev_t dev);
int do_symlinkat(const char *oldname, int newdfd, const char *newname);
int do_linkat(int olddfd, const char *oldname, int newdfd, const char *newname);
int do_unlinkat(int dfd, const char *name);
int do_rmdir(int dfd, const char *pathname);
int do_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname);
int vfs_readlink(struct dentry *dentry, char __user *buffer, int buflen);
struct file *do_filp_open(int dfd, const char *pathname, int flags, umode_t mode);

#endif
