/* The body of copy_from_user and copy_to_user (Linux's
 * arch/arm/lib/copy_template.S, simplified): the file that includes it
 * defines, for each direction, which accesses touch user memory and so
 * carry an exception-table entry:
 *	ldr1w ptr reg abort	load a word, ptr += 4
 *	ldr8w ptr r1..r8 abort	load 8 words (ldmia), ptr += 32
 *	ldr1b ptr reg abort	load a byte, ptr += 1
 *	str1w, str8w, str1b	the same for stores
 * In:  r0 = destination, r1 = source, r2 = bytes.
 * Out: r0 = bytes not copied (0). On a fault, the copy stops; everything
 * below the destination pointer has been copied, so what is not copied is
 * (end of the destination) - r0, computed from ip, kept for that.
 *
 * When source and destination are word aligned alike, bytes are copied up
 * to the first word boundary, then 32-byte blocks with LDM/STM of eight
 * registers, two a loop (Linux's does one, with prefetches), then words
 * and bytes. Otherwise bytes all the way: Linux
 * shifts words into place for that case, which bulk copies seldom meet. */

	add	ip, r0, r2			@ the destination's end, for the fixup
	eor	r3, r0, r1
	tst	r3, #3
	bne	.Lbytes
.Lhead:	tst	r0, #3				@ bytes up to a word boundary
	beq	.Lwords
	cmp	r0, ip
	beq	.Ldone
	ldr1b	r1, r3, .Lfault
	str1b	r0, r3, .Lfault
	b	.Lhead

.Lwords:
	sub	r2, ip, r0
	subs	r2, r2, #32
	blo	.Lless32
	push	{r4 - r10}
	subs	r2, r2, #32			@ two blocks a loop while 64 bytes are left
	blo	.Lblock
.Lblocks:
	ldr8w	r1, r3, r4, r5, r6, r7, r8, r9, r10, .Lfault_pop
	str8w	r0, r3, r4, r5, r6, r7, r8, r9, r10, .Lfault_pop
	ldr8w	r1, r3, r4, r5, r6, r7, r8, r9, r10, .Lfault_pop
	str8w	r0, r3, r4, r5, r6, r7, r8, r9, r10, .Lfault_pop
	subs	r2, r2, #64
	bhs	.Lblocks
.Lblock:
	adds	r2, r2, #32			@ and one more if 32 are
	blo	.Lblocks_done
	ldr8w	r1, r3, r4, r5, r6, r7, r8, r9, r10, .Lfault_pop
	str8w	r0, r3, r4, r5, r6, r7, r8, r9, r10, .Lfault_pop
	sub	r2, r2, #32
.Lblocks_done:
	pop	{r4 - r10}
.Lless32:
	adds	r2, r2, #32 - 4			@ words while 4 bytes are left
	blo	.Lbytes
.Lword:	ldr1w	r1, r3, .Lfault
	str1w	r0, r3, .Lfault
	subs	r2, r2, #4
	bhs	.Lword

.Lbytes:
	cmp	r0, ip
	beq	.Ldone
	ldr1b	r1, r3, .Lfault
	str1b	r0, r3, .Lfault
	b	.Lbytes

.Ldone:	mov	r0, #0
	bx	lr

.Lfault_pop:
	pop	{r4 - r10}
.Lfault:
	sub	r0, ip, r0			@ bytes not copied
	bx	lr
