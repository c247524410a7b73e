/* A reader for cpio "newc" archives (magic 070701, or 070702 with a data
 * checksum): the parsing half of Linux's init/initramfs.c, as an iterator
 * over entries in memory, stricter about truncated and corrupt input. */
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* The 13 eight-digit hex fields after the 6-byte magic, in header order. */
enum {
	C_INO, C_MODE, C_UID, C_GID, C_NLINK, C_MTIME, C_FILESIZE, C_DEVMAJOR,
	C_DEVMINOR, C_RDEVMAJOR, C_RDEVMINOR, C_NAMESIZE, C_CHECK, C_NR_FIELDS
};

/* A hex digit's value with bit 4 set (0x10..0x1f), 0 for any other
 * character. */
static const u8 hex_digit_0x10[256] = {
	['0'] = 0x10, ['1'] = 0x11, ['2'] = 0x12, ['3'] = 0x13, ['4'] = 0x14,
	['5'] = 0x15, ['6'] = 0x16, ['7'] = 0x17, ['8'] = 0x18, ['9'] = 0x19,
	['a'] = 0x1a, ['b'] = 0x1b, ['c'] = 0x1c, ['d'] = 0x1d, ['e'] = 0x1e, ['f'] = 0x1f,
	['A'] = 0x1a, ['B'] = 0x1b, ['C'] = 0x1c, ['D'] = 0x1d, ['E'] = 0x1e, ['F'] = 0x1f,
};

/*
 * Linux's parse_header() uses simple_strtoul(), which stops quietly at a
 * bad digit; here every one of the 8 characters must be a hex digit. 13
 * fields of 8 digits for every member of the archive is most of what
 * parsing it costs, so a digit is a table look-up and two operations: the
 * AND of all eight entries keeps bit 4 only if every character was a
 * digit, and in the sum v = v * 16 + entry the eight extra 0x10s add up
 * to 16^8 + 16^7 + ... + 16 = 0x11111110 modulo 2^32, taken off at the
 * end.
 */
static bool parse_hex8(const char *s, u32 *val)
{
	u32 v = 0, all = 0x10;
	int i;

#pragma GCC unroll 8
	for (i = 0; i < 8; i++) {
		u32 d = hex_digit_0x10[(unsigned char)s[i]];

		all &= d;
		v = (v << 4) + d;
	}
	*val = v - 0x11111110;
	return all;
}

static int cpio_error(struct cpio_entry *e, const char *why)
{
	e->error = why;
	return -EINVAL;
}

/* File type bits of c_mode (S_IFMT and S_IFREG of Linux's uapi/linux/stat.h). */
#define CPIO_MODE_TYPE 0170000
#define CPIO_MODE_REG 0100000

/* The 070702 format's check field: the sum of the data bytes. GNU cpio and
 * Linux (since 5.12) sum regular files only; for the rest it is 0. */
static u32 cpio_checksum(const u8 *data, u32 size)
{
	u32 sum = 0;

	while (size--)
		sum += *data++;
	return sum;
}

/*
 * Step past the NUL bytes after an entry, as Linux's do_reset() does: a
 * boot loader may pad the initrd, and archives may be concatenated, the
 * next one starting at a 4-byte boundary.
 */
static size_t skip_padding(const char *p, size_t len, size_t off)
{
	while (off < len && p[off] == '\0')
		off++;
	return off;
}

/**
 * cpio_next - read the entry at *pos
 * @buf, @len: the archive (or several, concatenated) in memory
 * @pos: offset of the entry, 0 to start; advanced past the entry and the
 *	NUL padding after it
 * @e: filled with the entry; its pointers point into @buf
 *
 * Call until *pos reaches @len. A TRAILER!!! ends one archive; another may
 * follow, so a caller that links hard links by inode number forgets them at
 * each trailer, as Linux does.
 * CONTEXT: any; reads @buf only.
 * RETURNS: 1 for a member, 0 for a TRAILER!!!, -EINVAL for malformed
 * input with e->error saying what is wrong: a bad magic, a field that is not
 * 8 hex digits, a name that is empty, unterminated or past the end, data
 * past the end, a wrong 070702 checksum, a header not 4-byte aligned
 * after padding, or a last archive without TRAILER!!!.
 */
int cpio_next(const void *buf, size_t len, size_t *pos, struct cpio_entry *e)
{
	const char *p = buf;
	size_t off = *pos, magic_len, name_off, data_off, next;
	u32 f[C_NR_FIELDS];
	bool has_checksum;
	int i, ret;

	memset(e, 0, sizeof(*e));
	if (off >= len)
		return cpio_error(e, "truncated header");
	if (off & 3)
		return cpio_error(e, "broken padding");
	magic_len = min(len - off, (size_t)6);
	if (memcmp(p + off, "070701", magic_len) && memcmp(p + off, "070702", magic_len)) {
		if (magic_len == 6 && memcmp(p + off, "070707", 6) == 0)
			return cpio_error(e, "incorrect cpio method used: use -H newc option");
		return cpio_error(e, "no cpio magic");
	}
	if (len - off < CPIO_HEADER_SIZE)
		return cpio_error(e, "truncated header");
	has_checksum = p[off + 5] == '2';
	for (i = 0; i < C_NR_FIELDS; i++)
		if (!parse_hex8(p + off + 6 + 8 * i, &f[i]))
			return cpio_error(e, "header field not 8 hex digits");

	name_off = off + CPIO_HEADER_SIZE;
	if (f[C_NAMESIZE] == 0)
		return cpio_error(e, "empty name");
	if (f[C_NAMESIZE] > len - name_off)
		return cpio_error(e, "name past the end of the archive");
	if (strnlen(p + name_off, f[C_NAMESIZE]) != f[C_NAMESIZE] - 1)
		return cpio_error(e, "name not a NUL-terminated string of namesize bytes");
	data_off = ALIGN(name_off + f[C_NAMESIZE], 4);
	if (f[C_FILESIZE] && (data_off > len || f[C_FILESIZE] > len - data_off))
		return cpio_error(e, "data past the end of the archive");
	data_off = min(data_off, len);	/* only a final, empty entry's padding is missing */
	if (has_checksum && (f[C_MODE] & CPIO_MODE_TYPE) == CPIO_MODE_REG &&
	    cpio_checksum((const u8 *)p + data_off, f[C_FILESIZE]) != f[C_CHECK])
		return cpio_error(e, "bad data checksum");

	e->name = p + name_off;
	e->ino = f[C_INO];
	e->mode = f[C_MODE];
	e->uid = f[C_UID];
	e->gid = f[C_GID];
	e->nlink = f[C_NLINK];
	e->mtime = f[C_MTIME];
	e->devmajor = f[C_DEVMAJOR];
	e->devminor = f[C_DEVMINOR];
	e->rdevmajor = f[C_RDEVMAJOR];
	e->rdevminor = f[C_RDEVMINOR];
	e->data = p + data_off;
	e->size = f[C_FILESIZE];
	ret = strcmp(e->name, CPIO_TRAILER) == 0 ? 0 : 1;

	next = min(ALIGN(data_off + e->size, 4), len);
	next = skip_padding(p, len, next);
	if (next < len && (next & 3))
		return cpio_error(e, "broken padding");
	if (ret == 1 && next == len)
		return cpio_error(e, "archive ends without " CPIO_TRAILER);
	*pos = next;
	return ret;
}
