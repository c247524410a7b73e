/* sources: kernel/fs/elf_parse.c */
/* Tests of elf_check_exec(): a hand-built valid executable and one broken
 * or hostile variant per rule, a real arm-none-eabi-gcc binary
 * (data/static-arm.elf), truncations and random corruption. */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/memory.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#define IMG_MAX (4 * PAGE_SIZE)

static u8 img[IMG_MAX] __aligned(8);
static size_t img_len;
static struct elf_exec_info info;

static Elf32_Ehdr *eh(void)
{
	return (Elf32_Ehdr *)img;
}

static Elf32_Phdr *ph(unsigned int i)
{
	return (Elf32_Phdr *)(img + eh()->e_phoff) + i;
}

static void set_phdr(unsigned int i, u32 type, u32 offset, u32 vaddr, u32 filesz,
		     u32 memsz, u32 flags)
{
	*ph(i) = (Elf32_Phdr){ .p_type = type, .p_offset = offset, .p_vaddr = vaddr,
			       .p_paddr = vaddr, .p_filesz = filesz, .p_memsz = memsz,
			       .p_flags = flags, .p_align = PAGE_SIZE };
}

/*
 * The shape GNU ld gives a static Linux executable: a text segment that
 * starts at file offset 0 (so it holds the headers), a data segment with
 * a bss, and PT_GNU_STACK.
 */
static int build_valid(void **state)
{
	memset(img, 0, sizeof(img));
	memcpy(eh()->e_ident, ELFMAG, SELFMAG);
	eh()->e_ident[EI_CLASS] = ELFCLASS32;
	eh()->e_ident[EI_DATA] = ELFDATA2LSB;
	eh()->e_ident[EI_VERSION] = EV_CURRENT;
	eh()->e_type = ET_EXEC;
	eh()->e_machine = EM_ARM;
	eh()->e_version = EV_CURRENT;
	eh()->e_entry = 0x10100;
	eh()->e_phoff = sizeof(Elf32_Ehdr);
	eh()->e_flags = EF_ARM_EABI_VER5 | 0x200;	/* soft-float, as gcc marks it */
	eh()->e_ehsize = sizeof(Elf32_Ehdr);
	eh()->e_phentsize = sizeof(Elf32_Phdr);
	eh()->e_phnum = 3;
	set_phdr(0, PT_LOAD, 0, 0x10000, 0x1000, 0x1000, PF_R | PF_X);
	set_phdr(1, PT_LOAD, 0x1010, 0x21010, 0x100, 0x2000, PF_R | PF_W);
	set_phdr(2, PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W);
	img_len = 0x1110;
	return 0;
}

static int check(void)
{
	return elf_check_exec(img, img_len, &info);
}

static void expect_reject(const char *reason)
{
	assert_int_equal(check(), -ENOEXEC);
	assert_non_null(info.reason);
	if (!strstr(info.reason, reason))
		fail_msg("reason \"%s\", expected \"%s\"", info.reason, reason);
}

static void test_valid_executable(void **state)
{
	assert_int_equal(check(), 0);
	assert_null(info.reason);
	assert_int_equal(info.entry, 0x10100);
	assert_int_equal(info.phnum, 3);
	assert_int_equal(info.phent, 32);
	/* AT_PHDR: first PT_LOAD's p_vaddr - p_offset, plus e_phoff */
	assert_int_equal(info.phdr_addr, 0x10034);
	assert_int_equal(info.nr_loads, 2);
	assert_int_equal(info.loads[0].vaddr, 0x10000);
	assert_int_equal(info.loads[0].memsz, 0x1000);
	assert_int_equal(info.loads[0].offset, 0);
	assert_int_equal(info.loads[0].filesz, 0x1000);
	assert_int_equal(info.loads[0].flags, PF_R | PF_X);
	assert_int_equal(info.loads[1].vaddr, 0x21010);
	assert_int_equal(info.loads[1].memsz, 0x2000);
	assert_int_equal(info.loads[1].offset, 0x1010);
	assert_int_equal(info.loads[1].filesz, 0x100);
	assert_int_equal(info.loads[1].flags, PF_R | PF_W);
	assert_int_equal(info.start_code, 0x10000);
	assert_int_equal(info.end_code, 0x11000);
	assert_int_equal(info.start_data, 0x21010);
	assert_int_equal(info.end_data, 0x21110);
	assert_int_equal(info.elf_bss, 0x21110);
	assert_int_equal(info.start_brk, 0x24000);	/* 0x23010 rounded up */
	assert_false(info.exec_stack);
}

static void test_image_at_odd_address(void **state)
{
	static u8 shifted[IMG_MAX + 1];
	struct elf_exec_info odd;

	memcpy(shifted + 1, img, img_len);
	assert_int_equal(elf_check_exec(shifted + 1, img_len, &odd), 0);
	assert_int_equal(check(), 0);
	assert_memory_equal(&odd, &info, sizeof(info));
}

