/* sources: kernel/arm/atags_parse.c kernel/drivers/of_fdt.c */
/* ATAG lists as QEMU raspi2b writes them, and every way one can be broken:
 * each list sits in a buffer of exactly the bytes the parser may read, so
 * AddressSanitizer catches any read past them. */
#include <linux/bootinfo.h>
#include <linux/errno.h>
#include <linux/string.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

void *malloc(size_t size);
void free(void *ptr);

/* A list being built, in 32-bit words. */
struct list {
	u32 w[1024];
	unsigned int n;
};

static void add(struct list *l, u32 size, u32 tag, const u32 *data)
{
	unsigned int i;

	l->w[l->n++] = size;
	l->w[l->n++] = tag;
	for (i = 0; i + 2 < size; i++)
		l->w[l->n++] = data[i];
}

static void add_core(struct list *l)
{
	const u32 core[] = { 1, 4096, 0 };

	add(l, ATAG_CORE_SIZE, ATAG_CORE, core);
}

static void add_mem(struct list *l, u32 start, u32 size)
{
	const u32 mem[] = { size, start };

	add(l, 4, ATAG_MEM, mem);
}

/* The string, NUL-terminated and padded to words, as QEMU's set_kernel_args. */
static void add_cmdline(struct list *l, const char *s)
{
	u32 words = (strlen(s) + 4) / 4;

	l->w[l->n++] = 2 + words;
	l->w[l->n++] = ATAG_CMDLINE;
	memset(&l->w[l->n], 0, words * 4);
	memcpy(&l->w[l->n], s, strlen(s));
	l->n += words;
}

static void add_none(struct list *l)
{
	l->w[l->n++] = 0;
	l->w[l->n++] = ATAG_NONE;
}

static struct boot_info bi;
static char msg[256];

/* Parse the first @max_len bytes of @l from a buffer of exactly that size. */
static int parse(const struct list *l, size_t max_len)
{
	void *copy = malloc(max_len ? max_len : 1);
	int ret;

	memcpy(copy, l->w, max_len);
	ret = parse_tags(copy, max_len, &bi, msg, sizeof(msg));
	free(copy);
	return ret;
}

static int parse_all(const struct list *l)
{
	return parse(l, l->n * 4);
}

/* core, mem, initrd2, cmdline, none: QEMU's order with -initrd and -append. */
static void qemu_list(struct list *l, const char *cmdline)
{
	const u32 initrd[] = { 0x08000000, 0x12345 };

	l->n = 0;
	add_core(l);
	add_mem(l, 0, 0x3c000000);
	add(l, 4, ATAG_INITRD2, initrd);
	add_cmdline(l, cmdline);
	add_none(l);
}

static void test_qemu_raspi2b_list(void **state)
{
	struct list l;

	qemu_list(&l, "console=ttyAMA0 rdinit=/init panic=-1");
	assert_int_equal(boot_info_detect(l.w, l.n * 4), BOOT_BLOB_ATAGS);
	assert_int_equal(parse_all(&l), 0);
	assert_string_equal(msg, "");
	assert_string_equal(bi.source, "ATAGs");
	assert_int_equal(bi.mem_start, 0);
	assert_int_equal(bi.mem_size, 0x3c000000);
	assert_int_equal(bi.initrd_start, 0x08000000);
	assert_int_equal(bi.initrd_size, 0x12345);
	assert_string_equal(bi.cmdline, "console=ttyAMA0 rdinit=/init panic=-1");
}

static void test_boot_info_parse_takes_atags(void **state)
{
	struct list l;
	char m[64];

	qemu_list(&l, "x");
	assert_int_equal(boot_info_parse(l.w, l.n * 4, &bi, m, sizeof(m)), 0);
	assert_string_equal(bi.source, "ATAGs");
	assert_string_equal(bi.cmdline, "x");
}

