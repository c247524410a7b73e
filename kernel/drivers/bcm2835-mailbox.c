/* The BCM2835 mailbox between the ARM and the VideoCore (Linux's
 * drivers/mailbox/bcm2835-mailbox.c, polled instead of interrupt-driven):
 * the ARM writes a message into mailbox 1, the VideoCore answers in
 * mailbox 0. A message is a 28-bit value (a 16-byte aligned bus address)
 * with the channel number in its low 4 bits. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/time.h>
#include <asm/io.h>
#include <mach/bcm2835.h>
#include <soc/bcm2835/raspberrypi-firmware.h>

/* Mailbox 0 (VideoCore to ARM) and mailbox 1 (ARM to VideoCore). */
#define MAIL0_RD 0x00
#define MAIL0_STA 0x18
#define MAIL1_WRT 0x20
#define MAIL1_STA 0x38

/* Status register bits. */
#define ARM_MS_FULL 0x80000000
#define ARM_MS_EMPTY 0x40000000

#define MBOX_MSG(chan, data28) (((data28) & ~0xfu) | ((chan) & 0xfu))
#define MBOX_CHAN(msg) ((msg) & 0xfu)

static void *const mbox = PERIPH(BCM2835_MBOX_BASE);

/* Spin until (status & @bit) == @want, for at most a second. */
static int bcm2835_mbox_wait(unsigned int sta, u32 bit, u32 want)
{
	u64 deadline = local_clock() + NSEC_PER_SEC;

	while ((readl(mbox + sta) & bit) != want)
		if (local_clock() > deadline)
			return -ETIMEDOUT;
	return 0;
}

int bcm2835_mbox_call(u32 chan, u32 data)
{
	u32 msg;

	if (bcm2835_mbox_wait(MAIL1_STA, ARM_MS_FULL, 0))
		return -ETIMEDOUT;
	/* writel()'s barrier orders the caller's buffer writes (and cache
	 * maintenance, which the caller completes with a DSB) before this. */
	writel(MBOX_MSG(chan, data), mbox + MAIL1_WRT);
	for (;;) {
		if (bcm2835_mbox_wait(MAIL0_STA, ARM_MS_EMPTY, 0))
			return -ETIMEDOUT;
		msg = readl(mbox + MAIL0_RD);
		if (MBOX_CHAN(msg) == chan)
			return 0;
	}
}
