/* Inodes: allocation, reference counting, permission checks and attributes
 * (Linux's fs/inode.c, with generic_permission() from fs/namei.c,
 * generic_fillattr() from fs/stat.c and notify_change() from fs/attr.c). */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>

/* A new inode of @sb with one reference and a fresh number. RETURNS: it or NULL. */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_count = 1;
	inode->i_nlink = 1;
	inode->i_ino = get_next_ino();
	inode->i_mtime = inode->i_ctime = current_time();
	spin_lock_init(&inode->i_lock);
	return inode;
}

void ihold(struct inode *inode)
{
	__atomic_fetch_add(&inode->i_count, 1, __ATOMIC_SEQ_CST);
}

/* Drop a reference; the last one lets the file system free its data
 * (evict_inode), then the inode. CONTEXT: must not sleep in evict. */
void iput(struct inode *inode)
{
	if (!inode || __atomic_sub_fetch(&inode->i_count, 1, __ATOMIC_SEQ_CST))
		return;
	if (inode->i_sb && inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	kfree(inode->i_link);
	kfree(inode);
}

unsigned int get_next_ino(void)
{
	static unsigned int last_ino = 1;

	return __atomic_add_fetch(&last_ino, 1, __ATOMIC_SEQ_CST);
}

/* Seconds for timestamps. Without a real-time clock the Pi's Linux counts
 * from the epoch at boot too, so time since boot is what it would show. */
u32 current_time(void)
{
	return (u32)(local_clock() / NSEC_PER_SEC);
}

/* A device node, FIFO or socket: opening it reaches the driver, not the fs. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_rdev = rdev;
	}
}

/**
 * generic_permission_cred - may @fsuid/@fsgid @mask (MAY_*) @inode?
 *
 * The owner's, group's or others' bits decide. uid 0 may do anything
 * (CAP_DAC_OVERRIDE) except execute a file without any execute bit.
 * RETURNS: 0 or -EACCES.
 */
int generic_permission_cred(struct inode *inode, int mask, uid_t fsuid, gid_t fsgid)
{
	unsigned int mode = inode->i_mode;

	if (fsuid == 0) {
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & 0111))
			return 0;
		return -EACCES;
	}
	if (fsuid == inode->i_uid)
		mode >>= 6;
	else if (fsgid == inode->i_gid)
		mode >>= 3;
	return (mask & ~mode & 7) ? -EACCES : 0;
}

int generic_permission(struct inode *inode, int mask)
{
	return generic_permission_cred(inode, mask, current->cred.euid, current->cred.egid);
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb ? inode->i_sb->s_dev : 0;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = (u64)inode->i_data.nrpages * (PAGE_SIZE / 512);
}

/* Set the attributes @attr names, as they are (Linux's simple_setattr). */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	spin_lock(&inode->i_lock);
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & 07777);
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_SIZE)
		inode->i_size = attr->ia_size;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	inode->i_ctime = current_time();
	spin_unlock(&inode->i_lock);
	return 0;
}

/**
 * notify_change - change an inode's attributes (chown, chmod, truncate)
 *
 * The file system's setattr does it if it has one (ramfs frees the pages
 * a truncate cuts off), else simple_setattr(). RETURNS: 0 or -errno.
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}
