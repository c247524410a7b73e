/* sources: kernel/trace/trace_output.c kernel/trace/trace_events.c kernel/trace/trace_events_filter.c kernel/trace/trace_events_trigger.c kernel/trace/trace_syscalls.c kernel/trace/trace_cmdline.c kernel/trace/trace_sched_switch.c kernel/trace/trace_tracers.c kernel/trace/trace_nop.c kernel/tracepoint.c kernel/lib/string_words.c kernel/lib/glob.c kernel/lib/kstrtox.c kernel/lib/hexdump.c kernel/trace/ring_buffer.c kernel/trace/trace_seq.c kernel/trace/events_irq.c kernel/trace/events_ipi.c kernel/trace/events_sched.c kernel/trace/events_signal.c kernel/trace/events_raw_syscalls.c kernel/kallsyms.c */
/* The tracer's own records printed against real Linux lines: function
 * tracer lines and <stack trace> blocks of Linux 4.19 on a Raspberry Pi
 * (the seeds' book's traces, linux-traces/rpi-4.19/ of the team's
 * reference set). Each is turned back into the record that produced it, over a symbol table whose
 * functions have the sizes the real lines show, then printed again and
 * compared byte for byte. */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/trace_events.h>
#include "trace_stubs.h"
#include "../../kernel/trace/trace.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

/* ---- A made-up kernel text with the real functions' sizes ---- */

static const struct {
	const char *name;
	u32 size;
} text_layout[] = {
	{ "ret_fast_syscall", 0x28 },
	{ "__sys_trace_return", 0x10 },
	{ "copy_process.part.5", 0x1b08 },
	{ "_do_fork", 0x438 },
	{ "sys_clone", 0x3c },
	{ "do_exit", 0xc18 },
	{ "do_group_exit", 0xe4 },
	{ "sys_exit_group", 0x1c },
	{ "__wake_up_parent", 0x30 },
	{ "wake_up_state", 0x20 },
	{ "signal_wake_up_state", 0x48 },
	{ "complete_signal", 0x248 },
	{ "__send_signal", 0x420 },
	{ "send_signal", 0x98 },
	{ "do_send_sig_info", 0x7c },
	{ "group_send_sig_info", 0x54 },
	{ "kill_pid_info", 0x54 },
	{ "sys_kill", 0x1c4 },
	{ "ttwu_do_wakeup", 0x1a4 },
	{ "ttwu_do_activate", 0x84 },
	{ "dequeue_signal", 0x19c },
	{ "get_signal", 0x72c },
};
#define TEXT_START 0xc0100000u
#define NSYMS ARRAY_SIZE(text_layout)

/* The table tools/kallsyms would emit for that text (see <linux/kallsyms.h>);
 * setup() checks it against text_layout. */
const u32 kallsyms_num_syms = NSYMS;
const u32 kallsyms_addresses[NSYMS + 1] = {
	0xc0100000, 0xc0100028, 0xc0100038, 0xc0101b40, 0xc0101f78, 0xc0101fb4, 0xc0102bcc,
	0xc0102cb0, 0xc0102ccc, 0xc0102cfc, 0xc0102d1c, 0xc0102d64, 0xc0102fac, 0xc01033cc,
	0xc0103464, 0xc01034e0, 0xc0103534, 0xc0103588, 0xc010374c, 0xc01038f0, 0xc0103974,
	0xc0103b10, 0xc010423c, /* _etext */
};
const u32 kallsyms_name_offsets[NSYMS] = {
	0, 17, 36, 56, 65, 75, 83, 97, 112, 129, 143, 164, 180, 194,
	206, 223, 243, 257, 266, 281, 298, 313,
};
const char kallsyms_names[] =
	"ret_fast_syscall\0__sys_trace_return\0copy_process.part.5\0_do_fork\0sys_clone\0"
	"do_exit\0do_group_exit\0sys_exit_group\0__wake_up_parent\0wake_up_state\0"
	"signal_wake_up_state\0complete_signal\0__send_signal\0send_signal\0"
	"do_send_sig_info\0group_send_sig_info\0kill_pid_info\0sys_kill\0ttwu_do_wakeup\0"
	"ttwu_do_activate\0dequeue_signal\0get_signal";

