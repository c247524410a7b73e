/* The virtual file system's objects: inodes, open files, superblocks, file
 * system types, mounts and the operation tables behind them (Linux's
 * include/linux/fs.h, with struct path, vfsmount, kiocb and iov_iter from
 * path.h, mount.h and uio.h folded in). */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>
#include <uapi/linux/stat.h>

typedef u32 dev_t;
typedef unsigned int fmode_t;
typedef unsigned int __poll_t;
typedef __PTRDIFF_TYPE__ ssize_t; /* int on 32-bit ARM, as __kernel_ssize_t */

/* Device numbers (Linux's include/linux/kdev_t.h). */
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

/* The 32-bit form stat and /proc show (Linux's new_encode_dev). */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

#define PATH_MAX 4096
#define NAME_MAX 255
/* Symbolic links followed in one lookup, and nested (Linux's MAXSYMLINKS). */
#define MAXSYMLINKS 40
#define MAX_NESTED_LINKS 8

/* file->f_mode */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_EXEC 0x20
#define FMODE_OPENED 0x80000 /* ->open succeeded: ->release is owed */

/* Permission requests (generic_permission). */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4

/* Directory entry types of getdents64 (DT_*: the S_IFMT bits >> 12). */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10
#define S_DT(mode) (((mode)&S_IFMT) >> 12)

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* poll() events (Linux's include/uapi/asm-generic/poll.h). */
#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLWRNORM 0x0100
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct pollfd {
	int fd;
	short events;
	short revents;
};

struct file;
struct inode;
struct kstat;
struct vm_area_struct;
struct iattr;
struct super_block;
struct pipe_inode_info;
struct poll_table_struct;
struct dir_context;

/* A mounted file system: where its root is attached (Linux's struct mount
 * and struct vfsmount in one). The mount tree is guarded by dcache_lock. */
struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	int mnt_flags; /* MNT_* */
	int mnt_count; /* references: the tree, paths, child mounts; atomic */
	struct vfsmount *mnt_parent; /* itself for the root of the tree */
	struct dentry *mnt_mountpoint;
	struct list_head mnt_list; /* on the list of attached mounts */
	char *mnt_devname; /* the source mount() was given ("none", "proc") */
};

#define MNT_SHRINKABLE 0x100 /* detached with its parent (debugfs' tracing) */
#define MNT_INTERNAL 0x4000 /* kern_mount(): never in the tree */
#define SB_KERNMOUNT (1 << 22) /* a file system type's ->mount flag: kern_mount() asks */
#define MNT_FORCE 0x1 /* umount2() flags: abort I/O (nothing to do here) */
#define MNT_DETACH 0x2 /* lazy: detach now, free when unused */
#define UMOUNT_NOFOLLOW 0x8 /* do not follow a symlink */

/* A place in the name space: a dentry seen through a mount. */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* A file's contents in memory: one page per PAGE_SIZE bytes, NULL for a
 * hole (Linux's struct address_space, an array instead of the radix tree;
 * kernel/mm/filemap.c says how it is locked). */
struct address_space {
	spinlock_t tree_lock; /* pages[] and nrpages */
	void **pages; /* kernel addresses of the pages */
	unsigned long nrpages; /* length of pages[] */
};

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev; /* the device a device node names */
	loff_t i_size;
	unsigned long i_ino;
	struct timespec64 i_mtime, i_ctime;
	int i_count; /* references; atomic */
	spinlock_t i_lock; /* i_size and i_data, and the data in them */
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct address_space i_data; /* ramfs: the file's pages */
	const char *i_link; /* a symlink's target (kmalloc'd) */
	struct pipe_inode_info *i_pipe;
	void *i_private; /* the file system's own */
};

