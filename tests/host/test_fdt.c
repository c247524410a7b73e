/* sources: kernel/drivers/of_fdt.c kernel/arm/atags_parse.c */
/* The device tree reader on dtc-made blobs (data/rpi2.dts, data/cells2.dts)
 * and on blobs built here and then broken in every way the reader checks.
 * Each blob sits in a buffer of exactly the bytes the reader may read, so
 * AddressSanitizer catches any read past them. */
#include <linux/bootinfo.h>
#include <linux/errno.h>
#include <linux/of_fdt.h>
#include <linux/string.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

void *malloc(size_t size);
void free(void *ptr);

static struct boot_info bi;
static char msg[512];

/* Header fields, by byte offset (struct fdt_header). */
#define HDR_MAGIC 0
#define HDR_TOTALSIZE 4
#define HDR_OFF_STRUCT 8
#define HDR_OFF_STRINGS 12
#define HDR_OFF_RSVMAP 16
#define HDR_VERSION 20
#define HDR_LAST_COMP 24
#define HDR_SIZE_STRINGS 32
#define HDR_SIZE_STRUCT 36

static void put32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* A blob being built, as dtc lays it out: header, reservation map, structure
 * block, strings block. */
struct fdt_build {
	u8 s[8192];
	u32 slen;
	char str[1024];
	u32 strsize;
	u8 blob[12288] __attribute__((aligned(8)));
	u32 size;
};

static void b_word(struct fdt_build *b, u32 v)
{
	put32(b->s + b->slen, v);
	b->slen += 4;
}

static void b_bytes(struct fdt_build *b, const void *data, u32 len)
{
	memcpy(b->s + b->slen, data, len);
	b->slen += len;
	while (b->slen % 4)
		b->s[b->slen++] = 0;
}

static void b_begin(struct fdt_build *b, const char *name)
{
	b_word(b, FDT_BEGIN_NODE);
	b_bytes(b, name, strlen(name) + 1);
}

static void b_end(struct fdt_build *b)
{
	b_word(b, FDT_END_NODE);
}

static u32 b_string(struct fdt_build *b, const char *name)
{
	u32 off;

	for (off = 0; off < b->strsize; off += strlen(b->str + off) + 1)
		if (!strcmp(b->str + off, name))
			return off;
	memcpy(b->str + off, name, strlen(name) + 1);
	b->strsize += strlen(name) + 1;
	return off;
}

static void b_prop(struct fdt_build *b, const char *name, const void *data, u32 len)
{
	b_word(b, FDT_PROP);
	b_word(b, len);
	b_word(b, b_string(b, name));
	b_bytes(b, data, len);
}

static void b_prop_str(struct fdt_build *b, const char *name, const char *s)
{
	b_prop(b, name, s, strlen(s) + 1);
}

static void b_prop_cells(struct fdt_build *b, const char *name, unsigned int n,
			 const u32 *cells)
{
	u8 be[64];
	unsigned int i;

	for (i = 0; i < n; i++)
		put32(be + 4 * i, cells[i]);
	b_prop(b, name, be, 4 * n);
}

static void b_prop_u32(struct fdt_build *b, const char *name, u32 v)
{
	b_prop_cells(b, name, 1, &v);
}

/* Lay the blob out, version 17, with FDT_END if @end. */
static void b_finish(struct fdt_build *b, bool end)
{
	u32 off_struct = 40 + 16, off_strings;

	if (end)
		b_word(b, FDT_END);
	off_strings = off_struct + b->slen;
	b->size = off_strings + b->strsize;
	memset(b->blob, 0, sizeof(b->blob));
	put32(b->blob + HDR_MAGIC, OF_DT_MAGIC);
	put32(b->blob + HDR_TOTALSIZE, b->size);
	put32(b->blob + HDR_OFF_STRUCT, off_struct);
	put32(b->blob + HDR_OFF_STRINGS, off_strings);
	put32(b->blob + HDR_OFF_RSVMAP, 40);
	put32(b->blob + HDR_VERSION, 17);
	put32(b->blob + HDR_LAST_COMP, 16);
	put32(b->blob + HDR_SIZE_STRINGS, b->strsize);
	put32(b->blob + HDR_SIZE_STRUCT, b->slen);
	memcpy(b->blob + off_struct, b->s, b->slen);
	memcpy(b->blob + off_strings, b->str, b->strsize);
}

