/* Early device tree reading: check a flattened device tree without trusting
 * it (libfdt's fdt_check_header, and a full walk of its structure block),
 * then take /chosen and /memory into struct boot_info (Linux's
 * drivers/of/fdt.c early_init_dt_scan and its early_init_dt_scan_* helpers). */
#include <linux/bootinfo.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>

static u32 fdt32_ld(const void *p)
{
	return (u32)of_read_number(p, 1);
}

#define fdt_get_header(fdt, field) fdt32_ld(&((const struct fdt_header *)(fdt))->field)

/* Where the structure and strings blocks are, from a header already checked. */
struct fdt_blocks {
	const u8 *dt_struct;
	u32 struct_size;
	const char *strings;
	u32 strings_size;
};

static void fdt_blocks(const void *fdt, struct fdt_blocks *b)
{
	u32 off_struct = fdt_get_header(fdt, off_dt_struct);

	b->dt_struct = (const u8 *)fdt + off_struct;
	if (fdt_get_header(fdt, version) >= 17)
		b->struct_size = fdt_get_header(fdt, size_dt_struct);
	else
		b->struct_size = fdt_get_header(fdt, totalsize) - off_struct;
	b->strings = (const char *)fdt + fdt_get_header(fdt, off_dt_strings);
	b->strings_size = fdt_get_header(fdt, size_dt_strings);
}

/* One decoded tag of the structure block. */
struct fdt_tag {
	u32 tag;           /* FDT_* */
	u32 next;          /* offset of the following tag */
	const char *name;  /* node name (FDT_BEGIN_NODE) or property name (FDT_PROP) */
	const void *value; /* property value (FDT_PROP) */
	u32 len;           /* its length in bytes */
};

/*
 * fdt_next_tag - decode the tag at @offset of the structure block, checking
 * that all of it (a node's name, a property's header, name and value) lies
 * inside the blocks.
 * RETURNS: 0, or -EINVAL with the reason appended to @msg.
 */
static int fdt_next_tag(const struct fdt_blocks *b, u32 offset, struct fdt_tag *t,
			char *msg, size_t msglen)
{
	u32 size = b->struct_size, start = offset;
	size_t n;

	if (offset > size || size - offset < 4) {
		boot_info_msg(msg, msglen,
			      "device tree: structure block ends at 0x%x without FDT_END",
			      (unsigned int)size);
		return -EINVAL;
	}
	t->tag = fdt32_ld(b->dt_struct + offset);
	offset += 4;
	switch (t->tag) {
	case FDT_BEGIN_NODE:
		t->name = (const char *)b->dt_struct + offset;
		n = strnlen(t->name, size - offset);
		if (n == size - offset) {
			boot_info_msg(msg, msglen,
				      "device tree: node name at 0x%x runs off the structure block",
				      (unsigned int)offset);
			return -EINVAL;
		}
		offset += n + 1;
		break;
	case FDT_PROP:
		if (size - offset < 8) {
			boot_info_msg(msg, msglen,
				      "device tree: property at 0x%x is cut off by the end of the structure block",
				      (unsigned int)start);
			return -EINVAL;
		}
		t->len = fdt32_ld(b->dt_struct + offset);
		n = fdt32_ld(b->dt_struct + offset + 4); /* nameoff */
		offset += 8;
		if (t->len > size - offset) {
			boot_info_msg(msg, msglen,
				      "device tree: property at 0x%x has length %u, past the end of the structure block",
				      (unsigned int)start, (unsigned int)t->len);
			return -EINVAL;
		}
		if (n >= b->strings_size ||
		    strnlen(b->strings + n, b->strings_size - n) == b->strings_size - n) {
			boot_info_msg(msg, msglen,
				      "device tree: property at 0x%x has its name at 0x%zx, outside the strings block",
				      (unsigned int)start, n);
			return -EINVAL;
		}
		t->name = b->strings + n;
		t->value = b->dt_struct + offset;
		offset += t->len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		boot_info_msg(msg, msglen, "device tree: unknown tag 0x%x at 0x%x",
			      (unsigned int)t->tag, (unsigned int)start);
		return -EINVAL;
	}
	t->next = ALIGN(offset, 4);
	return 0;
}