/* setattr(): what changes (Linux's struct iattr, ATTR_* bits). */
#define ATTR_MODE 0x1
#define ATTR_UID 0x2
#define ATTR_GID 0x4
#define ATTR_SIZE 0x8
#define ATTR_MTIME 0x20
#define ATTR_FORCE 0x200 /* Not a change, but force the change */
#define ATTR_KILL_SUID 0x800
#define ATTR_KILL_SGID 0x1000

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_mtime;
};

/* What stat() reports (Linux's struct kstat). */
struct kstat {
	u64 ino;
	dev_t dev, rdev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	loff_t size;
	struct timespec64 mtime, ctime;
	u32 blksize;
	u64 blocks;
};

/*
 * Directory operations. CONTEXT: all are called with dcache_lock held
 * (this kernel's stand-in for the directory's i_rwsem) and must not sleep.
 * lookup() gets a negative dentry already in the parent's list and fills
 * it with d_add(); the others return 0 or a -errno.
 */
struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry);
	/* A symlink's target. @buf (@size bytes) is room for one made up on
	 * the spot (/proc/self); the result stays valid while the dentry does.
	 * CONTEXT: dcache_lock held. */
	const char *(*get_link)(struct dentry *dentry, char *buf, size_t size);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

/* One read or write in progress: the file and where in it (Linux's kiocb). */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
};

static inline void init_sync_kiocb(struct kiocb *kiocb, struct file *filp, loff_t pos)
{
	kiocb->ki_filp = filp;
	kiocb->ki_pos = pos;
}

/* The memory a read fills or a write drains: user space (ITER_UBUF) or
 * the kernel's (ITER_KVEC), one range (Linux's struct iov_iter; readv and
 * writev loop over their ranges, as Linux's do_loop_readv_writev). */
enum iter_type { ITER_UBUF, ITER_KVEC };

struct iov_iter {
	enum iter_type type;
	char *base;
	size_t count; /* bytes left */
};

static inline void iov_iter_ubuf(struct iov_iter *i, void __user *buf, size_t count)
{
	i->type = ITER_UBUF;
	i->base = buf;
	i->count = count;
}

static inline void iov_iter_kvec(struct iov_iter *i, void *buf, size_t count)
{
	i->type = ITER_KVEC;
	i->base = buf;
	i->count = count;
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* RETURNS: the bytes copied; fewer than asked if a user page faulted. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);

/*
 * What an open file does. A file without llseek cannot seek, pread or
 * pwrite (-ESPIPE), as Linux's no_llseek. read_iter/write_iter advance
 * iocb->ki_pos and return the bytes moved or a -errno (-EFAULT only if
 * nothing was moved). CONTEXT: process context, no lock held; they may sleep.
 */
struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *wait);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, int datasync);
	/* Set up a mapping of the file (vma->vm_ops); without it mmap() of
	 * the file is -ENODEV. CONTEXT: mm->mmap_lock held. */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	int f_count; /* references: descriptors and calls in progress; atomic */
	unsigned int f_flags; /* open() flags but O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC */
	fmode_t f_mode;
	spinlock_t f_lock; /* f_flags, f_pos */
	loff_t f_pos;
	void *private_data;
	struct file *f_delayed_next; /* on the list fput_delayed() hands to a worker */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/* readdir(): each entry goes to actor, which returns non-zero when full
 * (Linux's struct dir_context and filldir_t). pos is the file position of
 * the entry being emitted. */
struct dir_context {
	int (*actor)(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		     u64 ino, unsigned int d_type);
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type) == 0;
}

/* "." and ".." at positions 0 and 1, those not emitted yet (Linux's
 * dir_emit_dots). RETURNS: false if the actor is full. */
static inline bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, dentry->d_parent->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/* poll(): a file's poll op calls poll_wait() for each wait queue whose
 * wake-up may change its mask (Linux's include/linux/poll.h). */
typedef struct poll_table_struct {
	void (*_qproc)(struct file *file, wait_queue_head_t *whead, struct poll_table_struct *pt);
} poll_table;

static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

