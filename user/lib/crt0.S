/* Program entry for static ARM Linux executables. The kernel starts us at
 * _start with sp -> argc, argv[argc], NULL, envp[], NULL, auxv pairs,
 * AT_NULL (fs/binfmt_elf.c create_elf_tables); r0-r12 carry nothing. */
	.syntax	unified
	.arm
	.text
	.globl	_start
	.type	_start, %function
_start:
	mov	fp, #0			@ no caller frame: backtraces stop here
	mov	lr, #0
	mov	r0, sp			@ __libc_start(initial stack)
	bic	sp, sp, #7		@ AAPCS wants 8-byte alignment at calls
	bl	__libc_start
	udf	#0			@ __libc_start never returns
	.size	_start, . - _start
