/* sources: kernel/kallsyms.c tests/host/data/kallsyms_sample.S */
/* kallsyms end to end: tools/kallsyms turned data/kallsyms_sample.nm (nm -n
 * of a made-up kernel) into data/kallsyms_sample.S, which is linked in here
 * and looked up by the kernel's code; the generator's own rules are tested by
 * including it (its main() renamed). */
#define _POSIX_C_SOURCE 200809L /* fmemopen, open_memstream; no <sys/types.h> */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

#define main kallsyms_tool_main
#include "../../tools/kallsyms.c"
#undef main

static char buf[KSYM_SYMBOL_LEN];

static const char *pS(unsigned long addr)
{
	sprint_symbol(buf, addr);
	return buf;
}

static void test_table_shape(void **state)
{
	/* 29 nm lines, 18 kept: text symbols between _text and _etext. */
	assert_int_equal(kallsyms_num_syms, 18);
	assert_int_equal(kallsyms_addresses[0], 0xc0008000);
	assert_int_equal(kallsyms_addresses[kallsyms_num_syms], 0xc0009270);
	assert_string_equal(kallsyms_names + kallsyms_name_offsets[kallsyms_num_syms - 1], "_etext");
}

static void test_lookup_inside_a_symbol(void **state)
{
	char name[KSYM_NAME_LEN];
	unsigned long size = 0, offset = 0;

	assert_ptr_equal(kallsyms_lookup(0xc0009104, &size, &offset, name), name);
	assert_string_equal(name, "do_fork");
	assert_int_equal(size, 0x60);
	assert_int_equal(offset, 4);
	assert_string_equal(pS(0xc0009104), "do_fork+0x4/0x60");
	assert_int_equal(sprint_symbol(buf, 0xc0009104), strlen("do_fork+0x4/0x60"));
	assert_string_equal(pS(0xc000925c), "panic+0x1c/0x30");
}

static void test_lookup_first_byte(void **state)
{
	assert_string_equal(pS(0xc0009160), "sys_exit_group+0x0/0x20");
	/* Of the aliases at one address, the strong name with fewest underscores. */
	assert_string_equal(pS(0xc0009000), "stext+0x0/0x20");
	assert_string_equal(pS(0xc0009100), "do_fork+0x0/0x60");
}

static void test_lookup_in_padding(void **state)
{
	/* Between sys_exit_group's last instruction and do_group_exit: Linux
	 * counts the padding as part of the symbol before. */
	assert_string_equal(pS(0xc000917c), "sys_exit_group+0x1c/0x20");
	/* The $d mapping symbol inside ret_to_user does not split it. */
	assert_string_equal(pS(0xc00090e0), "ret_to_user+0x20/0x40");
	/* Nor does the rodata symbol, nor the name too long for kallsyms. */
	assert_string_equal(pS(0xc0009140), "do_fork+0x40/0x60");
	assert_string_equal(pS(0xc00091c0), "do_exit.part.0+0x20/0x60");
}

static void test_outside_the_text(void **state)
{
	char name[KSYM_NAME_LEN];
	unsigned long size = 7, offset = 7;

	/* Before the first symbol, _text. */
	assert_null(kallsyms_lookup(0xc0007ffc, &size, &offset, name));
	assert_string_equal(name, "");
	assert_int_equal(size, 7);
	assert_string_equal(pS(0xc0007ffc), "0xc0007ffc");
	/* _etext itself is still text (Linux's is_kernel_text() has <=)... */
	assert_string_equal(pS(0xc0009270), "_etext+0x0/0x0");
	/* ...but past it is not. */
	assert_string_equal(pS(0xc0009271), "0xc0009271");
	assert_string_equal(pS(0xc000a100), "0xc000a100");
	assert_string_equal(pS(0), "0x0");
	assert_int_equal(sprint_symbol(buf, 0xc000a100), strlen("0xc000a100"));
}

static void test_head_text(void **state)
{
	/* head.S's code, between _text and _stext, has names too (Linux's
	 * kallsyms covers ARM's __mmap_switched, in its init text). */
	assert_string_equal(pS(0xc0008000), "_start+0x0/0x40");
	assert_string_equal(pS(0xc0008040), "__hyp_drop+0x0/0xfc0");
	assert_string_equal(pS(0xc0008fff), "__hyp_drop+0xfbf/0xfc0");
}

