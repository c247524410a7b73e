/* Fixed-width kernel types, as Linux's include/linux/types.h names them.
 * Built on the compiler's freestanding <stdint.h>, so the same header
 * serves the ARM kernel and the host unit tests. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Linux's base types, not <stdint.h>'s: arm-none-eabi's uint32_t is an
 * unsigned long, which would not match the %u and %x formats. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned short umode_t;
/* 64 bits on both; spelled as the host C library spells it, so that host
 * tests may include its headers too. */
typedef __INT64_TYPE__ loff_t;
typedef unsigned int gfp_t;

#endif