static int check_kallsyms(void)
{
	u32 addr = TEXT_START;
	unsigned int i;

	for (i = 0; i < NSYMS; i++) {
		if (kallsyms_addresses[i] != addr ||
		    strcmp(kallsyms_names + kallsyms_name_offsets[i], text_layout[i].name))
			return -1;
		addr += text_layout[i].size;
	}
	return kallsyms_addresses[NSYMS] == addr ? 0 : -1;
}

/* "name+0x18/0xc18" back to the address it was printed from; any other
 * text is a number ("0x7ec325a8"). */
static u32 symbol_address(const char *text)
{
	char name[KSYM_NAME_LEN];
	unsigned int off, size, i;

	if (sscanf(text, "%127[^+]+0x%x/0x%x", name, &off, &size) != 3)
		return (u32)simple_strtoul(text, NULL, 16);
	for (i = 0; i < NSYMS; i++)
		if (!strcmp(text_layout[i].name, name)) {
			assert_int_equal(text_layout[i].size, size);
			return kallsyms_addresses[i] + off;
		}
	fail_msg("no symbol %s", name);
	return 0;
}

/* ---- Records back from real lines ---- */

#define SLOTS 64
#define SIZE (SLOTS * RB_SLOT_SIZE)
static u64 mem[NR_CPUS * SIZE / sizeof(u64)];
static struct trace_iterator iter;
static char text[16 * 1024];

static int setup(void **state)
{
	void *const areas[NR_CPUS] = { (char *)mem, (char *)mem + SIZE, (char *)mem + 2 * SIZE,
				       (char *)mem + 3 * SIZE };

	if (check_kallsyms())
		return -1;
	return trace_create_savedcmd() ?: trace_init(areas, SIZE);
}

/*
 * Start a record of @type from the context columns of a real line
 * "%16s-%-5d [%03d] LLLL %5lu.%06lu: " (only the '.' and 'd' irqs-off
 * column occur in the lines used here). RETURNS: the record's entry.
 */
static void *reserve_from_line(const char *line, int type)
{
	unsigned long secs, usecs;
	char lat[5] = "";
	int i, pid, cpu;
	struct ring_buffer_event *event;

	for (i = 0; line[i] == ' '; i++)
		;
	memset(stub_task.comm, 0, TASK_COMM_LEN);
	memcpy(stub_task.comm, line + i, 16 - i);
	assert_int_equal(line[16], '-');
	assert_int_equal(sscanf(line + 17, "%d [%d] %4c %lu.%lu:", &pid, &cpu, lat, &secs, &usecs),
			 5);
	stub_task.pid = pid;
	stub_task.flags = lat[0] == 'd' ? TRACE_FLAG_IRQS_OFF : 0;
	stub_task.preempt_count = 0;
	stub_cpu = cpu;
	stub_clock_ns = (secs * 1000000ULL + usecs) * 1000;
	event = trace_buffer_lock_reserve(&global_trace_buffer, type, TRACE_ENTRY_MAX, 0);
	assert_non_null(event);
	return ring_buffer_event_data(event);
}

/* Publish the record, and save its task's comm as the next switch would. */
static void commit(void)
{
	struct task_struct task = { .pid = stub_task.pid };

	ring_buffer_unlock_commit(&global_trace_buffer, stub_cpu);
	trace_taskinfo_save_set();
	memcpy(task.comm, stub_task.comm, TASK_COMM_LEN);
	tracing_record_taskinfo(&task);
}

/* A `<stack trace>` line and its ` => ` lines, as one record. */
static void emit_stack(const char *const *lines, unsigned int n)
{
	struct stack_entry *entry = reserve_from_line(lines[0], TRACE_STACK);
	unsigned int i;

	assert_true(n - 1 <= FTRACE_STACK_ENTRIES);
	for (i = 1; i < n; i++) {
		assert_memory_equal(lines[i], " => ", 4);
		entry->caller[i - 1] = symbol_address(lines[i] + 4);
	}
	if (n - 1 < FTRACE_STACK_ENTRIES)
		entry->caller[n - 1] = (u32)ULONG_MAX;
	entry->size = n - 1 + (n - 1 < FTRACE_STACK_ENTRIES);
	commit();
}

