/* newlib's headers include <sys/signal.h>; here it is Linux's <signal.h>. */
#include <signal.h>