/* A block at @off of @size bytes must lie after the header, inside the blob. */
static int fdt_check_block(const char *what, u32 off, u32 size, u32 align, u32 hdrsize,
			   u32 totalsize, char *msg, size_t msglen)
{
	if (off % align || off < hdrsize || off > totalsize || size > totalsize - off) {
		boot_info_msg(msg, msglen,
			      "device tree: %s at 0x%x (0x%x bytes) is misaligned or outside the blob (header 0x%x, totalsize 0x%x)",
			      what, (unsigned int)off, (unsigned int)size, (unsigned int)hdrsize,
			      (unsigned int)totalsize);
		return -EINVAL;
	}
	return 0;
}

/* Header checks, as libfdt's fdt_check_header plus the blocks' bounds. */
static int fdt_check_header(const void *fdt, size_t max_len, char *msg, size_t msglen)
{
	u32 version, totalsize, hdrsize, struct_size;

	if ((uintptr_t)fdt & 3) {
		boot_info_msg(msg, msglen, "device tree at 0x%lx is not 4-byte aligned",
			      (unsigned long)(uintptr_t)fdt);
		return -EINVAL;
	}
	if (max_len < FDT_V17_SIZE) {
		boot_info_msg(msg, msglen,
			      "device tree: only %zu readable bytes, less than a header", max_len);
		return -EINVAL;
	}
	if (fdt_get_header(fdt, magic) != OF_DT_MAGIC) {
		boot_info_msg(msg, msglen, "device tree: bad magic 0x%08x (expected 0x%08x)",
			      (unsigned int)fdt_get_header(fdt, magic), OF_DT_MAGIC);
		return -EINVAL;
	}
	version = fdt_get_header(fdt, version);
	if (version < 16 || fdt_get_header(fdt, last_comp_version) > 17) {
		boot_info_msg(msg, msglen,
			      "device tree: version %u (compatible back to %u) is not 16 or 17",
			      (unsigned int)version,
			      (unsigned int)fdt_get_header(fdt, last_comp_version));
		return -EINVAL;
	}
	hdrsize = version >= 17 ? FDT_V17_SIZE : FDT_V16_SIZE;
	totalsize = fdt_get_header(fdt, totalsize);
	if (totalsize > max_len || totalsize > FDT_MAX_SIZE || totalsize < hdrsize) {
		boot_info_msg(msg, msglen,
			      "device tree: totalsize %u is %s", (unsigned int)totalsize,
			      totalsize > max_len ? "past the readable bytes" :
			      totalsize > FDT_MAX_SIZE ? "absurd (over 2 MiB)" :
			      "smaller than the header");
		return -EINVAL;
	}
	if (fdt_check_block("memory reservation map", fdt_get_header(fdt, off_mem_rsvmap), 16,
			    8, hdrsize, totalsize, msg, msglen))
		return -EINVAL;
	if (version >= 17)
		struct_size = fdt_get_header(fdt, size_dt_struct);
	else
		struct_size = 0;
	if (fdt_check_block("structure block", fdt_get_header(fdt, off_dt_struct), struct_size,
			    4, hdrsize, totalsize, msg, msglen))
		return -EINVAL;
	return fdt_check_block("strings block", fdt_get_header(fdt, off_dt_strings),
			       fdt_get_header(fdt, size_dt_strings), 1, hdrsize, totalsize,
			       msg, msglen);
}

/*
 * early_init_dt_verify - is @blob a device tree we can walk safely?
 * @max_len: how many bytes from @blob may be read
 *
 * Checks the header, then walks the whole structure block once: one root
 * node, nodes nested at most FDT_MAX_DEPTH deep and all closed, properties
 * inside nodes, every name and value inside its block, FDT_END at the end.
 * After this, of_scan_flat_dt() and of_get_flat_dt_prop() may use @blob.
 *
 * RETURNS: 0, or -EINVAL with the reason appended to @msg.
 */
