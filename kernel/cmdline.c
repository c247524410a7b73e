/* What start_kernel does with the boot command line (Linux's init/main.c):
 * early options, then __setup() handlers, and everything unknown goes to
 * init as an argument or environment variable. Also the handlers of the
 * options we support, each noting the Linux file it comes from. */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* Untouched command line saved by setup_arch. */
char boot_command_line[COMMAND_LINE_SIZE];
/* Untouched copy for /proc/cmdline. */
char saved_command_line[COMMAND_LINE_SIZE];
/* Command line for parameter parsing: argv_init and envp_init point into it. */
static char static_command_line[COMMAND_LINE_SIZE];

char *execute_command;
char *ramdisk_execute_command;

const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL, };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL, };
const char *panic_later, *panic_param;

/* Copy a string that may be longer than @size, always terminating it. */
static void copy_command_line(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

/*
 * setup_command_line - keep boot_command_line twice: untouched for
 * /proc/cmdline, and as the copy that parse_boot_args() cuts up.
 */
void setup_command_line(void)
{
	copy_command_line(saved_command_line, boot_command_line, COMMAND_LINE_SIZE);
	copy_command_line(static_command_line, boot_command_line, COMMAND_LINE_SIZE);
}

/*
 * obsolete_checksetup - run the __setup() handler for option @line
 * ("name=value" or "name"): the first handler whose string is a prefix of it
 * and that returns 1. An early_param() of that exact name also counts as
 * handling it, since parse_early_param() already did.
 * RETURNS: true if the option is taken.
 */
static bool obsolete_checksetup(char *line)
{
	const struct obs_kernel_param *p;
	bool had_early_param = false;

	for (p = __start_setup_param; p < __stop_setup_param; p++) {
		int n = strlen(p->str);

		if (parameqn(line, p->str, n)) {
			if (p->early) {
				/* Already done in parse_early_param?
				 * (Needs exact match on param part). */
				if (line[n] == '\0' || line[n] == '=')
					had_early_param = true;
			} else if (p->setup_func(line + n)) {
				return true;
			}
		}
	}

	return had_early_param;
}

/* Check for early params. */
static int do_early_param(char *param, char *val, const char *unused, void *arg)
{
	const struct obs_kernel_param *p;

	for (p = __start_setup_param; p < __stop_setup_param; p++) {
		if (p->early && parameq(param, p->str)) {
			if (p->setup_func(val) != 0)
				printk(KERN_WARNING "Malformed early option '%s'\n", param);
		}
	}
	/* We accept everything at this stage. */
	return 0;
}

/* Run the early_param() handlers over @cmdline, which is cut up in place. */
void parse_early_options(char *cmdline)
{
	parse_args("early options", cmdline, NULL, 0, NULL, do_early_param);
}

/*
 * parse_early_param - run the early_param() handlers over boot_command_line
 * (left untouched). Only the first call does anything: setup_arch may call
 * it before start_kernel does.
 */
void parse_early_param(void)
{
	static bool done;
	static char tmp_cmdline[COMMAND_LINE_SIZE];

	if (done)
		return;

	copy_command_line(tmp_cmdline, boot_command_line, COMMAND_LINE_SIZE);
	parse_early_options(tmp_cmdline);
	done = true;
}

/* Change NUL term back to "=", to make "param" the whole string. */
static void repair_env_string(char *param, char *val)
{
	if (val) {
		/* param=val or param="val"? */
		if (val == param + strlen(param) + 1) {
			val[-1] = '=';
		} else if (val == param + strlen(param) + 2) {
			val[-2] = '=';
			memmove(val - 1, val, strlen(val) + 1);
		}
	}
}

/*
 * Store @param at @list[@i]: the NULL that ends the list, or the entry it
 * replaces. Past @max + 1 entries nothing is stored, so the list stays
 * NULL-terminated, and panic_later is set to @what: the same point where
 * Linux gives up ("Too many boot %s vars at `%s'").
 */
static void add_init_string(const char **list, unsigned int max, const char *what,
			    char *param, unsigned int i)
{
	if (i > max) {
		panic_later = what;
		panic_param = param;
		return;
	}
	list[i] = param;
}

/* Anything after -- gets handed straight to init. */
static int set_init_arg(char *param, char *val, const char *unused, void *arg)
{
	unsigned int i;

	if (panic_later)
		return 0;

	repair_env_string(param, val);

	for (i = 0; argv_init[i]; i++)
		;
	add_init_string(argv_init, MAX_INIT_ARGS, "init", param, i);
	return 0;
}

/*
 * Unknown boot options get handed to init, unless they look like
 * unused parameters (modprobe will find them in /proc/cmdline).
 * "name=value" replaces or adds to init's environment; a bare word is
 * appended to init's arguments.
 */
static int unknown_bootoption(char *param, char *val, const char *unused, void *arg)
{
	unsigned int i;

	repair_env_string(param, val);

	/* Handle obsolete-style parameters */
	if (obsolete_checksetup(param))
		return 0;

	/* Unused module parameter. */
	if (strchr(param, '.') && (!val || strchr(param, '.') < val))
		return 0;

	if (panic_later)
		return 0;

	/* Linux 5.8 added this note; 4.19 hands the option on silently. */
	printk(KERN_NOTICE "Unknown kernel command line parameter \"%s\", will be passed to user space.\n",
		  param);
	if (val) {
		/* Environment option */
		for (i = 0; envp_init[i]; i++) {
			if (!strncmp(param, envp_init[i], val - param))
				break;
		}
		add_init_string(envp_init, MAX_INIT_ENVS, "env", param, i);
	} else {
		/* Command line option */
		for (i = 0; argv_init[i]; i++)
			;
		add_init_string(argv_init, MAX_INIT_ARGS, "init", param, i);
	}
	return 0;
}

/* kernel/panic.c: core_param(panic, panic_timeout, int, 0644) */
int panic_timeout;

static const struct kernel_param kernel_params[] = {
	{ "panic", param_set_int, &panic_timeout },
};

/*
 * parse_boot_args - start_kernel's parsing of the command line that
 * setup_command_line() copied: core params, then __setup() handlers, the
 * rest to init (argv_init, envp_init); the words after "--" are all init's.
 * CONTEXT: boot, once, after parse_early_param().
 */
void parse_boot_args(void)
{
	char *after_dashes;

	after_dashes = parse_args("Booting kernel", static_command_line, kernel_params,
				  ARRAY_SIZE(kernel_params), NULL, unknown_bootoption);
	if (after_dashes && !IS_ERR(after_dashes))
		parse_args("Setting init args", after_dashes, NULL, 0, NULL, set_init_arg);
}

/* init/main.c */

static int init_setup(char *str)
{
	unsigned int i;

	execute_command = str;
	/*
	 * In case LILO is going to boot us with default command line,
	 * it prepends "auto" before the whole cmdline which makes
	 * the shell think it should execute a script with such name.
	 * So we ignore all arguments entered _before_ init=... [MJ]
	 */
	for (i = 1; i < MAX_INIT_ARGS; i++)
		argv_init[i] = NULL;
	return 1;
}
__setup("init=", init_setup);

static int rdinit_setup(char *str)
{
	unsigned int i;

	ramdisk_execute_command = str;
	/* See "auto" comment in init_setup */
	for (i = 1; i < MAX_INIT_ARGS; i++)
		argv_init[i] = NULL;
	return 1;
}
__setup("rdinit=", rdinit_setup);

static int debug_kernel(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEBUG;
	return 0;
}

static int quiet_kernel(char *str)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}

