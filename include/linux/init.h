/* Boot command line: __setup()/early_param() handler registration (Linux's
 * include/linux/init.h), the parser of kernel/params.c, and what the boot
 * options decide (init/main.c's argv_init/envp_init and friends). */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/types.h>

/* Linux's arch/arm/include/uapi/asm/setup.h. */
#define COMMAND_LINE_SIZE 1024

/*
 * One boot option handler. `str` is "name=" (the handler gets the text after
 * it) or a bare "name" (the handler gets the rest of the word, e.g. "" or
 * "=value"). The handler returns 1 if it consumed the option; 0 hands the
 * option on to init's argv or environment. Early handlers run from
 * parse_early_param() and get the value (NULL for a bare word); they return
 * 0 on success.
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *);
	int early;
};

/*
 * Handlers live in the linker section `setup_param`. Its name is a C
 * identifier, so GNU ld defines __start_setup_param/__stop_setup_param for
 * host programs; linker.ld KEEPs it and defines the same two symbols.
 */
#define __setup_param(str, unique_id, fn, early)                          \
	static const char __setup_str_##unique_id[] = str;                \
	static const struct obs_kernel_param __setup_##unique_id __used  \
		__section("setup_param")                                  \
		__aligned(__alignof__(struct obs_kernel_param)) = {       \
			__setup_str_##unique_id, fn, early                \
		}

#define __setup(str, fn) __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

extern const struct obs_kernel_param __start_setup_param[];
extern const struct obs_kernel_param __stop_setup_param[];


/* kernel/params.c: the parser (Linux's kernel/params.c and lib/cmdline.c). */

/* A core_param(): an option matched by its whole name, with a value. */
struct kernel_param {
	const char *name;
	int (*set)(const char *val, const struct kernel_param *kp);
	void *arg;
};

bool parameqn(const char *a, const char *b, size_t n);
bool parameq(const char *a, const char *b);
char *next_arg(char *args, char **param, char **val);
char *parse_args(const char *doing, char *args, const struct kernel_param *params,
		 unsigned int num, void *arg,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg));
int param_set_int(const char *val, const struct kernel_param *kp);
int get_option(char **str, int *pint);
unsigned long long memparse(const char *ptr, char **retptr);

/* kernel/cmdline.c: start_kernel's use of it (Linux's init/main.c). */

/* CONFIG_INIT_ENV_ARG_LIMIT's default. */
#define MAX_INIT_ARGS 32
#define MAX_INIT_ENVS 32

extern char boot_command_line[COMMAND_LINE_SIZE];
extern char saved_command_line[COMMAND_LINE_SIZE];
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ENVS + 2];
extern char *execute_command;
extern char *ramdisk_execute_command;
extern const char *panic_later, *panic_param;

void setup_command_line(void);
void parse_early_options(char *cmdline);
void parse_early_param(void);
void parse_boot_args(void);

/* What the other boot options set (kernel/cmdline.c defines them). */

/* kernel/printk/printk.c and its console_cmdline.h */
#define CONSOLE_LOGLEVEL_DEFAULT 7
#define CONSOLE_LOGLEVEL_QUIET 4
#define CONSOLE_LOGLEVEL_DEBUG 10
#define MAX_CMDLINECONSOLES 8

struct console_cmdline {
	char name[16];  /* driver name, e.g. "ttyAMA" */
	int index;      /* minor, e.g. 0 */
	char *options;  /* after the comma, e.g. "115200n8", or NULL */
};

extern int console_loglevel; /* defined by kernel/printk.c */
extern struct console_cmdline console_cmdline[MAX_CMDLINECONSOLES];
extern int preferred_console;
extern int console_set_on_cmdline;

/* kernel/panic.c: seconds to wait before rebooting; 0 = forever, < 0 = at once */
extern int panic_timeout;

/* kernel/trace/trace.c and trace_events.c */
enum ftrace_dump_mode {
	DUMP_NONE,
	DUMP_ALL,
	DUMP_ORIG,
};
#define TRACE_BUF_SIZE_DEFAULT 1441792UL /* 16384 * 88 */

extern enum ftrace_dump_mode ftrace_dump_on_oops;
extern unsigned long trace_buf_size;
extern char bootup_event_buf[COMMAND_LINE_SIZE];
#define MAX_TRACER_SIZE 100 /* a tracer's name or trace_options=, with the NUL */
extern char trace_boot_options_buf[MAX_TRACER_SIZE];

#endif
