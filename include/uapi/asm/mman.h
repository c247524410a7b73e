/* ARM uses the generic mmap flags (arch/arm/include/uapi/asm/mman.h). */
#include <asm-generic/mman.h>