early_param("debug", debug_kernel);
early_param("quiet", quiet_kernel);

static int loglevel(char *str)
{
	int newlevel;

	/*
	 * Only update loglevel value when a correct setting was passed,
	 * to prevent blind crashes (when loglevel being set to 0) that
	 * are quite hard to debug
	 */
	if (get_option(&str, &newlevel)) {
		console_loglevel = newlevel;
		return 0;
	}

	return -EINVAL;
}
early_param("loglevel", loglevel);

/* kernel/printk/printk.c */

struct console_cmdline console_cmdline[MAX_CMDLINECONSOLES];
int preferred_console = -1;
int console_set_on_cmdline;

/* Remember console @name@idx; the last one named becomes the preferred one. */
static int __add_preferred_console(char *name, int idx, char *options)
{
	struct console_cmdline *c;
	int i;

	/*
	 *	See if this tty is not yet registered, and
	 *	if we have a slot free.
	 */
	for (i = 0, c = console_cmdline; i < MAX_CMDLINECONSOLES && c->name[0]; i++, c++) {
		if (strcmp(c->name, name) == 0 && c->index == idx) {
			preferred_console = i;
			return 0;
		}
	}
	if (i == MAX_CMDLINECONSOLES)
		return -E2BIG;
	preferred_console = i;
	copy_command_line(c->name, name, sizeof(c->name));
	c->options = options;
	c->index = idx;
	return 0;
}

