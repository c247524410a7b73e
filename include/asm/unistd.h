/* The kernel's view of the syscall numbers: Linux's ARM EABI numbers from
 * the uapi header, the table size, the ARM-private calls at 0xf0000
 * (__ARM_NR_*) are in the uapi header too. */
#ifndef _ASM_UNISTD_H
#define _ASM_UNISTD_H

#include <uapi/asm/unistd.h>

/* Linux 4.19's table has 400 entries: the same numbers, most of them -ENOSYS here. */
#define NR_syscalls 400


#endif
