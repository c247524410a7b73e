/* sources: kernel/fs/dcache.c kernel/fs/inode.c kernel/fs/super.c kernel/fs/filesystems.c kernel/fs/namespace.c kernel/fs/namei.c kernel/fs/file_table.c kernel/fs/file.c kernel/lib/find_bit.c kernel/fs/fs_struct.c kernel/fs/open.c kernel/fs/read_write.c kernel/fs/iov_iter.c kernel/fs/stat.c kernel/fs/readdir.c kernel/fs/libfs.c kernel/fs/seq_file.c kernel/fs/char_dev.c kernel/fs/ramfs/inode.c kernel/fs/ramfs/file.c kernel/mm/filemap.c kernel/mm/shmem.c kernel/params.c kernel/fs/sysfs.c kernel/fs/debugfs.c kernel/fs/tracefs/inode.c kernel/fs/tracefs/trace_files.c kernel/fs/tracefs/event_files.c kernel/fs/tracefs/option_files.c kernel/trace/trace_tracers.c kernel/trace/trace_nop.c kernel/locking/mutex.c kernel/lib/string_words.c kernel/trace/trace_output.c kernel/kallsyms.c tests/host/data/kallsyms_sample.S kernel/trace/trace_events.c kernel/trace/trace_events_filter.c kernel/trace/trace_events_trigger.c kernel/trace/trace_syscalls.c kernel/trace/trace_cmdline.c kernel/trace/trace_sched_switch.c kernel/tracepoint.c kernel/lib/glob.c kernel/trace/ring_buffer.c kernel/trace/trace_seq.c kernel/trace/events_irq.c kernel/trace/events_ipi.c kernel/trace/events_sched.c kernel/trace/events_raw_syscalls.c kernel/lib/kstrtox.c kernel/lib/hexdump.c kernel/cred.c kernel/groups.c kernel/user.c kernel/lib/sort.c */
/* Tests of sysfs, tracefs and debugfs as init mounts them: the tracing
 * files at /sys/kernel/tracing and, automounted, /sys/kernel/debug/tracing;
 * tracing_on, set_event, available_events, the enable files, and `trace`
 * (cleared by O_TRUNC, read as Linux's text); umount of the automount. */
#include "fs_stubs.h"
#include <linux/irq_work.h>

/* 16 MiB of RAM: a tmpfs holds 8 MiB and 2048 inodes by default. */
unsigned long totalram_pages = 4096;
#include <linux/namei.h>
#include <linux/syscalls.h>
#include <linux/trace_events.h>
#include <asm/stat.h>
#include "../../kernel/trace/trace.h"
/* The signal events, made here so that the test sees their records. */
#define CREATE_TRACE_POINTS
#include <trace/events/signal.h>

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

void sysfs_init(void);
void tracefs_init(void);
void debugfs_init(void);

/* The function tracer's files are tested in test_ftrace_files.c. */
int ftrace_init_tracefs(struct dentry *d_tracer)
{
	return 0;
}

/* The tracer's view of the machine (Linux's trace clock and entry flags):
 * events come from kworker/u8:0, pid 1119, on CPU 1 (stub_thread_info's). */
static u64 trace_ns;

u64 trace_clock_local(void)
{
	return trace_ns;
}

u64 trace_clock_global(void) { return trace_ns; }
u64 trace_clock_counter(void) { return trace_ns; }
u64 trace_clock_jiffies(void) { return trace_ns; }
u64 trace_clock(void) { return trace_ns; }
u64 trace_clock_mono(void) { return trace_ns; }

