/* Fixed-width kernel types, as Linux's include/linux/types.h names them.
 * Built on the compiler's freestanding <stdint.h>, so the same header
 * serves the ARM kernel and the host unit tests. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
#ifdef HOST_TEST
#include <sys/types.h> /* the host's loff_t, so host tests may use libc */
#else
typedef long long loff_t;
#endif
typedef unsigned int gfp_t;

#endif