/* Root with 1/1 cells, then (unless NULL) /chosen with @bootargs; the caller
 * adds more and closes the root. */
static void b_root(struct fdt_build *b, const char *bootargs)
{
	memset(b, 0, offsetof(struct fdt_build, blob));
	b_begin(b, "");
	b_prop_u32(b, "#address-cells", 1);
	b_prop_u32(b, "#size-cells", 1);
	b_prop_str(b, "model", "test");
	if (bootargs) {
		b_begin(b, "chosen");
		b_prop_str(b, "bootargs", bootargs);
		b_end(b);
	}
}

static void b_memory(struct fdt_build *b, u32 start, u32 size)
{
	const u32 reg[] = { start, size };

	b_begin(b, "memory@0");
	b_prop_str(b, "device_type", "memory");
	b_prop_cells(b, "reg", 2, reg);
	b_end(b);
}

/* The usual good tree: bootargs and memory 0+0x3c000000. */
static void b_standard(struct fdt_build *b)
{
	b_root(b, "console=ttyAMA0");
	b_memory(b, 0, 0x3c000000);
	b_end(b);
	b_finish(b, true);
}

/* early_init_dt_scan() on @len bytes of @blob in a buffer of just @max_len. */
static int scan_at(const void *blob, size_t len, size_t max_len)
{
	void *copy = malloc(max_len ? max_len : 1);
	int ret;

	memcpy(copy, blob, len < max_len ? len : max_len);
	ret = early_init_dt_scan(copy, max_len, &bi, msg, sizeof(msg));
	free(copy);
	return ret;
}

static int scan(const struct fdt_build *b)
{
	return scan_at(b->blob, b->size, b->size);
}

static u8 *read_fixture(const char *name, size_t *len)
{
	static u8 buf[2][4096];
	static int which;
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "tests/host/data/%s", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	which ^= 1;
	*len = fread(buf[which], 1, sizeof(buf[which]), f);
	fclose(f);
	assert_true(*len > 40 && *len < sizeof(buf[which]));
	return buf[which];
}

static void test_rpi2_dtb(void **state)
{
	size_t len;
	const u8 *dtb = read_fixture("rpi2.dtb", &len);

	assert_int_equal(boot_info_detect(dtb, len), BOOT_BLOB_FDT);
	assert_int_equal(scan_at(dtb, len, len), 0);
	assert_string_equal(msg, "");
	assert_string_equal(bi.source, "device tree");
	assert_string_equal(bi.cmdline, "console=ttyAMA0,115200 rdinit=/init panic=-1");
	assert_int_equal(bi.mem_start, 0);
	assert_int_equal(bi.mem_size, 0x3c000000);
	assert_int_equal(bi.initrd_start, 0x08000000);
	assert_int_equal(bi.initrd_size, 0x12345);
}

static void test_boot_info_parse_takes_fdt(void **state)
{
	size_t len;
	const u8 *dtb = read_fixture("rpi2.dtb", &len);
	u8 *copy = malloc(len);

	memcpy(copy, dtb, len);
	assert_int_equal(boot_info_parse(copy, len, &bi, msg, sizeof(msg)), 0);
	assert_string_equal(bi.source, "device tree");
	assert_int_equal(bi.mem_size, 0x3c000000);
	free(copy);
}

static void test_cells2_dtb(void **state)
{
	size_t len;
	const u8 *dtb = read_fixture("cells2.dtb", &len);

	assert_int_equal(scan_at(dtb, len, len), 0);
	assert_string_equal(msg, "ignoring memory bank 0x40000000+0x1000000: only the first one is used; "
				 "Ignoring memory block 0x100000000 - 0x110000000");
	assert_string_equal(bi.cmdline, "root=/dev/ram0");
	assert_int_equal(bi.mem_start, 0);
	assert_int_equal(bi.mem_size, 0x3c000000);
	assert_int_equal(bi.initrd_start, 0x10000000);
	assert_int_equal(bi.initrd_size, 0x400000);
}

