/* sources: kernel/fs/dcache.c kernel/fs/inode.c kernel/fs/super.c kernel/fs/filesystems.c kernel/fs/namespace.c kernel/fs/namei.c kernel/fs/file_table.c kernel/fs/file.c kernel/lib/find_bit.c kernel/fs/fs_struct.c kernel/fs/open.c kernel/fs/read_write.c kernel/fs/iov_iter.c kernel/fs/stat.c kernel/fs/readdir.c kernel/fs/libfs.c kernel/fs/seq_file.c kernel/fs/char_dev.c kernel/fs/ramfs/inode.c kernel/fs/ramfs/file.c kernel/mm/filemap.c kernel/mm/shmem.c kernel/params.c kernel/fs/sysfs.c kernel/fs/debugfs.c kernel/fs/tracefs/inode.c kernel/fs/tracefs/trace_files.c kernel/fs/tracefs/event_files.c kernel/fs/tracefs/option_files.c kernel/fs/tracefs/ftrace_files.c kernel/trace/ftrace.c kernel/trace/ftrace_regex.c kernel/lib/glob.c kernel/trace/trace_tracers.c kernel/trace/trace_nop.c kernel/locking/mutex.c kernel/lib/string_words.c kernel/trace/trace_output.c kernel/kallsyms.c kernel/trace/trace_events.c kernel/trace/trace_events_filter.c kernel/trace/trace_events_trigger.c kernel/trace/trace_syscalls.c kernel/trace/trace_cmdline.c kernel/trace/trace_sched_switch.c kernel/tracepoint.c kernel/trace/ring_buffer.c kernel/trace/trace_seq.c kernel/trace/events_irq.c kernel/trace/events_ipi.c kernel/trace/events_sched.c kernel/trace/events_signal.c kernel/trace/events_raw_syscalls.c kernel/lib/kstrtox.c kernel/lib/hexdump.c kernel/cred.c kernel/groups.c kernel/user.c kernel/lib/sort.c */
/* The function tracer's tracefs files through the VFS, with the real
 * ftrace core (kernel/trace/ftrace.c) over a made-up table of call sites:
 * available_filter_functions; set_ftrace_filter, set_ftrace_notrace and
 * set_graph_function with names, globs, "!name", ">" and ">>", and
 * Linux's errors (a word naming no function is -EINVAL and changes
 * nothing); set_ftrace_pid; max_graph_depth; and which call sites get
 * patched to call ftrace_caller as the filter changes under a running
 * tracer (the patching itself is stubbed: kernel/arm/ftrace.c runs on ARM
 * only). */
#include "fs_stubs.h"

/* 16 MiB of RAM: a tmpfs holds 8 MiB and 2048 inodes by default. */
unsigned long totalram_pages = 4096;
#include <linux/ftrace.h>
#include <linux/irq_work.h>
#include <linux/namei.h>
#include <linux/trace.h>
#include <linux/syscalls.h>
#include <linux/trace_events.h>
#include "../../kernel/trace/trace.h"

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

void sysfs_init(void);
void tracefs_init(void);
void debugfs_init(void);

/* The tracer's view of the machine, as in test_tracefs.c. */
#undef raw_smp_processor_id
int raw_smp_processor_id(void)
{
	return 0;
}

u64 trace_clock_local(void) { return 0; }
u64 trace_clock_global(void) { return 0; }
u64 trace_clock_counter(void) { return 0; }
u64 trace_clock_jiffies(void) { return 0; }
u64 trace_clock(void) { return 0; }
u64 trace_clock_mono(void) { return 0; }

int tracing_resize_ring_buffer(unsigned long size)
{
	return 0;
}

struct cpumask __cpu_online_mask = CPU_MASK_ALL;

void syscall_regfunc(void)
{
}

void syscall_unregfunc(void)
{
}

void tracepoint_synchronize_unregister(void)
{
}

bool irq_work_queue(struct irq_work *work)
{
	return true;
}

void __trace_stack(unsigned long flags, int skip)
{
}

void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags)
{
}

/* lib/string.c's, which the host's libc lacks. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* ---- A made-up kernel: 7 functions, their call sites 0x14 in ---- */

