/* sources: kernel/fs/cpio.c */
/* Tests of cpio_next(): archives written by GNU cpio -H newc / -H crc
 * (data/, see mkfixtures.sh), concatenation and boot-loader padding,
 * device nodes, and every kind of corrupt or truncated input. */
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

/* File types in a cpio mode, as in Linux's include/uapi/linux/stat.h. */
#define S_IFMT 0170000
#define S_IFREG 0100000
#define S_IFDIR 0040000
#define S_IFLNK 0120000
#define S_IFCHR 0020000

#define BUF_MAX 8192

static u8 buf[BUF_MAX];
static size_t buf_len;

static size_t read_fixture(const char *name, u8 *to, size_t room)
{
	char path[128];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "tests/host/data/%s", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(to, 1, room, f);
	fclose(f);
	assert_true(n > 0 && n < room);
	return n;
}

/* Offset of the first @s (no NUL) in buf[0, len). */
static size_t find(size_t len, const char *s)
{
	size_t off;

	for (off = 0; off + strlen(s) <= len; off++)
		if (memcmp(buf + off, s, strlen(s)) == 0)
			return off;
	fail_msg("\"%s\" not found", s);
	return 0;
}

/* Append one entry; the header is written with snprintf like GNU cpio's. */
static size_t put_entry(size_t off, const char *magic, u32 mode, u32 rdevmajor,
			u32 rdevminor, const char *name, const char *data)
{
	u32 size = strlen(data), check = 0, i;
	char hdr[CPIO_HEADER_SIZE + 1];

	if (strcmp(magic, "070702") == 0)
		for (i = 0; i < size; i++)
			check += (u8)data[i];
	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 magic, 7, mode, 0, 0, 1, 1234567890, size, 0, 0, rdevmajor, rdevminor,
		 (u32)strlen(name) + 1, check);
	memcpy(buf + off, hdr, CPIO_HEADER_SIZE);
	off += CPIO_HEADER_SIZE;
	memcpy(buf + off, name, strlen(name) + 1);
	off = ALIGN(off + strlen(name) + 1, 4);
	memcpy(buf + off, data, size);
	return ALIGN(off + size, 4);
}

static size_t put_trailer(size_t off)
{
	return put_entry(off, "070701", 0, 0, 0, CPIO_TRAILER, "");
}

/* "a" holding "xyz", then the trailer. */
static int build_small(void **state)
{
	memset(buf, 0, sizeof(buf));
	buf_len = put_trailer(put_entry(0, "070701", S_IFREG | 0644, 0, 0, "a", "xyz"));
	return 0;
}

/* Read entries until the end or an error; RETURNS what the last call did. */
static int read_all(size_t len, unsigned int *members, unsigned int *trailers,
		    struct cpio_entry *e)
{
	size_t pos = 0;
	int ret = 0;

	*members = *trailers = 0;
	while (pos < len) {
		ret = cpio_next(buf, len, &pos, e);
		if (ret < 0)
			return ret;
		if (ret)
			(*members)++;
		else
			(*trailers)++;
	}
	return ret;
}

static void expect_error(const char *why)
{
	struct cpio_entry e;
	unsigned int members, trailers;

	assert_int_equal(read_all(buf_len, &members, &trailers, &e), -EINVAL);
	assert_non_null(e.error);
	if (!strstr(e.error, why))
		fail_msg("error \"%s\", expected \"%s\"", e.error, why);
}

static void expect_member(size_t *pos, const char *name, u32 mode, u32 nlink,
			  const char *data, struct cpio_entry *e)
{
	assert_int_equal(cpio_next(buf, buf_len, pos, e), 1);
	assert_string_equal(e->name, name);
	assert_int_equal(e->mode, mode);
	assert_int_equal(e->nlink, nlink);
	assert_int_equal(e->uid, 0);
	assert_int_equal(e->gid, 0);
	assert_int_equal(e->mtime, 1234567890);
	assert_int_equal(e->size, strlen(data));
	assert_memory_equal(e->data, data, e->size);
	assert_null(e->error);
}

