/* errno with Linux's numbers (user/include overrides newlib's <errno.h>). */
#ifndef _USER_ERRNO_H
#define _USER_ERRNO_H

#include <sys/errno.h>

#endif
