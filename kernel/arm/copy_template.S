/* The body of copy_from_user and copy_to_user (Linux's
 * arch/arm/lib/copy_template.S, simplified): the file that includes it
 * defines, for each direction, which accesses touch user memory and so
 * carry an exception-table entry. Each macro takes the abort label, then
 * the instruction (conditional or not):
 *	ldrusr abort, insn	a load (ldm, ldr, ldrh, ldrb) from the source
 *	strusr abort, insn	a store to the destination
 * In:  r0 = destination, r1 = source, r2 = bytes.
 * Out: r0 = bytes not copied (0). On a fault, the copy stops; everything
 * below the destination pointer has been copied, so what is not copied is
 * (end of the destination) - r0, computed from ip, kept for that.
 *
 Less than a word goes byte by byte at once (as Linux's). When source and
 * destination are word aligned alike, bytes are copied up to the first
 * word boundary, then 64 bytes a loop with two LDM/STM of eight registers
 * (Linux's does 32 with prefetches), then the last 0..63 bytes by the bits
 * of what is left (32, then 16, 8, 4 only if something is left below 32,
 * then 2 and 1 only if the length is not a multiple of 4), one conditional
 * LDM/STM or load and store each, as Linux's tail: a short copy pays no
 * loop set-up. Otherwise bytes all the
 * way: Linux shifts words into place for that
 * case, which the kernel's copies of user structures seldom meet. */

	add	ip, r0, r2			@ the destination's end, for the fixup
	cmp	r2, #4				@ less than a word: bytes
	blo	.Lbytes
	orr	r3, r0, r1
	tst	r3, #3
	bne	.Lmisaligned
.Laligned:
	push	{r4 - r10}
	subs	r2, r2, #64			@ r2 = what is left - 64
	blo	.Ltail
.Lblocks:
	ldrusr	.Lfault_pop, ldmia r1!, {r3 - r10}
	strusr	.Lfault_pop, stmia r0!, {r3 - r10}
	ldrusr	.Lfault_pop, ldmia r1!, {r3 - r10}
	strusr	.Lfault_pop, stmia r0!, {r3 - r10}
	subs	r2, r2, #64
	bhs	.Lblocks
	adds	r2, r2, #64			@ none left: done
	beq	.Ldone_pop
.Ltail:						@ the low 6 bits of r2: 0..63 left
	movs	r3, r2, lsl #27			@ C: 32, N: 16, Z: none below 32
	ldrusr	.Lfault_pop, ldmiacs r1!, {r3 - r10}
	strusr	.Lfault_pop, stmiacs r0!, {r3 - r10}
	beq	.Ldone_pop
	ldrusr	.Lfault_pop, ldmiami r1!, {r3 - r6}
	strusr	.Lfault_pop, stmiami r0!, {r3 - r6}
	movs	r3, r2, lsl #29			@ C: 8, N: 4
	ldrusr	.Lfault_pop, ldmiacs r1!, {r3, r4}
	strusr	.Lfault_pop, stmiacs r0!, {r3, r4}
	ldrusr	.Lfault_pop, ldrmi r3, [r1], #4
	strusr	.Lfault_pop, strmi r3, [r0], #4
	pop	{r4 - r10}
	ands	r2, r2, #3
	beq	.Ldone
	movs	r2, r2, lsl #31			@ C: 2, N: 1
	ldrusr	.Lfault, ldrhcs r3, [r1], #2
	strusr	.Lfault, strhcs r3, [r0], #2
	ldrusr	.Lfault, ldrbmi r3, [r1], #1
	strusr	.Lfault, strbmi r3, [r0], #1
.Ldone:	mov	r0, #0
	bx	lr
.Ldone_pop:
	pop	{r4 - r10}
	mov	r0, #0
	bx	lr

.Lmisaligned:
	eor	r3, r0, r1
	tst	r3, #3
	bne	.Lbytes
.Lhead:	cmp	r0, ip				@ bytes up to a word boundary
	beq	.Ldone
	ldrusr	.Lfault, ldrb r3, [r1], #1
	strusr	.Lfault, strb r3, [r0], #1
	tst	r0, #3
	bne	.Lhead
	sub	r2, ip, r0
	b	.Laligned

.Lbytes:
	cmp	r0, ip
	beq	.Ldone
	ldrusr	.Lfault, ldrb r3, [r1], #1
	strusr	.Lfault, strb r3, [r0], #1
	b	.Lbytes

.Lfault_pop:
	pop	{r4 - r10}
.Lfault:
	sub	r0, ip, r0			@ bytes not copied
	bx	lr