static void check_fixture_tree(void)
{
	struct cpio_entry e, a;
	size_t pos = 0;

	expect_member(&pos, "bin", S_IFDIR | 0755, 2, "", &e);
	expect_member(&pos, "bin/hello", S_IFREG | 0755, 1, "hello, world\n", &e);
	expect_member(&pos, "bin/sh", S_IFLNK | 0777, 1, "hello", &e);
	expect_member(&pos, "etc", S_IFDIR | 0755, 2, "", &e);
	/* GNU cpio stores a hard link's data with its last name only. */
	expect_member(&pos, "etc/a", S_IFREG | 0644, 2, "", &a);
	expect_member(&pos, "etc/b", S_IFREG | 0644, 2, "linked\n", &e);
	assert_int_equal(e.ino, a.ino);
	assert_int_equal(e.devmajor, a.devmajor);
	assert_int_equal(e.devminor, a.devminor);
	expect_member(&pos, "etc/empty", S_IFREG | 0644, 1, "", &e);
	assert_int_not_equal(e.ino, a.ino);
	expect_member(&pos, "init", S_IFREG | 0755, 1, "#!/bin/sh\necho init\n", &e);
	assert_int_equal(cpio_next(buf, buf_len, &pos, &e), 0);
	assert_string_equal(e.name, CPIO_TRAILER);
	/* cpio pads its output to 512 bytes; the padding is consumed too. */
	assert_int_equal(pos, buf_len);
}

static void test_gnu_cpio_newc(void **state)
{
	buf_len = read_fixture("initramfs.cpio", buf, sizeof(buf));
	assert_int_equal(buf_len % 512, 0);
	check_fixture_tree();
}

static void test_gnu_cpio_crc(void **state)
{
	buf_len = read_fixture("initramfs-crc.cpio", buf, sizeof(buf));
	assert_memory_equal(buf, "070702", 6);
	check_fixture_tree();
}

static void test_bad_crc(void **state)
{
	buf_len = read_fixture("initramfs-crc.cpio", buf, sizeof(buf));
	buf[find(buf_len, "hello, world")] = 'j';
	expect_error("bad data checksum");
}

/* Two archives back to back, the boot loader's zero padding after them. */
static void test_concatenated_and_padded(void **state)
{
	struct cpio_entry e;
	unsigned int members, trailers;
	size_t first;

	first = read_fixture("initramfs.cpio", buf, sizeof(buf));
	buf_len = first + read_fixture("initramfs-crc.cpio", buf + first, sizeof(buf) - first);
	memset(buf + buf_len, 0, 1001);
	buf_len += 1001;
	assert_int_equal(read_all(buf_len, &members, &trailers, &e), 0);
	assert_int_equal(members, 16);
	assert_int_equal(trailers, 2);
}

/* Linux's do_reset() also lets zeros stand between entries of one archive. */
static void test_zeros_between_entries(void **state)
{
	struct cpio_entry e;
	unsigned int members, trailers;
	size_t off;

	memset(buf, 0, sizeof(buf));
	off = put_entry(0, "070701", S_IFREG | 0644, 0, 0, "a", "xyz");
	buf_len = put_trailer(off + 64);
	assert_int_equal(read_all(buf_len, &members, &trailers, &e), 0);
	assert_int_equal(members, 1);
	assert_int_equal(trailers, 1);
}

static void test_device_node_and_lowercase_hex(void **state)
{
	struct cpio_entry e;
	size_t pos = 0, i;

	memset(buf, 0, sizeof(buf));
	buf_len = put_trailer(put_entry(0, "070701", S_IFCHR | 0600, 5, 1, "dev/console", ""));
	for (i = 6; i < CPIO_HEADER_SIZE; i++)
		if (buf[i] >= 'A' && buf[i] <= 'F')
			buf[i] += 'a' - 'A';
	assert_int_equal(cpio_next(buf, buf_len, &pos, &e), 1);
	assert_string_equal(e.name, "dev/console");
	assert_int_equal(e.mode & S_IFMT, S_IFCHR);
	assert_int_equal(e.rdevmajor, 5);
	assert_int_equal(e.rdevminor, 1);
	assert_int_equal(e.ino, 7);
	assert_int_equal(e.size, 0);
	assert_int_equal(cpio_next(buf, buf_len, &pos, &e), 0);
	assert_int_equal(pos, buf_len);
}

static void test_empty_input(void **state)
{
	struct cpio_entry e;
	unsigned int members, trailers;

	assert_int_equal(read_all(0, &members, &trailers, &e), 0);
	assert_int_equal(members + trailers, 0);
}

/* Overwrite the 8 hex digits of header field @field (0 = c_ino). */
static void set_field(size_t header, unsigned int field, const char *digits)
{
	memcpy(buf + header + 6 + 8 * field, digits, 8);
}

#define CORRUPT(name, why, ...)             \
	static void name(void **state)      \
	{                                   \
		__VA_ARGS__;                \
		expect_error(why);          \
	}

