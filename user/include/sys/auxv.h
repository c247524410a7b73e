/* getauxval(): the auxiliary vector the kernel put above envp at exec.
 * The AT_* numbers are include/uapi/linux/auxvec.h's. */
#ifndef _USER_SYS_AUXV_H
#define _USER_SYS_AUXV_H

#ifndef AT_NULL
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_RANDOM	25
#define AT_EXECFN	31
#endif

unsigned long getauxval(unsigned long type);

#endif