const u32 kallsyms_num_syms = 7;
const u32 kallsyms_addresses[8] = {
	0xc0100000, 0xc0100100, 0xc0100200, 0xc0100300,
	0xc0100400, 0xc0100500, 0xc0100600, 0xc0100700, /* _etext */
};
const u32 kallsyms_name_offsets[7] = { 0, 14, 27, 35, 49, 61, 71 };
const char kallsyms_names[] = "__send_signal\0copy_process\0do_exit\0do_group_exit\0send_signal\0"
			      "sys_clone\0sys_exit_group";
enum { SEND_SIGNAL_, COPY_PROCESS, DO_EXIT, DO_GROUP_EXIT, SEND_SIGNAL, SYS_CLONE,
       SYS_EXIT_GROUP, NR_SITES };

/* tools/recordmcount's table, as linker.ld frames it. */
const unsigned long mcount_sites[NR_SITES] __asm__("__start_mcount_loc") = {
	0xc0100014, 0xc0100114, 0xc0100214, 0xc0100314, 0xc0100414, 0xc0100514, 0xc0100614,
};
__asm__(".globl __stop_mcount_loc\n\t.set __stop_mcount_loc, __start_mcount_loc + 7 * 8");

/* ---- The arch side, recorded instead of done ---- */

static bool site_calls[NR_SITES]; /* does the call site call ftrace_caller? */
static int patched, update_func_calls;
static ftrace_func_t traced_func;

void __gnu_mcount_nc(void) {}
void ftrace_caller(void) {}
void ftrace_stub(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
		 struct pt_regs *regs) {}
static void test_callback(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
			  struct pt_regs *regs) {}

static int site(struct dyn_ftrace *rec)
{
	return (rec->ip - 0xc0100014) / 0x100;
}

int ftrace_make_nop(struct dyn_ftrace *rec, unsigned long addr)
{
	/* ftrace_init turns the unpatched call (of __gnu_mcount_nc) into a NOP */
	assert_true(addr == MCOUNT_ADDR ? !site_calls[site(rec)] : site_calls[site(rec)]);
	site_calls[site(rec)] = false;
	patched++;
	return 0;
}

int ftrace_make_call(struct dyn_ftrace *rec, unsigned long addr)
{
	assert_int_equal(addr, FTRACE_ADDR);
	assert_false(site_calls[site(rec)]);
	site_calls[site(rec)] = true;
	patched++;
	return 0;
}

int ftrace_update_ftrace_func(ftrace_func_t func)
{
	traced_func = func;
	update_func_calls++;
	return 0;
}

int ftrace_enable_ftrace_graph_caller(void) { return 0; }
int ftrace_disable_ftrace_graph_caller(void) { return 0; }
void ftrace_sync_icache(void) {}

static int stopped_machine;

int stop_machine(int (*fn)(void *), void *data)
{
	stopped_machine++;
	return fn(data);
}

static int modify_all(void *data)
{
	ftrace_modify_all_code(*(int *)data);
	return 0;
}

void arch_ftrace_update_code(int command)
{
	stop_machine(modify_all, &command);
}

struct task_struct *idle_task(int cpu)
{
	return NULL;
}

/* ---- Files ---- */

static char *const ubuf = (char *)USER_BASE;

static int group_setup(void **state)
{
	stub_task_init();
	stub_task.fs = &init_fs;
	stub_task.files = &init_files;
	user_mem_init();
	mnt_init();
	sysfs_init();
	tracefs_init();
	debugfs_init();
	ftrace_init();
	tracing_disabled = 0;	/* the rings' set-up (trace_init) is not needed here */
	assert_int_equal(do_mkdirat(AT_FDCWD, "/sys", 0755), 0);
	assert_int_equal(do_mount("sysfs", "/sys", "sysfs", 0, NULL), 0);
	assert_int_equal(do_mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL), 0);
	return 0;
}

static long allocs;

static int setup(void **state)
{
	allocs = stub_nr_allocs;
	return 0;
}

static int teardown(void **state)
{
	assert_int_equal(stub_nr_allocs, allocs);
	return 0;
}

#define T "/sys/kernel/tracing/"

