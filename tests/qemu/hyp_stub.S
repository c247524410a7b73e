/* A test-only stand-in for the Raspberry Pi firmware's ARM stub (the
 * armstub7 the GPU leaves at 0x0 to run before the kernel), so that QEMU
 * enters kernel7.img the way a real Pi 2 does. QEMU's generic loader puts
 * it at 0x1000 (below the kernel, like the real one) and starts all four
 * CPUs on it, in Secure SVC with the MMU off; -bios loads the kernel at
 * 0x8000, and the loader puts the boot information (a device tree, or
 * ATAGs at 0x100 as the firmware writes them when it has no device tree)
 * at BOOT_INFO_ADDR, which sdcard.mk defines: one stub build for each.
 *
 * Every CPU: set ACTLR.SMP while still Secure, let the Non-secure side use
 * every coprocessor and ACTLR.SMP (NSACR), then `smc` into Monitor mode,
 * whose handler sets SCR.NS and returns into Non-secure HYP mode.
 * CPU 0 then enters the kernel at 0x8000 with r0 = 0, r1 = 0xc42 (the
 * BCM2708 machine type) and r2 = BOOT_INFO_ADDR. CPUs 1-3 wait in WFE
 * until their BCM2836 mailbox 3 holds an address, clear it, and jump there
 * with the same registers: the firmware's protocol, which the kernel's
 * __cpu_up() (kernel/arm/smp.c) drives with a mailbox write and SEV.
 * CNTFRQ is left alone: QEMU's counter runs at the 62.5 MHz it reports
 * (the real stub writes 19.2 MHz, the Pi 2's crystal). */
#include <mach/bcm2836.h>

	.arch	armv7-a
	.arch_extension sec
	.arch_extension virt
	.syntax	unified
	.arm

#define KERNEL_ADDR	0x8000
#define MACH_TYPE_BCM2708	0xc42
#define SCR_NS_FW_AW_HCE	0x131	/* Non-secure; F and A writable from NS; HVC on */
#define NSACR_ALL	0x63fff		/* CP0-13, NS_L2ERR, NS_SMP: as the real stub */
#define SPSR_HYP_AIF	0x1da		/* HYP mode, A, I and F masked */
#define ACTLR_SMP	(1 << 6)

	.section .text
	.globl	_start
/* Also the Monitor vector table (MVBAR = 0): `smc` enters at +0x08. */
_start:
	b	reset			@ +0x00 reset; unused as a Monitor vector
	b	.			@ +0x04
	b	monitor_smc		@ +0x08 Secure Monitor Call
	b	.			@ +0x0c
	b	.			@ +0x10
	b	.			@ +0x14
	b	.			@ +0x18
	b	.			@ +0x1c

/* Monitor mode, from the `smc` below: become Non-secure, return in HYP. */
monitor_smc:
	movw	r0, #SCR_NS_FW_AW_HCE
	mcr	p15, 0, r0, c1, c1, 0		@ SCR
	isb
	movw	r0, #SPSR_HYP_AIF
	msr	spsr_cxsf, r0
	movs	pc, lr				@ to the instruction after `smc`

reset:
	mrc	p15, 0, r0, c1, c0, 1		@ ACTLR
	orr	r0, r0, #ACTLR_SMP
	mcr	p15, 0, r0, c1, c0, 1
	ldr	r0, =NSACR_ALL
	mcr	p15, 0, r0, c1, c1, 2		@ NSACR
	adr	r0, _start
	mcr	p15, 0, r0, c12, c0, 1		@ MVBAR
	isb
	smc	#0
	/* Non-secure HYP from here on. */
	mov	r0, #0
	movw	r1, #MACH_TYPE_BCM2708
	ldr	r2, =BOOT_INFO_ADDR
	mrc	p15, 0, r4, c0, c0, 5		@ MPIDR
	ands	r4, r4, #3
	ldreq	r3, =KERNEL_ADDR
	bxeq	r3
	ldr	r5, =0x40000000 + LOCAL_MAILBOX3_CLR0
	add	r5, r5, r4, lsl #4
1:	wfe
	ldr	r3, [r5]
	cmp	r3, #0
	beq	1b
	str	r3, [r5]			@ write the bits back to clear them
	bx	r3

	.ltorg
