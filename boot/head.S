/* Kernel entry: from the boot loader to C with the MMU on (Linux's
 * arch/arm/kernel/head.S). Everything before __mmap_switched runs at the
 * physical load address with the MMU off, so it is position-independent:
 * PC-relative `adr`, literal-pool constants, and physical = virtual - PAGE_OFFSET.
 *
 * Three ways in, one image:
 *   QEMU -kernel kernel7.img: loaded at 0x10000, non-secure SVC, ATAGs (or a DTB)
 *     at r2; CPUs 1-3 wait in QEMU's own loop on their mailbox 3.
 *   QEMU -bios kernel7.img:   loaded at 0x8000, secure SVC, all four CPUs enter here.
 *   Pi firmware:              loaded at 0x8000, HYP mode, a DTB at r2; CPUs 1-3
 *     wait in the firmware's stub on their mailbox 3.
 */
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <asm/pgtable-hwdef.h>
#include <asm/thread_info.h>
#include <mach/bcm2836.h>

	.arch	armv7-a
	.arch_extension sec
	.arch_extension virt
	.syntax	unified
	.arm

	.section ".head.text", "ax"
	.globl	_start
_start:
	mov	r8, r0				@ keep what the boot loader gave us
	mov	r9, r1
	mov	r10, r2
	mrs	r11, cpsr			@ entry mode, reported later in the boot log
	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR
	ands	r0, r0, #3			@ Aff0 = CPU number
	bne	secondary_park			@ -bios: every CPU starts here
	bl	__hyp_drop
	cpsid	aif

	/* Move the image down to TEXT_OFFSET, where its addresses assume it
	 * is (QEMU loads a raw image at 0x10000). The copy overwrites the
	 * source from its start, where this code runs: so copy the first
	 * `gap` bytes, which hold this code, then finish from the new copy.
	 * An image loaded below TEXT_OFFSET cannot run: no loader does that. */
	adr	r4, _start			@ where we were loaded
	mov	ip, r4
	ldr	r5, =_start
	sub	r5, r5, #PAGE_OFFSET		@ where we are linked to live
	cmp	r4, r5
	beq	__relocated
1:	wfilo
	blo	1b
	ldr	r6, =_edata
	ldr	r7, =_start
	sub	r6, r6, r7			@ image size, a multiple of 4
	sub	r7, r4, r5			@ the gap, at least a page in practice
	cmp	r7, r6
	movhi	r7, r6
	mov	r1, r5
	mov	r2, r4
	mov	r3, r7
	sub	r6, r6, r7			@ what is left after the gap
	bl	__copy_words
	mov	r0, #0				@ the copy must not come from
	mcr	p15, 0, r0, c7, c5, 0		@ stale I-cache lines (ICIALLU)
	mcr	p15, 0, r0, c7, c5, 6		@ or predictions (BPIALL)
	dsb
	isb
	ldr	r0, =2f
	sub	r0, r0, #PAGE_OFFSET
	bx	r0				@ continue in the copy
2:	mov	r3, r6				@ r1, r2 have moved on by the gap
	bl	__copy_words
	/* The copied instructions must not come from a stale I-cache line. */
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	dsb
	isb
	b	__relocated

/* Copy r3 bytes (a multiple of 4) from r2 up to r1, ascending, 16 bytes
 * an LDM/STM (the four registers free here), four a loop, then 16 bytes
 * and words (as Linux's copy loops). Clobbers r0, r3 - r5, r7; keeps r6,
 * r8 - r12. */
__copy_words:
	subs	r3, r3, #64
	blo	2f
1:	ldmia	r2!, {r0, r4, r5, r7}
	stmia	r1!, {r0, r4, r5, r7}
	ldmia	r2!, {r0, r4, r5, r7}
	stmia	r1!, {r0, r4, r5, r7}
	ldmia	r2!, {r0, r4, r5, r7}
	stmia	r1!, {r0, r4, r5, r7}
	ldmia	r2!, {r0, r4, r5, r7}
	stmia	r1!, {r0, r4, r5, r7}
	subs	r3, r3, #64
	bhs	1b
2:	adds	r3, r3, #64 - 16
	blo	4f
3:	ldmia	r2!, {r0, r4, r5, r7}
	stmia	r1!, {r0, r4, r5, r7}
	subs	r3, r3, #16
	bhs	3b
4:	adds	r3, r3, #16
	bxeq	lr
5:	ldr	r0, [r2], #4
	str	r0, [r1], #4
	subs	r3, r3, #4
	bne	5b
	bx	lr

__relocated:
	/* Clear the BSS (physical addresses: the MMU is still off), 24 bytes
	 * an STM while that many are left, then words (it ends 8-byte aligned).
	 * r8 - r11 still hold what the boot loader gave us. */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_stop
	sub	r0, r0, #PAGE_OFFSET
	sub	r1, r1, #PAGE_OFFSET
	mov	r2, #0
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	sub	r1, r1, #24
1:	cmp	r0, r1
	stmials	r0!, {r2 - r7}
	bls	1b
	add	r1, r1, #24
2:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	2b

	bl	__create_page_tables
	bl	__v7_setup
	ldr	lr, =__mmap_switched		@ a virtual address: where to go once mapped
	b	__enable_mmu

/* The kernel's first virtual instructions: save the boot registers, take
 * the init task's stack and enter C. */
__mmap_switched:
	ldr	r0, =boot_regs
	stmia	r0, {r8 - r12}			@ r0, r1, r2, the CPSR and the load address
	ldr	sp, =init_thread_union + THREAD_START_SP
	mov	fp, #0
	b	start_kernel

/* Build swapper_pg_dir (for TTBR1) and idmap_pg_dir (for TTBR0) with 1 MiB
 * sections: the linear map of RAM at PAGE_OFFSET, the peripherals as Device
 * memory, and an identity map of the image so the instructions that turn the
 * MMU on keep running. Called with the MMU off. */
__create_page_tables:
	ldr	r4, =swapper_pg_dir
	sub	r4, r4, #PAGE_OFFSET
	ldr	r5, =PMD_SECT_KERNEL
	add	r6, r4, #(PAGE_OFFSET >> 20) << 2
	mov	r7, #0
1:	orr	r0, r5, r7, lsl #20
	str	r0, [r6], #4
	add	r7, r7, #1
	cmp	r7, #LOWMEM_MAX >> 20
	blo	1b

	ldr	r5, =PMD_SECT_DEVICE
	add	r6, r4, #(PERIPH_VIRT >> 20) << 2
	ldr	r7, =PERIPH_PHYS
	mov	r1, #PERIPH_SIZE >> 20
2:	orr	r0, r5, r7
	str	r0, [r6], #4
	add	r7, r7, #1 << 20
	subs	r1, r1, #1
	bne	2b
	ldr	r7, =LOCAL_PHYS
	orr	r0, r5, r7
	add	r6, r4, #(LOCAL_VIRT >> 20) << 2
	str	r0, [r6]

	ldr	r4, =idmap_pg_dir
	sub	r4, r4, #PAGE_OFFSET
	ldr	r5, =PMD_SECT_KERNEL
	ldr	r1, =_end
	sub	r1, r1, #PAGE_OFFSET
	mov	r1, r1, lsr #20			@ last MiB of the image
	mov	r7, #0
