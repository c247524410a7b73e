/* The file status record of the stat64 family (stat64, lstat64, fstat64,
 * fstatat64), as arch/arm/include/uapi/asm/stat.h lays it out for EABI.
 * Only struct stat64: the old `struct stat` of NR 106-108 is not used, and
 * leaving it out lets newlib's own `struct stat` coexist with this file. */
#ifndef _ASMARM_STAT_H
#define _ASMARM_STAT_H

#define STAT_HAVE_NSEC 1

/* This matches struct stat64 in glibc2.1, hence the absolutely insane
 * amounts of padding around dev_t's. Note: The kernel zero's the padded
 * region because glibc might read them in the hope that the kernel has
 * stretched to using larger sizes. */
struct stat64 {
	unsigned long long	st_dev;
	unsigned char		__pad0[4];

#define STAT64_HAS_BROKEN_ST_INO	1
	unsigned long		__st_ino;
	unsigned int		st_mode;
	unsigned int		st_nlink;

	unsigned long		st_uid;
	unsigned long		st_gid;

	unsigned long long	st_rdev;
	unsigned char		__pad3[4];

	long long		st_size;
	unsigned long		st_blksize;
	unsigned long long	st_blocks;	/* Number 512-byte blocks allocated. */

	unsigned long		st_atime;
	unsigned long		st_atime_nsec;

	unsigned long		st_mtime;
	unsigned long		st_mtime_nsec;

	unsigned long		st_ctime;
	unsigned long		st_ctime_nsec;

	unsigned long long	st_ino;
};

#endif
