/* Reading cpio "newc" archives, the initramfs format (Linux's
 * init/initramfs.c parses the same; the format is in Documentation/
 * early-userspace/buffer-format.txt). The reader is kernel/fs/cpio.c. */
#ifndef _LINUX_CPIO_H
#define _LINUX_CPIO_H

#include <linux/types.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_TRAILER "TRAILER!!!"

/* One archive member. name and data point into the archive itself. */
struct cpio_entry {
	const char *name;	/* NUL-terminated path, e.g. "bin/sh" */
	u32 ino;
	u32 mode;		/* file type (S_IFREG, S_IFDIR, ...) and permissions */
	u32 uid, gid;
	u32 nlink;
	u32 mtime;
	u32 devmajor, devminor;		/* device of the archived file (for hard links) */
	u32 rdevmajor, rdevminor;	/* the device a S_IFCHR/S_IFBLK node names */
	const void *data;	/* file contents, or a symlink's target (no NUL) */
	u32 size;
	const char *error;	/* why cpio_next() failed */
};

int cpio_next(const void *buf, size_t len, size_t *pos, struct cpio_entry *e);

#endif
