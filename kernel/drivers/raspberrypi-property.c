/* Building and checking the firmware's property messages, the pure half of
 * Linux's drivers/firmware/raspberrypi.c (rpi_firmware_property and
 * rpi_firmware_property_list lay out the same words). A message is:
 *   u32 size (bytes, all of it), u32 status (0 = request),
 *   tag header {tag, buf_size, req_resp_size}, value (buf_size bytes),
 *   u32 0 (RPI_FIRMWARE_PROPERTY_END). */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <soc/bcm2835/raspberrypi-firmware.h>

#define HDR_WORDS (sizeof(struct rpi_firmware_property_tag_header) / 4)

int rpi_firmware_build_msg(u32 *buf, size_t buf_size, u32 tag, const void *data,
			   size_t tag_size)
{
	size_t size = tag_size + RPI_FIRMWARE_MSG_OVERHEAD;

	if (tag_size & 3)
		return -EINVAL;
	if (tag_size > buf_size || size > buf_size)
		return -E2BIG;
	buf[0] = size;
	buf[1] = RPI_FIRMWARE_STATUS_REQUEST;
	buf[2] = tag;
	buf[3] = tag_size;
	buf[4] = 0;
	if (tag_size)
		memcpy(&buf[2 + HDR_WORDS], data, tag_size);
	buf[size / 4 - 1] = RPI_FIRMWARE_PROPERTY_END;
	return size;
}

int rpi_firmware_parse_msg(const u32 *buf, size_t buf_size, u32 tag, void *data,
			   size_t tag_size, char *msg, size_t msglen)
{
	size_t size = tag_size + RPI_FIRMWARE_MSG_OVERHEAD;
	u32 resp_len;

	msg[0] = '\0';
	if ((tag_size & 3) || tag_size > buf_size || size > buf_size) {
		snprintf(msg, msglen, "property 0x%08x: a %zu-byte value does not fit a %zu-byte buffer",
			 (unsigned int)tag, tag_size, buf_size);
		return -E2BIG;
	}
	if (buf[1] != RPI_FIRMWARE_STATUS_SUCCESS) {
		snprintf(msg, msglen, "Request 0x%08x returned status 0x%08x",
			 (unsigned int)buf[2], (unsigned int)buf[1]);
		return -EINVAL;
	}
	if (buf[0] != size || buf[2] != tag || buf[3] != tag_size ||
	    buf[size / 4 - 1] != RPI_FIRMWARE_PROPERTY_END) {
		snprintf(msg, msglen,
			 "property 0x%08x: answer reshaped (size %u, tag 0x%08x, buf_size %u, end 0x%08x)",
			 (unsigned int)tag, (unsigned int)buf[0], (unsigned int)buf[2],
			 (unsigned int)buf[3], (unsigned int)buf[size / 4 - 1]);
		return -EIO;
	}
	if (!(buf[4] & RPI_FIRMWARE_TAG_RESPONSE)) {
		snprintf(msg, msglen, "property 0x%08x: the firmware did not answer the tag",
			 (unsigned int)tag);
		return -EIO;
	}
	resp_len = buf[4] & ~RPI_FIRMWARE_TAG_RESPONSE;
	if (resp_len > tag_size) {
		snprintf(msg, msglen,
			 "property 0x%08x: a %u-byte answer overflows its %zu-byte value buffer",
			 (unsigned int)tag, (unsigned int)resp_len, tag_size);
		return -EIO;
	}
	memset(data, 0, tag_size);
	memcpy(data, &buf[2 + HDR_WORDS], resp_len);
	return resp_len;
}