3:	orr	r0, r5, r7, lsl #20
	str	r0, [r4, r7, lsl #2]
	add	r7, r7, #1
	cmp	r7, r1
	bls	3b
	bx	lr

/* Drop from HYP to SVC if the firmware left us in HYP (ARM ARM B1.8.10:
 * ERET from HYP takes its mode from SPSR_hyp, which HYP mode writes as
 * plain SPSR; writing the banked spsr_hyp from HYP itself is UNPREDICTABLE).
 * Also let PL1 use the physical counter and timer, zero the virtual
 * offset, and turn off every trap to HYP, whose vectors we never set
 * (B1.14; Linux's arch/arm/kernel/hyp-stub.S does the same). */
__hyp_drop:
	mrs	r0, cpsr
	and	r1, r0, #MODE_MASK
	cmp	r1, #HYP_MODE
	bxne	lr
	mrc	p15, 4, r1, c14, c1, 0		@ CNTHCTL
	orr	r1, r1, #3			@ PL1PCEN | PL1PCTEN
	mcr	p15, 4, r1, c14, c1, 0
	mov	r1, #0
	mcrr	p15, 4, r1, r1, c14		@ CNTVOFF = 0
	mcr	p15, 4, r1, c1, c1, 0		@ HCR = 0: no traps to HYP
	mcr	p15, 4, r1, c1, c1, 2		@ HCPTR = 0: coprocessors untrapped
	mcr	p15, 4, r1, c1, c1, 3		@ HSTR = 0: CP15 untrapped
	mrc	p15, 4, r1, c1, c1, 1		@ HDCR: keep HPMN only,
	and	r1, r1, #0x1f			@ no debug or PMU traps
	mcr	p15, 4, r1, c1, c1, 1
	mrc	p15, 0, r1, c0, c0, 0		@ what PL1 reads as MIDR and
	mcr	p15, 4, r1, c0, c0, 0		@ MPIDR comes from VPIDR and
	mrc	p15, 0, r1, c0, c0, 5		@ VMPIDR in non-secure state:
	mcr	p15, 4, r1, c0, c0, 5		@ make them the real ones
	bic	r0, r0, #MODE_MASK
	orr	r0, r0, #SVC_MODE | PSR_I_BIT | PSR_F_BIT
	orr	r0, r0, #PSR_A_BIT
	msr	spsr_cxsf, r0
	msr	elr_hyp, lr
	eret

/* Per-CPU setup before the MMU goes on (Linux's __v7_setup, cut down for the
 * Cortex-A7): join the SMP coherency domain, and start from an L1 data cache
 * without stale lines. */
__v7_setup:
	mrc	p15, 0, r0, c1, c0, 1		@ ACTLR
	tst	r0, #1 << 6			@ SMP: this core's caches are coherent with
	orreq	r0, r0, #1 << 6			@ the others'. It must be set before the
	mcreq	p15, 0, r0, c1, c0, 1		@ caches are on (Cortex-A7 TRM 4.3.31).
	/* v7_invalidate_l1: invalidate every set and way of the L1 D-cache
	 * (ARM ARM B4.2.1, DCISW), nothing being dirty with the caches off. */
	mov	r0, #0
	mcr	p15, 2, r0, c0, c0, 0		@ CSSELR: L1 data cache
	isb
	mrc	p15, 1, r0, c0, c0, 0		@ CCSIDR
	movw	r1, #0x7fff
	and	r2, r1, r0, lsr #13		@ sets - 1
	movw	r1, #0x3ff
	and	r3, r1, r0, lsr #3		@ ways - 1
	add	r2, r2, #1			@ number of sets
	and	r0, r0, #0x7
	add	r0, r0, #4			@ log2(line size in bytes)
	clz	r1, r3				@ the way field sits at the top
	add	r4, r3, #1			@ number of ways
1:	subs	r2, r2, #1			@ next set
	mov	r3, r4
2:	subs	r3, r3, #1			@ next way
	mov	r5, r3, lsl r1
	mov	r6, r2, lsl r0
	orr	r5, r5, r6
	mcr	p15, 0, r5, c7, c6, 2		@ DCISW
	bgt	2b
	cmp	r2, #0
	bgt	1b
	dsb
	isb
	bx	lr

/* Turn the MMU and caches on and jump to lr, a virtual address. The TLBs,
 * I-cache and branch predictor are invalidated first: they may hold entries
 * from the firmware (ARM ARM B3.10.1 requires it before enabling the MMU). */
__enable_mmu:
	mov	r0, #0
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	mcr	p15, 0, r0, c13, c0, 1		@ CONTEXTIDR: ASID 0
	mov	r0, #1
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR.N = 1: TTBR0 below 2 GiB, TTBR1 above
	ldr	r0, =idmap_pg_dir
	sub	r0, r0, #PAGE_OFFSET
	orr	r0, r0, #TTB_FLAGS
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	ldr	r0, =swapper_pg_dir
	sub	r0, r0, #PAGE_OFFSET
	orr	r0, r0, #TTB_FLAGS
	mcr	p15, 0, r0, c2, c0, 1		@ TTBR1
	mov	r0, #1
	mcr	p15, 0, r0, c3, c0, 0		@ DACR: domain 0 checks permissions
	dsb
	isb
	mrc	p15, 0, r0, c1, c0, 0		@ SCTLR
	bic	r0, r0, #(1 << 1)		@ no alignment faults
	bic	r0, r0, #(1 << 13)		@ vectors at VBAR
	bic	r0, r0, #(1 << 28) | (1 << 29)	@ no TEX remap, no access flag
	orr	r0, r0, #(1 << 0) | (1 << 2)	@ MMU, D-cache
	orr	r0, r0, #(1 << 11) | (1 << 12)	@ branch prediction, I-cache
	mcr	p15, 0, r0, c1, c0, 0
	isb
	bx	lr

/* CPUs 1-3 when they enter at _start (QEMU -bios or ELF): sleep until CPU 0
 * writes an address into our mailbox 3, as the Pi firmware's stub does. WFI
 * with the mailbox interrupt enabled but masked in the CPSR wakes without
 * taking the exception (WFE would spin in QEMU and starve the other cores). */
secondary_park:
	cpsid	aif
	ldr	r1, =LOCAL_PHYS + LOCAL_MAILBOX_INT_CONTROL0
	mov	r2, #1 << 3
	str	r2, [r1, r0, lsl #2]
	ldr	r1, =LOCAL_PHYS + LOCAL_MAILBOX3_CLR0
	add	r1, r1, r0, lsl #4
1:	wfi
	ldr	r2, [r1]
	cmp	r2, #0
	beq	1b
	str	r2, [r1]			@ write the bits back to clear them
	bx	r2

/* Where CPU 0 starts CPUs 1-3 (physical address, MMU off, HYP or SVC). */
	.globl	secondary_startup
secondary_startup:
	bl	__hyp_drop
	cpsid	aif
	bl	__v7_setup
	ldr	lr, =__secondary_switched
	b	__enable_mmu

__secondary_switched:
	ldr	r0, =secondary_data
	ldr	sp, [r0]			@ the idle task's stack, set by __cpu_up()
	mov	fp, #0
	b	secondary_start_kernel

	.ltorg

	.data
	.align	2
	.globl	boot_regs
boot_regs:
	.space	5 * 4

/* Page tables: the kernel's (TTBR1, 16 KiB-aligned) and the identity map
 * used only while turning the MMU on (TTBR0 with TTBCR.N = 1, 8 KiB). */
	.section ".bss..page_aligned", "aw", %nobits
	.align	14
	.globl	swapper_pg_dir
swapper_pg_dir:
	.space	16384
	.globl	idmap_pg_dir
idmap_pg_dir:
	.space	8192