static void test_minimal_list(void **state)
{
	struct list l = { .n = 0 };

	/* An empty ATAG_CORE, memory, and the end: no command line, no initrd. */
	add(&l, ATAG_CORE_SIZE_EMPTY, ATAG_CORE, NULL);
	add_mem(&l, 0x1000, 0x100000);
	add_none(&l);
	assert_int_equal(boot_info_detect(l.w, l.n * 4), BOOT_BLOB_ATAGS);
	assert_int_equal(parse_all(&l), 0);
	assert_string_equal(bi.cmdline, "");
	assert_int_equal(bi.mem_start, 0x1000);
	assert_int_equal(bi.initrd_size, 0);
}

static void test_misaligned(void **state)
{
	static u32 words[8];
	struct list l;

	qemu_list(&l, "");
	memcpy(words, l.w, sizeof(words));
	assert_int_equal(boot_info_detect((u8 *)words + 2, 16), BOOT_BLOB_NONE);
	assert_int_equal(parse_tags((u8 *)words + 2, 16, &bi, msg, sizeof(msg)), -EINVAL);
	assert_non_null(strstr(msg, "not 4-byte aligned"));
}

static void test_missing_atag_none(void **state)
{
	struct list l;

	qemu_list(&l, "quiet");
	/* Everything but the ATAG_NONE is readable. */
	assert_int_equal(parse(&l, (l.n - 2) * 4), -EINVAL);
	assert_non_null(strstr(msg, "no ATAG_NONE within the"));
	/* The memory bank read before the end is kept, and the message says so. */
	assert_int_equal(bi.mem_size, 0x3c000000);
	assert_non_null(strstr(msg, "kept memory 0x00000000+0x3c000000"));
	/* Half a tag header readable. */
	assert_int_equal(parse(&l, (l.n - 2) * 4 + 4), -EINVAL);
	assert_non_null(strstr(msg, "no ATAG_NONE"));
}

static void test_size_zero_tag(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	add_mem(&l, 0, 0x10000000);
	l.w[l.n++] = 0;
	l.w[l.n++] = ATAG_CMDLINE;
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_non_null(strstr(msg, "ATAG list: tag 0x54410009 at offset 0x24 has size 0 (truncated list)"));
	assert_int_equal(bi.mem_size, 0x10000000);
}

static void test_tag_past_the_end(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	l.w[l.n++] = 0xffffffff; /* absurd size */
	l.w[l.n++] = ATAG_MEM;
	l.w[l.n++] = 0x1000;
	l.w[l.n++] = 0;
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_non_null(strstr(msg, "has size 4294967295 words, past the end of the readable bytes"));

	/* One word too many for the readable bytes. */
	l.w[5] = 5;
	assert_int_equal(parse(&l, 36), -EINVAL);
	assert_non_null(strstr(msg, "at offset 0x14 has size 5 words, past the end"));
}

static void test_tag_smaller_than_header(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	l.w[l.n++] = 1;
	l.w[l.n++] = ATAG_MEM;
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_non_null(strstr(msg, "has size 1 words, less than its header"));
}

static void test_must_start_with_core(void **state)
{
	struct list l = { .n = 0 };

	add_mem(&l, 0, 0x10000000);
	add_none(&l);
	assert_int_equal(boot_info_detect(l.w, l.n * 4), BOOT_BLOB_NONE);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_string_equal(msg, "ATAG list starts with tag 0x54410002, not ATAG_CORE");

	l.n = 0;
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_string_equal(msg, "ATAG list starts with tag 0x00000000, not ATAG_CORE");
}

static void test_bad_core_size(void **state)
{
	const u32 payload[] = { 1, 4096 };
	struct list l = { .n = 0 };

	add(&l, 4, ATAG_CORE, payload);
	add_mem(&l, 0, 0x10000000);
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_non_null(strstr(msg, "ATAG_CORE at offset 0x0 has 4 words (expected 2 or 5)"));
	assert_int_equal(bi.mem_size, 0x10000000);
}

