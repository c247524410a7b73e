/* The ttyAMA driver: the console tty's output goes to the PL011, its input
 * comes into the port's flip buffer from the UART's receive interrupt, and
 * throttling the tty masks that interrupt (Linux's
 * drivers/tty/serial/serial_core.c uart_write, uart_throttle and
 * uart_unthrottle, for the one UART; the UART itself is
 * kernel/drivers/amba-pl011.c). */
#include <linux/serial_pl011.h>
#include <linux/tty.h>

struct tty_port pl011_tty_port;

/* Output as given: n_tty has already turned "\n" into "\r\n" if OPOST
 * and ONLCR say so. */
static int pl011_tty_write(struct tty_struct *tty, const unsigned char *buf, int count)
{
	int i;

	for (i = 0; i < count; i++)
		pl011_putc(buf[i]);
	return count;
}

/*
 * Linux 4.19's uart_throttle calls the port's throttle only for software
 * or hardware flow control (IXOFF, CRTSCTS) and the PL011 driver has none;
 * here the receive interrupt is always masked, as 8250_omap's throttle
 * does, so that no byte is dropped while the reader catches up.
 */
static void uart_throttle(struct tty_struct *tty)
{
	pl011_throttle_rx();
}

static void uart_unthrottle(struct tty_struct *tty)
{
	pl011_unthrottle_rx();
}

static const struct tty_operations pl011_tty_ops = {
	.write = pl011_tty_write,
	.throttle = uart_throttle,
	.unthrottle = uart_unthrottle,
};

struct tty_driver pl011_tty_driver = {
	.name = "ttyAMA",
	.major = SERIAL_AMBA_MAJOR,
	.minor_start = SERIAL_AMBA_MINOR,
	.ops = &pl011_tty_ops,
};

void pl011_tty_init(void)
{
	pl011_enable_rx_irq(&pl011_tty_port);
}
