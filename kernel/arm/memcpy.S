/* memset and memcpy for the kernel (Linux's arch/arm/lib/memset.S and
 * memcpy.S, much simplified): when both ends are word aligned, 64 bytes
 * a loop with two STM/LDM of eight registers (Linux unrolls too), which is
 * what clearing and copying pages (fork, exec, copy-on-write, unpacking
 * the initramfs) spends its time on; then words; bytes otherwise. */
	.syntax	unified
	.arm
	.text

/* void *memset(void *s, int c, size_t n) */
	.globl	memset
memset:
	mov	ip, r0				@ return s
	and	r1, r1, #0xff
	orr	r1, r1, r1, lsl #8
	orr	r1, r1, r1, lsl #16
	tst	ip, #3
	bne	3f
	push	{r4 - r9}
	mov	r3, r1
	mov	r4, r1
	mov	r5, r1
	mov	r6, r1
	mov	r7, r1
	mov	r8, r1
	mov	r9, r1
	subs	r2, r2, #64
	blo	5f
1:	stmia	ip!, {r1, r3 - r9}
	stmia	ip!, {r1, r3 - r9}
	subs	r2, r2, #64
	bhs	1b
5:	adds	r2, r2, #32			@ 32 to 63 bytes left?
	stmiahs	ip!, {r1, r3 - r9}
	addlo	r2, r2, #32
2:	pop	{r4 - r9}
3:	cmp	r2, #0
	bxeq	lr
	strb	r1, [ip], #1
	sub	r2, r2, #1
	b	3b

/* void *memcpy(void *dst, const void *src, size_t n) */
	.globl	memcpy
memcpy:
	mov	ip, r0				@ return dst
	orr	r3, r0, r1
	tst	r3, #3
	bne	3f
	push	{r4 - r10}
	subs	r2, r2, #64
	blo	5f
1:	ldmia	r1!, {r3 - r10}
	stmia	ip!, {r3 - r10}
	ldmia	r1!, {r3 - r10}
	stmia	ip!, {r3 - r10}
	subs	r2, r2, #64
	bhs	1b
5:	adds	r2, r2, #32			@ 32 to 63 bytes left?
	ldmiahs	r1!, {r3 - r10}
	stmiahs	ip!, {r3 - r10}
	addlo	r2, r2, #32
2:	pop	{r4 - r10}
4:	cmp	r2, #4
	blo	3f
	ldr	r3, [r1], #4
	str	r3, [ip], #4
	sub	r2, r2, #4
	b	4b
3:	cmp	r2, #0
	bxeq	lr
	ldrb	r3, [r1], #1
	strb	r3, [ip], #1
	sub	r2, r2, #1
	b	3b