/* buffer_size_kb: the rings are the test's; remember what was asked. */
static unsigned long resized_to;
int tracing_resize_ring_buffer(unsigned long size)
{
	resized_to = size;
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

/* trace_pipe's waiters are woken by an irq_work at the tick; the test's
 * readers never block, so it is only counted. */
static int irq_works_queued;
bool irq_work_queue(struct irq_work *work)
{
	irq_works_queued++;
	return true;
}

int stub_stack_traces;
void __trace_stack(unsigned long flags, int skip)
{
	stub_stack_traces++;
}

void tracing_generic_entry_update(struct trace_entry *entry, unsigned long irq_flags)
{
	entry->pid = 1119;
	entry->flags = TRACE_FLAG_IRQS_OFF;
	entry->preempt_count = 0;
}

static char *const ubuf = (char *)USER_BASE;

/* A tracer of the test's own, registered before tracefs is mounted as the
 * kernel's are at boot: it counts its hooks, has one option, and refuses
 * to let overwrite be turned off while it is current (as Linux's
 * function_graph does with trace_keep_overwrite). */
static int test_inits, test_resets;
static int test_init(struct trace_array *tr)
{
	test_inits++;
	return 0;
}

static void test_reset(struct trace_array *tr)
{
	test_resets++;
}

static int test_flag_changed(struct trace_array *tr, u32 mask, int set)
{
	return mask == TRACE_ITER_OVERWRITE && !set ? -1 : 0;
}

static struct tracer_opt test_opts[] = { { TRACER_OPT(test-opt, 0x4) }, { } };
static struct tracer_flags test_flags = { .val = 0, .opts = test_opts };
static struct tracer test_tracer = {
	.name = "hosttest",
	.init = test_init,
	.reset = test_reset,
	.flag_changed = test_flag_changed,
	.flags = &test_flags,
};

static int group_setup(void **state)
{
	static char rings[NR_CPUS][64 * 1024];
	void *const mem[NR_CPUS] = { rings[0], rings[1], rings[2], rings[3] };

	stub_task_init();
	stub_task.fs = &init_fs;
	stub_task.files = &init_files;
	user_mem_init();
	mnt_init();
	sysfs_init();
	tracefs_init();
	debugfs_init();
	stub_thread_info.cpu = 1;
	assert_int_equal(trace_create_savedcmd(), 0);
	assert_int_equal(trace_init(mem, sizeof(rings[0])), 0);
	assert_int_equal(register_tracer(&test_tracer), 0);
	assert_int_equal(do_mkdirat(AT_FDCWD, "/sys", 0755), 0);
	assert_int_equal(do_mount("sysfs", "/sys", "sysfs", 0, NULL), 0);
	assert_int_equal(do_mount("tracefs", "/sys/kernel/tracing", "tracefs", 0, NULL), 0);
	assert_int_equal(do_mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL), 0);
	/* the first walk through debugfs' tracing mounts tracefs there, to stay */
	assert_int_equal(sys_stat64(ustr("/sys/kernel/debug/tracing"), (void *)ubuf), 0);
	return 0;
}

static long allocs;

static int setup(void **state)
{
	trace_set_clr_event(NULL, NULL, 0);
	tracing_on();
	allocs = stub_nr_allocs;
	return 0;
}

static int teardown(void **state)
{
	assert_int_equal(stub_nr_allocs, allocs);
	return 0;
}

