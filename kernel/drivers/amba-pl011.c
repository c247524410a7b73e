/* PL011 UART driver, console output and interrupt-driven input (Linux's
 * drivers/tty/serial/amba-pl011.c, the few registers a console needs).
 * On a real Pi the pins must be switched to the UART (GPIO 14/15 ALT0) and
 * the baud divisor computed from the UART clock; QEMU ignores both. */
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/serial_pl011.h>
#include <linux/time.h>
#include <asm/io.h>
#include <mach/bcm2835.h>

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_IBRD 0x24
#define UART_FBRD 0x28
#define UART_LCRH 0x2c
#define UART_CR 0x30
#define UART_IFLS 0x34
#define UART_IMSC 0x38
#define UART_MIS 0x40
#define UART_ICR 0x44

#define FR_TXFF (1 << 5)
#define FR_RXFE (1 << 4)
#define FR_BUSY (1 << 3)
#define LCRH_WLEN8 (3 << 5)
#define LCRH_FEN (1 << 4)
#define CR_RXE (1 << 9)
#define CR_TXE (1 << 8)
#define CR_UARTEN (1 << 0)
#define INT_RT (1 << 6) /* receive timeout: bytes waiting below the FIFO level */
#define INT_RX (1 << 4)

#define GPFSEL1 0x04
#define GPPUD 0x94
#define GPPUDCLK0 0x98

#define BAUD 115200

static void *const uart = PERIPH(BCM2835_UART0_BASE);
static void *const gpio = PERIPH(BCM2835_GPIO_BASE);
static void (*rx_handler)(char c);

bool handle_sysrq_char(char c);

/* The BCM2835 manual's pull-up/down sequence: set the control, wait 150
 * cycles, clock it into the pins, wait, then remove both. The writes must
 * have reached the GPIO block before the wait starts (DSB), and 1 us is
 * more than 150 cycles of its clock (Linux's pinctrl-bcm2835 does the same). */
static void gpio_disable_pulls(u32 pins)
{
	writel(0, gpio + GPPUD);
	dsb();
	udelay(1);
	writel(pins, gpio + GPPUDCLK0);
	dsb();
	udelay(1);
	writel(0, gpio + GPPUD);
	writel(0, gpio + GPPUDCLK0);
}

void pl011_init(u32 uartclk)
{
	u32 sel, div64;

	writel(0, uart + UART_CR);
	while (readl(uart + UART_FR) & FR_BUSY)
		;
	/* GPIO 14 and 15: function select ALT0 (0b100) in GPFSEL1 bits 12-17. */
	sel = readl(gpio + GPFSEL1);
	sel &= ~((7 << 12) | (7 << 15));
	sel |= (4 << 12) | (4 << 15);
	writel(sel, gpio + GPFSEL1);
	gpio_disable_pulls((1 << 14) | (1 << 15));

	/* Divisor = uartclk / (16 * baud) as 16.6 fixed point, rounded. */
	div64 = (uartclk * 4 + BAUD / 2) / BAUD;
	writel(0x7ff, uart + UART_ICR);
	writel(div64 >> 6, uart + UART_IBRD);
	writel(div64 & 0x3f, uart + UART_FBRD);
	writel(LCRH_WLEN8 | LCRH_FEN, uart + UART_LCRH);
	writel(0, uart + UART_IFLS); /* interrupt at 1/8 full, or on timeout */
	writel(CR_UARTEN | CR_TXE | CR_RXE, uart + UART_CR);
}

void pl011_putc(char c)
{
	while (readl_relaxed(uart + UART_FR) & FR_TXFF)
		;
	writel_relaxed(c, uart + UART_DR);
}

void pl011_write(const char *s, size_t n)
{
	while (n--) {
		if (*s == '\n')
			pl011_putc('\r');
		pl011_putc(*s++);
	}
}

int pl011_getc_poll(void)
{
	if (readl_relaxed(uart + UART_FR) & FR_RXFE)
		return -1;
	return readl_relaxed(uart + UART_DR) & 0xff;
}

static irqreturn_t pl011_int(int irq, void *dev)
{
	int c;

	writel(INT_RX | INT_RT, uart + UART_ICR);
	while ((c = pl011_getc_poll()) >= 0)
		if (!handle_sysrq_char((char)c) && rx_handler)
			rx_handler((char)c);
	return IRQ_HANDLED;
}

void pl011_enable_rx_irq(void (*rx)(char c))
{
	rx_handler = rx;
	request_irq(BCM2835_IRQ_UART0 + IRQ_GPU_BASE, pl011_int, "uart-pl011", NULL);
	writel(INT_RX | INT_RT, uart + UART_IMSC);
}