static void test_no_offset(void **state)
{
	sprint_symbol_no_offset(buf, 0xc0009104);
	assert_string_equal(buf, "do_fork");
	sprint_symbol_no_offset(buf, 0xc0009271);
	assert_string_equal(buf, "0xc0009271");
}

static void test_backtrace_address(void **state)
{
	/* A return address just past a call to a noreturn function at the end
	 * of sys_exit_group is the first byte of do_group_exit. */
	sprint_backtrace(buf, 0xc0009180);
	assert_string_equal(buf, "sys_exit_group+0x20/0x20");
	sprint_backtrace(buf, 0xc0009184);
	assert_string_equal(buf, "do_group_exit+0x4/0x20");
	sprint_backtrace(buf, 0xc0008000);
	assert_string_equal(buf, "0xc0008000");
}

/* Run the generator on @input; the output (or NULL if it failed) in @out. */
static int generate(const char *input, char **out)
{
	size_t len;
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	FILE *o = open_memstream(out, &len);
	int ret;

	ret = kallsyms_generate(in, o);
	fclose(in);
	fclose(o);
	return ret;
}

static char *read_file(const char *path)
{
	static char text[16384];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

static void test_generator_matches_fixture(void **state)
{
	char *out;

	/* The committed table is exactly what the generator writes today. */
	assert_int_equal(generate(read_file("tests/host/data/kallsyms_sample.nm"), &out), 0);
	assert_string_equal(out, read_file("tests/host/data/kallsyms_sample.S"));
	free(out);
}

static void test_generator_empty_table(void **state)
{
	char *out;

	/* The first link pass: no kernel yet, so an empty table. */
	assert_int_equal(generate("", &out), 0);
	assert_non_null(strstr(out, "\t.section .rodata.kallsyms, \"a\"\n"));
	assert_non_null(strstr(out, "kallsyms_num_syms:\n\t.long 0\n"));
	assert_non_null(strstr(out, "kallsyms_addresses:\n\t.long 0x00000000\t/* end of the text: _etext */\n"));
	assert_non_null(strstr(out, "kallsyms_names:\n\t.byte 0\n\t.balign 4\n"));
	free(out);
}

static void test_generator_rejects_bad_input(void **state)
{
	char *out = NULL;

	assert_int_equal(generate("c0008000 T foo\n", &out), 1);
	free(out);
	assert_int_equal(generate("c0008000 T _text\nc0009000 T _etext\nnot nm output\n", &out), 1);
	free(out);
	assert_int_equal(generate("1c0008000 T _text\n", &out), 1);
	free(out);
	assert_int_equal(generate("c0009000 T _text\nc0008000 T _etext\n", &out), 1);
	free(out);
	/* _stext alone does not start the range. */
	assert_int_equal(generate("c0008000 T _stext\nc0009000 T _etext\n", &out), 1);
	free(out);
}

static void test_generator_sorts_and_escapes(void **state)
{
	char *out;

	/* Unsorted input; a weak and a linker-provided alias; an odd name. */
	assert_int_equal(generate("c0008010 W weak_one\n"
				  "c0008000 T _text\n"
				  "c0008010 T __foo_end\n"
				  "c0008010 T __strong\n"
				  "c0008020 t a\"b\\c\n"
				  "c0008030 T _etext\n", &out), 0);
	assert_non_null(strstr(out, "\t.long 0xc0008010\t/* __strong */\n"
				    "\t.long 0xc0008010\t/* __foo_end */\n"
				    "\t.long 0xc0008010\t/* weak_one */\n"));
	assert_non_null(strstr(out, "\t.asciz \"a\\\"b\\\\c\"\n"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_shape),
		cmocka_unit_test(test_lookup_inside_a_symbol),
		cmocka_unit_test(test_lookup_first_byte),
		cmocka_unit_test(test_lookup_in_padding),
		cmocka_unit_test(test_outside_the_text),
		cmocka_unit_test(test_head_text),
		cmocka_unit_test(test_no_offset),
		cmocka_unit_test(test_backtrace_address),
		cmocka_unit_test(test_generator_matches_fixture),
		cmocka_unit_test(test_generator_empty_table),
		cmocka_unit_test(test_generator_rejects_bad_input),
		cmocka_unit_test(test_generator_sorts_and_escapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
