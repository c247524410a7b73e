/* The ATAG list a boot loader leaves at r2 (QEMU raspi2b: at 0x100), walked
 * without trusting it (Linux's arch/arm/kernel/atags_parse.c, plus
 * parse_tag_initrd2 from arch/arm/mm/init.c), and the choice between an ATAG
 * list and a device tree (arch/arm/kernel/head-common.S: __vet_atags). */
#include <stdarg.h>
#include <linux/bootinfo.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>

struct tag_header {
	u32 size; /* in 32-bit words, this header included */
	u32 tag;
};

struct tag_mem32 {
	u32 size;
	u32 start; /* physical start address */
};

struct tag_initrd {
	u32 start; /* physical start address */
	u32 size;  /* size of compressed ramdisk image in bytes */
};

struct tag_cmdline {
	char cmdline[1]; /* this is the minimum size */
};

struct tag {
	struct tag_header hdr;
	union {
		struct tag_mem32 mem;
		struct tag_initrd initrd;
		struct tag_cmdline cmdline;
	} u;
};

/* One walk of a list: where we are, what we found, where messages go. */
struct tag_walk {
	struct boot_info *bi;
	size_t offset; /* of the tag being parsed, from the start of the list */
	bool have_mem;
	char *msg;
	size_t msglen;
};

void boot_info_msg(char *msg, size_t msglen, const char *fmt, ...)
{
	size_t len;
	va_list ap;

	if (!msglen)
		return;
	len = strnlen(msg, msglen - 1);
	if (len) {
		snprintf(msg + len, msglen - len, "; ");
		len = strnlen(msg, msglen - 1);
	}
	va_start(ap, fmt);
	vsnprintf(msg + len, msglen - len, fmt, ap);
	va_end(ap);
}

/* Start @bi and @msg afresh for a parse of a @source blob. */
void boot_info_init(struct boot_info *bi, const char *source, char *msg, size_t msglen)
{
	memset(bi, 0, sizeof(*bi));
	bi->source = source;
	if (msglen)
		msg[0] = '\0';
}

/* Payload words 2, 3, 4 (flags, pagesize, rootdev) are optional as a whole. */
static int parse_tag_core(const struct tag *tag, struct tag_walk *w)
{
	if (tag->hdr.size != ATAG_CORE_SIZE_EMPTY && tag->hdr.size < ATAG_CORE_SIZE) {
		boot_info_msg(w->msg, w->msglen,
			      "ATAG_CORE at offset 0x%zx has %u words (expected %d or %d)",
			      w->offset, (unsigned int)tag->hdr.size, ATAG_CORE_SIZE_EMPTY,
			      ATAG_CORE_SIZE);
		return -EINVAL;
	}
	return 0;
}

/* Linux adds every bank to memblock (arm_add_memory); we keep the first. */
static int parse_tag_mem32(const struct tag *tag, struct tag_walk *w)
{
	u32 start = tag->u.mem.start, size = tag->u.mem.size;

	if (size == 0) {
		boot_info_msg(w->msg, w->msglen, "ATAG_MEM at offset 0x%zx has size 0, ignored",
			      w->offset);
		return 0;
	}
	if (w->have_mem) {
		boot_info_msg(w->msg, w->msglen,
			      "ignoring memory bank 0x%08x+0x%08x: only the first one is used",
			      (unsigned int)start, (unsigned int)size);
		return 0;
	}
	if ((u64)start + size > 0xffffffffULL) {
		boot_info_msg(w->msg, w->msglen,
			      "Truncating memory at 0x%08x to fit in 32-bit physical address space",
			      (unsigned int)start);
		size = 0xffffffffU - start;
	}
	w->bi->mem_start = start;
	w->bi->mem_size = size;
	w->have_mem = true;
	return 0;
}

