/* The console UART: an ARM PL011 (Linux's drivers/tty/serial/amba-pl011.c). */
#ifndef _LINUX_SERIAL_PL011_H
#define _LINUX_SERIAL_PL011_H

#include <linux/types.h>

/* Route GPIO 14/15 to the UART and program 115200 8N1 from uartclk (Hz),
 * keeping any byte already received for pl011_enable_rx_irq(). */
void pl011_init(u32 uartclk);
void pl011_putc(char c);
void pl011_write(const char *s, size_t n);
struct tty_port;

/* Enable the receive interrupt; received bytes go into @port's flip buffer,
 * from IRQ context (the bytes pl011_init() kept come first). */
void pl011_enable_rx_irq(struct tty_port *port);
/* Mask and unmask the receive interrupt: the tty's throttle and unthrottle. */
void pl011_throttle_rx(void);
void pl011_unthrottle_rx(void);
/* Poll for one received byte: -1 if none (for the console before interrupts work). */
int pl011_getc_poll(void);

#endif
