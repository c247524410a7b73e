/* errno with Linux's error numbers instead of newlib's: the kernel returns
 * -ENOSYS as -38, so errno, strerror() and perror() must speak Linux's
 * numbering (include/uapi/asm-generic/errno*.h). errno itself is newlib's
 * per-reent slot, so newlib's own functions set the same variable. */
#ifndef _SYS_ERRNO_H_
#define _SYS_ERRNO_H_

#include <sys/reent.h>

#define errno (*__errno())
extern int *__errno(void);

#define __errno_r(ptr) ((ptr)->_errno)

typedef int error_t;

/* the kernel's list (shared with the kernel)... */
#include <asm-generic/errno.h>

/* ...and the rest of Linux's numbers that user programs may see. */
#define ENOTBLK		15
#define ETXTBSY		26
#define EDEADLK		35
#define ENAMETOOLONG	36
#define ENOLCK		37
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define EWOULDBLOCK	EAGAIN
#define ENOMSG		42
#define EIDRM		43
#define ENOSTR		60
#define ENODATA		61
#define ETIME		62
#define ENOSR		63
#define ENOLINK		67
#define EPROTO		71
#define EMULTIHOP	72
#define EBADMSG		74
#define EOVERFLOW	75
#define EBADFD		77
#define EILSEQ		84
#define ERESTART	85
#define EUSERS		87
#define ENOTSOCK	88
#define EDESTADDRREQ	89
#define EMSGSIZE	90
#define EPROTOTYPE	91
#define ENOPROTOOPT	92
#define EPROTONOSUPPORT	93
#define ESOCKTNOSUPPORT	94
#define EOPNOTSUPP	95
#define ENOTSUP		95
#define EPFNOSUPPORT	96
#define EAFNOSUPPORT	97
#define EADDRINUSE	98
#define EADDRNOTAVAIL	99
#define ENETDOWN	100
#define ENETUNREACH	101
#define ENETRESET	102
#define ECONNABORTED	103
#define ECONNRESET	104
#define ENOBUFS		105
#define EISCONN		106
#define ENOTCONN	107
#define ESHUTDOWN	108
#define ETOOMANYREFS	109
#define ETIMEDOUT	110
#define ECONNREFUSED	111
#define EHOSTDOWN	112
#define EHOSTUNREACH	113
#define EALREADY	114
#define EINPROGRESS	115
#define ESTALE		116
#define EDQUOT		122
#define ECANCELED	125
#define EOWNERDEAD	130
#define ENOTRECOVERABLE	131

#endif