/* The whole file as a string, or NULL. */
static char *cat(const char *path)
{
	static char text[4096];
	long fd = sys_open(ustr(path), O_RDONLY, 0), n, len = 0;

	if (fd < 0)
		return NULL;
	while ((n = sys_read(fd, ubuf, 100)) > 0) {
		assert_true(len + n < (long)sizeof(text));
		memcpy(text + len, ubuf, n);
		len += n;
	}
	assert_int_equal(n, 0);
	assert_int_equal(sys_close(fd), 0);
	text[len] = '\0';
	return text;
}

/* Write @s to @path in one write(), as the shell's ">" (O_TRUNC) or ">>". */
static long echo(const char *s, const char *path, bool append)
{
	long fd = sys_open(ustr(path), O_WRONLY | (append ? O_APPEND : O_TRUNC), 0);
	long ret;

	if (fd < 0)
		return fd;
	memcpy(ubuf, s, strlen(s));
	ret = sys_write(fd, ubuf, strlen(s));
	assert_int_equal(sys_close(fd), 0);
	return ret;
}

static void test_boot_patched_every_site_to_nop(void **state)
{
	int i;

	assert_int_equal(ftrace_nr_records, NR_SITES);
	assert_int_equal(patched, NR_SITES);
	for (i = 0; i < NR_SITES; i++)
		assert_false(site_calls[i]);
	assert_string_equal(cat(T "available_filter_functions"),
			    "__send_signal\ncopy_process\ndo_exit\ndo_group_exit\nsend_signal\n"
			    "sys_clone\nsys_exit_group\n");
}

/* The book's script, then appending, globs and "!". */
static void test_set_ftrace_filter(void **state)
{
	const char *words = "do_exit copy_process __send_signal\n";

	assert_string_equal(cat(T "set_ftrace_filter"), "#### all functions enabled ####\n");
	assert_int_equal(echo(words, T "set_ftrace_filter", false), strlen(words));
	assert_string_equal(cat(T "set_ftrace_filter"), "__send_signal\ncopy_process\ndo_exit\n");
	assert_int_equal(echo("sys_*\n", T "set_ftrace_filter", true), 6);
	assert_string_equal(cat(T "set_ftrace_filter"),
			    "__send_signal\ncopy_process\ndo_exit\nsys_clone\nsys_exit_group\n");
	assert_int_equal(echo("!*send*", T "set_ftrace_filter", true), 7);
	assert_string_equal(cat(T "set_ftrace_filter"), "copy_process\ndo_exit\nsys_clone\n"
							"sys_exit_group\n");
	assert_int_equal(echo("*exit*\n", T "set_ftrace_filter", false), 7);
	assert_string_equal(cat(T "set_ftrace_filter"), "do_exit\ndo_group_exit\nsys_exit_group\n");
	/* `echo > set_ftrace_filter`: every function again */
	assert_int_equal(echo("\n", T "set_ftrace_filter", false), 1);
	assert_string_equal(cat(T "set_ftrace_filter"), "#### all functions enabled ####\n");
}

/* A word that names no function: -EINVAL; the words before it stay, as
 * when Linux's one-word-per-write() parser gets to it. */
static void test_bad_words(void **state)
{
	assert_int_equal(echo("nosuch\n", T "set_ftrace_filter", false), -EINVAL);
	assert_string_equal(cat(T "set_ftrace_filter"), "#### all functions enabled ####\n");
	assert_int_equal(echo("do_exit nosuch\n", T "set_ftrace_filter", false), 8);
	assert_string_equal(cat(T "set_ftrace_filter"), "do_exit\n");
	assert_int_equal(echo("!nosuch\n", T "set_ftrace_filter", true), -EINVAL);
	assert_string_equal(cat(T "set_ftrace_filter"), "do_exit\n");
	assert_int_equal(echo("\n", T "set_ftrace_filter", false), 1);
}

