/* C entry after crt0: finds argv, envp and the auxiliary vector on the
 * initial stack the kernel built, sets up stdio, runs main, exits with
 * its result (glibc's __libc_start_main). */
#include <stdio.h>
#include <stdlib.h>

extern char **environ;
int main(int argc, char **argv, char **envp);
void __libc_init_array(void);

/* crti.o/crtn.o's _init and _fini, which newlib's __libc_init_array and
 * __libc_fini_array call: empty, .init_array/.fini_array do the work. */
void _init(void)
{
}

void _fini(void)
{
}

/* the AT_* pairs above envp, read by getauxval() */
unsigned long *__auxv;

/* __libc_start - run the program. sp is the stack pointer at _start.
 * stdout is unbuffered: each printf() reaches the kernel as one write(),
 * so output order and fork() behave the same on a tty, a pipe or a file. */
void __attribute__((noreturn)) __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);
	environ = envp;
	__libc_init_array();
	setvbuf(stdout, NULL, _IONBF, 0);
	exit(main(argc, argv, envp));
}