int early_init_dt_verify(const void *blob, size_t max_len, char *msg, size_t msglen)
{
	struct fdt_blocks b;
	struct fdt_tag t;
	u32 offset = 0;
	int depth = 0;
	bool seen_root = false;

	if (fdt_check_header(blob, max_len, msg, msglen))
		return -EINVAL;
	fdt_blocks(blob, &b);

	for (;; offset = t.next) {
		if (fdt_next_tag(&b, offset, &t, msg, msglen))
			return -EINVAL;
		switch (t.tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && (seen_root || t.name[0])) {
				boot_info_msg(msg, msglen,
					      "device tree: node '%s' at 0x%x is outside the root node",
					      t.name, (unsigned int)offset);
				return -EINVAL;
			}
			if (++depth > FDT_MAX_DEPTH) {
				boot_info_msg(msg, msglen,
					      "device tree: nodes nested deeper than %d at 0x%x",
					      FDT_MAX_DEPTH, (unsigned int)offset);
				return -EINVAL;
			}
			seen_root = true;
			break;
		case FDT_END_NODE:
		case FDT_PROP:
			if (depth == 0) {
				boot_info_msg(msg, msglen,
					      "device tree: %s at 0x%x is outside any node",
					      t.tag == FDT_PROP ? "property" : "FDT_END_NODE",
					      (unsigned int)offset);
				return -EINVAL;
			}
			if (t.tag == FDT_END_NODE)
				depth--;
			break;
		case FDT_END:
			if (depth || !seen_root) {
				boot_info_msg(msg, msglen,
					      "device tree: FDT_END at 0x%x %s", (unsigned int)offset,
					      depth ? "inside an unclosed node" : "before any node");
				return -EINVAL;
			}
			return 0;
		}
	}
}

/*
 * of_scan_flat_dt - call @it on each node of a verified @blob, in order,
 * with its name ("" for the root) and depth (0 for the root), until @it
 * returns non-zero.
 * RETURNS: what @it last returned.
 */
int of_scan_flat_dt(const void *blob,
		    int (*it)(const void *blob, int node, const char *uname, int depth,
			      void *data),
		    void *data)
{
	struct fdt_blocks b;
	struct fdt_tag t;
	u32 offset;
	int depth = -1, rc = 0;

	fdt_blocks(blob, &b);
	for (offset = 0; !rc && !fdt_next_tag(&b, offset, &t, NULL, 0); offset = t.next) {
		if (t.tag == FDT_BEGIN_NODE)
			rc = it(blob, offset, t.name, ++depth, data);
		else if (t.tag == FDT_END_NODE)
			depth--;
		else if (t.tag == FDT_END)
			break;
	}
	return rc;
}

/*
 * of_get_flat_dt_prop - find property @name of @node in a verified @blob
 * @size: if not NULL, gets the value's length in bytes
 * RETURNS: the value (big-endian, 4-byte aligned), or NULL.
 */
const void *of_get_flat_dt_prop(const void *blob, int node, const char *name, int *size)
{
	struct fdt_blocks b;
	struct fdt_tag t;
	u32 offset;

	fdt_blocks(blob, &b);
	if (fdt_next_tag(&b, node, &t, NULL, 0) || t.tag != FDT_BEGIN_NODE)
		return NULL;
	for (offset = t.next; !fdt_next_tag(&b, offset, &t, NULL, 0); offset = t.next) {
		if (t.tag == FDT_NOP)
			continue;
		if (t.tag != FDT_PROP)
			break; /* properties come before subnodes */
		if (!strcmp(t.name, name)) {
			if (size)
				*size = t.len;
			return t.value;
		}
	}
	return NULL;
}

/* What the early scans share. */
struct dt_scan {
	struct boot_info *bi;
	char *msg;
	size_t msglen;
	int ret;                /* the first error */
	u32 dt_root_addr_cells; /* the root's #address-cells */
	u32 dt_root_size_cells; /* the root's #size-cells */
	bool have_mem;
};

static void dt_scan_fail(struct dt_scan *s)
{
	if (!s->ret)
		s->ret = -EINVAL;
}

/* A linux,initrd-start or -end value: 4 or 8 bytes. */
static bool dt_initrd_prop(const void *blob, int node, const char *name, u64 *v,
			   struct dt_scan *s)
{
	int len = 0;
	const void *prop = of_get_flat_dt_prop(blob, node, name, &len);