static void test_thumb_entry(void **state)
{
	eh()->e_entry = 0x10101;
	assert_int_equal(check(), 0);
	assert_int_equal(info.entry, 0x10101);
}

static void test_ignored_segment_types(void **state)
{
	set_phdr(2, PT_ARM_EXIDX, 0x800, 0x10800, 0x40, 0x40, PF_R);
	assert_int_equal(check(), 0);
	set_phdr(2, PT_NOTE, 0x100, 0x10100, 0x20, 0x20, PF_R);
	assert_int_equal(check(), 0);
	set_phdr(2, PT_TLS, 0x1010, 0x21010, 0x10, 0x20, PF_R);
	assert_int_equal(check(), 0);
	assert_int_equal(info.nr_loads, 2);
}

static void test_executable_stack(void **state)
{
	ph(2)->p_flags = PF_R | PF_W | PF_X;
	assert_int_equal(check(), 0);
	assert_true(info.exec_stack);
}

static void test_segments_sharing_a_page(void **state)
{
	set_phdr(0, PT_LOAD, 0, 0x10000, 0x800, 0x800, PF_R | PF_X);
	set_phdr(1, PT_LOAD, 0x800, 0x10800, 0x100, 0x1000, PF_R | PF_W);
	assert_int_equal(check(), 0);
	assert_int_equal(info.nr_loads, 2);
	assert_int_equal(info.start_brk, 0x12000);
}

static void test_edges_of_the_address_space(void **state)
{
	set_phdr(0, PT_LOAD, 0, MMAP_MIN_ADDR, 0x1000, 0x1000, PF_R | PF_X);
	set_phdr(1, PT_LOAD, 0x1010, TASK_SIZE - 0x1ff0, 0x100, 0x1ff0, PF_R | PF_W);
	eh()->e_entry = MMAP_MIN_ADDR + 0x100;
	assert_int_equal(check(), 0);
	assert_int_equal(info.start_brk, TASK_SIZE);
}

static void test_sixteen_loads(void **state)
{
	unsigned int i;

	eh()->e_phnum = ELF_MAX_LOADS + 1;
	for (i = 0; i < ELF_MAX_LOADS; i++)
		set_phdr(i, PT_LOAD, 0, 0x10000 + i * PAGE_SIZE, i ? 0 : 0x1000, 0x1000, PF_R | PF_X);
	set_phdr(ELF_MAX_LOADS, PT_NOTE, 0, 0, 0, 0, 0);
	assert_int_equal(check(), 0);
	assert_int_equal(info.nr_loads, ELF_MAX_LOADS);
	set_phdr(ELF_MAX_LOADS, PT_LOAD, 0, 0x10000 + ELF_MAX_LOADS * PAGE_SIZE, 0, 0x1000, PF_R);
	expect_reject("too many PT_LOAD");
}

#define REJECT(name, reason, ...)           \
	static void name(void **state)      \
	{                                   \
		__VA_ARGS__;                \
		expect_reject(reason);      \
	}

REJECT(test_too_short, "shorter than an ELF header", img_len = sizeof(Elf32_Ehdr) - 1)
REJECT(test_empty, "shorter than an ELF header", img_len = 0)
REJECT(test_bad_magic, "bad ELF magic", img[EI_MAG1] = 'e')
REJECT(test_elf64, "not ELFCLASS32", img[EI_CLASS] = ELFCLASS64)
REJECT(test_big_endian, "not little-endian", img[EI_DATA] = ELFDATA2MSB)
REJECT(test_bad_ident_version, "bad ELF version", img[EI_VERSION] = 2)
REJECT(test_bad_e_version, "bad ELF version", eh()->e_version = 0)
REJECT(test_et_rel, "not an executable", eh()->e_type = ET_REL)
REJECT(test_x86, "not an ARM executable", eh()->e_machine = EM_386)
REJECT(test_misaligned_arm_entry, "4-byte aligned", eh()->e_entry = 0x10102)
REJECT(test_oabi, "EABI version 5", eh()->e_flags = 0)
REJECT(test_eabi4, "EABI version 5", eh()->e_flags = EF_ARM_EABI_VER4)
REJECT(test_bad_phentsize, "e_phentsize", eh()->e_phentsize = 40)
REJECT(test_no_phdrs, "e_phnum", eh()->e_phnum = 0)
REJECT(test_too_many_phdrs, "e_phnum", eh()->e_phnum = 2049)
REJECT(test_phdrs_past_end, "program headers past the end", eh()->e_phoff = img_len - 40)
REJECT(test_phoff_wraps, "program headers past the end", eh()->e_phoff = 0xffffffe0)
REJECT(test_interp_too_short, "PT_INTERP name",
       set_phdr(2, PT_INTERP, 0x1000, 0, 1, 1, PF_R))
