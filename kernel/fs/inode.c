/* Inodes: allocation, reference counting, permission checks and attributes
 * (Linux's fs/inode.c, with generic_permission() from fs/namei.c,
 * generic_fillattr() from fs/stat.c, and setattr_prepare() and
 * notify_change() from fs/attr.c). */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/timekeeping.h>

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
	inode->i_mtime = inode->i_ctime = current_time(inode);
	spin_lock_init(&inode->i_lock);
	spin_lock_init(&inode->i_data.tree_lock);
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

/* @t cut down to a multiple of @gran ns, which divides a second (Linux's
 * timespec64_trunc, which also warns of any other): no division for 1 ns
 * (tmpfs, ramfs, proc, pipefs) or 1 s (the default). */
struct timespec64 timespec64_trunc(struct timespec64 t, unsigned gran)
{
	if (gran == NSEC_PER_SEC)
		t.tv_nsec = 0;
	else if (gran > 1 && gran < NSEC_PER_SEC)
		t.tv_nsec -= t.tv_nsec % gran;
	return t;
}

/**
 * current_time - the time to stamp on @inode now
 *
 * CLOCK_REALTIME as of the last tick (current_kernel_time64: the
 * timekeeper's copy, no counter read, no division), cut to what its file
 * system keeps (s_time_gran). Without a real-time clock the Pi's Linux
 * counts from the epoch at boot too, so time since boot is what it shows.
 */
struct timespec64 current_time(struct inode *inode)
{
	return timespec64_trunc(current_kernel_time64(), inode->i_sb->s_time_gran);
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

/* Is @grp @cred's fsgid or one of its groups? (in_group_p for any set.) */
static bool cred_in_group(const struct cred *cred, gid_t grp)
{
	return grp == cred->fsgid || groups_search(cred->group_info, grp);
}

/* The owner's, group's or others' bits decide (Linux's acl_permission_check,
 * without ACLs). RETURNS: 0 or -EACCES. */
static int acl_permission_check(struct inode *inode, int mask, const struct cred *cred)
{
	unsigned int mode = inode->i_mode;

	if (cred->fsuid == inode->i_uid)
		mode >>= 6;
	else if (cred_in_group(cred, inode->i_gid))
		mode >>= 3;
	/* If the DACs are ok we don't need any capability check. */
	if ((mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) == 0)
		return 0;
	return -EACCES;
}

/**
 * generic_permission_cred - may @cred @mask (MAY_*) @inode?
 *
 * The mode bits first; failing them, CAP_DAC_READ_SEARCH allows reading
 * and searching, and CAP_DAC_OVERRIDE anything but executing a file with
 * no execute bit at all. access() passes its own set (the real ids).
 * RETURNS: 0 or -EACCES.
 */
int generic_permission_cred(struct inode *inode, int mask, const struct cred *cred)
{
	int ret = acl_permission_check(inode, mask, cred);

	if (ret != -EACCES)
		return ret;
	if (S_ISDIR(inode->i_mode)) {
		/* DACs are overridable for directories */
		if (!(mask & MAY_WRITE) && cap_capable(cred, CAP_DAC_READ_SEARCH))
			return 0;
		if (cap_capable(cred, CAP_DAC_OVERRIDE))
			return 0;
		return -EACCES;
	}
	/* Searching includes executable on directories, else just read. */
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ && cap_capable(cred, CAP_DAC_READ_SEARCH))
		return 0;
	/* Read/write DACs are always overridable. Executable DACs are
	 * overridable when there is at least one exec bit set. */
	if (!(mask & MAY_EXEC) || (inode->i_mode & 0111))
		if (cap_capable(cred, CAP_DAC_OVERRIDE))
			return 0;
	return -EACCES;
}

int generic_permission(struct inode *inode, int mask)
{
	return generic_permission_cred(inode, mask, &current->cred);
}

/* The caller owns @inode (fsuid), or may act as if (CAP_FOWNER). */
bool inode_owner_or_capable(const struct inode *inode)
{
	return current->cred.fsuid == inode->i_uid || capable(CAP_FOWNER);
}