static void test_cmdline_without_nul(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	add_mem(&l, 0, 0x3c000000);
	l.w[l.n++] = 4;
	l.w[l.n++] = ATAG_CMDLINE;
	memcpy(&l.w[l.n], "rdinit=/", 8);
	l.n += 2;
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_string_equal(msg, "ATAG_CMDLINE at offset 0x24 has no NUL within its 8 bytes; "
				 "kept memory 0x00000000+0x3c000000 from the valid tags");
	assert_string_equal(bi.cmdline, "");
	assert_int_equal(bi.mem_size, 0x3c000000);
}

/* A bad command line before the memory tag still lets the memory through. */
static void test_bad_tag_then_memory(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	l.w[l.n++] = 2;
	l.w[l.n++] = ATAG_CMDLINE;
	add_mem(&l, 0, 0x20000000);
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_non_null(strstr(msg, "ATAG_CMDLINE at offset 0x14 has 2 words (needs at least 3)"));
	assert_int_equal(bi.mem_size, 0x20000000);
}

static void test_long_cmdline_truncated(void **state)
{
	char line[2000];
	struct list l;

	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	qemu_list(&l, line);
	assert_int_equal(parse_all(&l), 0);
	assert_string_equal(msg, "command line truncated from 1999 to 1023 bytes");
	assert_int_equal(strlen(bi.cmdline), COMMAND_LINE_SIZE - 1);
}

static void test_unknown_tag_ignored(void **state)
{
	const u32 serial[] = { 0x1234, 0x5678 };
	struct list l = { .n = 0 };

	add_core(&l);
	add(&l, 4, 0x54410006, serial); /* ATAG_SERIAL */
	add_mem(&l, 0, 0x3c000000);
	add_none(&l);
	assert_int_equal(parse_all(&l), 0);
	assert_string_equal(msg, "Ignoring unrecognised tag 0x54410006");
	assert_int_equal(bi.mem_size, 0x3c000000);
}

static void test_no_memory(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	add_cmdline(&l, "quiet");
	add_none(&l);
	assert_int_equal(parse_all(&l), -ENOENT);
	assert_string_equal(msg, "ATAG list has no ATAG_MEM");
	assert_string_equal(bi.cmdline, "quiet");
}

static void test_memory_banks(void **state)
{
	struct list l = { .n = 0 };

	add_core(&l);
	add_mem(&l, 0, 0);
	add_mem(&l, 0xf0000000, 0x20000000);
	add_mem(&l, 0, 0x1000);
	add_none(&l);
	assert_int_equal(parse_all(&l), 0);
	assert_string_equal(msg, "ATAG_MEM at offset 0x14 has size 0, ignored; "
				 "Truncating memory at 0xf0000000 to fit in 32-bit physical address space; "
				 "ignoring memory bank 0x00000000+0x00001000: only the first one is used");
	assert_int_equal(bi.mem_start, 0xf0000000);
	assert_int_equal(bi.mem_size, 0x0fffffff);
}

static void test_initrd_past_4g(void **state)
{
	const u32 initrd[] = { 0xfff00000, 0x200000 };
	struct list l = { .n = 0 };

	add_core(&l);
	add(&l, 4, ATAG_INITRD2, initrd);
	add_mem(&l, 0, 0x3c000000);
	add_none(&l);
	assert_int_equal(parse_all(&l), -EINVAL);
	assert_non_null(strstr(msg, "ATAG_INITRD2 at offset 0x14: 0xfff00000+0x00200000 runs past 4 GiB"));
	assert_int_equal(bi.initrd_size, 0);
	assert_int_equal(bi.mem_size, 0x3c000000);
}

