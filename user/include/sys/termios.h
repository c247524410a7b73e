/* <sys/termios.h> is <termios.h> here. */
#include <termios.h>