/* Every record in the buffer, printed, one after the other. */
static const char *print_all(void)
{
	size_t len = 0;

	text[0] = '\0';
	trace_iter_init(&iter, &global_trace);
	while (trace_find_next_entry_inc(&iter)) {
		trace_seq_init(&iter.seq);
		assert_int_equal(print_trace_line(&iter), TRACE_TYPE_HANDLED);
		assert_true(len + iter.seq.len < sizeof(text));
		memcpy(text + len, iter.seq.buffer, iter.seq.len + 1);
		len += iter.seq.len;
	}
	return text;
}

static char *join(const char *const *lines, unsigned int n)
{
	static char joined[4096];
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		len += snprintf(joined + len, sizeof(joined) - len, "%s\n", lines[i]);
	return joined;
}

/* The trace options print-parent, sym-offset and sym-addr: @flags, the others at their defaults. */
static void set_sym_flags(unsigned int flags)
{
	global_trace.trace_flags = (TRACE_DEFAULT_FLAGS & ~TRACE_ITER_SYM_MASK) | flags;
}

/* ---- Real <stack trace> blocks ---- */

/* exit-fork-sigchld.txt: the child's exit (seed 000's lesson) and the fork. */
static const char *const exit_stack[] = {
	"   rpi_proc_exit-30382 [003] .... 11500.715968: <stack trace>",
	" => do_exit+0x18/0xc18",
	" => do_group_exit+0x4c/0xe4",
	" => __wake_up_parent+0x0/0x30",
	" => ret_fast_syscall+0x0/0x28",
	" => 0x7ec325a8",
};

static const char *const fork_stack[] = {
	"            bash-2181  [003] .... 11491.710037: <stack trace>",
	" => copy_process.part.5+0x18/0x1b08",
	" => _do_fork+0xd8/0x438",
	" => sys_clone+0x34/0x3c",
	" => ret_fast_syscall+0x0/0x28",
	" => 0x7ed03260",
};

/* signal-kill9-stacks.txt: kill -9 from bash, down to the wake-up. */
static const char *const kill_stack[] = {
	"            bash-833   [003] d...  3742.555151: <stack trace>",
	" => wake_up_state+0x1c/0x20",
	" => signal_wake_up_state+0x34/0x48",
	" => complete_signal+0x204/0x248",
	" => __send_signal+0x160/0x420",
	" => send_signal+0x48/0x98",
	" => do_send_sig_info+0x50/0x7c",
	" => group_send_sig_info+0x50/0x54",
	" => kill_pid_info+0x40/0x54",
	" => sys_kill+0x11c/0x1c4",
	" => __sys_trace_return+0x0/0x10",
};

static void check_block(const char *const *lines, unsigned int n)
{
	ring_buffer_reset(&global_trace_buffer);
	emit_stack(lines, n);
	assert_string_equal(print_all(), join(lines, n));
}

static void test_stack_blocks_with_sym_offset(void **state)
{
	set_sym_flags(TRACE_ITER_PRINT_PARENT | TRACE_ITER_SYM_OFFSET);
	check_block(exit_stack, ARRAY_SIZE(exit_stack));
	check_block(fork_stack, ARRAY_SIZE(fork_stack));
	check_block(kill_stack, ARRAY_SIZE(kill_stack));
}

/* Without sym-offset: names only; a user address stays a number. */
static void test_stack_block_names_only(void **state)
{
	set_sym_flags(TRACE_ITER_SYM_OFFSET);
	ring_buffer_reset(&global_trace_buffer);
	emit_stack(exit_stack, ARRAY_SIZE(exit_stack));
	set_sym_flags(TRACE_ITER_PRINT_PARENT);
	assert_string_equal(print_all(),
			    "   rpi_proc_exit-30382 [003] .... 11500.715968: <stack trace>\n"
			    " => do_exit\n => do_group_exit\n => __wake_up_parent\n"
			    " => ret_fast_syscall\n => 0x7ec325a8\n");
}

/* sym-addr adds each address after its symbol. */
static void test_stack_block_sym_addr(void **state)
{
	set_sym_flags(TRACE_ITER_SYM_OFFSET);
	ring_buffer_reset(&global_trace_buffer);
	emit_stack(fork_stack, 3);
	set_sym_flags(TRACE_ITER_SYM_OFFSET | TRACE_ITER_SYM_ADDR);
	assert_string_equal(print_all(),
			    "            bash-2181  [003] .... 11491.710037: <stack trace>\n"
			    " => copy_process.part.5+0x18/0x1b08 <c0100050>\n"
			    " => _do_fork+0xd8/0x438 <c0101c18>\n");
}

