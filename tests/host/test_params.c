/* sources: kernel/params.c kernel/lib/string_words.c kernel/cmdline.c kernel/lib/kstrtox.c kernel/lib/hexdump.c */
/* The boot command line: next_arg's quoting, parse_args, the number helpers,
 * and start_kernel's flow (early params, __setup handlers, init's argv/envp
 * with Linux 4.19's limits). */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

/* printk: everything printed, concatenated, for the tests to inspect. */
static char printed[4096];

int printk(const char *fmt, ...)
{
	size_t len = strlen(printed);
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(printed + len, sizeof(printed) - len, fmt, ap);
	va_end(ap);
	return n;
}

static const char *pristine_argv[MAX_INIT_ARGS + 2];
static const char *pristine_envp[MAX_INIT_ENVS + 2];

static int save_pristine(void **state)
{
	memcpy(pristine_argv, argv_init, sizeof(argv_init));
	memcpy(pristine_envp, envp_init, sizeof(envp_init));
	return 0;
}

/* Every global the command line may set, back to its boot value. */
static int reset_globals(void **state)
{
	memcpy(argv_init, pristine_argv, sizeof(argv_init));
	memcpy(envp_init, pristine_envp, sizeof(envp_init));
	execute_command = NULL;
	ramdisk_execute_command = NULL;
	panic_later = panic_param = NULL;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	memset(console_cmdline, 0, sizeof(console_cmdline));
	preferred_console = -1;
	console_set_on_cmdline = 0;
	panic_timeout = 0;
	ftrace_dump_on_oops = DUMP_NONE;
	trace_buf_size = TRACE_BUF_SIZE_DEFAULT;
	bootup_event_buf[0] = '\0';
	printed[0] = '\0';
	return 0;
}

/* Run start_kernel's steps on @cmdline. */
static void boot_with(const char *cmdline)
{
	static char early[COMMAND_LINE_SIZE];

	snprintf(boot_command_line, sizeof(boot_command_line), "%s", cmdline);
	snprintf(early, sizeof(early), "%s", cmdline);
	setup_command_line();
	parse_early_options(early);
	parse_boot_args();
}

static unsigned int count(const char **list)
{
	unsigned int n = 0;

	while (list[n])
		n++;
	return n;
}

static void test_next_arg_quoting(void **state)
{
	char line[] = "  a=b c=\"d e\" \"f g\" \"x=y z\" h=\"\" i\tj=k=l  ";
	char *args = line, *param, *val;

	args = next_arg(args + 2, &param, &val);
	assert_string_equal(param, "a");
	assert_string_equal(val, "b");
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "c");
	assert_string_equal(val, "d e");
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "f g");
	assert_null(val);
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "x");
	assert_string_equal(val, "y z");
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "h");
	assert_string_equal(val, "");
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "i");
	assert_null(val);
	args = next_arg(args, &param, &val);
	assert_string_equal(param, "j");
	assert_string_equal(val, "k=l");
	assert_string_equal(args, "");
}

static void test_next_arg_lone_quote(void **state)
{
	char line[] = "\"";
	char unterminated[] = "a=\"b c";
	char *param, *val;

	assert_string_equal(next_arg(line, &param, &val), "");
	assert_string_equal(param, "");
	assert_null(val);
	/* An unclosed quote runs to the end of the line. */
	assert_string_equal(next_arg(unterminated, &param, &val), "");
	assert_string_equal(param, "a");
	assert_string_equal(val, "b c");
}

static void test_parameq_dashes(void **state)
{
	assert_true(parameq("trace-buf-size", "trace_buf_size"));
	assert_false(parameq("trace_buf", "trace_buf_size"));
	assert_true(parameqn("init=/sbin/init", "init=", 5));
	assert_false(parameqn("initrd=0x100", "init=", 5));
}

struct seen {
	char text[512];
};

static int record(char *param, char *val, const char *doing, void *arg)
{
	struct seen *s = arg;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof(s->text) - len, "[%s%s%s]", param, val ? "=" : "",
		 val ? val : "");
	return strcmp(param, "bad") == 0 ? -ENOENT : strcmp(param, "big") == 0 ? -ENOSPC : 0;
}

