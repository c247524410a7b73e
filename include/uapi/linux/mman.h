/* mmap ABI umbrella (include/uapi/linux/mman.h). */
#ifndef _UAPI_LINUX_MMAN_H
#define _UAPI_LINUX_MMAN_H

#include <asm/mman.h>

#endif
