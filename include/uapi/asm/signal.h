/* ARM Linux signal numbers, ARM-only sigaction flags and the sigaltstack
 * descriptor (arch/arm/include/uapi/asm/signal.h). The kernel's 64-bit
 * sigset_t and its rt_sigaction layout live in kernel headers, the C
 * library's in user/include/signal.h, as in Linux and glibc. */
#ifndef _UAPI_ASMARM_SIGNAL_H
#define _UAPI_ASMARM_SIGNAL_H

#define _NSIG		64
#define _NSIG_BPW	32
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)

#define SIGHUP		 1
#define SIGINT		 2
#define SIGQUIT		 3
#define SIGILL		 4
#define SIGTRAP		 5
#define SIGABRT		 6
#define SIGIOT		 6
#define SIGBUS		 7
#define SIGFPE		 8
#define SIGKILL		 9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPOLL		SIGIO
#define SIGPWR		30
#define SIGSYS		31
#define SIGUNUSED	31

/* The kernel numbers real-time signals 32.._NSIG; C libraries keep the
 * first few for themselves and move their SIGRTMIN up (glibc: 34). */
#define SIGRTMIN	32
#define SIGRTMAX	_NSIG

#define SA_THIRTYTWO	0x02000000
#define SA_RESTORER	0x04000000

#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

#include <asm-generic/signal-defs.h>

#ifndef __ASSEMBLY__
typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	unsigned int ss_size;
} stack_t;
#endif

#endif
