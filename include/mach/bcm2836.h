/* BCM2836 per-core local peripherals at 0x40000000: the ARM timers' and
 * mailboxes' interrupt routing for each of the four cores
 * (BCM2836 "QA7" document; Linux's drivers/irqchip/irq-bcm2836.h). */
#ifndef _MACH_BCM2836_H
#define _MACH_BCM2836_H

#define LOCAL_CONTROL 0x000
#define LOCAL_PRESCALER 0x008
#define LOCAL_GPU_ROUTING 0x00c
/* Per core N at +4*N: which generic-timer interrupts reach the core. */
#define LOCAL_TIMER_INT_CONTROL0 0x040
/* Per core N at +4*N: which of its four mailboxes interrupt the core. */
#define LOCAL_MAILBOX_INT_CONTROL0 0x050
/* Per core N at +4*N: the pending interrupt sources. */
#define LOCAL_IRQ_PENDING0 0x060
/* Mailbox M of core N: write-set at +0x80 + 0x10*N + 4*M,
 * read / write-1-to-clear at +0xc0 + 0x10*N + 4*M. */
#define LOCAL_MAILBOX0_SET0 0x080
#define LOCAL_MAILBOX3_SET0 0x08c
#define LOCAL_MAILBOX0_CLR0 0x0c0
#define LOCAL_MAILBOX3_CLR0 0x0cc

/* Bits of LOCAL_IRQ_PENDINGn and of the timer control registers. */
#define LOCAL_IRQ_CNTPSIRQ 0
#define LOCAL_IRQ_CNTPNSIRQ 1
#define LOCAL_IRQ_CNTHPIRQ 2
#define LOCAL_IRQ_CNTVIRQ 3
#define LOCAL_IRQ_MAILBOX0 4
#define LOCAL_IRQ_GPU_FAST 8
#define LOCAL_IRQ_PMU_FAST 9

#endif