/*
 * console_setup - "console=ttyAMA0,115200n8": driver "ttyAMA", index 0,
 * options "115200n8" (a bare number n means "ttyS<n>"). Each console= adds
 * one console_cmdline entry; the last one named is the preferred console.
 */
static int console_setup(char *str)
{
	char buf[sizeof(console_cmdline[0].name) + 4]; /* 4 for "ttyS" */
	char *s, *digit, *options;
	int idx = 0;

	/*
	 * Decode str into name, index, options.
	 */
	if (str[0] >= '0' && str[0] <= '9') {
		memcpy(buf, "ttyS", 4);
		copy_command_line(buf + 4, str, sizeof(buf) - 4);
	} else {
		copy_command_line(buf, str, sizeof(buf));
	}
	options = strchr(str, ',');
	if (options)
		*(options++) = 0;
	for (s = buf; *s; s++)
		if ((*s >= '0' && *s <= '9') || *s == ',')
			break;
	for (digit = s; *digit >= '0' && *digit <= '9'; digit++)
		idx = idx * 10 + (*digit - '0');
	*s = 0;

	__add_preferred_console(buf, idx, options);
	console_set_on_cmdline = 1;
	return 1;
}
__setup("console=", console_setup);

/* kernel/trace/trace.c */

enum ftrace_dump_mode ftrace_dump_on_oops;
unsigned long trace_buf_size = TRACE_BUF_SIZE_DEFAULT;

/* "ftrace_dump_on_oops" dumps every CPU's buffer; "=orig_cpu" only the oopsing CPU's. */
static int set_ftrace_dump_on_oops(char *str)
{
	if (*str++ != '=' || !*str) {
		ftrace_dump_on_oops = DUMP_ALL;
		return 1;
	}

	if (!strcmp("orig_cpu", str)) {
		ftrace_dump_on_oops = DUMP_ORIG;
		return 1;
	}

	return 0;
}
__setup("ftrace_dump_on_oops", set_ftrace_dump_on_oops);

static int set_buf_size(char *str)
{
	unsigned long buf_size;

	if (!str)
		return 0;
	buf_size = memparse(str, &str);
	/* nr_entries can not be zero */
	if (buf_size == 0)
		return 0;
	trace_buf_size = buf_size;
	return 1;
}
__setup("trace_buf_size=", set_buf_size);

/* kernel/trace/trace_events.c: events to enable at boot, "sched:*,signal:signal_generate" */

char bootup_event_buf[COMMAND_LINE_SIZE];

static int setup_trace_event(char *str)
{
	copy_command_line(bootup_event_buf, str, COMMAND_LINE_SIZE);
	return 1;
}
__setup("trace_event=", setup_trace_event);
