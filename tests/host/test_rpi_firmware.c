/* sources: kernel/drivers/raspberrypi-property.c */
/* The firmware's property messages: the words a request is made of, and
 * every way an answer can be wrong. Answers come from a stand-in for the
 * firmware that behaves as QEMU's bcm2835_property does; each message sits
 * in a buffer of exactly its size, so AddressSanitizer catches overruns. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <soc/bcm2835/raspberrypi-firmware.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

void *malloc(size_t size);
void free(void *ptr);
int rand(void);
void srand(unsigned int seed);

static char msg[160];

/* The firmware's side: answer the one tag of @buf in place, as QEMU does
 * (status SUCCESS, bit 31 and the response length in req_resp_size). */
static void firmware_answer(u32 *buf)
{
	u32 *value = &buf[5];
	u32 resp_len = 0;

	switch (buf[2]) {
	case RPI_FIRMWARE_GET_BOARD_REVISION:
		value[0] = 0x00a21041;
		resp_len = 4;
		break;
	case RPI_FIRMWARE_GET_ARM_MEMORY:
		value[0] = 0;
		value[1] = 0x3c000000;
		resp_len = 8;
		break;
	case RPI_FIRMWARE_GET_CLOCK_RATE:
		value[1] = value[0] == RPI_FIRMWARE_UART_CLK_ID ? 3000000 : 0;
		resp_len = 8;
		break;
	}
	buf[4] = RPI_FIRMWARE_TAG_RESPONSE | resp_len;
	buf[1] = RPI_FIRMWARE_STATUS_SUCCESS;
}

/* A message buffer of exactly @bytes. */
static u32 *new_buf(size_t bytes)
{
	u32 *b = malloc(bytes);

	memset(b, 0xa5, bytes);
	return b;
}

static void test_request_words(void **state)
{
	u32 rev = 0x12345678;
	u32 *b = new_buf(28);

	assert_int_equal(rpi_firmware_build_msg(b, 28, RPI_FIRMWARE_GET_BOARD_REVISION, &rev, 4), 28);
	assert_int_equal(b[0], 28);
	assert_int_equal(b[1], RPI_FIRMWARE_STATUS_REQUEST);
	assert_int_equal(b[2], 0x00010002);
	assert_int_equal(b[3], 4);
	assert_int_equal(b[4], 0);
	assert_int_equal(b[5], 0x12345678);
	assert_int_equal(b[6], RPI_FIRMWARE_PROPERTY_END);
	free(b);
}

static void test_request_clock_rate_words(void **state)
{
	u32 v[2] = { RPI_FIRMWARE_UART_CLK_ID, 0 };
	u32 *b = new_buf(64);

	assert_int_equal(rpi_firmware_build_msg(b, 64, RPI_FIRMWARE_GET_CLOCK_RATE, v, 8), 32);
	assert_int_equal(b[0], 32);
	assert_int_equal(b[2], 0x00030002);
	assert_int_equal(b[3], 8);
	assert_int_equal(b[5], 2);
	assert_int_equal(b[6], 0);
	assert_int_equal(b[7], 0);
	/* Nothing past the message is written. */
	assert_int_equal(b[8], 0xa5a5a5a5);
	free(b);
}

static void test_request_sizes(void **state)
{
	u32 v[4] = { 0 };
	u32 *b = new_buf(32);

	assert_int_equal(rpi_firmware_build_msg(b, 32, RPI_FIRMWARE_GET_CLOCK_RATE, v, 6), -EINVAL);
	assert_int_equal(rpi_firmware_build_msg(b, 32, RPI_FIRMWARE_GET_CLOCK_RATE, v, 12), -E2BIG);
	assert_int_equal(rpi_firmware_build_msg(b, 32, RPI_FIRMWARE_GET_CLOCK_RATE, v, 8), 32);
	assert_int_equal(rpi_firmware_build_msg(b, 8, RPI_FIRMWARE_GET_CLOCK_RATE, v, 16), -E2BIG);
	/* A value with no bytes (Linux's RPI_FIRMWARE_NOTIFY_REBOOT) is legal. */
	assert_int_equal(rpi_firmware_build_msg(b, 32, 0x00030048, NULL, 0), 24);
	assert_int_equal(b[5], RPI_FIRMWARE_PROPERTY_END);
	free(b);
}

