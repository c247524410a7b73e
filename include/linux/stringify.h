/* Turning macro arguments into strings after expanding them (Linux's
 * include/linux/stringify.h). */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)

#endif