static int record_node(const void *blob, int node, const char *uname, int depth, void *data)
{
	char *seen = data;

	snprintf(seen + strlen(seen), 512 - strlen(seen), "%d:%s ", depth, uname);
	return strcmp(uname, "serial@7e201000") == 0;
}

static void test_scan_visits_nodes_in_order(void **state)
{
	size_t len;
	const u8 *dtb = read_fixture("rpi2.dtb", &len);
	char seen[512] = "";

	assert_int_equal(early_init_dt_verify(dtb, len, msg, sizeof(msg)), 0);
	/* The callback stops the walk at the UART. */
	assert_int_equal(of_scan_flat_dt(dtb, record_node, seen), 1);
	assert_string_equal(seen, "0: 1:aliases 1:chosen 1:memory@0 1:cpus 2:cpu@0 2:cpu@1 "
				  "2:cpu@2 2:cpu@3 1:soc 2:serial@7e201000 ");
}

static int find_node(const void *blob, int node, const char *uname, int depth, void *data)
{
	if (strcmp(uname, data))
		return 0;
	return node;
}

static void test_get_prop(void **state)
{
	size_t len;
	const u8 *dtb = read_fixture("rpi2.dtb", &len);
	const char *model;
	int size = -1, cpus;

	assert_int_equal(early_init_dt_verify(dtb, len, msg, sizeof(msg)), 0);
	model = of_get_flat_dt_prop(dtb, 0, "model", &size);
	assert_string_equal(model, "Raspberry Pi 2 Model B");
	assert_int_equal(size, 23);
	assert_null(of_get_flat_dt_prop(dtb, 0, "no-such-property", NULL));
	/* A subnode's property is not the root's. */
	assert_null(of_get_flat_dt_prop(dtb, 0, "bootargs", NULL));
	cpus = of_scan_flat_dt(dtb, find_node, "cpus");
	assert_true(cpus > 0);
	assert_string_equal(of_get_flat_dt_prop(dtb, cpus, "enable-method", NULL),
			    "brcm,bcm2836-smp");
	/* Not a node offset. */
	assert_null(of_get_flat_dt_prop(dtb, cpus + 4, "enable-method", NULL));
}

static void test_nops_are_skipped(void **state)
{
	struct fdt_build b;

	b_root(&b, NULL);
	b_word(&b, FDT_NOP);
	b_begin(&b, "chosen");
	b_word(&b, FDT_NOP);
	b_prop_str(&b, "bootargs", "quiet");
	b_end(&b);
	b_memory(&b, 0x1000, 0x2000);
	b_end(&b);
	b_word(&b, FDT_NOP);
	b_finish(&b, true);
	assert_int_equal(scan(&b), 0);
	assert_string_equal(bi.cmdline, "quiet");
	assert_int_equal(bi.mem_start, 0x1000);
	assert_int_equal(bi.mem_size, 0x2000);
}

static void test_truncated_dtb(void **state)
{
	size_t len;
	const u8 *dtb = read_fixture("rpi2.dtb", &len);

	assert_int_equal(scan_at(dtb, len, len - 1), -EINVAL);
	assert_string_equal(msg, "device tree: totalsize 1285 is past the readable bytes");
	assert_int_equal(scan_at(dtb, len, 39), -EINVAL);
	assert_string_equal(msg, "device tree: only 39 readable bytes, less than a header");
	assert_int_equal(bi.mem_size, 0);
}

/* Change header field @field of the standard tree, scan, expect @err and @text. */
static void bad_header(u32 field, u32 value, const char *text)
{
	struct fdt_build b;

	b_standard(&b);
	put32(b.blob + field, value);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, text));
	assert_int_equal(bi.mem_size, 0);
}

