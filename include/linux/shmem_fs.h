/* tmpfs's limits (Linux's include/linux/shmem_fs.h; kernel/mm/shmem.c).
 * Each call does nothing for a file system that is not a tmpfs, or for
 * the kernel's own, unlimited one. */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>

/* Charge a page of @inode's data. RETURNS: false if the tmpfs is full. */
bool shmem_acct_block(struct inode *inode);
void shmem_unacct_blocks(struct inode *inode, unsigned long pages);
/* A new inode on @sb. RETURNS: 0, or -ENOSPC if the tmpfs has no more. */
int shmem_reserve_inode(struct super_block *sb);
void shmem_free_inode(struct super_block *sb);
/* Back the shared anonymous mapping @vma with a file of its size.
 * RETURNS: 0 or -ENOMEM. */
int shmem_zero_setup(struct vm_area_struct *vma);
void shmem_init(void);

#endif
