/* Source of static-arm.elf (see mkfixtures.sh): exit(counter + 42) through
 * the EABI exit system call, with initialised data and a bss. */
int counter = 1;
int scratch[256];

void _start(void)
{
	register int r0 __asm__("r0") = counter + 41 + scratch[0];
	register int r7 __asm__("r7") = 1;

	__asm__ volatile("svc #0" : : "r"(r0), "r"(r7));
	for (;;)
		;
}