/* The whole file as a string (kept in user memory), or NULL. */
static char *cat(const char *path)
{
	static char text[64 * 1024];
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

/* Write @s to @path as the shell's ">" (O_TRUNC) or ">>" would. */
static long echo(const char *s, const char *path, bool append)
{
	long fd = sys_open(ustr(path), O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0644);
	long ret;

	if (fd < 0)
		return fd;
	memcpy(ubuf, s, strlen(s));
	ret = sys_write(fd, ubuf, strlen(s));
	assert_int_equal(sys_close(fd), 0);
	return ret;
}

static void test_tree(void **state)
{
	struct stat64 st;

	assert_int_equal(sys_stat64(ustr("/sys/kernel/tracing/trace"), (void *)ubuf), 0);
	memcpy(&st, ubuf, sizeof(st));
	assert_int_equal(st.st_mode, S_IFREG | 0644);
	assert_int_equal(sys_stat64(ustr("/sys/kernel/debug/tracing/events/signal/signal_generate"
					 "/enable"), (void *)ubuf), 0);
	assert_int_equal(sys_stat64(ustr("/sys/kernel/tracing/events/sched"), (void *)ubuf), 0);
	assert_int_equal(sys_stat64(ustr("/sys/kernel/tracing/nope"), (void *)ubuf), -ENOENT);
	assert_int_equal(sys_mkdir(ustr("/sys/kernel/tracing/x"), 0755), -EPERM);
	assert_int_equal(sys_unlink(ustr("/sys/kernel/tracing/trace")), -EPERM);
	assert_int_equal(sys_open(ustr("/sys/kernel/tracing/new"), O_CREAT | O_WRONLY, 0644),
			 -EACCES);
	/* in the section's order: per file, the events last defined first
	 * (as GCC emits them, hence Linux's ids: signal_deliver 106,
	 * signal_generate 107 on Linux 6.1); this file's come first */
	assert_non_null(strstr(cat("/sys/kernel/tracing/available_events"),
			       "signal:signal_deliver\nsignal:signal_generate\n"));
	assert_non_null(strstr(cat("/sys/kernel/debug/tracing/available_events"),
			       "sched:sched_switch\n"));
}

static void test_tracing_on(void **state)
{
	assert_string_equal(cat("/sys/kernel/tracing/tracing_on"), "1\n");
	assert_int_equal(echo("0\n", "/sys/kernel/tracing/tracing_on", false), 2);
	assert_false(tracing_is_on());
	assert_string_equal(cat("/sys/kernel/debug/tracing/tracing_on"), "0\n");
	assert_int_equal(echo("1", "/sys/kernel/debug/tracing/tracing_on", false), 1);
	assert_true(tracing_is_on());
	assert_int_equal(echo("yes\n", "/sys/kernel/tracing/tracing_on", false), -EINVAL);
	assert_int_equal(echo("1x", "/sys/kernel/tracing/tracing_on", false), -EINVAL);
	assert_true(tracing_is_on());
}

static void test_set_event(void **state)
{
	assert_string_equal(cat("/sys/kernel/tracing/set_event"), "");
	assert_int_equal(echo("sched:sched_switch signal:\n", "/sys/kernel/tracing/set_event",
			      false), 27);
	assert_string_equal(cat("/sys/kernel/tracing/set_event"),
			    "signal:signal_deliver\nsignal:signal_generate\nsched:sched_switch\n");
	assert_string_equal(cat("/sys/kernel/tracing/events/signal/enable"), "1\n");
	assert_string_equal(cat("/sys/kernel/tracing/events/sched/enable"), "X\n");
	assert_string_equal(cat("/sys/kernel/tracing/events/enable"), "X\n");
	assert_string_equal(cat("/sys/kernel/tracing/events/sched/sched_switch/enable"), "1\n");
	assert_string_equal(cat("/sys/kernel/tracing/events/sched/sched_wakeup/enable"), "0\n");
	/* ">>" adds; "!" removes; ">" clears first */
	assert_int_equal(echo("!signal:signal_deliver irq_handler_entry", "/sys/kernel/tracing/"
			      "set_event", true), 40);
	assert_string_equal(cat("/sys/kernel/tracing/set_event"),
			    "signal:signal_generate\nirq:irq_handler_entry\nsched:sched_switch\n");
	assert_int_equal(echo("no:such", "/sys/kernel/tracing/set_event", true), -EINVAL);
	assert_int_equal(echo("\n", "/sys/kernel/tracing/set_event", false), 1);
	assert_string_equal(cat("/sys/kernel/tracing/set_event"), "");
	assert_string_equal(cat("/sys/kernel/tracing/events/enable"), "0\n");
}

static void test_enable_files(void **state)
{
	assert_int_equal(echo("1\n", "/sys/kernel/tracing/events/signal/signal_generate/enable",
			      false), 2);
	assert_string_equal(cat("/sys/kernel/debug/tracing/set_event"), "signal:signal_generate\n");
	assert_int_equal(echo("2\n", "/sys/kernel/tracing/events/signal/signal_generate/enable",
			      false), -EINVAL);
	assert_int_equal(echo("1\n", "/sys/kernel/tracing/events/sched/enable", false), 2);
	assert_string_equal(cat("/sys/kernel/tracing/events/sched/enable"), "1\n");
	assert_int_equal(echo("0\n", "/sys/kernel/tracing/events/enable", false), 2);
	assert_string_equal(cat("/sys/kernel/tracing/set_event"), "");
	assert_int_equal(echo("1\n", "/sys/kernel/tracing/events/enable", false), 2);
	assert_string_equal(cat("/sys/kernel/tracing/events/enable"), "1\n");
	assert_int_equal(echo("x\n", "/sys/kernel/tracing/events/enable", false), -EINVAL);
}

/* A signal_generate event from its tracepoint, as __send_signal() fires it. */
static void emit_signal_generate(void)
{
	struct task_struct target = { .pid = 1127, .comm = "RPi_signal" };
	struct task_struct kworker = { .pid = 1119, .comm = "kworker/u8:0" };

	trace_signal_generate(2, SEND_SIG_PRIV, &target, 1, 0);
	/* the comm of the pid that wrote it, saved as at a context switch */
	tracing_record_taskinfo(&kworker);
}

static void test_trace_file(void **state)
{
	char *text;

	assert_int_equal(echo("signal:signal_generate", "/sys/kernel/tracing/set_event", false),
			 22);
	trace_ns = 2772154384000ULL;
	emit_signal_generate();
	text = cat("/sys/kernel/tracing/trace");
	assert_non_null(strstr(text, "# tracer: nop\n"));
	assert_non_null(strstr(text, "    kworker/u8:0-1119  [001] d...  2772.154384: signal_generate: "
				     "sig=2 errno=0 code=128 comm=RPi_signal pid=1127 grp=1 res=0\n"));
	assert_string_equal(cat("/sys/kernel/debug/tracing/trace"), text);
	/* reading from an offset: lseek, then read */
	{
		long fd = sys_open(ustr("/sys/kernel/tracing/trace"), O_RDONLY, 0);

		assert_int_equal(sys_lseek(fd, 3, SEEK_SET), 3);
		assert_int_equal(sys_read(fd, ubuf, 6), 6);
		assert_memory_equal(ubuf, "racer:", 6);
		assert_int_equal(sys_close(fd), 0);
	}
	/* "echo > trace": O_TRUNC empties the buffer */
	assert_int_equal(echo("\n", "/sys/kernel/tracing/trace", false), 1);
	assert_null(strstr(cat("/sys/kernel/tracing/trace"), "signal_generate:"));
	/* appending leaves it alone */
	emit_signal_generate();
	assert_int_equal(echo("x", "/sys/kernel/tracing/trace", true), 1);
	assert_non_null(strstr(cat("/sys/kernel/tracing/trace"), "signal_generate:"));
	assert_int_equal(echo("\n", "/sys/kernel/tracing/trace", false), 1);
}

/* The whole trace_options text for the current flags. */
static void test_trace_options(void **state)
{
	const unsigned int flags = global_trace.trace_flags;
	static const char *const garbage[] = {
		"bogus", "sym-offsetx", "no", "", "\n", "nono", "sym-offset sym-addr",
		"nosym-offset,sym-addr", "0123456789012345678901234567890123456789012345678901234567890123",
	};
	char *text = cat("/sys/kernel/tracing/trace_options");
	unsigned int i;

	assert_memory_equal(text, "print-parent\nnosym-offset\nnosym-addr\nnoverbose\n", 43);
	assert_non_null(strstr(text, "\ncontext-info\nnolatency-format\nrecord-cmd\nnorecord-tgid\n"
				     "overwrite\nnodisable_on_free\nirq-info\nmarkers\n"));
	assert_non_null(strstr(text, "\nnostacktrace\nnotest_nop_accept\nnotest_nop_refuse\n"));
	assert_int_equal(text[strlen(text) - 1], '\n');
	/* a word sets, "no" clears; white space around it is ignored */
	assert_int_equal(echo("sym-offset\n", "/sys/kernel/tracing/trace_options", false), 11);
	assert_true(global_trace.trace_flags & TRACE_ITER_SYM_OFFSET);
	assert_string_equal(cat("/sys/kernel/tracing/options/sym-offset"), "1\n");
	assert_non_null(strstr(cat("/sys/kernel/tracing/trace_options"), "\nsym-offset\n"));
	assert_int_equal(echo("  nosym-offset  ", "/sys/kernel/debug/tracing/trace_options", false), 16);
	assert_string_equal(cat("/sys/kernel/tracing/options/sym-offset"), "0\n");
	/* garbage: -EINVAL and nothing changes */
	for (i = 0; i < ARRAY_SIZE(garbage); i++) {
		assert_int_equal(echo(garbage[i], "/sys/kernel/tracing/trace_options", false), -EINVAL);
		assert_int_equal(global_trace.trace_flags, flags);
	}
	assert_string_equal(cat("/sys/kernel/tracing/trace_options"), text);
}

static void test_options_files(void **state)
{
	const unsigned int flags = global_trace.trace_flags;
	static const char *const garbage[] = { "2", "-1", "x", "1x", "", " 1", "0x1", "1 \n" };
	unsigned int i;

	assert_string_equal(cat("/sys/kernel/tracing/options/overwrite"), "1\n");
	assert_int_equal(echo("0\n", "/sys/kernel/tracing/options/overwrite", false), 2);
	assert_false(global_trace_buffer.overwrite);
	assert_string_equal(cat("/sys/kernel/tracing/options/overwrite"), "0\n");
	assert_int_equal(echo("1", "/sys/kernel/tracing/options/overwrite", false), 1);
	assert_true(global_trace_buffer.overwrite);
	for (i = 0; i < ARRAY_SIZE(garbage); i++) {
		assert_int_equal(echo(garbage[i], "/sys/kernel/tracing/options/irq-info", false),
				 -EINVAL);
		assert_int_equal(global_trace.trace_flags, flags);
	}
	/* the nop tracer's options: one accepted, one refused */
	assert_int_equal(echo("test_nop_accept", "/sys/kernel/tracing/trace_options", false), 15);
	assert_string_equal(cat("/sys/kernel/tracing/options/test_nop_accept"), "1\n");
	assert_non_null(strstr(stub_printk_buf, "nop_test_accept flag set to 1: we accept."));
	assert_int_equal(echo("test_nop_refuse", "/sys/kernel/tracing/trace_options", false),
			 -EINVAL);
	assert_int_equal(echo("1", "/sys/kernel/tracing/options/test_nop_refuse", false), -EINVAL);
	assert_string_equal(cat("/sys/kernel/tracing/options/test_nop_refuse"), "0\n");
	assert_int_equal(echo("0", "/sys/kernel/tracing/options/test_nop_accept", false), 1);
	assert_non_null(strstr(cat("/sys/kernel/tracing/trace_options"),
			       "\nnotest_nop_accept\nnotest_nop_refuse\n"));
	/* a tracer's option file works while another tracer is current */
	assert_int_equal(echo("1", "/sys/kernel/tracing/options/test-opt", false), 1);
	assert_int_equal(test_flags.val, 0x4);
	assert_int_equal(echo("0", "/sys/kernel/tracing/options/test-opt", false), 1);
	assert_int_equal(test_flags.val, 0);
}

static void test_current_tracer(void **state)
{
	assert_string_equal(cat("/sys/kernel/tracing/available_tracers"), "hosttest nop\n");
	assert_string_equal(cat("/sys/kernel/tracing/current_tracer"), "nop\n");
	assert_int_equal(echo("nosuch\n", "/sys/kernel/tracing/current_tracer", false), -EINVAL);
	assert_int_equal(echo("", "/sys/kernel/tracing/current_tracer", false), -EINVAL);
	assert_int_equal(echo(" nop", "/sys/kernel/tracing/current_tracer", false), -EINVAL);
	assert_string_equal(cat("/sys/kernel/tracing/current_tracer"), "nop\n");

	/* switching clears the buffer and starts the tracer */
	assert_int_equal(echo("signal:signal_generate", "/sys/kernel/tracing/set_event", false), 22);
	emit_signal_generate();
	assert_int_equal(echo("hosttest\n", "/sys/kernel/tracing/current_tracer", false), 9);
	assert_int_equal(test_inits, 1);
	assert_string_equal(cat("/sys/kernel/debug/tracing/current_tracer"), "hosttest\n");
	assert_null(strstr(cat("/sys/kernel/tracing/trace"), "signal_generate:"));
	assert_non_null(strstr(cat("/sys/kernel/tracing/trace"), "# tracer: hosttest\n"));
	/* its options now show in trace_options and can be set there */
	assert_non_null(strstr(cat("/sys/kernel/tracing/trace_options"), "\nnotest-opt\n"));
	assert_int_equal(echo("test-opt", "/sys/kernel/tracing/trace_options", false), 8);
	assert_string_equal(cat("/sys/kernel/tracing/options/test-opt"), "1\n");
	assert_int_equal(echo("test_nop_accept", "/sys/kernel/tracing/trace_options", false),
			 -EINVAL);
	/* it refuses nooverwrite: nothing changes */
	assert_int_equal(echo("nooverwrite", "/sys/kernel/tracing/trace_options", false), -EINVAL);
	assert_int_equal(echo("0", "/sys/kernel/tracing/options/overwrite", false), -EINVAL);
	assert_true(global_trace.trace_flags & TRACE_ITER_OVERWRITE);
	/* the same tracer again: nothing happens */
	assert_int_equal(echo("hosttest", "/sys/kernel/tracing/current_tracer", false), 8);
	assert_int_equal(test_inits, 1);
	assert_int_equal(echo("nop", "/sys/kernel/tracing/current_tracer", false), 3);
	assert_int_equal(test_resets, 1);
	assert_int_equal(echo("notest-opt", "/sys/kernel/tracing/trace_options", false), -EINVAL);
	assert_int_equal(echo("0", "/sys/kernel/tracing/options/test-opt", false), 1);
	/* registering: a taken or overlong name is refused */
	assert_int_equal(register_tracer(&test_tracer), -1);
}

/* trace_options= on the command line: each word as if written to trace_options. */
static void test_boot_options(void **state)
{
	strcpy(trace_boot_options_buf, "sym-addr,bogus,,nooverwrite");
	apply_trace_boot_options();
	assert_true(global_trace.trace_flags & TRACE_ITER_SYM_ADDR);
	assert_false(global_trace.trace_flags & TRACE_ITER_OVERWRITE);
	assert_false(global_trace_buffer.overwrite);
	assert_string_equal(trace_boot_options_buf, "sym-addr,bogus,,nooverwrite");
	strcpy(trace_boot_options_buf, "nosym-addr,overwrite");
	apply_trace_boot_options();
	assert_int_equal(global_trace.trace_flags, TRACE_DEFAULT_FLAGS);
	trace_boot_options_buf[0] = '\0';
}

static void test_umount(void **state)
{
	struct stat64 st;

	assert_int_equal(sys_umount(ustr("/sys"), 0), -EBUSY); /* tracefs is mounted below */
	assert_int_equal(sys_umount(ustr("/sys/kernel/debug/tracing"), 0), 0);
	/* the next walk mounts it again */
	assert_int_equal(sys_stat64(ustr("/sys/kernel/debug/tracing/trace"), (void *)ubuf), 0);
	assert_int_equal(sys_chdir(ustr("/sys/kernel/debug/tracing/events")), 0);
	assert_int_equal(sys_umount(ustr("/sys/kernel/debug"), 0), -EBUSY); /* our cwd */
	assert_int_equal(sys_chdir(ustr("/")), 0);
	assert_int_equal(sys_umount(ustr("/sys/kernel/debug"), 0), 0); /* with its automount */
	assert_int_equal(sys_stat64(ustr("/sys/kernel/debug/tracing"), (void *)ubuf), -ENOENT);
	assert_int_equal(do_mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL), 0);
	assert_int_equal(sys_stat64(ustr("/sys/kernel/debug/tracing/trace"), (void *)ubuf), 0);
	memcpy(&st, ubuf, sizeof(st));
	assert_true(S_ISREG(st.st_mode));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tracing_on, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_event, setup, teardown),
		cmocka_unit_test_setup_teardown(test_enable_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trace_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_trace_options, setup, teardown),
		cmocka_unit_test_setup_teardown(test_options_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_current_tracer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_boot_options, setup, teardown),
		cmocka_unit_test_setup_teardown(test_umount, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