static void test_notrace_and_graph_sets(void **state)
{
	assert_string_equal(cat(T "set_ftrace_notrace"), "#### no functions disabled ####\n");
	assert_int_equal(echo("send_signal\n", T "set_ftrace_notrace", false), 12);
	assert_string_equal(cat(T "set_ftrace_notrace"), "send_signal\n");
	assert_int_equal(echo("\n", T "set_ftrace_notrace", false), 1);

	assert_string_equal(cat(T "set_graph_function"), "#### all functions enabled ####\n");
	assert_int_equal(echo("sys_clone\n", T "set_graph_function", false), 10);
	assert_true(ftrace_graph_addr(0xc0100514));
	assert_false(ftrace_graph_addr(0xc0100214));
	/* "!" takes out only a member, else -EINVAL (Linux's ftrace_graph_set_hash) */
	assert_int_equal(echo("!do_exit\n", T "set_graph_function", true), -EINVAL);
	assert_int_equal(echo("!sys_clone\n", T "set_graph_function", true), 11);
	assert_string_equal(cat(T "set_graph_function"), "#### all functions enabled ####\n");
	assert_true(ftrace_graph_addr(0xc0100214));
}

static void test_set_ftrace_pid(void **state)
{
	assert_string_equal(cat(T "set_ftrace_pid"), "no pid\n");
	assert_true(ftrace_trace_task());
	assert_int_equal(echo("12 7\n", T "set_ftrace_pid", false), 5);
	assert_string_equal(cat(T "set_ftrace_pid"), "7\n12\n");
	assert_false(ftrace_trace_task()); /* the test runs as pid 1 */
	assert_int_equal(echo("1\n", T "set_ftrace_pid", true), 2);
	assert_true(ftrace_trace_task());
	assert_int_equal(echo("x1\n", T "set_ftrace_pid", true), -EINVAL);
	assert_int_equal(echo("32768\n", T "set_ftrace_pid", true), -EINVAL);
	assert_string_equal(cat(T "set_ftrace_pid"), "1\n7\n12\n");
	assert_int_equal(echo("\n", T "set_ftrace_pid", false), 1);
	assert_string_equal(cat(T "set_ftrace_pid"), "no pid\n");
}

static void test_max_graph_depth(void **state)
{
	assert_string_equal(cat(T "max_graph_depth"), "0\n");
	assert_int_equal(echo("3\n", T "max_graph_depth", false), 2);
	assert_string_equal(cat(T "max_graph_depth"), "3\n");
	assert_int_equal(echo("-1\n", T "max_graph_depth", false), -EINVAL);
	assert_int_equal(echo("0\n", T "max_graph_depth", false), 2);
}

static bool calls(int which)
{
	return site_calls[which];
}

/* A running tracer's call sites follow the filter: each change patches
 * only what differs, under stop_machine. */
static void test_patching_follows_the_filter(void **state)
{
	static struct ftrace_ops ops = { .func = test_callback };
	int i;

	assert_int_equal(echo("do_exit __send_signal\n", T "set_ftrace_filter", false), 22);
	patched = 0;
	assert_int_equal(register_ftrace_function(&ops), 0);
	assert_ptr_equal(traced_func, test_callback);
	assert_int_equal(patched, 2);
	assert_true(calls(DO_EXIT) && calls(SEND_SIGNAL_) && !calls(COPY_PROCESS));
	assert_int_equal(register_ftrace_function(&ops), -EBUSY);

	/* notrace wins over filter */
	assert_int_equal(echo("do_exit\n", T "set_ftrace_notrace", false), 8);
	assert_false(calls(DO_EXIT));
	assert_int_equal(echo("\n", T "set_ftrace_notrace", false), 1);
	assert_true(calls(DO_EXIT));

	/* an empty filter: every function */
	patched = 0;
	assert_int_equal(echo("\n", T "set_ftrace_filter", false), 1);
	assert_int_equal(patched, NR_SITES - 2);
	for (i = 0; i < NR_SITES; i++)
		assert_true(calls(i));

	assert_int_equal(unregister_ftrace_function(&ops), 0);
	assert_ptr_equal(traced_func, ftrace_stub);
	for (i = 0; i < NR_SITES; i++)
		assert_false(calls(i));
	assert_int_equal(unregister_ftrace_function(&ops), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boot_patched_every_site_to_nop),
		cmocka_unit_test_setup_teardown(test_set_ftrace_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_notrace_and_graph_sets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_ftrace_pid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_max_graph_depth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_patching_follows_the_filter, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
