/* tmpfs's limits (Linux's include/linux/shmem_fs.h; kernel/mm/shmem.c).
 * Each call does nothing for a file system that is not a tmpfs, or for
 * the kernel's own, unlimited one. */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>
#include <linux/spinlock.h>

/* The limits of one tmpfs instance (Linux's struct shmem_sb_info). */
struct shmem_sb_info {
	spinlock_t stat_lock;		/* free_inodes */
	unsigned long max_blocks;	/* How many blocks are allowed */
	unsigned long used_blocks;	/* How many are allocated: atomic */
	unsigned long max_inodes;	/* How many inodes are allowed */
	unsigned long free_inodes;	/* How many are left for allocation */
	umode_t mode;			/* Mount mode for root directory */
	uid_t uid;			/* Mount uid for root directory */
	gid_t gid;			/* Mount gid for root directory */
};

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_magic == TMPFS_MAGIC ? sb->s_fs_info : NULL;
}

/**
 * shmem_acct_block - charge one page of file data to @inode's tmpfs
 *
 * Inline, as Linux's shmem_inode_acct_block: the page cache charges every
 * page it adds. Linux counts used_blocks in a percpu_counter, without a
 * lock in the common case; here one compare-and-swap, exact at the limit.
 * RETURNS: true, or false if the file system is full (-ENOSPC). Always
 * true for a file system that is not a tmpfs.
 */
static inline bool shmem_acct_block(struct inode *inode)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);
	unsigned long used;

	if (!sbinfo || !sbinfo->max_blocks)
		return true;
	used = __atomic_load_n(&sbinfo->used_blocks, __ATOMIC_RELAXED);
	do {
		if (used >= sbinfo->max_blocks)
			return false;
	} while (!__atomic_compare_exchange_n(&sbinfo->used_blocks, &used, used + 1, true,
					      __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return true;
}
void shmem_unacct_blocks(struct inode *inode, unsigned long pages);
/* A new inode on @sb. RETURNS: 0, or -ENOSPC if the tmpfs has no more. */
int shmem_reserve_inode(struct super_block *sb);
void shmem_free_inode(struct super_block *sb);
/* Back the shared anonymous mapping @vma with a file of its size.
 * RETURNS: 0 or -ENOMEM. */
int shmem_zero_setup(struct vm_area_struct *vma);
void shmem_init(void);

#endif