static void test_header_checks(void **state)
{
	bad_header(HDR_MAGIC, 0xedfe0dd0, "bad magic 0xedfe0dd0 (expected 0xd00dfeed)");
	bad_header(HDR_VERSION, 15, "version 15 (compatible back to 16) is not 16 or 17");
	bad_header(HDR_LAST_COMP, 18, "version 17 (compatible back to 18) is not 16 or 17");
	bad_header(HDR_TOTALSIZE, 39, "totalsize 39 is smaller than the header");
	bad_header(HDR_OFF_STRUCT, 57, "structure block at 0x39");
	bad_header(HDR_OFF_STRUCT, 8, "structure block at 0x8");
	bad_header(HDR_OFF_STRUCT, 0x10000, "structure block at 0x10000");
	bad_header(HDR_SIZE_STRUCT, 0xfffffff0, "structure block at 0x38 (0xfffffff0 bytes)");
	bad_header(HDR_OFF_STRINGS, 0xffffffff, "strings block at 0xffffffff");
	bad_header(HDR_SIZE_STRINGS, 0x1000, "strings block at");
	bad_header(HDR_OFF_RSVMAP, 44, "memory reservation map at 0x2c");
	bad_header(HDR_OFF_RSVMAP, 16, "memory reservation map at 0x10");
}

static void test_absurd_totalsize(void **state)
{
	struct fdt_build b;

	b_standard(&b);
	put32(b.blob + HDR_TOTALSIZE, 3 << 20);
	/* max_len allows it, but the reader must not touch more than the header. */
	assert_int_equal(early_init_dt_scan(b.blob, 4 << 20, &bi, msg, sizeof(msg)), -EINVAL);
	assert_string_equal(msg, "device tree: totalsize 3145728 is absurd (over 2 MiB)");
}

static void test_misaligned_blob(void **state)
{
	struct fdt_build b;

	b_standard(&b);
	assert_int_equal(early_init_dt_scan(b.blob + 2, b.size, &bi, msg, sizeof(msg)), -EINVAL);
	assert_non_null(strstr(msg, "is not 4-byte aligned"));
	assert_int_equal(boot_info_detect(b.blob + 2, b.size), BOOT_BLOB_NONE);
}

static void test_version_16(void **state)
{
	struct fdt_build b;

	b_standard(&b);
	/* Version 16 has no size_dt_struct: whatever is there is ignored. */
	put32(b.blob + HDR_VERSION, 16);
	put32(b.blob + HDR_SIZE_STRUCT, 0xdeadbeef);
	assert_int_equal(scan(&b), 0);
	assert_int_equal(bi.mem_size, 0x3c000000);
}

static void test_property_past_the_end(void **state)
{
	struct fdt_build b;
	u32 len_at;

	b_root(&b, "quiet");
	len_at = b.slen + 4;
	b_prop_str(&b, "status", "okay");
	b_end(&b);
	b_finish(&b, true);
	put32(b.blob + 56 + len_at, 0x1000);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, "has length 4096, past the end of the structure block"));

	/* The last property's value ends 4 bytes past the block, inside the
	 * strings block: still readable, still wrong. */
	b_root(&b, NULL);
	b_end(&b);
	len_at = b.slen + 4;
	b_prop_str(&b, "status", "okay");
	b_finish(&b, false);
	put32(b.blob + 56 + len_at, 4 + 8);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, "has length 12, past the end of the structure block"));
}

static void test_property_name_outside_strings(void **state)
{
	struct fdt_build b;
	u32 nameoff_at;

	b_root(&b, NULL);
	nameoff_at = b.slen + 8;
	b_prop_str(&b, "status", "okay");
	b_end(&b);
	b_finish(&b, true);
	put32(b.blob + 56 + nameoff_at, b.strsize);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, "outside the strings block"));

	/* The last name loses its NUL: it runs off the strings block. */
	b_finish(&b, false);
	put32(b.blob + HDR_SIZE_STRINGS, b.strsize - 1);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, "outside the strings block"));
}

static void test_node_name_runs_off(void **state)
{
	struct fdt_build b;

	memset(&b, 0, offsetof(struct fdt_build, blob));
	b_begin(&b, "");
	b_word(&b, FDT_BEGIN_NODE);
	memcpy(b.s + b.slen, "abcd", 4); /* no NUL before the block ends */
	b.slen += 4;
	b_finish(&b, false);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, "node name at 0xc runs off the structure block"));
}