	if (len != 4 && len != 8) {
		boot_info_msg(s->msg, s->msglen, "/chosen/%s has %d bytes (expected 4 or 8)",
			      name, len);
		dt_scan_fail(s);
		return false;
	}
	*v = of_read_number(prop, len / 4);
	return true;
}

/* The initrd's place, from /chosen's linux,initrd-start and linux,initrd-end. */
static void early_init_dt_check_for_initrd(const void *blob, int node, struct dt_scan *s)
{
	bool has_start = of_get_flat_dt_prop(blob, node, "linux,initrd-start", NULL);
	bool has_end = of_get_flat_dt_prop(blob, node, "linux,initrd-end", NULL);
	u64 start, end;

	if (!has_start && !has_end)
		return;
	if (!has_start || !has_end) {
		boot_info_msg(s->msg, s->msglen, "/chosen has linux,initrd-%s but no linux,initrd-%s",
			      has_start ? "start" : "end", has_start ? "end" : "start");
		dt_scan_fail(s);
		return;
	}
	if (!dt_initrd_prop(blob, node, "linux,initrd-start", &start, s) ||
	    !dt_initrd_prop(blob, node, "linux,initrd-end", &end, s))
		return;
	if (end < start || end > 0x100000000ULL) {
		boot_info_msg(s->msg, s->msglen,
			      "/chosen: initrd 0x%llx-0x%llx is %s", (unsigned long long)start,
			      (unsigned long long)end,
			      end < start ? "backwards" : "beyond the 32-bit physical address space");
		dt_scan_fail(s);
		return;
	}
	s->bi->initrd_start = start;
	s->bi->initrd_size = end - start;
}

/* /chosen (or /chosen@0): the command line and the initrd. */
static int early_init_dt_scan_chosen(const void *blob, int node, const char *uname, int depth,
				     void *data)
{
	struct dt_scan *s = data;
	const char *p;
	int l;
	size_t len;

	if (depth != 1 || (strcmp(uname, "chosen") != 0 && strcmp(uname, "chosen@0") != 0))
		return 0;

	early_init_dt_check_for_initrd(blob, node, s);

	/* Retrieve command line */
	p = of_get_flat_dt_prop(blob, node, "bootargs", &l);
	if (p != NULL && l > 0) {
		len = strnlen(p, l);
		if (len == (size_t)l) {
			boot_info_msg(s->msg, s->msglen,
				      "/chosen/bootargs (%d bytes) is not NUL-terminated", l);
			dt_scan_fail(s);
			return 1;
		}
		if (len >= COMMAND_LINE_SIZE) {
			boot_info_msg(s->msg, s->msglen, "command line truncated from %zu to %d bytes",
				      len, COMMAND_LINE_SIZE - 1);
			len = COMMAND_LINE_SIZE - 1;
		}
		memcpy(s->bi->cmdline, p, len);
		s->bi->cmdline[len] = '\0';
	}

	/* break now */
	return 1;
}

/* A root #address-cells or #size-cells: one cell holding 1 or 2. */
static void dt_root_cells(const void *blob, int node, const char *name, u32 *cells,
			  struct dt_scan *s)
{
	int len;
	const void *prop = of_get_flat_dt_prop(blob, node, name, &len);

	if (!prop)
		return;
	if (len != 4 || fdt32_ld(prop) < 1 || fdt32_ld(prop) > 2) {
		boot_info_msg(s->msg, s->msglen,
			      "root %s is %s (this reader takes 1 or 2)", name,
			      len != 4 ? "not one cell" : "out of range");
		dt_scan_fail(s);
		*cells = 0;
		return;
	}
	*cells = fdt32_ld(prop);
}

/* Fetch the top level address and size cells (Linux's defaults: 1 and 1). */
static int early_init_dt_scan_root(const void *blob, int node, const char *uname, int depth,
				   void *data)
{
	struct dt_scan *s = data;

	if (depth != 0)
		return 0;

	s->dt_root_size_cells = 1;
	s->dt_root_addr_cells = 1;
	dt_root_cells(blob, node, "#size-cells", &s->dt_root_size_cells, s);
	dt_root_cells(blob, node, "#address-cells", &s->dt_root_addr_cells, s);

	/* break now */
	return 1;
}