/* Who gets a new inode of @mode in @dir: the caller's fsuid, and its fsgid
 * or, under a set-group-ID directory, the directory's group (Linux's
 * inode_init_owner). */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current->cred.fsuid;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
			 !in_group_p(inode->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID;
	} else {
		inode->i_gid = current->cred.fsgid;
	}
	inode->i_mode = mode;
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

/* May the caller chown @inode to @uid? Only root, or the owner "changing"
 * it to itself. */
static bool chown_ok(const struct inode *inode, uid_t uid)
{
	if (current->cred.fsuid == inode->i_uid && uid == inode->i_uid)
		return true;
	return capable(CAP_CHOWN);
}

/* May the caller chgrp @inode to @gid? Root, or the owner to one of its
 * own groups. */
static bool chgrp_ok(const struct inode *inode, gid_t gid)
{
	if (current->cred.fsuid == inode->i_uid && (in_group_p(gid) || gid == inode->i_gid))
		return true;
	return capable(CAP_CHOWN);
}

/**
 * setattr_prepare - may the caller make the changes @attr asks of @dentry?
 *
 * The owner rules of chown, chgrp and chmod (Linux's fs/attr.c). A chmod by
 * someone outside the file's group, without CAP_FSETID, loses S_ISGID.
 * RETURNS: 0 or -EPERM.
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int ia_valid = attr->ia_valid;

	/* If force is set do it anyway. */
	if (ia_valid & ATTR_FORCE)
		return 0;
	/* Make sure a caller can chown. */
	if ((ia_valid & ATTR_UID) && !chown_ok(inode, attr->ia_uid))
		return -EPERM;
	/* Make sure caller can chgrp. */
	if ((ia_valid & ATTR_GID) && !chgrp_ok(inode, attr->ia_gid))
		return -EPERM;
	/* Make sure a caller can chmod. */
	if (ia_valid & ATTR_MODE) {
		if (!inode_owner_or_capable(inode))
			return -EPERM;
		/* Also check the setgid bit! */
		if (!in_group_p((ia_valid & ATTR_GID) ? attr->ia_gid : inode->i_gid) &&
		    !capable(CAP_FSETID))
			attr->ia_mode &= ~S_ISGID;
	}
	return 0;
}

/* Record the changes @attr asks for, which setattr_prepare() allowed
 * (Linux's setattr_copy; the size is the file system's business). */
void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	spin_lock(&inode->i_lock);
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = timespec64_trunc(attr->ia_mtime, inode->i_sb->s_time_gran);
	if (attr->ia_valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode & 07777;

		if (!in_group_p(inode->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID;
		inode->i_mode = (inode->i_mode & S_IFMT) | mode;
	}
	inode->i_ctime = current_time(inode);
	spin_unlock(&inode->i_lock);
}

/* Change the attributes @attr names, if the caller may (Linux's
 * simple_setattr). RETURNS: 0 or -EPERM. */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int error = setattr_prepare(dentry, attr);

	if (error)
		return error;
	if (attr->ia_valid & ATTR_SIZE) {
		spin_lock(&inode->i_lock);
		inode->i_size = attr->ia_size;
		spin_unlock(&inode->i_lock);
	}
	setattr_copy(inode, attr);
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
	umode_t mode = inode->i_mode;

	/* A chown of a set-ID file clears the set-ID bits (ATTR_KILL_*). */
	if ((attr->ia_valid & ATTR_KILL_SUID) && (mode & S_ISUID)) {
		attr->ia_valid |= ATTR_MODE;
		attr->ia_mode = mode & ~S_ISUID;
	}
	if ((attr->ia_valid & ATTR_KILL_SGID) && (mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP)) {
		if (!(attr->ia_valid & ATTR_MODE)) {
			attr->ia_valid |= ATTR_MODE;
			attr->ia_mode = mode;
		}
		attr->ia_mode &= ~S_ISGID;
	}
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}
