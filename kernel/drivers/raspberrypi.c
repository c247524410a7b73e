/* Asking the Raspberry Pi firmware for board facts through the mailbox's
 * property channel (Linux's drivers/firmware/raspberrypi.c): board
 * revision, the ARM's share of RAM, clock rates.
 *
 * The message lives in cacheable RAM, and the VideoCore reads and writes
 * it in SDRAM (at its bus alias 0xC0000000, uncached on its own side),
 * never through the ARM's L1 and L2. So the buffer is cleaned to the point
 * of coherency before the mailbox write, and invalidated after the answer,
 * before it is read (ARM ARM DDI 0406C B2.2, "Caches and branch
 * predictors": DCCMVAC and DCIMVAC, which only a DSB completes). It fills
 * whole cache lines of its own, so the invalidate can discard nobody
 * else's data; Linux gets the same from dma_alloc_coherent(). */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <asm/memory.h>
#include <soc/bcm2835/raspberrypi-firmware.h>

/* ARM physical address -> VideoCore bus address on the BCM2836/7. */
#define BCM2836_BUS_ALIAS 0xC0000000u

#define RPI_FW_BUF_BYTES 256

static u32 rpi_fw_buf[RPI_FW_BUF_BYTES / 4] __aligned(L1_CACHE_BYTES);
static DEFINE_SPINLOCK(rpi_fw_lock);

/* The smallest D-cache line, from CTR.DminLine (log2 of words). */
static unsigned long dcache_line_size(void)
{
	u32 ctr;

	__asm__("mrc p15, 0, %0, c0, c0, 1" : "=r"(ctr));
	return 4ul << ((ctr >> 16) & 0xf);
}

/* Clean [start, end) to the point of coherency: DCCMVAC, then DSB so the
 * clean has completed before the mailbox write that follows. */
static void dmac_clean_range(const void *start, const void *end)
{
	unsigned long line = dcache_line_size();
	unsigned long p = (unsigned long)start & ~(line - 1);

	for (; p < (unsigned long)end; p += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c10, 1" : : "r"(p) : "memory");
	dsb();
}

/* Invalidate [start, end) (whole lines we own): DCIMVAC, then DSB, so the
 * reads that follow miss and fetch what the VideoCore wrote. Lines fetched
 * speculatively while the firmware worked are dropped here too. */
static void dmac_inv_range(const void *start, const void *end)
{
	unsigned long line = dcache_line_size();
	unsigned long p = (unsigned long)start & ~(line - 1);

	for (; p < (unsigned long)end; p += line)
		__asm__ __volatile__("mcr p15, 0, %0, c7, c6, 1" : : "r"(p) : "memory");
	dsb();
}

int rpi_firmware_property(u32 tag, void *tag_data, size_t buf_size)
{
	unsigned long flags;
	char msg[128];
	int size, ret;

	spin_lock_irqsave(&rpi_fw_lock, flags);
	size = rpi_firmware_build_msg(rpi_fw_buf, sizeof(rpi_fw_buf), tag, tag_data, buf_size);
	if (size < 0) {
		spin_unlock_irqrestore(&rpi_fw_lock, flags);
		return size;
	}
	dmac_clean_range(rpi_fw_buf, rpi_fw_buf + ARRAY_SIZE(rpi_fw_buf));
	ret = bcm2835_mbox_call(MBOX_CHAN_PROPERTY, __pa(rpi_fw_buf) | BCM2836_BUS_ALIAS);
	dmac_inv_range(rpi_fw_buf, rpi_fw_buf + ARRAY_SIZE(rpi_fw_buf));
	if (!ret)
		ret = rpi_firmware_parse_msg(rpi_fw_buf, sizeof(rpi_fw_buf), tag, tag_data, buf_size,
					     msg, sizeof(msg));
	spin_unlock_irqrestore(&rpi_fw_lock, flags);

	if (ret == -ETIMEDOUT)
		pr_err("raspberrypi-firmware: property 0x%08x: no answer from the firmware\n",
		       (unsigned int)tag);
	else if (ret < 0)
		pr_err("raspberrypi-firmware: %s\n", msg);
	return ret;
}

int rpi_firmware_get_board_revision(u32 *rev)
{
	u32 v = 0;
	int ret = rpi_firmware_property(RPI_FIRMWARE_GET_BOARD_REVISION, &v, sizeof(v));

	if (ret < 0)
		return ret;
	if (ret != sizeof(v))
		return -EIO;
	*rev = v;
	return 0;
}

int rpi_firmware_get_arm_memory(u32 *base, u32 *size)
{
	u32 v[2] = { 0, 0 };
	int ret = rpi_firmware_property(RPI_FIRMWARE_GET_ARM_MEMORY, v, sizeof(v));

	if (ret < 0)
		return ret;
	if (ret != sizeof(v) || !v[1])
		return -EIO;
	*base = v[0];
	*size = v[1];
	return 0;
}

int rpi_firmware_get_clock_rate(u32 clk_id, u32 *rate)
{
	u32 v[2] = { clk_id, 0 };
	int ret = rpi_firmware_property(RPI_FIRMWARE_GET_CLOCK_RATE, v, sizeof(v));

	if (ret < 0)
		return ret;
	if (ret != sizeof(v) || v[0] != clk_id)
		return -EIO;
	if (!v[1])
		return -ENODEV;
	*rate = v[1];
	return 0;
}
