/* sigset_t as Linux's kernel sees it: 64 signals in two 32-bit words, the
 * size rt_sigprocmask() and friends take (replaces newlib's 32-bit one, so
 * that every newlib header that names sigset_t agrees with ours). */
#ifndef _SYS__SIGSET_H_
#define _SYS__SIGSET_H_

typedef struct {
	unsigned long sig[2];
} __sigset_t;

#endif
