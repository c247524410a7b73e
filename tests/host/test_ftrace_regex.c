/* sources: kernel/trace/ftrace_regex.c kernel/lib/glob.c kernel/kallsyms.c */
/* The words of set_ftrace_filter, set_ftrace_notrace and set_graph_function:
 * Linux's filter_parse_regex classes, glob_match, and which functions a word
 * adds to or takes out of a set, as Linux 4.19's match_records and
 * ftrace_graph_set_hash decide (a word that matches nothing is Linux's
 * "write error: Invalid argument"). */
#include <linux/ftrace_regex.h>
#include <linux/glob.h>
#include <linux/kernel.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

/* A made-up text: 0x40 bytes per function, in address (and name) order. */
const u32 kallsyms_num_syms = 11;
const u32 kallsyms_addresses[12] = {
	0xc0200000, 0xc0200040, 0xc0200080, 0xc02000c0, 0xc0200100, 0xc0200140,
	0xc0200180, 0xc02001c0, 0xc0200200, 0xc0200240, 0xc0200280, 0xc02002c0, /* _etext */
};
const u32 kallsyms_name_offsets[11] = { 0, 9, 23, 39, 52, 60, 74, 84, 96, 107, 119 };
const char kallsyms_names[] = "_do_fork\0__send_signal\0complete_signal\0copy_process\0do_exit\0"
			      "do_group_exit\0do_signal\0send_signal\0sys_getpid\0sys_setpgid\0"
			      "sys_setsid";
enum { DO_FORK, SEND_SIGNAL_, COMPLETE_SIGNAL, COPY_PROCESS, DO_EXIT, DO_GROUP_EXIT, DO_SIGNAL,
       SEND_SIGNAL, SYS_GETPID, SYS_SETPGID, SYS_SETSID, NR };

/* Each function's call site, 0x14 into it as in the real kernel. */
static struct dyn_ftrace recs[NR];

static int setup(void **state)
{
	int i;

	for (i = 0; i < NR; i++)
		recs[i].ip = kallsyms_addresses[i] + 0x14;
	return 0;
}

