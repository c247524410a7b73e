/* memset and memcpy for the kernel (Linux's arch/arm/lib/memset.S and
 * memcpy.S, much simplified). Clearing and copying pages (boot's mem_map
 * and trace rings, fork, exec, copy-on-write, unpacking the initramfs) is
 * what they spend their time on, so once the pointers are word aligned
 * they move ten or eleven registers an STM (and LDM), eight a loop (Linux
 * unrolls too); the last bytes go by the bits of what is left (32, 16, 8,
 * 4, 2, 1: one conditional STM or store each, as Linux's tails), so a
 * short copy costs a few instructions more than its call. Pointers that
 * cannot both be aligned go byte by byte. r0 walks the destination and is
 * restored from the stack on return. */
	.syntax	unified
	.arm
	.text

/* void *memset(void *s, int c, size_t n) */
	.globl	memset
memset:
	and	r1, r1, #0xff
	orr	r1, r1, r1, lsl #8
	orr	r1, r1, r1, lsl #16
	push	{r0, r4 - r10, lr}
1:	tst	r0, #3				@ bytes up to a word boundary
	beq	2f
	cmp	r2, #0
	beq	9f
	strb	r1, [r0], #1
	sub	r2, r2, #1
	b	1b
2:	mov	r3, r1
	mov	r4, r1
	mov	r5, r1
	mov	r6, r1
	mov	r7, r1
	mov	r8, r1
	mov	r9, r1
	cmp	r2, #44
	blo	6f
	mov	r10, r1
	mov	ip, r1
	mov	lr, r1
	subs	r2, r2, #352
	blo	4f
3:	stmia	r0!, {r1, r3 - r10, ip, lr}	@ 8 x 44 bytes
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	subs	r2, r2, #352
	bhs	3b
4:	add	r2, r2, #352
5:	cmp	r2, #44
	blo	6f
	stmia	r0!, {r1, r3 - r10, ip, lr}
	sub	r2, r2, #44
	b	5b
6:	tst	r2, #32				@ the last 0..43 bytes by their bits
	stmiane	r0!, {r1, r3 - r9}
	tst	r2, #16
	stmiane	r0!, {r1, r3 - r5}
	tst	r2, #8
	stmiane	r0!, {r1, r3}
	tst	r2, #4
	strne	r1, [r0], #4
	tst	r2, #2
	strhne	r1, [r0], #2
	tst	r2, #1
	strbne	r1, [r0], #1
9:	pop	{r0, r4 - r10, pc}

/* void *memcpy(void *dst, const void *src, size_t n) */
	.globl	memcpy
memcpy:
	push	{r0, r4 - r10, lr}
	eor	r3, r0, r1
	tst	r3, #3
	bne	8f				@ never both aligned: bytes
1:	tst	r0, #3				@ bytes up to a word boundary
	beq	2f
	cmp	r2, #0
	beq	9f
	ldrb	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	1b
2:	subs	r2, r2, #320
	blo	4f
3:	ldmia	r1!, {r3 - r10, ip, lr}		@ 8 x 40 bytes
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	subs	r2, r2, #320
	bhs	3b
4:	add	r2, r2, #320
5:	cmp	r2, #40
	blo	6f
	ldmia	r1!, {r3 - r10, ip, lr}
	stmia	r0!, {r3 - r10, ip, lr}
	sub	r2, r2, #40
	b	5b
6:	tst	r2, #32				@ the last 0..39 bytes by their bits
	ldmiane	r1!, {r3 - r10}
	stmiane	r0!, {r3 - r10}
	tst	r2, #16
	ldmiane	r1!, {r3 - r6}
	stmiane	r0!, {r3 - r6}
	tst	r2, #8
	ldmiane	r1!, {r3, r4}
	stmiane	r0!, {r3, r4}
	tst	r2, #4
	ldrne	r3, [r1], #4
	strne	r3, [r0], #4
	tst	r2, #2
	ldrhne	r3, [r1], #2
	strhne	r3, [r0], #2
	tst	r2, #1
	ldrbne	r3, [r1], #1
	strbne	r3, [r0], #1
	pop	{r0, r4 - r10, pc}
8:	cmp	r2, #0				@ bytes
	beq	9f
	ldrb	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	b	8b
9:	pop	{r0, r4 - r10, pc}
