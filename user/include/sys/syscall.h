/* System call numbers for syscall(2): Linux ARM EABI's. */
#ifndef _USER_SYS_SYSCALL_H
#define _USER_SYS_SYSCALL_H

#include <asm/unistd.h>

#endif
