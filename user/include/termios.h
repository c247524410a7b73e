/* Terminal attributes: struct termios is the kernel's (TCGETS/TCSETS copy
 * it as is), so tcgetattr()/tcsetattr() are plain ioctls (replaces newlib's). */
#ifndef _USER_TERMIOS_H
#define _USER_TERMIOS_H

#include <sys/types.h>
#include <asm/termios.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int actions, const struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
