/* ARM uses the generic termios bits (arch/arm/include/uapi/asm/termbits.h). */
#include <asm-generic/termbits.h>
