/* The *at() calls' directory handle and flags (include/uapi/linux/fcntl.h). */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#include <asm/fcntl.h>

#define F_DUPFD_CLOEXEC	1030	/* F_LINUX_SPECIFIC_BASE + 6 */
/* Set and get the size of a pipe's buffer. */
#define F_SETPIPE_SZ	1031	/* F_LINUX_SPECIFIC_BASE + 7 */
#define F_GETPIPE_SZ	1032	/* F_LINUX_SPECIFIC_BASE + 8 */

#define AT_FDCWD		-100	/* Special value used to indicate
					   openat should use the current
					   working directory. */
#define AT_SYMLINK_NOFOLLOW	0x100	/* Do not follow symbolic links. */
#define AT_REMOVEDIR		0x200	/* Remove directory instead of
					   unlinking file. */
#define AT_SYMLINK_FOLLOW	0x400	/* Follow symbolic links. */
#define AT_NO_AUTOMOUNT		0x800	/* Suppress terminal automount traversal */
#define AT_EMPTY_PATH		0x1000	/* Allow empty relative pathname */

#endif