static void test_parse_regex_classes(void **state)
{
	static const struct {
		const char *word, *search;
		int type, not;
	} cases[] = {
		{ "do_exit", "do_exit", MATCH_FULL, 0 },
		{ "do_*", "do_", MATCH_FRONT_ONLY, 0 },
		{ "*signal*", "signal", MATCH_MIDDLE_ONLY, 0 },
		{ "*_signal", "_signal", MATCH_END_ONLY, 0 },
		{ "!do_exit", "do_exit", MATCH_FULL, 1 },
		{ "!*signal", "signal", MATCH_END_ONLY, 1 },
		{ "sys_*pid", "sys_*pid", MATCH_GLOB, 0 },
		{ "sys_?et*", "sys_?et*", MATCH_GLOB, 0 },
		{ "[a-c]*", "[a-c]*", MATCH_GLOB, 0 },
		{ "*", "", MATCH_END_ONLY, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char buf[32], *search;
		int not;

		strcpy(buf, cases[i].word);
		assert_int_equal(filter_parse_regex(buf, strlen(buf), &search, &not), cases[i].type);
		assert_string_equal(search, cases[i].search);
		assert_int_equal(not, cases[i].not);
	}
}

static void test_glob_match(void **state)
{
	assert_true(glob_match("sys_*pid", "sys_getpid"));
	assert_true(glob_match("sys_*pid", "sys_setpgid") == false);
	assert_true(glob_match("sys_?et*", "sys_getpid"));
	assert_true(glob_match("sys_?et*", "sys_setsid"));
	assert_false(glob_match("sys_?et*", "sys_et"));
	assert_true(glob_match("[a-c]*", "copy_process"));
	assert_false(glob_match("[a-c]*", "do_exit"));
	assert_true(glob_match("[!a-c]*", "do_exit"));
	assert_true(glob_match("[]x]", "]"));
	assert_true(glob_match("a\\*b", "a*b"));
	assert_false(glob_match("a\\*b", "axb"));
	assert_true(glob_match("*a*b*c*", "xaxxbxxc"));
	assert_false(glob_match("*a*b*c*", "xaxxcxxb"));
	assert_true(glob_match("[ab", "[ab")); /* malformed class: literal */
	assert_true(glob_match("", ""));
	assert_false(glob_match("", "a"));
	assert_true(glob_match("*", ""));
}

/* The functions in @set, as a bitmask of the enum above. */
static unsigned long members(const unsigned long *set)
{
	return set[0];
}

#define BIT(n) (1UL << (n))

static int match(const char *word, unsigned long *set, enum ftrace_match_mode mode)
{
	char buf[64];

	strcpy(buf, word);
	return ftrace_match_records(recs, NR, buf, set, mode);
}

/* The book's script: echo 'do_exit copy_process __send_signal' > set_ftrace_filter */
static void test_book_filter_words(void **state)
{
	unsigned long set[1] = { 0 };

	assert_int_equal(match("do_exit", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(match("copy_process", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(match("__send_signal", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(members(set), BIT(DO_EXIT) | BIT(COPY_PROCESS) | BIT(SEND_SIGNAL_));
}

static void test_globs_select_and_exclude(void **state)
{
	unsigned long set[1] = { 0 };

	assert_int_equal(match("*signal", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(members(set),
			 BIT(SEND_SIGNAL_) | BIT(COMPLETE_SIGNAL) | BIT(DO_SIGNAL) | BIT(SEND_SIGNAL));
	assert_int_equal(match("!*send*", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(members(set), BIT(COMPLETE_SIGNAL) | BIT(DO_SIGNAL));
	set[0] = 0;
	assert_int_equal(match("do_*", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(members(set), BIT(DO_EXIT) | BIT(DO_GROUP_EXIT) | BIT(DO_SIGNAL));
	set[0] = 0;
	assert_int_equal(match("*", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(members(set), BIT(NR) - 1);
	set[0] = 0;
	assert_int_equal(match("sys_?et*", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(members(set), BIT(SYS_GETPID) | BIT(SYS_SETPGID) | BIT(SYS_SETSID));
}

/* Nothing matched: the caller's -EINVAL, and the set is untouched. A "!"
 * word that names a function outside the set is a match for
 * set_ftrace_filter (Linux's match_records) but not for set_graph_function
 * (ftrace_graph_set_hash). */
static void test_no_match_changes_nothing(void **state)
{
	unsigned long set[1] = { BIT(DO_EXIT) };

	assert_int_equal(match("do_exitt", set, FTRACE_MATCH_ANY), 0);
	assert_int_equal(match("xyz*", set, FTRACE_MATCH_ANY), 0);
	assert_int_equal(match("!nothing", set, FTRACE_MATCH_ANY), 0);
	assert_int_equal(members(set), BIT(DO_EXIT));
	assert_int_equal(match("!copy_process", set, FTRACE_MATCH_ANY), 1);
	assert_int_equal(match("!copy_process", set, FTRACE_MATCH_MEMBER), 0);
	assert_int_equal(match("!do_exit", set, FTRACE_MATCH_MEMBER), 1);
	assert_int_equal(members(set), 0);
}

/* A call site outside the text (a corrupt record) matches nothing. */
static void test_record_outside_text(void **state)
{
	struct dyn_ftrace stray = { .ip = 0xc0300000 };
	unsigned long set[1] = { 0 };
	char word[] = "*";

	assert_int_equal(ftrace_match_records(&stray, 1, word, set, FTRACE_MATCH_ANY), 0);
	assert_int_equal(set[0], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_regex_classes),
		cmocka_unit_test(test_glob_match),
		cmocka_unit_test(test_book_filter_words),
		cmocka_unit_test(test_globs_select_and_exclude),
		cmocka_unit_test(test_no_match_changes_nothing),
		cmocka_unit_test(test_record_outside_text),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
