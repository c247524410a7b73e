/* The BCM2835 ("ARMCTRL") interrupt controller of the GPU peripherals: 64
 * interrupts in two banks, all routed to CPU 0 (Linux's
 * drivers/irqchip/irq-bcm2835.c). */
#include <linux/irq.h>
#include <asm/io.h>
#include <mach/bcm2835.h>

#define IRQ_PENDING1 0x04
#define IRQ_PENDING2 0x08
#define IRQ_ENABLE1 0x10
#define IRQ_DISABLE1 0x1c

static void *const base = PERIPH(BCM2835_IRQ_BASE);

void bcm2835_irq_unmask(unsigned int gpu_irq)
{
	writel(1u << (gpu_irq % 32), base + IRQ_ENABLE1 + 4 * (gpu_irq / 32));
}

/* Dispatch every pending GPU interrupt; called from the local controller
 * when the core's GPU line is raised. */
void bcm2835_handle_irq(void)
{
	int bank;

	for (bank = 0; bank < 2; bank++) {
		u32 pending = readl(base + IRQ_PENDING1 + 4 * bank);
		while (pending) {
			int bit = __builtin_ctz(pending);
			pending &= pending - 1;
			generic_handle_irq(IRQ_GPU_BASE + 32 * bank + bit);
		}
	}
}

void bcm2835_irq_init(void)
{
	writel(~0u, base + IRQ_DISABLE1);
	writel(~0u, base + IRQ_DISABLE1 + 4);
	writel(~0u, base + IRQ_DISABLE1 + 8);
}
