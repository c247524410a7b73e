/* BCM2835-family peripherals, as seen by the ARM at 0x3F000000 on the
 * BCM2836 (BCM2835 ARM Peripherals manual, with the base moved). Offsets
 * from PERIPH_PHYS / PERIPH_VIRT. */
#ifndef _MACH_BCM2835_H
#define _MACH_BCM2835_H

#define BCM2835_SYSTIMER 0x003000
#define BCM2835_IRQ_BASE 0x00b200
#define BCM2835_MBOX_BASE 0x00b880
#define BCM2835_PM_BASE 0x100000
#define BCM2835_GPIO_BASE 0x200000
#define BCM2835_UART0_BASE 0x201000

/* The PL011's interrupt: GPU interrupt 57, bank 2 bit 25. */
#define BCM2835_IRQ_UART0 57

#endif
