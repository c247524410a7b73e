/* newlib's <sys/file.h> includes <sys/fcntl.h>: Linux's <fcntl.h> here. */
#include <fcntl.h>
