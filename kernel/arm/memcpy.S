/* memset and memcpy for the kernel (Linux's arch/arm/lib/memset.S and
 * memcpy.S with copy_template.S, simplified). Two kinds of caller matter:
 * page-sized clears and copies (boot's mem_map, fork, exec, copy-on-write,
 * unpacking the initramfs) and small structures (a siginfo's 128 bytes, a
 * signal frame's pieces). So the length is looked at first, as Linux's
 * do: from 320 (memcpy) or 352 (memset) bytes on, ten or eleven registers
 * an LDM/STM, eight a loop; below that 64 bytes a loop (two LDM/STM pairs
 * of eight registers, four STMs of four), with no set-up beyond the
 * registers it uses; the last 0..63 bytes go by the bits of what is left
 * (32, then 16, 8, 4 only if something is left below 32, then 2 and 1
 * only if the length is not a multiple of 4), one conditional LDM/STM or
 * store each, as Linux's tails. Pointers that cannot both be word aligned
 * go byte by byte (Linux shifts words into place for that case, which the
 * kernel's own copies seldom meet). r0 walks the destination and is
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
	tst	r0, #3
	bne	.Lset_head
.Lset_aligned:
	mov	r3, r1
	mov	r4, r1
	mov	r5, r1
	cmp	r2, #352
	bhs	.Lset_bulk
	subs	r2, r2, #64			@ r2 = what is left - 64
	blo	.Lset_tail
1:	stmia	r0!, {r1, r3 - r5}		@ 4 x 16 bytes
	stmia	r0!, {r1, r3 - r5}
	stmia	r0!, {r1, r3 - r5}
	stmia	r0!, {r1, r3 - r5}
	subs	r2, r2, #64
	bhs	1b
	adds	r2, r2, #64			@ none left: done
	popeq	{r0, r4 - r10, pc}
.Lset_tail:					@ the low 6 bits of r2: 0..63 left
	movs	ip, r2, lsl #27			@ C: 32, N: 16, Z: none below 32
	stmiacs	r0!, {r1, r3 - r5}
	stmiacs	r0!, {r1, r3 - r5}
	popeq	{r0, r4 - r10, pc}
	stmiami	r0!, {r1, r3 - r5}
	movs	ip, r2, lsl #29			@ C: 8, N: 4
	stmiacs	r0!, {r1, r3}
	strmi	r1, [r0], #4
	movs	ip, r2, lsl #31			@ C: 2, N: 1
	strhcs	r1, [r0], #2
	strbmi	r1, [r0], #1
	pop	{r0, r4 - r10, pc}
.Lset_bulk:
	mov	r6, r1
	mov	r7, r1
	mov	r8, r1
	mov	r9, r1
	mov	r10, r1
	mov	ip, r1
	mov	lr, r1
	sub	r2, r2, #352			@ r2 = what is left - 352
2:	stmia	r0!, {r1, r3 - r10, ip, lr}	@ 8 x 44 bytes
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	stmia	r0!, {r1, r3 - r10, ip, lr}
	subs	r2, r2, #352
	bhs	2b
	adds	r2, r2, #352 - 64		@ back to what is left - 64
	bhs	1b
	b	.Lset_tail
.Lset_head:					@ bytes up to a word boundary
	cmp	r2, #0
	popeq	{r0, r4 - r10, pc}
	strb	r1, [r0], #1
	sub	r2, r2, #1
	tst	r0, #3
	bne	.Lset_head
	b	.Lset_aligned

/* void *memcpy(void *dst, const void *src, size_t n) */
	.globl	memcpy
memcpy:
	push	{r0, r4 - r10, lr}
	orr	r3, r0, r1
	tst	r3, #3
	bne	.Lcpy_misaligned
.Lcpy_aligned:
	cmp	r2, #320
	bhs	.Lcpy_bulk
	subs	r2, r2, #64			@ r2 = what is left - 64
	blo	.Lcpy_tail
1:	ldmia	r1!, {r3 - r10}			@ 2 x 32 bytes
	stmia	r0!, {r3 - r10}
	ldmia	r1!, {r3 - r10}
	stmia	r0!, {r3 - r10}
	subs	r2, r2, #64
	bhs	1b
	adds	r2, r2, #64			@ none left: done
	popeq	{r0, r4 - r10, pc}
.Lcpy_tail:					@ the low 6 bits of r2: 0..63 left
	movs	ip, r2, lsl #27			@ C: 32, N: 16, Z: none below 32
	ldmiacs	r1!, {r3 - r10}
	stmiacs	r0!, {r3 - r10}
	popeq	{r0, r4 - r10, pc}
	ldmiami	r1!, {r3 - r6}
	stmiami	r0!, {r3 - r6}
	movs	ip, r2, lsl #29			@ C: 8, N: 4
	ldmiacs	r1!, {r3, r4}
	stmiacs	r0!, {r3, r4}
	ldrmi	r3, [r1], #4
	strmi	r3, [r0], #4
	ands	r2, r2, #3
	popeq	{r0, r4 - r10, pc}
	movs	r2, r2, lsl #31			@ C: 2, N: 1
	ldrhcs	r3, [r1], #2
	strhcs	r3, [r0], #2
	ldrbmi	r3, [r1], #1
	strbmi	r3, [r0], #1
	pop	{r0, r4 - r10, pc}
.Lcpy_bulk:
	sub	r2, r2, #320			@ r2 = what is left - 320
2:	ldmia	r1!, {r3 - r10, ip, lr}		@ 8 x 40 bytes
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
	bhs	2b
	adds	r2, r2, #320 - 64		@ back to what is left - 64
	bhs	1b
	b	.Lcpy_tail
.Lcpy_misaligned:
	eor	r3, r0, r1
	tst	r3, #3
	bne	.Lcpy_bytes			@ never both aligned: bytes
3:	cmp	r2, #0				@ bytes up to a word boundary
	popeq	{r0, r4 - r10, pc}
	ldrb	r3, [r1], #1
	strb	r3, [r0], #1
	sub	r2, r2, #1
	tst	r0, #3
	bne	3b
	b	.Lcpy_aligned
.Lcpy_bytes:
	subs	r2, r2, #1
	ldrbhs	r3, [r1], #1
	strbhs	r3, [r0], #1
	bhi	.Lcpy_bytes
	pop	{r0, r4 - r10, pc}