/* Build, let the stand-in firmware answer, parse. */
static int round_trip(u32 tag, u32 *v, size_t len)
{
	size_t bytes = len + RPI_FIRMWARE_MSG_OVERHEAD;
	u32 *b = new_buf(bytes);
	int ret = rpi_firmware_build_msg(b, bytes, tag, v, len);

	assert_int_equal(ret, (int)bytes);
	firmware_answer(b);
	ret = rpi_firmware_parse_msg(b, bytes, tag, v, len, msg, sizeof(msg));
	free(b);
	return ret;
}

static void test_answers(void **state)
{
	u32 rev = 0, mem[2] = { 7, 7 }, clk[2] = { RPI_FIRMWARE_UART_CLK_ID, 0 };

	assert_int_equal(round_trip(RPI_FIRMWARE_GET_BOARD_REVISION, &rev, 4), 4);
	assert_string_equal(msg, "");
	assert_int_equal(rev, 0x00a21041);
	assert_int_equal(round_trip(RPI_FIRMWARE_GET_ARM_MEMORY, mem, 8), 8);
	assert_int_equal(mem[0], 0);
	assert_int_equal(mem[1], 0x3c000000);
	assert_int_equal(round_trip(RPI_FIRMWARE_GET_CLOCK_RATE, clk, 8), 8);
	assert_int_equal(clk[0], RPI_FIRMWARE_UART_CLK_ID);
	assert_int_equal(clk[1], 3000000);
}

/* An answered request for the board revision, to be broken by each test. */
static u32 answered[7];

static void answer_board_revision(void)
{
	u32 rev = 0;

	assert_int_equal(rpi_firmware_build_msg(answered, sizeof(answered),
						RPI_FIRMWARE_GET_BOARD_REVISION, &rev, 4), 28);
	firmware_answer(answered);
}

static int parse_answered(u32 *rev)
{
	*rev = 0xdeadbeef;
	return rpi_firmware_parse_msg(answered, sizeof(answered), RPI_FIRMWARE_GET_BOARD_REVISION,
				      rev, 4, msg, sizeof(msg));
}

static void test_firmware_error_status(void **state)
{
	u32 rev;

	answer_board_revision();
	answered[1] = RPI_FIRMWARE_STATUS_ERROR;
	assert_int_equal(parse_answered(&rev), -EINVAL);
	assert_string_equal(msg, "Request 0x00010002 returned status 0x80000001");
	assert_int_equal(rev, 0xdeadbeef);
}

static void test_never_answered(void **state)
{
	u32 rev = 0;

	/* The request as sent: status still 0, the tag's response bit clear. */
	assert_int_equal(rpi_firmware_build_msg(answered, sizeof(answered),
						RPI_FIRMWARE_GET_BOARD_REVISION, &rev, 4), 28);
	assert_int_equal(parse_answered(&rev), -EINVAL);
	assert_string_equal(msg, "Request 0x00010002 returned status 0x00000000");
}

static void test_tag_not_answered(void **state)
{
	u32 rev;

	answer_board_revision();
	answered[4] = 4; /* a length, but no response bit: the firmware skipped the tag */
	assert_int_equal(parse_answered(&rev), -EIO);
	assert_string_equal(msg, "property 0x00010002: the firmware did not answer the tag");
	assert_int_equal(rev, 0xdeadbeef);
}

static void test_answer_too_long(void **state)
{
	u32 rev;

	answer_board_revision();
	answered[4] = RPI_FIRMWARE_TAG_RESPONSE | 8;
	assert_int_equal(parse_answered(&rev), -EIO);
	assert_string_equal(msg,
			    "property 0x00010002: a 8-byte answer overflows its 4-byte value buffer");
	assert_int_equal(rev, 0xdeadbeef);
}

static void test_answer_shorter(void **state)
{
	u32 v[2] = { RPI_FIRMWARE_UART_CLK_ID, 0 };
	u32 b[8];

	assert_int_equal(rpi_firmware_build_msg(b, sizeof(b), RPI_FIRMWARE_GET_CLOCK_RATE, v, 8), 32);
	firmware_answer(b);
	b[4] = RPI_FIRMWARE_TAG_RESPONSE | 4;
	v[1] = 0x55555555;
	assert_int_equal(rpi_firmware_parse_msg(b, sizeof(b), RPI_FIRMWARE_GET_CLOCK_RATE, v, 8,
						msg, sizeof(msg)), 4);
	assert_int_equal(v[0], RPI_FIRMWARE_UART_CLK_ID);
	assert_int_equal(v[1], 0); /* not answered: zero, not the old contents */
}