REJECT(test_interp_too_long, "PT_INTERP name",
       set_phdr(2, PT_INTERP, 0x100, 0, 4097, 4097, PF_R))
REJECT(test_interp_past_end, "PT_INTERP past the end",
       set_phdr(2, PT_INTERP, 0x1100, 0, 0x20, 0x20, PF_R))
REJECT(test_phdrs_over_a_page, "larger than a page",
       eh()->e_phnum = 129; img_len = 0x2000)
REJECT(test_filesz_over_memsz, "p_filesz > p_memsz", ph(1)->p_filesz = 0x3000)
REJECT(test_data_past_end, "past the end of the file", ph(1)->p_offset = 0x2010)
REJECT(test_offset_wraps, "past the end of the file",
       ph(1)->p_offset = 0xfffff010; ph(1)->p_filesz = 0x1ff0)
REJECT(test_above_task_size, "above TASK_SIZE", ph(1)->p_vaddr = TASK_SIZE - 0x1ff0 + 0x1000)
REJECT(test_vaddr_wraps, "above TASK_SIZE", ph(1)->p_vaddr = 0xfffff010)
REJECT(test_kernel_address, "above TASK_SIZE", ph(1)->p_vaddr = PAGE_OFFSET + 0x10)
REJECT(test_first_page, "first page", ph(0)->p_vaddr = 0; eh()->e_entry = 0x100)
REJECT(test_first_page_end, "first page",
       set_phdr(0, PT_LOAD, 0xfff, 0xfff, 0x10, 0x10, PF_R | PF_X))
REJECT(test_not_congruent, "modulo the page size", ph(1)->p_offset = 0x100c)
REJECT(test_overlap, "overlap",
       set_phdr(1, PT_LOAD, 0xff0, 0x10ff0, 0x100, 0x100, PF_R | PF_W))
REJECT(test_descending, "ascending p_vaddr",
       set_phdr(1, PT_LOAD, 0x1010, 0x8010, 0x100, 0x100, PF_R))
REJECT(test_no_load, "no PT_LOAD", ph(0)->p_type = PT_NOTE; ph(1)->p_type = PT_NOTE)
REJECT(test_entry_outside, "entry point outside", eh()->e_entry = 0x30000)
REJECT(test_entry_in_data, "entry point outside", eh()->e_entry = 0x21010)
REJECT(test_entry_in_bss, "entry point outside",
       set_phdr(0, PT_LOAD, 0, 0x10000, 0x1000, 0x2000, PF_R | PF_X); eh()->e_entry = 0x11800)

/* A position-independent executable (what Debian's gcc makes by default):
 * ET_DYN from address 0, its interpreter named by PT_INTERP, PT_DYNAMIC. */
static void test_pie_with_interpreter(void **state)
{
	static const char interp[] = "/lib/ld-linux-armhf.so.3";

	eh()->e_type = ET_DYN;
	eh()->e_entry = 0x101;
	eh()->e_phnum = 4;
	set_phdr(0, PT_INTERP, 0x100, 0x100, sizeof(interp), sizeof(interp), PF_R);
	set_phdr(1, PT_LOAD, 0, 0, 0x1000, 0x1000, PF_R | PF_X);
	set_phdr(2, PT_LOAD, 0x1010, 0x11010, 0x100, 0x2000, PF_R | PF_W);
	set_phdr(3, PT_DYNAMIC, 0x1010, 0x11010, 0x80, 0x80, PF_R | PF_W);
	memcpy(img + 0x100, interp, sizeof(interp));
	assert_int_equal(check(), 0);
	assert_int_equal(info.type, ET_DYN);
	assert_int_equal(info.interp_offset, 0x100);
	assert_int_equal(info.interp_size, sizeof(interp));
	assert_int_equal(info.nr_loads, 2);
	assert_int_equal(info.loads[0].vaddr, 0);
	assert_int_equal(info.phdr_addr, 0x34);
	assert_int_equal(info.start_brk, 0x14000);
}

/* The two steps the kernel takes on a file it reads piecemeal. */
static void test_header_then_phdrs(void **state)
{
	struct elf_exec_info steps;

	assert_int_equal(elf_check_ehdr(eh(), img_len, &steps), 0);
	assert_int_equal(steps.phoff, sizeof(Elf32_Ehdr));
	assert_int_equal(elf_check_phdrs(eh(), ph(0), img_len, &steps), 0);
	assert_int_equal(check(), 0);
	assert_memory_equal(&steps, &info, sizeof(info));
	/* The segments are checked against the file's size, not the buffer's. */
	assert_int_equal(elf_check_ehdr(eh(), 0x1100, &steps), 0);
	assert_int_equal(elf_check_phdrs(eh(), ph(0), 0x1100, &steps), -ENOEXEC);
	assert_non_null(strstr(steps.reason, "past the end of the file"));
}

