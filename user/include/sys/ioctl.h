/* ioctl() with Linux's terminal request numbers. */
#ifndef _USER_SYS_IOCTL_H
#define _USER_SYS_IOCTL_H

#include <asm/termios.h>

int ioctl(int fd, unsigned long request, ...);

#endif
