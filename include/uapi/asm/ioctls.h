/* ARM's ioctl numbers: the generic set (arch/arm/include/uapi/asm/ioctls.h). */
#ifndef __ASM_ARM_IOCTLS_H
#define __ASM_ARM_IOCTLS_H

#define FIOQSIZE 0x545E

#include <asm-generic/ioctls.h>

#endif
