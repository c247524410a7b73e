/* PL011 UART driver, console output and interrupt-driven input (Linux's
 * drivers/tty/serial/amba-pl011.c, the few registers a console needs).
 * On a real Pi the pins must be switched to the UART (GPIO 14/15 ALT0) and
 * the baud divisor computed from the UART clock; QEMU ignores both.
 * Input is never dropped here: bytes waiting when the UART is set up stay
 * in its FIFO for the tty (see pl011_lcrh), and while the tty is throttled the receive interrupt
 * is masked, so further bytes wait in the FIFO (and, in QEMU, on the host). */
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/serial_pl011.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/tty.h>
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
#define UART_RIS 0x3c
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
/* At most this many bytes taken from the FIFO per interrupt (Linux's
 * pl011_fifo_to_tty reads up to 256). */
#define RX_BATCH 256

static void *const uart = PERIPH(BCM2835_UART0_BASE);
static void *const gpio = PERIPH(BCM2835_GPIO_BASE);
/* Linux's uart_port.lock: the interrupt mask and the hand-over of
 * received bytes to the tty; irqsave. */
static DEFINE_SPINLOCK(port_lock);
static u32 im; /* the interrupts enabled in IMSC (Linux's uap->im) */
static struct tty_port *rx_port; /* where received bytes go (Linux's uap->port.state->port) */

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

/*
 * The line control value to write: 8N1, with the FIFOs enabled unless a
 * received byte already waits. A write that changes FEN empties the FIFO
 * (QEMU's, from reset with FEN off, holds the first byte typed ahead while
 * the host keeps the rest; a real PL011 flushes too), so then FEN is left
 * as the firmware or QEMU set it: with it off, QEMU holds each further byte
 * on the host until this one is read, and none is lost. Reading the byte
 * out first is no cure: the next one can land before the write.
 */
static u32 pl011_lcrh(void)
{
	u32 fen = LCRH_FEN;

	if (!(readl_relaxed(uart + UART_FR) & FR_RXFE))
		fen = readl_relaxed(uart + UART_LCRH) & LCRH_FEN;
	return LCRH_WLEN8 | fen;
}

/**
 * pl011_init - route the pins to the UART and program 115200 8N1, FIFOs on
 * unless a byte already waits (pl011_lcrh)
 * @uartclk: the UART's reference clock in Hz
 *
 * Bytes already received stay in the FIFO for pl011_enable_rx_irq().
 * CONTEXT: boot, CPU 0, before interrupts.
 */
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
	writel(pl011_lcrh(), uart + UART_LCRH);
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

/* One received byte into the flip buffer, unless it is a SysRq key (Linux's
 * uart_handle_sysrq_char, then uart_insert_char). CONTEXT: port_lock held. */
static void pl011_insert_char(unsigned char c)
{
	if (!handle_sysrq_char((char)c))
		tty_insert_flip_char(rx_port, c);
}

/* Empty the receive FIFO into the flip buffer, RX_BATCH bytes at most
 * (Linux's pl011_fifo_to_tty). Reading empties the FIFO, which is what
 * clears the receive interrupts. CONTEXT: port_lock held. */
static void pl011_fifo_to_tty(void)
{
	int c, n = 0;

	while (n++ < RX_BATCH && (c = pl011_getc_poll()) >= 0)
		pl011_insert_char(c);
}

/* What the receive interrupt does: the bytes into the flip buffer, then
 * flush_to_ldisc queued for the kworker (Linux's pl011_rx_chars). Out of
 * line, as in Linux, so that stack traces show the step.
 * CONTEXT: IRQ, port_lock held. */
static noinline void pl011_rx_chars(void)
{
	pl011_fifo_to_tty();
	tty_flip_buffer_push(rx_port);
}

static irqreturn_t pl011_int(int irq, void *dev)
{
	unsigned long flags;
	u32 status;

	spin_lock_irqsave(&port_lock, flags);
	status = readl_relaxed(uart + UART_RIS) & im;
	if (status & (INT_RX | INT_RT))
		pl011_rx_chars();
	spin_unlock_irqrestore(&port_lock, flags);
	return status ? IRQ_HANDLED : IRQ_NONE;
}

/**
 * pl011_enable_rx_irq - start interrupt-driven input into @port's flip buffer
 *
 * What waits in the FIFO since before the UART was set up goes first, from
 * process context (its receive interrupt may have been cleared by then).
 */
void pl011_enable_rx_irq(struct tty_port *port)
{
	unsigned long flags;

	spin_lock_irqsave(&port_lock, flags);
	rx_port = port;
	pl011_fifo_to_tty();
	tty_flip_buffer_push(port);
	spin_unlock_irqrestore(&port_lock, flags);
	request_irq(BCM2835_IRQ_UART0 + IRQ_GPU_BASE, pl011_int, "uart-pl011", NULL);
	spin_lock_irqsave(&port_lock, flags);
	im = INT_RX | INT_RT;
	writel(im, uart + UART_IMSC);
	spin_unlock_irqrestore(&port_lock, flags);
}

/*
 * The tty is throttled: mask the receive interrupts, so that bytes stay
 * in the FIFO until pl011_unthrottle_rx() (Linux's uart_ops throttle, as
 * 8250_omap's, which masks its RX interrupt). With RTS/CTS wired the
 * sender is then held off; without, a real UART overruns after 16 bytes,
 * while QEMU stops reading its chardev and the host keeps the rest.
 */
void pl011_throttle_rx(void)
{
	unsigned long flags;

	spin_lock_irqsave(&port_lock, flags);
	im &= ~(INT_RX | INT_RT);
	writel(im, uart + UART_IMSC);
	spin_unlock_irqrestore(&port_lock, flags);
}

/* Unmask them: whatever waits in the FIFO raises the interrupt at once. */
void pl011_unthrottle_rx(void)
{
	unsigned long flags;

	spin_lock_irqsave(&port_lock, flags);
	im |= INT_RX | INT_RT;
	writel(im, uart + UART_IMSC);
	spin_unlock_irqrestore(&port_lock, flags);
}