static void test_nesting_depth(void **state)
{
	struct fdt_build b;
	int i;

	b_root(&b, NULL);
	for (i = 1; i < FDT_MAX_DEPTH; i++)
		b_begin(&b, "n");
	b_memory(&b, 0, 0x1000);
	for (i = 1; i < FDT_MAX_DEPTH; i++)
		b_end(&b);
	b_end(&b);
	b_finish(&b, true);
	/* The memory node is the 65th level. */
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, "nodes nested deeper than 64"));

	b_root(&b, NULL);
	for (i = 2; i < FDT_MAX_DEPTH; i++)
		b_begin(&b, "n");
	b_memory(&b, 0, 0x1000);
	for (i = 2; i < FDT_MAX_DEPTH; i++)
		b_end(&b);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), 0);
	assert_int_equal(bi.mem_size, 0x1000);
}

/* Structure @build()s, scanned, must fail with @text. */
static void bad_structure(void (*build)(struct fdt_build *b), bool end, const char *text)
{
	struct fdt_build b;

	memset(&b, 0, offsetof(struct fdt_build, blob));
	build(&b);
	b_finish(&b, end);
	assert_int_equal(scan(&b), -EINVAL);
	assert_non_null(strstr(msg, text));
}

static void unclosed(struct fdt_build *b)
{
	b_begin(b, "");
	b_begin(b, "memory@0");
	b_end(b);
}

static void no_end(struct fdt_build *b)
{
	b_begin(b, "");
	b_end(b);
}

static void extra_end_node(struct fdt_build *b)
{
	b_begin(b, "");
	b_end(b);
	b_end(b);
}

static void two_roots(struct fdt_build *b)
{
	b_begin(b, "");
	b_end(b);
	b_begin(b, "");
	b_end(b);
}

static void named_root(struct fdt_build *b)
{
	b_begin(b, "root");
	b_end(b);
}

static void unknown_tag(struct fdt_build *b)
{
	b_begin(b, "");
	b_word(b, 7);
	b_end(b);
}

static void property_first(struct fdt_build *b)
{
	b_prop_u32(b, "#address-cells", 1);
	b_begin(b, "");
	b_end(b);
}

static void empty(struct fdt_build *b)
{
}

static void test_structure_checks(void **state)
{
	bad_structure(unclosed, true, "FDT_END at 0x1c inside an unclosed node");
	bad_structure(no_end, false, "structure block ends at 0xc without FDT_END");
	bad_structure(extra_end_node, true, "FDT_END_NODE at 0xc is outside any node");
	bad_structure(two_roots, true, "node '' at 0xc is outside the root node");
	bad_structure(named_root, true, "node 'root' at 0x0 is outside the root node");
	bad_structure(unknown_tag, true, "unknown tag 0x7 at 0x8");
	bad_structure(property_first, true, "property at 0x0 is outside any node");
	bad_structure(empty, true, "FDT_END at 0x0 before any node");
	bad_structure(empty, false, "structure block ends at 0x0 without FDT_END");
}

static void test_bootargs_without_nul(void **state)
{
	struct fdt_build b;

	b_root(&b, NULL);
	b_begin(&b, "chosen");
	b_prop(&b, "bootargs", "quiet", 5);
	b_end(&b);
	b_memory(&b, 0, 0x3c000000);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), -EINVAL);
	assert_string_equal(msg, "/chosen/bootargs (5 bytes) is not NUL-terminated; "
				 "kept memory 0x00000000+0x3c000000");
	assert_string_equal(bi.cmdline, "");
	assert_int_equal(bi.mem_size, 0x3c000000);
}

static void test_long_bootargs(void **state)
{
	struct fdt_build b;
	char line[1500];

	memset(line, 'y', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	b_root(&b, line);
	b_memory(&b, 0, 0x1000);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), 0);
	assert_string_equal(msg, "command line truncated from 1499 to 1023 bytes");
	assert_int_equal(strlen(bi.cmdline), COMMAND_LINE_SIZE - 1);
}

