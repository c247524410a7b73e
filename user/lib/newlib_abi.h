/* Private to user/lib: newlib's own open() flag values (newlib's
 * sys/_default_fcntl.h), which newlib passes to _open() from fopen().
 * newlib_glue.c checks them against newlib's header at compile time. */
#ifndef _USER_LIB_NEWLIB_ABI_H
#define _USER_LIB_NEWLIB_ABI_H

#define NEWLIB_O_ACCMODE	0x0003
#define NEWLIB_O_APPEND		0x0008
#define NEWLIB_O_CREAT		0x0200
#define NEWLIB_O_TRUNC		0x0400
#define NEWLIB_O_EXCL		0x0800
#define NEWLIB_O_NONBLOCK	0x4000
#define NEWLIB_O_NOCTTY		0x8000
#define NEWLIB_O_CLOEXEC	0x40000

/* newlib_open - open() with newlib's flags translated to Linux's */
int __newlib_open(const char *path, int newlib_flags, int mode);

#endif
