/* mount() and umount2() with Linux's flags. */
#ifndef _USER_SYS_MOUNT_H
#define _USER_SYS_MOUNT_H

#include <linux/fs.h>

/* umount2 flags (include/linux/fs.h) */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002
#define MNT_EXPIRE	0x00000004
#define UMOUNT_NOFOLLOW	0x00000008

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data);
int umount(const char *target);
int umount2(const char *target, int flags);

#endif
