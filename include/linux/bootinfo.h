/* What the boot loader told us in r2, from an ATAG list (Linux's
 * arch/arm/kernel/atags_parse.c) or a flattened device tree (drivers/of/fdt.c),
 * read without trusting the blob: every parser takes the number of bytes it
 * may read and explains what it rejected. */
#ifndef _LINUX_BOOTINFO_H
#define _LINUX_BOOTINFO_H

#include <linux/init.h>
#include <linux/types.h>

struct boot_info {
	char cmdline[COMMAND_LINE_SIZE];
	u32 mem_start, mem_size;         /* physical; the first memory bank */
	u32 initrd_start, initrd_size;   /* physical; size 0 = no initrd */
	const char *source;              /* "ATAGs", "device tree" or "none" */
};

/* ATAG list (Linux's arch/arm/include/uapi/asm/setup.h): each tag starts
 * with its size in 32-bit words (header included) and its tag number. */
#define ATAG_NONE 0x00000000
#define ATAG_CORE 0x54410001
#define ATAG_MEM 0x54410002
#define ATAG_INITRD2 0x54420005
#define ATAG_CMDLINE 0x54410009

#define ATAG_CORE_SIZE 5        /* words: header + flags, pagesize, rootdev */
#define ATAG_CORE_SIZE_EMPTY 2  /* words: header only */

#define OF_DT_MAGIC 0xd00dfeed  /* big-endian, the first word of a device tree */

enum boot_blob {
	BOOT_BLOB_NONE,
	BOOT_BLOB_ATAGS,
	BOOT_BLOB_FDT,
};

/*
 * The parsers below fill @bi and return 0, or a negative errno. @msg (of
 * @msglen bytes) gets one line saying what was wrong, or on success any
 * warnings (empty if none). On failure @bi keeps what was read before and
 * after the problem where that is safe, as Linux does (a bad command line
 * does not lose the memory size); the message then says so.
 */
enum boot_blob boot_info_detect(const void *p, size_t max_len);
int boot_info_parse(const void *p, size_t max_len, struct boot_info *bi,
		    char *msg, size_t msglen);
int parse_tags(const void *tags, size_t max_len, struct boot_info *bi,
	       char *msg, size_t msglen);
int early_init_dt_scan(const void *blob, size_t max_len, struct boot_info *bi,
		       char *msg, size_t msglen);

/* Start @bi afresh (all zero, @source) and empty @msg. */
void boot_info_init(struct boot_info *bi, const char *source, char *msg, size_t msglen);
/* Append one formatted note to @msg, separated from earlier ones by "; ". */
void boot_info_msg(char *msg, size_t msglen, const char *fmt, ...) __printf(3, 4);

#endif