static int parse_tag_initrd2(const struct tag *tag, struct tag_walk *w)
{
	u32 start = tag->u.initrd.start, size = tag->u.initrd.size;

	if ((u64)start + size > 0x100000000ULL) {
		boot_info_msg(w->msg, w->msglen,
			      "ATAG_INITRD2 at offset 0x%zx: 0x%08x+0x%08x runs past 4 GiB",
			      w->offset, (unsigned int)start, (unsigned int)size);
		return -EINVAL;
	}
	w->bi->initrd_start = start;
	w->bi->initrd_size = size;
	return 0;
}

/* The string must end inside the tag; Linux then strlcpy()s it, truncating. */
static int parse_tag_cmdline(const struct tag *tag, struct tag_walk *w)
{
	size_t room = ((size_t)tag->hdr.size - 2) * 4;
	size_t len = strnlen(tag->u.cmdline.cmdline, room);

	if (len == room) {
		boot_info_msg(w->msg, w->msglen,
			      "ATAG_CMDLINE at offset 0x%zx has no NUL within its %zu bytes",
			      w->offset, room);
		return -EINVAL;
	}
	if (len >= COMMAND_LINE_SIZE) {
		boot_info_msg(w->msg, w->msglen, "command line truncated from %zu to %d bytes",
			      len, COMMAND_LINE_SIZE - 1);
		len = COMMAND_LINE_SIZE - 1;
	}
	memcpy(w->bi->cmdline, tag->u.cmdline.cmdline, len);
	w->bi->cmdline[len] = '\0';
	return 0;
}

/* Linux builds this table with __tagtable() in a linker section. */
static const struct tagtable {
	u32 tag;
	u32 min_size; /* words, header included */
	const char *name;
	int (*parse)(const struct tag *tag, struct tag_walk *w);
} tagtable[] = {
	{ ATAG_CORE, ATAG_CORE_SIZE_EMPTY, "ATAG_CORE", parse_tag_core },
	{ ATAG_MEM, 4, "ATAG_MEM", parse_tag_mem32 },
	{ ATAG_INITRD2, 4, "ATAG_INITRD2", parse_tag_initrd2 },
	{ ATAG_CMDLINE, 3, "ATAG_CMDLINE", parse_tag_cmdline },
};

/*
 * Scan the tag table for this tag, and call its parse function. The caller
 * has checked that the tag's hdr.size words are readable.
 */
static int parse_tag(const struct tag *tag, struct tag_walk *w)
{
	const struct tagtable *t;

	for (t = tagtable; t < tagtable + ARRAY_SIZE(tagtable); t++) {
		if (tag->hdr.tag != t->tag)
			continue;
		if (tag->hdr.size < t->min_size) {
			boot_info_msg(w->msg, w->msglen,
				      "%s at offset 0x%zx has %u words (needs at least %u)",
				      t->name, w->offset, (unsigned int)tag->hdr.size,
				      (unsigned int)t->min_size);
			return -EINVAL;
		}
		return t->parse(tag, w);
	}
	boot_info_msg(w->msg, w->msglen, "Ignoring unrecognised tag 0x%08x",
		      (unsigned int)tag->hdr.tag);
	return 0;
}

/*
 * parse_tags - read the ATAG list at @tags into @bi
 * @max_len: how many bytes from @tags may be read
 *
 * The list must start with ATAG_CORE and end with ATAG_NONE inside @max_len;
 * every tag's size must be at least its header and stay inside @max_len.
 * A tag whose contents are wrong (a command line without NUL) fails the parse
 * but the walk goes on, so @bi still gets the memory bank.
 *
 * RETURNS: 0, -EINVAL (malformed list or tag), or -ENOENT (no ATAG_MEM).
 */
