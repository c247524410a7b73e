/* The ttyAMA driver: the console tty's output goes to the PL011, and each
 * character its receive interrupt delivers goes into the flip buffer
 * (Linux's drivers/tty/serial/serial_core.c uart_write and
 * uart_insert_char, for the one UART; the UART itself is
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

static const struct tty_operations pl011_tty_ops = {
	.write = pl011_tty_write,
};

struct tty_driver pl011_tty_driver = {
	.name = "ttyAMA",
	.major = SERIAL_AMBA_MAJOR,
	.minor_start = SERIAL_AMBA_MINOR,
	.ops = &pl011_tty_ops,
};

/* CONTEXT: the UART's receive interrupt. */
static void pl011_rx_char(char c)
{
	tty_insert_flip_char(&pl011_tty_port, (unsigned char)c);
	tty_flip_buffer_push(&pl011_tty_port);
}

void pl011_tty_init(void)
{
	pl011_enable_rx_irq(pl011_rx_char);
}