CORRUPT(test_bad_magic, "no cpio magic", memcpy(buf, "070703", 6))
CORRUPT(test_old_binary_magic, "no cpio magic", memcpy(buf, "\xc7\x71", 2))
CORRUPT(test_odc_magic, "use -H newc", memcpy(buf, "070707", 6))
CORRUPT(test_non_hex_field, "8 hex digits", buf[6 + 8 * 6 + 3] = 'g')
CORRUPT(test_space_in_field, "8 hex digits", buf[6 + 7] = ' ')
/* the characters next to '0'-'9', 'A'-'F' and 'a'-'f' */
CORRUPT(test_colon_in_field, "8 hex digits", buf[6 + 8 * 2 + 1] = ':')
CORRUPT(test_at_in_field, "8 hex digits", buf[6 + 8 * 2 + 1] = '@')
CORRUPT(test_G_in_field, "8 hex digits", buf[6 + 8 * 2 + 1] = 'G')
CORRUPT(test_backquote_in_field, "8 hex digits", buf[6 + 8 * 2 + 1] = '`')
CORRUPT(test_slash_in_field, "8 hex digits", buf[6 + 8 * 2 + 1] = '/')
CORRUPT(test_empty_name, "empty name", set_field(0, 11, "00000000"))
CORRUPT(test_name_past_end, "name past the end", set_field(0, 11, "7FFFFFFF"))
CORRUPT(test_name_without_nul, "NUL-terminated", set_field(0, 11, "00000001"))
CORRUPT(test_name_with_inner_nul, "NUL-terminated", set_field(0, 11, "00000003"))
CORRUPT(test_data_past_end, "data past the end", set_field(0, 6, "00001000"))
CORRUPT(test_huge_data, "data past the end", set_field(0, 6, "FFFFFFFF"))
CORRUPT(test_truncated_header, "truncated header", buf_len = CPIO_HEADER_SIZE - 1)
CORRUPT(test_truncated_second_header, "truncated header", buf_len -= 20)
CORRUPT(test_missing_trailer, "without TRAILER!!!", buf_len = 116)
CORRUPT(test_broken_padding, "broken padding",
	memmove(buf + 117, buf + 116, buf_len - 116); buf[116] = 0; buf_len++)
CORRUPT(test_junk_after_trailer, "no cpio magic", memcpy(buf + buf_len, "junk", 4); buf_len += 4)
CORRUPT(test_gzip_initrd, "no cpio magic", memcpy(buf, "\x1f\x8b\x08\x00", 4))

/* The loop a caller runs must end, on any prefix of a real archive, with
 * the archive read whole or with an error: never read outside it. */
static void test_every_truncation(void **state)
{
	struct cpio_entry e;
	unsigned int members, trailers;
	size_t full, len, trailer_end;

	full = read_fixture("initramfs.cpio", buf, sizeof(buf));
	trailer_end = find(full, CPIO_TRAILER) + sizeof(CPIO_TRAILER);
	for (len = 0; len <= full; len++) {
		int ret = read_all(len, &members, &trailers, &e);

		if (len == 0 || len >= trailer_end)
			assert_int_equal(ret, 0);
		else
			assert_int_equal(ret, -EINVAL);
	}
}

static void test_random_corruption(void **state)
{
	static u8 copy[BUF_MAX];
	unsigned int seed = 4242, round;
	size_t full = read_fixture("initramfs.cpio", copy, sizeof(copy));

	for (round = 0; round < 5000; round++) {
		size_t pos = 0;
		struct cpio_entry e;
		int ret;

		memcpy(buf, copy, full);
		seed = seed * 1103515245 + 12345;
		buf[(seed >> 8) % 600] ^= 1u << ((seed >> 4) & 7);
		while (pos < full && (ret = cpio_next(buf, full, &pos, &e)) >= 0) {
			assert_true((u8 *)e.name > buf && (u8 *)e.name < buf + full);
			assert_int_equal(strlen(e.name), strnlen(e.name, buf + full - (u8 *)e.name));
			assert_true((u8 *)e.data + e.size <= buf + full);
			assert_true(pos <= full);
		}
	}
}

int main(void)
{
#define T(name) cmocka_unit_test_setup(name, build_small)
	const struct CMUnitTest tests[] = {
		T(test_gnu_cpio_newc), T(test_gnu_cpio_crc), T(test_bad_crc),
		T(test_concatenated_and_padded), T(test_zeros_between_entries),
		T(test_device_node_and_lowercase_hex), T(test_empty_input), T(test_bad_magic),
		T(test_old_binary_magic), T(test_odc_magic), T(test_non_hex_field),
		T(test_space_in_field), T(test_colon_in_field), T(test_at_in_field),
		T(test_G_in_field), T(test_backquote_in_field), T(test_slash_in_field),
		T(test_empty_name), T(test_name_past_end),
		T(test_name_without_nul), T(test_name_with_inner_nul), T(test_data_past_end),
		T(test_huge_data), T(test_truncated_header), T(test_truncated_second_header),
		T(test_missing_trailer), T(test_broken_padding), T(test_junk_after_trailer),
		T(test_gzip_initrd), T(test_every_truncation), T(test_random_corruption),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
