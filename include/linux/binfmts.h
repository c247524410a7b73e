/* What exec carries from the file to the new image (Linux's
 * include/linux/binfmts.h struct linux_binprm). */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/compiler.h>
#include <linux/types.h>

#define MAX_ARG_STRLEN (32 * 4096) /* one argument or environment string */
#define MAX_ARG_STRINGS 0x7FFFFFFF
#define PATH_MAX 4096
/* The stack VMA exec starts with (it grows down on faults from there),
 * and what must stay free below the strings for pointers and auxv. */
#define EXEC_STACK_INITIAL (256 * 1024)
#define EXEC_STACK_RESERVE (16 * 1024)
/* The largest executable file exec reads (it is read whole). */
#define EXEC_MAX_IMAGE (64 << 20)

struct mm_struct;

struct linux_binprm {
	void *buf; /* the whole file */
	size_t size;
	struct mm_struct *mm; /* the new address space, until it is installed */
	unsigned long p; /* current top of the new stack */
	unsigned long exec; /* where the file name was copied (AT_EXECFN) */
	int argc, envc;
	const char *filename;
};

int load_elf_binary(struct linux_binprm *bprm);
int flush_old_exec(struct linux_binprm *bprm);
void setup_new_exec(struct linux_binprm *bprm);
int do_execve(const char *filename, const char __user *const __user *argv,
	      const char __user *const __user *envp);
int kernel_execve(const char *filename, const char *const argv[], const char *const envp[]);

#endif
