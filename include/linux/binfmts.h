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
/* How much of the file exec reads to tell its format (the rest is mapped). */
#define BINPRM_BUF_SIZE 128

struct mm_struct;
struct file;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE]; /* the file's first bytes */
	struct file *file; /* the program, open */
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