static void test_chosen_names(void **state)
{
	struct fdt_build b;

	/* /chosen@0 counts; a chosen node deeper down does not. */
	b_root(&b, NULL);
	b_begin(&b, "soc");
	b_begin(&b, "chosen");
	b_prop_str(&b, "bootargs", "deep");
	b_end(&b);
	b_end(&b);
	b_begin(&b, "chosen@0");
	b_prop_str(&b, "bootargs", "top");
	b_prop(&b, "linux,initrd-start", "", 0);
	b_end(&b);
	b_memory(&b, 0, 0x1000);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), -EINVAL);
	assert_string_equal(bi.cmdline, "top");
	assert_non_null(strstr(msg, "/chosen has linux,initrd-start but no linux,initrd-end"));
}

/* A /chosen with initrd properties @start and @end (@len bytes each). */
static int scan_initrd(u64 start, u64 end, u32 start_len, u32 end_len)
{
	struct fdt_build b;
	u8 s[8], e[8];

	put32(s, start >> 32);
	put32(s + 4, start);
	put32(e, end >> 32);
	put32(e + 4, end);
	b_root(&b, NULL);
	b_begin(&b, "chosen");
	b_prop(&b, "linux,initrd-start", start_len == 8 ? s : s + 4, start_len);
	b_prop(&b, "linux,initrd-end", end_len == 8 ? e : e + 4, end_len);
	b_end(&b);
	b_memory(&b, 0, 0x3c000000);
	b_end(&b);
	b_finish(&b, true);
	return scan(&b);
}

static void test_initrd_properties(void **state)
{
	assert_int_equal(scan_initrd(0x2000000, 0x2100000, 4, 8), 0);
	assert_int_equal(bi.initrd_start, 0x2000000);
	assert_int_equal(bi.initrd_size, 0x100000);

	assert_int_equal(scan_initrd(0x2000000, 0x2000000, 4, 4), 0);
	assert_int_equal(bi.initrd_size, 0);

	assert_int_equal(scan_initrd(0x2000000, 0x1000000, 4, 4), -EINVAL);
	assert_non_null(strstr(msg, "/chosen: initrd 0x2000000-0x1000000 is backwards"));
	assert_int_equal(bi.initrd_size, 0);
	assert_int_equal(bi.mem_size, 0x3c000000);

	assert_int_equal(scan_initrd(0xfff00000, 0x100100000ULL, 8, 8), -EINVAL);
	assert_non_null(strstr(msg, "beyond the 32-bit physical address space"));

	assert_int_equal(scan_initrd(0x2000000, 0x2100000, 4, 3), -EINVAL);
	assert_non_null(strstr(msg, "/chosen/linux,initrd-end has 3 bytes (expected 4 or 8)"));
	assert_int_equal(bi.initrd_size, 0);
}

static void test_no_memory(void **state)
{
	struct fdt_build b;

	b_root(&b, "quiet");
	/* Named like memory, but only device_type counts. */
	b_begin(&b, "memory@0");
	b_prop_cells(&b, "reg", 2, (const u32[]){ 0, 0x1000 });
	b_end(&b);
	b_begin(&b, "memory@1");
	b_prop(&b, "device_type", "memory", 6);
	b_prop_cells(&b, "reg", 2, (const u32[]){ 0, 0x1000 });
	b_end(&b);
	b_begin(&b, "memory@2");
	b_prop_str(&b, "device_type", "memory");
	b_prop_cells(&b, "reg", 2, (const u32[]){ 0, 0 });
	b_end(&b);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), -ENOENT);
	assert_string_equal(msg, "device tree has no memory node (device_type = \"memory\") with a non-empty reg");
	assert_string_equal(bi.cmdline, "quiet");
}

static void test_memory_reg_forms(void **state)
{
	struct fdt_build b;

	/* linux,usable-memory wins over reg; a trailing half pair is ignored. */
	b_root(&b, NULL);
	b_begin(&b, "memory@0");
	b_prop_str(&b, "device_type", "memory");
	b_prop_cells(&b, "reg", 2, (const u32[]){ 0, 0x40000000 });
	b_prop_cells(&b, "linux,usable-memory", 3, (const u32[]){ 0x8000, 0x3000000, 0x5 });
	b_end(&b);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), 0);
	assert_int_equal(bi.mem_start, 0x8000);
	assert_int_equal(bi.mem_size, 0x3000000);
	assert_string_equal(msg, "memory node 'memory@0': reg has 12 bytes, not whole (address, size) pairs; ignoring the last 4");

	b_root(&b, NULL);
	b_memory(&b, 0xf0000000, 0x20000000);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), 0);
	assert_int_equal(bi.mem_size, 0x0fffffff);
	assert_string_equal(msg, "Truncating memory at 0xf0000000 to fit in 32-bit physical address space");
}

