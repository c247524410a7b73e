/* A small reader of flattened device trees (the parts of libfdt and of Linux's
 * include/linux/of_fdt.h that early boot uses). Everything is big-endian in
 * the blob; a node is named by the offset of its FDT_BEGIN_NODE tag in the
 * structure block, as in libfdt (the root node is 0). */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

#include <linux/bootinfo.h>
#include <linux/types.h>

/* Devicetree Specification v0.2, chapter 5 */
struct fdt_header {
	u32 magic;              /* OF_DT_MAGIC */
	u32 totalsize;          /* of the whole blob, in bytes */
	u32 off_dt_struct;      /* offset of the structure block */
	u32 off_dt_strings;     /* offset of the strings block (property names) */
	u32 off_mem_rsvmap;     /* offset of the memory reservation map */
	u32 version;
	u32 last_comp_version;  /* oldest version this blob is compatible with */
	u32 boot_cpuid_phys;
	u32 size_dt_strings;
	u32 size_dt_struct;     /* version 17 on */
};

#define FDT_V16_SIZE 36 /* header bytes up to size_dt_strings */
#define FDT_V17_SIZE 40

/* Structure block tags, each a 32-bit word on a 4-byte boundary. */
#define FDT_BEGIN_NODE 0x1 /* followed by the NUL-terminated node name */
#define FDT_END_NODE 0x2
#define FDT_PROP 0x3       /* followed by u32 len, u32 nameoff, len bytes */
#define FDT_NOP 0x4
#define FDT_END 0x9

#define FDT_MAX_DEPTH 64         /* as Linux's drivers/of/fdt.c */
#define FDT_MAX_SIZE (2U << 20)  /* as arm64's MAX_FDT_SIZE: larger is absurd */

int early_init_dt_verify(const void *blob, size_t max_len, char *msg, size_t msglen);
int of_scan_flat_dt(const void *blob,
		    int (*it)(const void *blob, int node, const char *uname, int depth,
			      void *data),
		    void *data);
const void *of_get_flat_dt_prop(const void *blob, int node, const char *name, int *size);

/* A big-endian number of @size 32-bit cells (1 or 2), as Linux's of_read_number(). */
static inline u64 of_read_number(const void *cell, int size)
{
	const u8 *b = cell;
	u64 r = 0;
	int i;

	for (i = 0; i < size * 4; i++)
		r = (r << 8) | b[i];
	return r;
}

#endif