int parse_tags(const void *tags, size_t max_len, struct boot_info *bi, char *msg, size_t msglen)
{
	struct tag_walk w = { .bi = bi, .msg = msg, .msglen = msglen };
	int ret = 0;

	boot_info_init(bi, "ATAGs", msg, msglen);
	if ((uintptr_t)tags & 3) {
		boot_info_msg(msg, msglen, "ATAG list at 0x%lx is not 4-byte aligned",
			      (unsigned long)(uintptr_t)tags);
		return -EINVAL;
	}

	for (;;) {
		const struct tag *t = (const void *)((const u8 *)tags + w.offset);
		size_t left = max_len - w.offset;
		int err;

		if (left < sizeof(struct tag_header)) {
			boot_info_msg(msg, msglen,
				      "ATAG list: no ATAG_NONE within the %zu readable bytes",
				      max_len);
			ret = -EINVAL;
			break;
		}
		if (w.offset == 0 && t->hdr.tag != ATAG_CORE) {
			boot_info_msg(msg, msglen,
				      "ATAG list starts with tag 0x%08x, not ATAG_CORE",
				      (unsigned int)t->hdr.tag);
			return -EINVAL;
		}
		if (t->hdr.tag == ATAG_NONE)
			break;
		if (t->hdr.size == 0) {
			boot_info_msg(msg, msglen,
				      "ATAG list: tag 0x%08x at offset 0x%zx has size 0 (truncated list)",
				      (unsigned int)t->hdr.tag, w.offset);
			ret = -EINVAL;
			break;
		}
		if (t->hdr.size < 2 || t->hdr.size > left / 4) {
			boot_info_msg(msg, msglen,
				      "ATAG list: tag 0x%08x at offset 0x%zx has size %u words, %s",
				      (unsigned int)t->hdr.tag, w.offset, (unsigned int)t->hdr.size,
				      t->hdr.size < 2 ? "less than its header" :
				      "past the end of the readable bytes");
			ret = -EINVAL;
			break;
		}
		err = parse_tag(t, &w);
		if (err && !ret)
			ret = err;
		w.offset += (size_t)t->hdr.size * 4;
	}

	if (!w.have_mem) {
		boot_info_msg(msg, msglen, "ATAG list has no ATAG_MEM");
		return ret ?: -ENOENT;
	}
	if (ret)
		boot_info_msg(msg, msglen, "kept memory 0x%08x+0x%08x from the valid tags",
			      (unsigned int)bi->mem_start, (unsigned int)bi->mem_size);
	return ret;
}

/*
 * boot_info_detect - what does r2 point at? As Linux's __vet_atags: it must
 * be 4-byte aligned, and either start with the device tree magic or with an
 * ATAG_CORE header (size 5 or 2).
 */
enum boot_blob boot_info_detect(const void *p, size_t max_len)
{
	const u32 *word = p;

	if (!p || ((uintptr_t)p & 3) || max_len < 8)
		return BOOT_BLOB_NONE;
	if (of_read_number(p, 1) == OF_DT_MAGIC)
		return BOOT_BLOB_FDT;
	if ((word[0] == ATAG_CORE_SIZE || word[0] == ATAG_CORE_SIZE_EMPTY) &&
	    word[1] == ATAG_CORE)
		return BOOT_BLOB_ATAGS;
	return BOOT_BLOB_NONE;
}

/*
 * boot_info_parse - fill @bi from whatever r2 points at (@p, @max_len bytes
 * readable): ATAGs, a device tree, or neither (source "none", -ENOENT).
 */
int boot_info_parse(const void *p, size_t max_len, struct boot_info *bi, char *msg, size_t msglen)
{
	switch (boot_info_detect(p, max_len)) {
	case BOOT_BLOB_ATAGS:
		return parse_tags(p, max_len, bi, msg, msglen);
	case BOOT_BLOB_FDT:
		return early_init_dt_scan(p, max_len, bi, msg, msglen);
	case BOOT_BLOB_NONE:
		break;
	}
	boot_info_init(bi, "none", msg, msglen);
	if (!p || ((uintptr_t)p & 3) || max_len < 8)
		boot_info_msg(msg, msglen,
			      "Neither atags nor dtb found: r2 = 0x%lx is not a readable, 4-byte aligned pointer",
			      (unsigned long)(uintptr_t)p);
	else
		boot_info_msg(msg, msglen,
			      "Neither atags nor dtb found at 0x%lx (first words 0x%08x 0x%08x)",
			      (unsigned long)(uintptr_t)p, (unsigned int)((const u32 *)p)[0],
			      (unsigned int)((const u32 *)p)[1]);
	return -ENOENT;
}
