/* The Raspberry Pi firmware's mailbox property interface (Linux's
 * include/soc/bcm2835/raspberrypi-firmware.h): the message format, the tags
 * we use, and the calls that ask the VideoCore firmware for board facts. */
#ifndef __SOC_RASPBERRY_FIRMWARE_H__
#define __SOC_RASPBERRY_FIRMWARE_H__

#include <linux/types.h>

enum rpi_firmware_property_status {
	RPI_FIRMWARE_STATUS_REQUEST = 0,
	RPI_FIRMWARE_STATUS_SUCCESS = 0x80000000,
	RPI_FIRMWARE_STATUS_ERROR = 0x80000001,
};

/*
 * struct rpi_firmware_property_tag_header - one tag of a property message
 * @tag:           one of enum rpi_firmware_property_tag
 * @buf_size:      bytes of value buffer after this header (the larger of
 *                 request and response)
 * @req_resp_size: 0 on submit; in the answer, bit 31 set and the
 *                 response's length in bits 0-30
 */
struct rpi_firmware_property_tag_header {
	u32 tag;
	u32 buf_size;
	u32 req_resp_size;
};

/* Bit 31 of req_resp_size: the firmware answered this tag. */
#define RPI_FIRMWARE_TAG_RESPONSE 0x80000000u

enum rpi_firmware_property_tag {
	RPI_FIRMWARE_PROPERTY_END = 0,
	RPI_FIRMWARE_GET_FIRMWARE_REVISION = 0x00000001,
	RPI_FIRMWARE_GET_BOARD_REVISION = 0x00010002,
	RPI_FIRMWARE_GET_ARM_MEMORY = 0x00010005,
	RPI_FIRMWARE_GET_VC_MEMORY = 0x00010006,
	RPI_FIRMWARE_GET_CLOCK_RATE = 0x00030002,
};

/* Clock ids of RPI_FIRMWARE_GET_CLOCK_RATE (Linux's enum rpi_firmware_clk_id). */
enum rpi_firmware_clk_id {
	RPI_FIRMWARE_EMMC_CLK_ID = 1,
	RPI_FIRMWARE_UART_CLK_ID,
	RPI_FIRMWARE_ARM_CLK_ID,
	RPI_FIRMWARE_CORE_CLK_ID,
};

/* The mailbox channel of property messages, ARM to VideoCore. */
#define MBOX_CHAN_PROPERTY 8

/* A message: size and status words, one tag header, its value, the end tag. */
#define RPI_FIRMWARE_MSG_OVERHEAD (2 * 4 + sizeof(struct rpi_firmware_property_tag_header) + 4)

/*
 * rpi_firmware_build_msg - lay out a one-tag property request in @buf
 * @buf:      the message buffer, @buf_size bytes
 * @tag:      the tag
 * @data:     the tag's request value, @tag_size bytes (a multiple of 4,
 *            large enough for the response too)
 * CONTEXT: any; pure.
 * RETURNS: the message's size in bytes, or -EINVAL (@tag_size not a
 * multiple of 4) or -E2BIG (the message does not fit in @buf_size).
 */
int rpi_firmware_build_msg(u32 *buf, size_t buf_size, u32 tag, const void *data,
			   size_t tag_size);

/*
 * rpi_firmware_parse_msg - check the firmware's answer to a one-tag
 * request built by rpi_firmware_build_msg() and copy the tag's value out
 * @buf:      the answered message, @buf_size bytes
 * @tag, @tag_size: as given to rpi_firmware_build_msg()
 * @data:     gets the response value (@tag_size bytes; bytes past the
 *            response's length are zero)
 * @msg:      gets one line saying what was wrong (@msglen bytes)
 * CONTEXT: any; pure. The message is untrusted: every length is checked.
 * RETURNS: the response's length in bytes, or -EINVAL (the firmware's
 * status is not success, as Linux), -EIO (the tag was not answered, or the
 * answer is malformed) or -E2BIG (@tag_size does not fit @buf_size).
 */
int rpi_firmware_parse_msg(const u32 *buf, size_t buf_size, u32 tag, void *data,
			   size_t tag_size, char *msg, size_t msglen);

#ifndef HOST_TEST
/*
 * rpi_firmware_property - send one tag to the firmware and wait for the
 * answer (Linux's rpi_firmware_property, without the device handle: there
 * is one firmware)
 * @tag_data: request value in, response value out, @buf_size bytes
 * CONTEXT: process or boot context, after sched_clock_init(); sleeps
 * never, but spins up to a second; takes the firmware's spinlock.
 * RETURNS: the response's length in bytes, or a negative errno.
 */
int rpi_firmware_property(u32 tag, void *tag_data, size_t buf_size);

/* The board revision code (0xa21041 for a Pi 2 B v1.1). RETURNS: 0 or -errno. */
int rpi_firmware_get_board_revision(u32 *rev);
/* The ARM's share of RAM: physical @base and @size. RETURNS: 0 or -errno. */
int rpi_firmware_get_arm_memory(u32 *base, u32 *size);
/* Clock @clk_id's rate in Hz (RPI_FIRMWARE_UART_CLK_ID: the PL011's).
 * RETURNS: 0 or -errno (also -ENODEV for a rate of 0: no such clock). */
int rpi_firmware_get_clock_rate(u32 clk_id, u32 *rate);

/*
 * bcm2835_mbox_call - one round trip on the BCM2835 mailbox: write
 * @data (16-byte aligned bus address) on @chan, wait for the answer on the
 * same channel (Linux's drivers/mailbox/bcm2835-mailbox.c, polled).
 * CONTEXT: the caller serialises; spins up to a second.
 * RETURNS: 0, or -ETIMEDOUT; answers on other channels are dropped.
 */
int bcm2835_mbox_call(u32 chan, u32 data);
#endif

#endif