static void test_detect(void **state)
{
	static const u8 fdt_magic[8] = { 0xd0, 0x0d, 0xfe, 0xed };
	static const u32 garbage[2] = { 0x12345678, 0x9abcdef0 };
	static const u32 core_empty[2] = { ATAG_CORE_SIZE_EMPTY, ATAG_CORE };
	static const u32 core_wrong_size[2] = { 3, ATAG_CORE };
	u32 aligned_fdt[2];

	memcpy(aligned_fdt, fdt_magic, sizeof(aligned_fdt));
	assert_int_equal(boot_info_detect(aligned_fdt, 8), BOOT_BLOB_FDT);
	assert_int_equal(boot_info_detect(core_empty, 8), BOOT_BLOB_ATAGS);
	assert_int_equal(boot_info_detect(core_wrong_size, 8), BOOT_BLOB_NONE);
	assert_int_equal(boot_info_detect(garbage, 8), BOOT_BLOB_NONE);
	assert_int_equal(boot_info_detect(core_empty, 7), BOOT_BLOB_NONE);
	assert_int_equal(boot_info_detect(NULL, 4096), BOOT_BLOB_NONE);
}

static void test_parse_neither(void **state)
{
	static const u32 garbage[2] = { 0x12345678, 0x9abcdef0 };

	assert_int_equal(boot_info_parse(garbage, sizeof(garbage), &bi, msg, sizeof(msg)), -ENOENT);
	assert_string_equal(bi.source, "none");
	assert_non_null(strstr(msg, "Neither atags nor dtb found at 0x"));
	assert_non_null(strstr(msg, "(first words 0x12345678 0x9abcdef0)"));
	assert_int_equal(boot_info_parse(NULL, 0, &bi, msg, sizeof(msg)), -ENOENT);
	assert_string_equal(msg, "Neither atags nor dtb found: r2 = 0x0 is not a readable, 4-byte aligned pointer");
}

static void test_small_message_buffer(void **state)
{
	struct list l = { .n = 0 };
	char small[12];

	add_core(&l);
	add_none(&l);
	assert_int_equal(parse_tags(l.w, l.n * 4, &bi, small, sizeof(small)), -ENOENT);
	assert_string_equal(small, "ATAG list h");
	/* No buffer at all is fine too. */
	assert_int_equal(parse_tags(l.w, l.n * 4, &bi, NULL, 0), -ENOENT);
}

/* Random words after a valid ATAG_CORE: the walk must end, in bounds. */
static void test_random_lists(void **state)
{
	unsigned int seed = 1, round, i;
	struct list l;

	for (round = 0; round < 20000; round++) {
		l.n = 0;
		add_core(&l);
		for (i = 0; i < 24; i++) {
			seed = seed * 1103515245 + 12345;
			/* Mostly small sizes and known tags, so walks go deep. */
			switch ((seed >> 16) % 4) {
			case 0:
				l.w[l.n++] = (seed >> 8) % 8;
				break;
			case 1:
				l.w[l.n++] = ATAG_CORE + (seed >> 8) % 10;
				break;
			default:
				l.w[l.n++] = seed;
				break;
			}
		}
		parse(&l, ((seed >> 20) % l.n + 1) * 4 - (seed >> 28) % 4);
		assert_true(strlen(msg) < sizeof(msg));
		assert_true(strlen(bi.cmdline) < sizeof(bi.cmdline));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qemu_raspi2b_list),
		cmocka_unit_test(test_boot_info_parse_takes_atags),
		cmocka_unit_test(test_minimal_list),
		cmocka_unit_test(test_misaligned),
		cmocka_unit_test(test_missing_atag_none),
		cmocka_unit_test(test_size_zero_tag),
		cmocka_unit_test(test_tag_past_the_end),
		cmocka_unit_test(test_tag_smaller_than_header),
		cmocka_unit_test(test_must_start_with_core),
		cmocka_unit_test(test_bad_core_size),
		cmocka_unit_test(test_cmdline_without_nul),
		cmocka_unit_test(test_bad_tag_then_memory),
		cmocka_unit_test(test_long_cmdline_truncated),
		cmocka_unit_test(test_unknown_tag_ignored),
		cmocka_unit_test(test_no_memory),
		cmocka_unit_test(test_memory_banks),
		cmocka_unit_test(test_initrd_past_4g),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_parse_neither),
		cmocka_unit_test(test_small_message_buffer),
		cmocka_unit_test(test_random_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
