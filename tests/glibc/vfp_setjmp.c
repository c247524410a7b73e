/* vfp_setjmp: setjmp/longjmp keep the callee-saved VFP registers d8-d15
 * (the procedure call standard's, which glibc saves in the jmp_buf on
 * armhf) and survive a context switch in between. The check runs in
 * assembly so that no compiler-generated code touches d8-d15 meanwhile. */
#pragma GCC target("fpu=neon-vfpv4")
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

jmp_buf vfp_env;

/* void vfp_setjmp_check(const uint64_t a[8], const uint64_t b[8], uint64_t out[8]):
 * d8-d15 = a; setjmp; first time: d8-d15 = b, sched_yield, longjmp;
 * second time: out = d8-d15. Preserves the caller's d8-d15. */
__asm__(".text\n"
	".arm\n"
	".fpu neon-vfpv4\n"
	".globl vfp_setjmp_check\n"
	".type vfp_setjmp_check, %function\n"
	"vfp_setjmp_check:\n"
	"	push	{r4, r5, r7, lr}\n"
	"	vpush	{d8-d15}\n"
	"	mov	r4, r1\n"
	"	mov	r5, r2\n"
	"	vldmia	r0, {d8-d15}\n"
	"	ldr	r0, =vfp_env\n"
	"	bl	_setjmp\n"
	"	cmp	r0, #0\n"
	"	bne	1f\n"
	"	vldmia	r4, {d8-d15}\n"
	"	mov	r7, #158\n" /* sched_yield */
	"	svc	#0\n"
	"	ldr	r0, =vfp_env\n"
	"	mov	r1, #1\n"
	"	bl	longjmp\n"
	"1:	vstmia	r5, {d8-d15}\n"
	"	vpop	{d8-d15}\n"
	"	pop	{r4, r5, r7, pc}\n"
	".ltorg\n"
	".size vfp_setjmp_check, . - vfp_setjmp_check\n");
void vfp_setjmp_check(const uint64_t *a, const uint64_t *b, uint64_t *out);

int main(void)
{
	uint64_t a[8], b[8], out[8];
	volatile double x = 1.25;
	jmp_buf env;
	int i;

	for (i = 0; i < 8; i++) {
		a[i] = 0x4000000000000000ULL + i * 0x1111;
		b[i] = ~a[i];
	}
	vfp_setjmp_check(a, b, out);
	printf("longjmp: d8-d15 %s\n", memcmp(a, out, sizeof(a)) ? "NOT RESTORED" : "as at setjmp");

	/* and as an ordinary program uses them */
	if (setjmp(env) == 0) {
		x *= 3;
		longjmp(env, 1);
	}
	printf("a volatile double changed before longjmp: %.3f\n", x);
	return 0;
}