static void test_reshaped_answers(void **state)
{
	static const struct {
		unsigned int word;
		u32 value;
	} breaks[] = {
		{ 0, 32 },                            /* size grew */
		{ 0, 0 },                             /* size zeroed */
		{ 2, RPI_FIRMWARE_GET_ARM_MEMORY },   /* another tag */
		{ 3, 8 },                             /* buf_size changed */
		{ 6, 0x1234 },                        /* end tag overwritten */
	};
	unsigned int i;
	u32 rev;

	for (i = 0; i < ARRAY_SIZE(breaks); i++) {
		answer_board_revision();
		answered[breaks[i].word] = breaks[i].value;
		assert_int_equal(parse_answered(&rev), -EIO);
		assert_non_null(strstr(msg, "answer reshaped"));
		assert_int_equal(rev, 0xdeadbeef);
	}
}

static void test_parse_sizes(void **state)
{
	u32 v[4];

	answer_board_revision();
	assert_int_equal(rpi_firmware_parse_msg(answered, sizeof(answered),
						RPI_FIRMWARE_GET_BOARD_REVISION, v, 16, msg,
						sizeof(msg)),
			 -E2BIG);
	assert_string_equal(msg,
			    "property 0x00010002: a 16-byte value does not fit a 28-byte buffer");
	assert_int_equal(rpi_firmware_parse_msg(answered, sizeof(answered),
						RPI_FIRMWARE_GET_BOARD_REVISION, v, 3, msg,
						sizeof(msg)),
			 -E2BIG);
}

static void test_small_message_buffer(void **state)
{
	char m[8];
	u32 rev;

	answer_board_revision();
	answered[1] = RPI_FIRMWARE_STATUS_ERROR;
	assert_int_equal(rpi_firmware_parse_msg(answered, sizeof(answered),
						RPI_FIRMWARE_GET_BOARD_REVISION, &rev, 4, m,
						sizeof(m)),
			 -EINVAL);
	assert_string_equal(m, "Request");
}

/* Random answers: never a crash or an overrun, and success only for an
 * answer that is well formed. */
static void test_random_answers(void **state)
{
	unsigned int i, w;

	srand(5);
	for (i = 0; i < 20000; i++) {
		u32 v[2] = { RPI_FIRMWARE_UART_CLK_ID, 0 };
		u32 *b = new_buf(32);
		int ret;

		assert_int_equal(rpi_firmware_build_msg(b, 32, RPI_FIRMWARE_GET_CLOCK_RATE, v, 8), 32);
		firmware_answer(b);
		for (w = rand() % 3; w; w--)
			b[rand() % 8] = rand() % 4 ? (u32)rand() : (u32)rand() % 16;
		ret = rpi_firmware_parse_msg(b, 32, RPI_FIRMWARE_GET_CLOCK_RATE, v, 8, msg,
					     sizeof(msg));
		if (ret >= 0) {
			assert_true(ret <= 8);
			assert_int_equal(b[1], RPI_FIRMWARE_STATUS_SUCCESS);
			assert_int_equal(b[4], RPI_FIRMWARE_TAG_RESPONSE | (u32)ret);
			assert_string_equal(msg, "");
		} else {
			assert_true(ret == -EINVAL || ret == -EIO);
			assert_true(msg[0] != '\0');
		}
		free(b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request_words),
		cmocka_unit_test(test_request_clock_rate_words),
		cmocka_unit_test(test_request_sizes),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_firmware_error_status),
		cmocka_unit_test(test_never_answered),
		cmocka_unit_test(test_tag_not_answered),
		cmocka_unit_test(test_answer_too_long),
		cmocka_unit_test(test_answer_shorter),
		cmocka_unit_test(test_reshaped_answers),
		cmocka_unit_test(test_parse_sizes),
		cmocka_unit_test(test_small_message_buffer),
		cmocka_unit_test(test_random_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
