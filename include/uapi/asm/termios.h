/* ARM uses the generic termios header (arch/arm/include/uapi/asm/termios.h). */
#include <asm-generic/termios.h>