static void test_parse_args_stops_at_dashes(void **state)
{
	char line[] = " one two=2 -- three four=4";
	struct seen s = { "" };
	char *rest;

	rest = parse_args("Testing", line, NULL, 0, &s, record);
	assert_string_equal(s.text, "[one][two=2]");
	assert_non_null(rest);
	assert_string_equal(rest, "three four=4");
}

static void test_parse_args_reports_failures(void **state)
{
	char line[] = "bad ok big=9 last";
	struct seen s = { "" };
	char *ret;

	ret = parse_args("Testing", line, NULL, 0, &s, record);
	/* Parsing goes on after a failure, and the last failure is returned. */
	assert_string_equal(s.text, "[bad][ok][big=9][last]");
	assert_true(IS_ERR(ret));
	assert_int_equal(PTR_ERR(ret), -ENOSPC);
	assert_string_equal(printed,
			    KERN_ERR "Testing: Unknown parameter `bad'\n"
			    KERN_ERR "Testing: `9' too large for parameter `big'\n");
}

static void test_param_set_int(void **state)
{
	int v = 42;
	const struct kernel_param kp = { "panic", param_set_int, &v };

	assert_int_equal(param_set_int("-1", &kp), 0);
	assert_int_equal(v, -1);
	assert_int_equal(param_set_int("0x10", &kp), 0);
	assert_int_equal(v, 16);
	assert_int_equal(param_set_int("+7\n", &kp), 0);
	assert_int_equal(v, 7);
	assert_int_equal(param_set_int("2147483647", &kp), 0);
	assert_int_equal(v, 2147483647);
	assert_int_equal(param_set_int("-2147483648", &kp), 0);
	assert_int_equal(v, -2147483647 - 1);
	assert_int_equal(param_set_int("2147483648", &kp), -ERANGE);
	assert_int_equal(param_set_int("12x", &kp), -EINVAL);
	assert_int_equal(param_set_int("", &kp), -EINVAL);
	assert_int_equal(param_set_int("-", &kp), -EINVAL);
	assert_int_equal(v, -2147483647 - 1);
}

static void test_get_option(void **state)
{
	char a[] = "5", b[] = "5,6", c[] = "x", d[] = "-3", e[] = "5-7";
	char *p;
	int v = 0;

	p = a;
	assert_int_equal(get_option(&p, &v), 1);
	assert_int_equal(v, 5);
	p = b;
	assert_int_equal(get_option(&p, &v), 2);
	assert_string_equal(p, "6");
	p = c;
	assert_int_equal(get_option(&p, &v), 0);
	p = d;
	assert_int_equal(get_option(&p, &v), 1);
	assert_int_equal(v, -3);
	p = e;
	assert_int_equal(get_option(&p, &v), 3);
	p = NULL;
	assert_int_equal(get_option(&p, &v), 0);
}

static void test_memparse(void **state)
{
	char *end;

	assert_int_equal(memparse("64K", &end), 65536);
	assert_string_equal(end, "");
	assert_int_equal(memparse("3m", NULL), 3 << 20);
	assert_int_equal(memparse("1G", NULL), 1ULL << 30);
	assert_int_equal(memparse("2T", NULL), 2ULL << 40);
	assert_int_equal(memparse("0x10k", NULL), 16384);
	assert_int_equal(memparse("12,rest", &end), 12);
	assert_string_equal(end, ",rest");
	assert_int_equal(memparse("x", &end), 0);
	assert_string_equal(end, "x");
}