struct kstatfs;
struct super_operations {
	/* The inode's last reference is gone: free what the fs hung on it. */
	void (*evict_inode)(struct inode *inode);
	/* Fill in statfs() (kernel/fs/statfs.c); NULL: simple_statfs. */
	void (*statfs)(struct super_block *sb, struct kstatfs *buf);
};

/* What statfs() reports (Linux's struct kstatfs). */
struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

struct super_block {
	dev_t s_dev; /* anonymous device (0, n): stat's st_dev */
	unsigned long s_magic;
	struct dentry *s_root;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	int s_active; /* mounts of it; killed at zero unless a singleton */
	u32 s_time_gran; /* ns: its file times are multiples of this */
	void *s_fs_info;
};

#define RAMFS_MAGIC 0x858458f6
#define TMPFS_MAGIC 0x01021994
#define PROC_SUPER_MAGIC 0x9fa0
#define SYSFS_MAGIC 0x62656572
#define TRACEFS_MAGIC 0x74726163
#define DEBUGFS_MAGIC 0x64626720
#define PIPEFS_MAGIC 0x50495045

struct file_system_type {
	const char *name;
	/* Make (or find) a superblock. RETURNS: its root dentry, referenced,
	 * or an ERR_PTR. CONTEXT: dcache_lock held. */
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags, const char *dev_name,
				void *data);
	/* Free a superblock whose last mount went; NULL for the singletons
	 * (proc, sysfs, tracefs, debugfs), which live on. */
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;
};

/* kernel/fs/filesystems.c */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);

/* kernel/fs/super.c. CONTEXT: dcache_lock held. */
struct super_block *alloc_super(struct file_system_type *type, unsigned long magic);
struct dentry *mount_nodev(struct file_system_type *type, unsigned long magic,
			   int (*fill_super)(struct super_block *sb));
/* mount_nodev() with @fs_info as the new superblock's s_fs_info before
 * @fill_super runs (Linux passes the mount data to fill_super instead). */
struct dentry *mount_nodev_info(struct file_system_type *type, unsigned long magic, void *fs_info,
				int (*fill_super)(struct super_block *sb));
struct dentry *mount_single(struct file_system_type *type, unsigned long magic,
			    struct super_block **sbp, int (*fill_super)(struct super_block *sb));
void deactivate_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);

/* kernel/fs/inode.c */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
unsigned int get_next_ino(void);
struct timespec64 current_time(struct inode *inode);
struct timespec64 timespec64_trunc(struct timespec64 t, unsigned gran);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
int generic_permission(struct inode *inode, int mask);
struct cred;
int generic_permission_cred(struct inode *inode, int mask, const struct cred *cred);
bool inode_owner_or_capable(const struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
void generic_fillattr(struct inode *inode, struct kstat *stat);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
int notify_change(struct dentry *dentry, struct iattr *attr);

/* kernel/fs/namespace.c */
extern struct vfsmount *root_mnt; /* the rootfs mount, root of the tree */
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput_locked(struct vfsmount *mnt);
void finish_automount(struct vfsmount *m, const struct path *path);
struct vfsmount *lookup_mnt(const struct path *path);
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data);
struct vfsmount *kern_mount(struct file_system_type *type);
void mnt_init(void);
int do_mount(const char *dev_name, const char *dir_name, const char *type_page,
	     unsigned long flags, void *data_page);
int do_umount(const char *name, int flags);
static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->mnt == b->mnt && a->dentry == b->dentry;
}

/* kernel/fs/namei.c: path references; _locked with dcache_lock held */
void path_get(const struct path *path);
void path_put(const struct path *path);
void path_get_locked(const struct path *path);
void path_put_locked(const struct path *path);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);

/* kernel/fs/open.c */
struct file *filp_open(const char *filename, int flags, umode_t mode);
struct file *dentry_open(const struct path *path, int flags);
int filp_close(struct file *filp);
long do_sys_open(int dfd, const char *filename, int flags, umode_t mode);
int do_truncate(struct dentry *dentry, loff_t length);

