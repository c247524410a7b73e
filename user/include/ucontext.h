/* <ucontext.h>: ucontext_t of ARM Linux (see sys/ucontext.h). */
#include <sys/ucontext.h>