/* What QEMU's -append passes in our tests, plus words for init. */
static void test_boot_line_like_qemu(void **state)
{
	boot_with("console=ttyAMA0,115200 rdinit=/init panic=-1 quiet foo=bar "
		  "single \"q=x y\" mod.param=1 trace_event=sched:*,signal:signal_generate "
		  "-- a b=c");

	assert_string_equal(ramdisk_execute_command, "/init");
	assert_null(execute_command);
	assert_int_equal(panic_timeout, -1);
	assert_int_equal(console_loglevel, CONSOLE_LOGLEVEL_QUIET);
	assert_string_equal(console_cmdline[0].name, "ttyAMA");
	assert_int_equal(console_cmdline[0].index, 0);
	assert_string_equal(console_cmdline[0].options, "115200");
	assert_int_equal(preferred_console, 0);
	assert_int_equal(console_set_on_cmdline, 1);
	assert_string_equal(bootup_event_buf, "sched:*,signal:signal_generate");

	/* quiet was an early param, mod.param a module's: neither reaches init. */
	assert_int_equal(count(argv_init), 4);
	assert_string_equal(argv_init[0], "init");
	assert_string_equal(argv_init[1], "single");
	assert_string_equal(argv_init[2], "a");
	assert_string_equal(argv_init[3], "b=c");
	assert_int_equal(count(envp_init), 4);
	assert_string_equal(envp_init[2], "foo=bar");
	assert_string_equal(envp_init[3], "q=x y");

	assert_string_equal(saved_command_line, boot_command_line);
	assert_null(panic_later);
	/* Each option nobody took is noted (the words after "--" are init's). */
	assert_string_equal(printed,
			    KERN_NOTICE "Unknown kernel command line parameter \"foo=bar\", "
					"will be passed to user space.\n"
			    KERN_NOTICE "Unknown kernel command line parameter \"single\", "
					"will be passed to user space.\n"
			    KERN_NOTICE "Unknown kernel command line parameter \"q=x y\", "
					"will be passed to user space.\n");
}

static void test_init_drops_earlier_words(void **state)
{
	boot_with("auto init=/bin/sh -x initrd=0x100 TERM=vt100");

	assert_string_equal(execute_command, "/bin/sh");
	assert_int_equal(count(argv_init), 2);
	assert_string_equal(argv_init[1], "-x");
	/* initrd= is not init=; TERM= replaces the default. */
	assert_int_equal(count(envp_init), 3);
	assert_string_equal(envp_init[1], "TERM=vt100");
	assert_string_equal(envp_init[2], "initrd=0x100");
}

static void test_early_params(void **state)
{
	char debug[] = "debug", level[] = "loglevel=8", bare[] = "loglevel",
	     junk[] = "loglevel=x quietly";

	parse_early_options(debug);
	assert_int_equal(console_loglevel, CONSOLE_LOGLEVEL_DEBUG);
	parse_early_options(level);
	assert_int_equal(console_loglevel, 8);
	parse_early_options(bare);
	parse_early_options(junk);
	assert_int_equal(console_loglevel, 8);
	assert_string_equal(printed, KERN_WARNING "Malformed early option 'loglevel'\n"
				     KERN_WARNING "Malformed early option 'loglevel'\n");
}

static void test_parse_early_param_runs_once(void **state)
{
	snprintf(boot_command_line, sizeof(boot_command_line), "loglevel=3");
	parse_early_param();
	assert_int_equal(console_loglevel, 3);
	assert_string_equal(boot_command_line, "loglevel=3");
	snprintf(boot_command_line, sizeof(boot_command_line), "loglevel=5");
	parse_early_param();
	assert_int_equal(console_loglevel, 3);
}

static void test_bad_core_param(void **state)
{
	boot_with("panic=soon panic");

	assert_int_equal(panic_timeout, 0);
	assert_string_equal(printed,
			    KERN_ERR "Booting kernel: `soon' invalid for parameter `panic'\n"
			    KERN_ERR "Booting kernel: `' invalid for parameter `panic'\n");
}

static void test_trace_options(void **state)
{
	boot_with("ftrace_dump_on_oops trace-buf-size=2M");
	assert_int_equal(ftrace_dump_on_oops, DUMP_ALL);
	assert_int_equal(trace_buf_size, 2 << 20);

	reset_globals(state);
	boot_with("ftrace_dump_on_oops=orig_cpu trace_buf_size=0");
	assert_int_equal(ftrace_dump_on_oops, DUMP_ORIG);
	assert_int_equal(trace_buf_size, TRACE_BUF_SIZE_DEFAULT);
	/* A value the handler refuses goes to init's environment. */
	assert_string_equal(envp_init[2], "trace_buf_size=0");

	reset_globals(state);
	boot_with("ftrace_dump_on_oops=bogus");
	assert_int_equal(ftrace_dump_on_oops, DUMP_NONE);
	assert_string_equal(envp_init[2], "ftrace_dump_on_oops=bogus");
}