/* kernel/fs/file_table.c */
struct file *alloc_file(const struct path *path, int flags, const struct file_operations *fop);
void fput(struct file *file);
/* fput() where the release must not run (with a spinlock held: a mapping
 * going away under mm->mmap_lock): a last reference is released later
 * by a kernel worker, as Linux's delayed_fput. CONTEXT: any but IRQ. */
void fput_delayed(struct file *file);
static inline struct file *get_file(struct file *f)
{
	__atomic_fetch_add(&f->f_count, 1, __ATOMIC_SEQ_CST);
	return f;
}

/* kernel/fs/read_write.c */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);

/* kernel/fs/stat.c */
int vfs_getattr(const struct path *path, struct kstat *stat);
int vfs_statx(int dfd, const char *filename, int flags, struct kstat *stat);

/* kernel/fs/readdir.c */
int iterate_dir(struct file *file, struct dir_context *ctx);

/* kernel/fs/libfs.c: helpers for file systems kept in the dcache */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
int dcache_readdir(struct file *file, struct dir_context *ctx);
int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry);
int simple_empty(struct dentry *dentry);
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *ppos, const void *from,
				size_t available);
ssize_t generic_read_dir(struct kiocb *iocb, struct iov_iter *to);
struct dentry *simple_create_file(struct dentry *parent, const char *name, umode_t mode,
				  const struct file_operations *fops, void *data);
struct dentry *simple_create_dir(struct dentry *parent, const char *name);
/* A regular file of a pseudo file system's root; a list of them ends with
 * an empty name (Linux's struct tree_descr). */
struct tree_descr {
	const char *name;
	const struct file_operations *ops;
	int mode;
};
int simple_fill_super(struct super_block *s, const struct tree_descr *files);
int noop_fsync(struct file *file, int datasync);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;

/* kernel/fs/ramfs/inode.c */
struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
			      dev_t dev);
void ramfs_evict_inode(struct inode *inode);
extern struct file_system_type ramfs_fs_type;
/* kernel/mm/shmem.c: tmpfs, and the rootfs (a tmpfs) */
extern struct file_system_type rootfs_fs_type, tmpfs_fs_type;

/* kernel/fs/char_dev.c: character devices by major number */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
extern const struct file_operations def_chr_fops;

/* kernel/fs/pipe.c, mem.c */
void pipe_init(void);
void chr_dev_init(void);

/* kernel/mm/filemap.c: a file's pages and mappings of them */
/* The kernel address of the file's page @index; a missing page is made
 * (zeroed) if @create. CONTEXT: inode->i_lock held. RETURNS: NULL if
 * missing (or out of memory). */
void *filemap_page(struct inode *inode, unsigned long index, bool create);
/* Put @page, filled by the caller and seen by no one yet, at @index; a
 * page found there stays. RETURNS: the page at @index, NULL (no memory) or
 * ERR_PTR(-ENOSPC) (a full tmpfs). */
void *filemap_add_page(struct inode *inode, unsigned long index, void *page);
/* Room for pages up to @last_index at once, for a write about to fill them. */
void filemap_reserve(struct inode *inode, unsigned long last_index);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
/* Copy [pos, pos+count) of a file whose pages are in i_data, without
 * holding i_lock over the copy (ramfs reads, exec). RETURNS: bytes copied. */
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to);

/* kernel/fs/exec.c: the file exec runs, open and checked (regular,
 * executable). RETURNS: the file or an ERR_PTR. */
struct file *open_exec(const char *name);

/* kernel/fs/init.c and kernel/fs/initramfs.c: boot */
void vfs_caches_init(void);
void populate_rootfs(const void *data, size_t len);
int unpack_to_rootfs(const void *data, size_t len, const char **msg);
void console_on_rootfs(void);

#endif