/* One (base, size) pair of a memory node; we keep the first non-empty bank. */
static void early_init_dt_add_memory_arch(u64 base, u64 size, struct dt_scan *s)
{
	if (base > 0xffffffffULL) {
		boot_info_msg(s->msg, s->msglen, "Ignoring memory block 0x%llx - 0x%llx",
			      (unsigned long long)base, (unsigned long long)(base + size));
		return;
	}
	if (s->have_mem) {
		boot_info_msg(s->msg, s->msglen,
			      "ignoring memory bank 0x%llx+0x%llx: only the first one is used",
			      (unsigned long long)base, (unsigned long long)size);
		return;
	}
	if (base + size > 0xffffffffULL) {
		boot_info_msg(s->msg, s->msglen,
			      "Truncating memory at 0x%08x to fit in 32-bit physical address space",
			      (unsigned int)base);
		size = 0xffffffffULL - base;
	}
	s->bi->mem_start = base;
	s->bi->mem_size = size;
	s->have_mem = true;
}

/* Nodes with device_type = "memory": their linux,usable-memory or reg. */
static int early_init_dt_scan_memory(const void *blob, int node, const char *uname, int depth,
				     void *data)
{
	struct dt_scan *s = data;
	int l, pair = 4 * (s->dt_root_addr_cells + s->dt_root_size_cells);
	const char *type = of_get_flat_dt_prop(blob, node, "device_type", &l);
	const u8 *reg, *endp;

	/* We are scanning "memory" nodes only */
	if (type == NULL || l != sizeof("memory") || memcmp(type, "memory", l) != 0)
		return 0;

	reg = of_get_flat_dt_prop(blob, node, "linux,usable-memory", &l);
	if (reg == NULL)
		reg = of_get_flat_dt_prop(blob, node, "reg", &l);
	if (reg == NULL)
		return 0;

	if (l % pair)
		boot_info_msg(s->msg, s->msglen,
			      "memory node '%s': reg has %d bytes, not whole (address, size) pairs; ignoring the last %d",
			      uname, l, l % pair);
	for (endp = reg + l; endp - reg >= pair; reg += pair) {
		u64 base = of_read_number(reg, s->dt_root_addr_cells);
		u64 size = of_read_number(reg + 4 * s->dt_root_addr_cells, s->dt_root_size_cells);

		if (size == 0)
			continue;
		early_init_dt_add_memory_arch(base, size, s);
	}

	return 0;
}

/*
 * early_init_dt_scan - read the device tree at @blob into @bi
 * @max_len: how many bytes from @blob may be read
 *
 * After early_init_dt_verify(): /chosen's bootargs and initrd, the root's
 * #address-cells/#size-cells, then the memory nodes. A bad /chosen fails the
 * parse but keeps the memory bank.
 *
 * RETURNS: 0, -EINVAL (malformed blob or property), -ENOENT (no memory).
 */
int early_init_dt_scan(const void *blob, size_t max_len, struct boot_info *bi, char *msg,
		       size_t msglen)
{
	struct dt_scan s = { .bi = bi, .msg = msg, .msglen = msglen };

	boot_info_init(bi, "device tree", msg, msglen);
	if (early_init_dt_verify(blob, max_len, msg, msglen))
		return -EINVAL;

	/* Retrieve various information from the /chosen node */
	of_scan_flat_dt(blob, early_init_dt_scan_chosen, &s);
	/* Initialize {size,address}-cells info */
	of_scan_flat_dt(blob, early_init_dt_scan_root, &s);
	/* Setup memory */
	if (s.dt_root_addr_cells && s.dt_root_size_cells)
		of_scan_flat_dt(blob, early_init_dt_scan_memory, &s);

	if (!s.have_mem) {
		boot_info_msg(msg, msglen,
			      "device tree has no memory node (device_type = \"memory\") with a non-empty reg");
		return s.ret ?: -ENOENT;
	}
	if (s.ret)
		boot_info_msg(msg, msglen, "kept memory 0x%08x+0x%08x",
			      (unsigned int)bi->mem_start, (unsigned int)bi->mem_size);
	return s.ret;
}
