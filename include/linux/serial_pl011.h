/* The console UART: an ARM PL011 (Linux's drivers/tty/serial/amba-pl011.c). */
#ifndef _LINUX_SERIAL_PL011_H
#define _LINUX_SERIAL_PL011_H

#include <linux/types.h>

/* Route GPIO 14/15 to the UART and program 115200 8N1 from uartclk (Hz). */
void pl011_init(u32 uartclk);
void pl011_putc(char c);
void pl011_write(const char *s, size_t n);
/* Enable the receive interrupt; each byte received goes to rx(c) from IRQ context. */
void pl011_enable_rx_irq(void (*rx)(char c));
/* Poll for one received byte: -1 if none (for the console before interrupts work). */
int pl011_getc_poll(void);

#endif