static void test_root_cells(void **state)
{
	struct fdt_build b;

	memset(&b, 0, offsetof(struct fdt_build, blob));
	b_begin(&b, "");
	b_prop_u32(&b, "#address-cells", 3);
	b_prop(&b, "#size-cells", "\0\1", 2);
	b_begin(&b, "chosen");
	b_prop_str(&b, "bootargs", "kept");
	b_end(&b);
	b_memory(&b, 0, 0x1000);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), -EINVAL);
	assert_string_equal(msg, "root #size-cells is not one cell (this reader takes 1 or 2); "
				 "root #address-cells is out of range (this reader takes 1 or 2); "
				 "device tree has no memory node (device_type = \"memory\") with a non-empty reg");
	assert_string_equal(bi.cmdline, "kept");

	/* Without the properties, Linux's defaults: one cell each. */
	memset(&b, 0, offsetof(struct fdt_build, blob));
	b_begin(&b, "");
	b_memory(&b, 0x100, 0x1000);
	b_end(&b);
	b_finish(&b, true);
	assert_int_equal(scan(&b), 0);
	assert_int_equal(bi.mem_start, 0x100);
}

/* Flip random bytes of a real blob and cut it short at random: the reader
 * must reject or accept, never read outside the buffer. */
static void test_random_corruption(void **state)
{
	size_t len, max_len;
	const u8 *dtb = read_fixture("rpi2.dtb", &len);
	u8 work[4096];
	unsigned int seed = 7, round, i, flips;
	int accepted = 0;

	for (round = 0; round < 20000; round++) {
		memcpy(work, dtb, len);
		seed = seed * 1103515245 + 12345;
		flips = 1 + (seed >> 16) % 4;
		for (i = 0; i < flips; i++) {
			seed = seed * 1103515245 + 12345;
			/* Mostly small values, to make plausible lengths and tags. */
			work[(seed >> 8) % len] = (seed >> 24) % 2 ? (seed >> 16) % 8 : seed >> 16;
		}
		seed = seed * 1103515245 + 12345;
		max_len = (seed >> 16) % 8 ? len : (seed >> 8) % (len + 1);
		if (scan_at(work, len, max_len) == 0) {
			accepted++;
			assert_true(bi.mem_size != 0);
		}
		assert_true(strlen(msg) < sizeof(msg));
		assert_true(strlen(bi.cmdline) < sizeof(bi.cmdline));
	}
	/* Most single flips hit values nobody checks (names, strings). */
	assert_true(accepted > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rpi2_dtb),
		cmocka_unit_test(test_boot_info_parse_takes_fdt),
		cmocka_unit_test(test_cells2_dtb),
		cmocka_unit_test(test_scan_visits_nodes_in_order),
		cmocka_unit_test(test_get_prop),
		cmocka_unit_test(test_nops_are_skipped),
		cmocka_unit_test(test_truncated_dtb),
		cmocka_unit_test(test_header_checks),
		cmocka_unit_test(test_absurd_totalsize),
		cmocka_unit_test(test_misaligned_blob),
		cmocka_unit_test(test_version_16),
		cmocka_unit_test(test_property_past_the_end),
		cmocka_unit_test(test_property_name_outside_strings),
		cmocka_unit_test(test_node_name_runs_off),
		cmocka_unit_test(test_nesting_depth),
		cmocka_unit_test(test_structure_checks),
		cmocka_unit_test(test_bootargs_without_nul),
		cmocka_unit_test(test_long_bootargs),
		cmocka_unit_test(test_chosen_names),
		cmocka_unit_test(test_initrd_properties),
		cmocka_unit_test(test_no_memory),
		cmocka_unit_test(test_memory_reg_forms),
		cmocka_unit_test(test_root_cells),
		cmocka_unit_test(test_random_corruption),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