/* A full record (no ULONG_MAX end mark) prints every slot; a corrupt size
 * never reads past the record. */
static void test_stack_full_and_corrupt(void **state)
{
	struct stack_entry *entry;
	unsigned int i;

	set_sym_flags(0);
	ring_buffer_reset(&global_trace_buffer);
	entry = reserve_from_line(exit_stack[0], TRACE_STACK);
	for (i = 0; i < FTRACE_STACK_ENTRIES; i++)
		entry->caller[i] = TEXT_START + 0x28; /* __sys_trace_return */
	entry->size = 1000;
	commit();
	print_all();
	assert_int_equal(strlen(text), strlen(exit_stack[0]) + 1 +
					       FTRACE_STACK_ENTRIES * strlen(" => __sys_trace_return\n"));
}

/* ---- Real function tracer lines ---- */

/* The function tracer's lines: exit-fork-sigchld.txt and signal-kill9-stacks.txt. */
static const char *const function_lines[] = {
	"            bash-2181  [003] .... 11491.709994: copy_process.part.5+0x14/0x1b08 <-_do_fork+0xd8/0x438",
	"   rpi_proc_exit-30382 [003] .... 11500.715929: do_exit+0x14/0xc18 <-do_group_exit+0x4c/0xe4",
	"            bash-833   [003] d...  3742.555125: ttwu_do_wakeup+0x10/0x1a4 <-ttwu_do_activate+0x80/0x84",
	"            bash-1240  [003] d...  3742.557391: dequeue_signal+0x14/0x19c <-get_signal+0x104/0x72c",
};

/* "name+off/size <-parent+off/size" back to a TRACE_FN record. */
static void emit_function(const char *line)
{
	struct ftrace_entry *entry = reserve_from_line(line, TRACE_FN);
	const char *text = strstr(line, ": ") + 2;
	char ip[96], parent[96];

	assert_int_equal(sscanf(text, "%95s <-%95s", ip, parent), 2);
	entry->ip = symbol_address(ip);
	entry->parent_ip = symbol_address(parent);
	commit();
}

static void test_function_lines_with_sym_offset(void **state)
{
	unsigned int i;

	set_sym_flags(TRACE_ITER_PRINT_PARENT | TRACE_ITER_SYM_OFFSET);
	for (i = 0; i < ARRAY_SIZE(function_lines); i++) {
		ring_buffer_reset(&global_trace_buffer);
		emit_function(function_lines[i]);
		assert_string_equal(print_all(), join(&function_lines[i], 1));
	}
}

/* The default (print-parent, no sym-offset): "do_exit <-do_group_exit", as
 * in Linux 6.1's traces; without print-parent the function alone; in the
 * raw format the two addresses. */
static void test_function_line_options(void **state)
{
	const char *prefix = "   rpi_proc_exit-30382 [003] .... 11500.715929: ";
	char expected[256];

	ring_buffer_reset(&global_trace_buffer);
	emit_function(function_lines[1]);
	set_sym_flags(TRACE_ITER_PRINT_PARENT);
	snprintf(expected, sizeof(expected), "%sdo_exit <-do_group_exit\n", prefix);
	assert_string_equal(print_all(), expected);
	set_sym_flags(0);
	snprintf(expected, sizeof(expected), "%sdo_exit\n", prefix);
	assert_string_equal(print_all(), expected);
	global_trace.trace_flags |= TRACE_ITER_RAW;
	assert_string_equal(print_all(), "30382 3 11500715929000 c0101fc8 c0102c18\n");
	global_trace.trace_flags &= ~TRACE_ITER_RAW;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stack_blocks_with_sym_offset),
		cmocka_unit_test(test_stack_block_names_only),
		cmocka_unit_test(test_stack_block_sym_addr),
		cmocka_unit_test(test_stack_full_and_corrupt),
		cmocka_unit_test(test_function_lines_with_sym_offset),
		cmocka_unit_test(test_function_line_options),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