static void test_consoles(void **state)
{
	boot_with("console=tty0 console=ttyAMA0,115200n8 console=3 console=tty0");

	assert_string_equal(console_cmdline[0].name, "tty");
	assert_null(console_cmdline[0].options);
	assert_string_equal(console_cmdline[1].name, "ttyAMA");
	assert_string_equal(console_cmdline[1].options, "115200n8");
	assert_string_equal(console_cmdline[2].name, "ttyS");
	assert_int_equal(console_cmdline[2].index, 3);
	assert_string_equal(console_cmdline[3].name, "");
	/* Naming tty0 again makes it preferred without a new entry. */
	assert_int_equal(preferred_console, 0);
}

static void test_too_many_init_args(void **state)
{
	char line[COMMAND_LINE_SIZE] = "";
	unsigned int i;

	/* argv_init holds "init" and MAX_INIT_ARGS words; one more panics. */
	for (i = 0; i <= MAX_INIT_ARGS; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "w%u ", i);
	boot_with(line);
	assert_int_equal(count(argv_init), MAX_INIT_ARGS + 1);
	assert_string_equal(panic_later, "init");
	assert_string_equal(panic_param, "w32");
	assert_null(argv_init[MAX_INIT_ARGS + 1]);
}

static void test_too_many_init_envs(void **state)
{
	char line[COMMAND_LINE_SIZE] = "";
	unsigned int i;

	/* envp_init holds HOME, TERM and MAX_INIT_ENVS - 1 more; then a panic. */
	for (i = 0; i < MAX_INIT_ENVS; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "v%u=%u ", i, i);
	boot_with(line);
	assert_int_equal(count(envp_init), MAX_INIT_ENVS + 1);
	assert_string_equal(panic_later, "env");
	assert_string_equal(panic_param, "v31=31");
	assert_null(envp_init[MAX_INIT_ENVS + 1]);
}

static void test_too_many_args_after_dashes(void **state)
{
	char line[COMMAND_LINE_SIZE] = "--";
	unsigned int i;

	for (i = 0; i <= MAX_INIT_ARGS; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), " x%u", i);
	boot_with(line);
	assert_int_equal(count(argv_init), MAX_INIT_ARGS + 1);
	assert_string_equal(panic_later, "init");
	assert_string_equal(panic_param, "x32");
}

static void test_full_length_line(void **state)
{
	char line[COMMAND_LINE_SIZE];

	memset(line, 'a', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	boot_with(line);
	assert_int_equal(count(argv_init), 2);
	assert_int_equal(strlen(argv_init[1]), COMMAND_LINE_SIZE - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_arg_quoting),
		cmocka_unit_test(test_next_arg_lone_quote),
		cmocka_unit_test(test_parameq_dashes),
		cmocka_unit_test_setup(test_parse_args_stops_at_dashes, reset_globals),
		cmocka_unit_test_setup(test_parse_args_reports_failures, reset_globals),
		cmocka_unit_test(test_param_set_int),
		cmocka_unit_test(test_get_option),
		cmocka_unit_test(test_memparse),
		cmocka_unit_test_setup(test_boot_line_like_qemu, reset_globals),
		cmocka_unit_test_setup(test_init_drops_earlier_words, reset_globals),
		cmocka_unit_test_setup(test_early_params, reset_globals),
		cmocka_unit_test_setup(test_parse_early_param_runs_once, reset_globals),
		cmocka_unit_test_setup(test_bad_core_param, reset_globals),
		cmocka_unit_test_setup(test_trace_options, reset_globals),
		cmocka_unit_test_setup(test_consoles, reset_globals),
		cmocka_unit_test_setup(test_too_many_init_args, reset_globals),
		cmocka_unit_test_setup(test_too_many_init_envs, reset_globals),
		cmocka_unit_test_setup(test_too_many_args_after_dashes, reset_globals),
		cmocka_unit_test_setup(test_full_length_line, reset_globals),
	};

	return cmocka_run_group_tests(tests, save_pristine, NULL);
}
