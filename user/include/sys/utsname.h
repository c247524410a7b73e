/* uname(): struct utsname is the kernel's struct new_utsname. */
#ifndef _USER_SYS_UTSNAME_H
#define _USER_SYS_UTSNAME_H

#include <linux/utsname.h>

#define utsname new_utsname

int uname(struct utsname *buf);

#endif