/* data/static-arm.elf, as mkfixtures.sh builds it: text at 0x8000 from
 * file offset 0x1000, data+bss at 0x9030. */
static void test_real_gcc_binary(void **state)
{
	FILE *f = fopen("tests/host/data/static-arm.elf", "rb");

	assert_non_null(f);
	img_len = fread(img, 1, sizeof(img), f);
	fclose(f);
	assert_true(img_len > sizeof(Elf32_Ehdr) && img_len < sizeof(img));
	assert_int_equal(check(), 0);
	assert_int_equal(info.entry, 0x8000);
	assert_int_equal(info.nr_loads, 2);
	assert_int_equal(info.loads[0].vaddr, 0x8000);
	assert_int_equal(info.loads[0].offset, 0x1000);
	assert_int_equal(info.loads[0].flags, PF_R | PF_X);
	assert_int_equal(info.loads[1].vaddr, 0x9030);
	assert_int_equal(info.loads[1].filesz, 4);
	assert_int_equal(info.loads[1].memsz, 0x404);
	assert_int_equal(info.loads[1].flags, PF_R | PF_W);
	assert_int_equal(info.phdr_addr, 0x8000 - 0x1000 + 52);
	assert_int_equal(info.start_brk, 0xa000);
}

/* Whatever is accepted must satisfy the contract the loader relies on. */
static void assert_contract(size_t len)
{
	unsigned int i;

	for (i = 0; i < info.nr_loads; i++) {
		const struct elf_load_segment *s = &info.loads[i];

		assert_true((u64)s->offset + s->filesz <= len);
		assert_true(s->filesz <= s->memsz);
		assert_true(s->vaddr >= MMAP_MIN_ADDR);
		assert_true((u64)s->vaddr + s->memsz <= TASK_SIZE);
		if (i)
			assert_true(s->vaddr >= info.loads[i - 1].vaddr + info.loads[i - 1].memsz);
	}
	assert_true(info.start_brk <= TASK_SIZE);
}

static void test_every_truncation(void **state)
{
	size_t full = img_len, len;

	for (len = 0; len <= full; len++) {
		int ret = elf_check_exec(img, len, &info);

		assert_int_equal(ret, len == full ? 0 : -ENOEXEC);
	}
}

static void test_random_corruption(void **state)
{
	static u8 copy[IMG_MAX];
	unsigned int seed = 99, round, accepted = 0;
	const size_t hdrs = sizeof(Elf32_Ehdr) + 3 * sizeof(Elf32_Phdr);

	memcpy(copy, img, sizeof(img));
	for (round = 0; round < 20000; round++) {
		unsigned int flips = 1 + round % 4, i;

		memcpy(img, copy, sizeof(img));
		for (i = 0; i < flips; i++) {
			seed = seed * 1103515245 + 12345;
			img[(seed >> 8) % hdrs] ^= 1u << ((seed >> 4) & 7);
		}
		if (check() == 0) {
			accepted++;
			assert_contract(img_len);
		} else {
			assert_non_null(info.reason);
		}
	}
	/* Flips in padding and p_paddr/p_align are harmless: some must pass. */
	assert_true(accepted > 0 && accepted < 20000);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup(name, build_valid)
	const struct CMUnitTest tests[] = {
		T(test_valid_executable), T(test_image_at_odd_address), T(test_thumb_entry),
		T(test_ignored_segment_types), T(test_executable_stack),
		T(test_segments_sharing_a_page), T(test_edges_of_the_address_space),
		T(test_sixteen_loads), T(test_too_short), T(test_empty), T(test_bad_magic),
		T(test_elf64), T(test_big_endian), T(test_bad_ident_version),
		T(test_bad_e_version), T(test_et_rel), T(test_x86),
		T(test_misaligned_arm_entry), T(test_oabi), T(test_eabi4),
		T(test_bad_phentsize), T(test_no_phdrs), T(test_too_many_phdrs),
		T(test_phdrs_past_end), T(test_phoff_wraps), T(test_interp_too_short),
		T(test_interp_too_long), T(test_interp_past_end), T(test_phdrs_over_a_page),
		T(test_pie_with_interpreter), T(test_header_then_phdrs),
		T(test_filesz_over_memsz), T(test_data_past_end), T(test_offset_wraps),
		T(test_above_task_size), T(test_vaddr_wraps), T(test_kernel_address),
		T(test_first_page), T(test_first_page_end), T(test_not_congruent),
		T(test_overlap), T(test_descending), T(test_no_load), T(test_entry_outside),
		T(test_entry_in_data), T(test_entry_in_bss), T(test_real_gcc_binary),
		T(test_every_truncation), T(test_random_corruption),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
