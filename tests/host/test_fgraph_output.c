/* sources: kernel/trace/trace_functions_graph.c kernel/trace/trace_output.c kernel/trace/trace_events.c kernel/trace/trace_events_filter.c kernel/trace/trace_events_trigger.c kernel/trace/trace_syscalls.c kernel/trace/trace_cmdline.c kernel/trace/trace_sched_switch.c kernel/trace/trace_tracers.c kernel/trace/trace_nop.c kernel/tracepoint.c kernel/lib/string_words.c kernel/lib/glob.c kernel/lib/kstrtox.c kernel/lib/hexdump.c kernel/trace/ring_buffer.c kernel/trace/trace_seq.c kernel/trace/events_irq.c kernel/trace/events_ipi.c kernel/trace/events_signal.c kernel/trace/events_raw_syscalls.c kernel/kallsyms.c */
/* The function_graph printer against real Linux output: 36 lines of Linux
 * 6.1's function_graph trace of proc_exit on QEMU raspi2b with
 * funcgraph-proc and funcgraph-tail (linux-traces/linux-6.1-qemu/
 * proc_exit.function_graph.txt of the team's reference set, lines 5-40;
 * the graph format is 4.19's). Each line is turned back into the records
 * that produced it: a function's entry, its return (the duration), or an
 * event shown as a comment. Printed again they must give the same text,
 * leaves, nesting, the CPU switches and the context-switch banner included. */
#include <linux/ftrace.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/trace_events.h>
#include "../../kernel/trace/trace.h"
#include "trace_stubs.h"
/* The sched events, with their records' structs, as events_sched.c makes them. */
#define CREATE_TRACE_POINTS
#include <trace/events/sched.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

/* ---- What the printer needs of the kernel ---- */

/* A made-up text, 0x100 bytes per function, names in address order. */
const u32 kallsyms_num_syms = 11;
const u32 kallsyms_addresses[12] = {
	0xc0100000, 0xc0100100, 0xc0100200, 0xc0100300, 0xc0100400, 0xc0100500,
	0xc0100600, 0xc0100700, 0xc0100800, 0xc0100900, 0xc0100a00, 0xc0100b00, /* _etext */
};
const u32 kallsyms_name_offsets[11] = { 0, 13, 26, 40, 48, 64, 77, 90, 100, 110, 129 };
const char kallsyms_names[] = "copy_process\0do_DataAbort\0do_page_fault\0do_wait\0"
			      "do_work_pending\0kernel_clone\0kernel_wait4\0sys_clone\0sys_wait4\0"
			      "wait_consider_task\0wake_up_new_task";

/* No interrupt entry text in this made-up kernel. */
char __irqentry_text_start[1], __irqentry_text_end[1];

unsigned int fgraph_max_depth;
int register_ftrace_graph(trace_func_graph_ret_t retfunc, trace_func_graph_ent_t entryfunc)
{
	return 0;
}

void unregister_ftrace_graph(void)
{
}

void ftrace_graph_sleep_time_control(bool enable)
{
}

bool ftrace_trace_task(void)
{
	return true;
}

bool ftrace_graph_addr(unsigned long func)
{
	return true;
}

/* ---- The real lines ---- */

static const char *const real_graph[] = {
	" 0)     init-1     | ! 475.712 us  |  do_work_pending();",
	" 0)     init-1     |               |  sys_clone() {",
	" 0)     init-1     |               |    kernel_clone() {",
	" 0)     init-1     | # 2661.248 us |      copy_process();",
	" 0)     init-1     |               |      /* sched_process_fork: comm=init pid=1 child_comm=init child_pid=219 */",
	" 0)     init-1     |               |      wake_up_new_task() {",
	" 0)     init-1     |               |        /* sched_wakeup_new: comm=init pid=219 prio=120 target_cpu=003 */",
	" 0)     init-1     | ! 195.696 us  |      } /* wake_up_new_task */",
	" 0)     init-1     | # 3170.752 us |    } /* kernel_clone */",
	" 0)     init-1     | # 3249.904 us |  } /* sys_clone */",
	" 0)     init-1     |               |  do_DataAbort() {",
	" 0)     init-1     | ! 408.640 us  |    do_page_fault();",
	" 3)    <idle>-0    |               |  /* sched_switch: prev_comm=swapper/3 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=init next_pid=219 next_prio=120 */",
	" 0)     init-1     | ! 457.120 us  |  } /* do_DataAbort */",
	" 0)     init-1     |               |  do_DataAbort() {",
	" 0)     init-1     | ! 335.376 us  |    do_page_fault();",
	" ------------------------------------------",
	" 3)    <idle>-0    =>  proc_ex-219  ",
	" ------------------------------------------",
	"",
	" 3)  proc_ex-219   |               |  do_DataAbort() {",
	" 0)     init-1     | ! 379.248 us  |  } /* do_DataAbort */",
	" 3)  proc_ex-219   | ! 630.464 us  |    do_page_fault();",
	" 0)     init-1     |               |  do_DataAbort() {",
	" 0)     init-1     | ! 290.848 us  |    do_page_fault();",
	" 0)     init-1     | ! 449.296 us  |  } /* do_DataAbort */",
	" 0)     init-1     |               |  sys_wait4() {",
	" 0)     init-1     |               |    kernel_wait4() {",
	" 0)     init-1     |               |      do_wait() {",
	" 0)     init-1     |               |        /* sched_process_wait: comm=init pid=0 prio=120 */",
	" 0)     init-1     |   7.920 us    |        wait_consider_task();",
	" 0)     init-1     |               |        /* sched_switch: prev_comm=init prev_pid=1 prev_prio=120 prev_state=S ==> next_comm=swapper/0 next_pid=0 next_prio=120 */",
	" 3)  proc_ex-219   | # 1197.216 us |  } /* do_DataAbort */",
	" 3)  proc_ex-219   | + 99.744 us   |  do_work_pending();",
	" 3)  proc_ex-219   | ! 150.576 us  |  do_page_fault();",
	" 3)  proc_ex-219   |               |  do_DataAbort() {",
};

/* The header of the same file, with funcgraph-proc. */
static const char real_header[] =
	"# tracer: function_graph\n"
	"#\n"
	"# CPU  TASK/PID         DURATION                  FUNCTION CALLS\n"
	"# |     |    |           |   |                     |   |   |   |\n";

/* ---- Records back from the lines ---- */

#define SLOTS 64
#define SIZE (SLOTS * RB_SLOT_SIZE)
static u64 mem[NR_CPUS * SIZE / sizeof(u64)];
static struct trace_iterator iter;
static char text[16 * 1024];
static u64 now;

static int setup(void **state)
{
	void *const areas[NR_CPUS] = { (char *)mem, (char *)mem + SIZE, (char *)mem + 2 * SIZE,
				       (char *)mem + 3 * SIZE };

	if (trace_create_savedcmd() || trace_init(areas, SIZE))
		return -1;
	init_graph_trace();
	if (tracing_set_tracer(&global_trace, "function_graph"))
		return -1;
	return trace_set_clr_event(NULL, NULL, 1);
}

static unsigned long function_address(const char *name)
{
	unsigned int i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i] + 0x14; /* the call site */
	fail_msg("no function %s", name);
	return 0;
}

/* The writer of a line: " C)  comm-pid   | " (the comm cut to 7 characters
 * by the printer; the full one is given back where the trace shows it). */
static void set_task(const char *line)
{
	char proc[15], comm[TASK_COMM_LEN];
	int pid;

	memcpy(proc, line + 4, 14);
	proc[14] = '\0';
	assert_int_equal(sscanf(proc, " %15[^-]-%d", comm, &pid), 2);
	stub_cpu = line[1] - '0';
	stub_task.pid = pid;
	memset(stub_task.comm, 0, TASK_COMM_LEN);
	strcpy(stub_task.comm, !strcmp(comm, "proc_ex") ? "proc_exit" : comm);
	stub_clock_ns = now += 1000;
}

static void *reserve(int type, size_t len)
{
	struct ring_buffer_event *event = trace_buffer_lock_reserve(&global_trace_buffer, type,
								     len, 0);

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

static void emit_entry(unsigned long func, int depth)
{
	struct ftrace_graph_ent_entry *e = reserve(TRACE_GRAPH_ENT, sizeof(*e));

	e->graph_ent.func = func;
	e->graph_ent.depth = depth;
	commit();
}

static void emit_return(unsigned long func, int depth, unsigned long long duration)
{
	struct ftrace_graph_ret_entry *e = reserve(TRACE_GRAPH_RET, sizeof(*e));

	e->ret.func = func;
	e->ret.depth = depth;
	e->ret.overrun = 0;
	e->ret.calltime = 1000000;
	e->ret.rettime = 1000000 + duration;
	commit();
}

/* "/ * name: fields * /" back to the event's record. */
static void emit_event(const char *comment)
{
	struct trace_event_buffer fb;
	char name[32], state[4];
	const char *fields;

	assert_int_equal(sscanf(comment, "/* %31[^:]:", name), 1);
	fields = strchr(comment, ':') + 2;
	if (!strcmp(name, "sched_process_fork")) {
		struct trace_event_raw_sched_process_fork *f =
			trace_event_buffer_reserve(&fb, &event_sched_process_fork, sizeof(*f));

		assert_int_equal(sscanf(fields, "comm=%15s pid=%d child_comm=%15s child_pid=%d",
					f->parent_comm, &f->parent_pid, f->child_comm,
					&f->child_pid), 4);
	} else if (!strcmp(name, "sched_wakeup_new")) {
		struct trace_event_raw_sched_wakeup_template *f =
			trace_event_buffer_reserve(&fb, &event_sched_wakeup_new, sizeof(*f));

		assert_int_equal(sscanf(fields, "comm=%15s pid=%d prio=%d target_cpu=%d", f->comm,
					&f->pid, &f->prio, &f->target_cpu), 4);
		f->success = 1;
	} else if (!strcmp(name, "sched_process_wait")) {
		struct trace_event_raw_sched_process_wait *f =
			trace_event_buffer_reserve(&fb, &event_sched_process_wait, sizeof(*f));

		assert_int_equal(sscanf(fields, "comm=%15s pid=%d prio=%d", f->comm, &f->pid,
					&f->prio), 3);
	} else if (!strcmp(name, "sched_switch")) {
		struct trace_event_raw_sched_switch *f =
			trace_event_buffer_reserve(&fb, &event_sched_switch, sizeof(*f));

		assert_int_equal(sscanf(fields, "prev_comm=%15s prev_pid=%d prev_prio=%d "
					"prev_state=%3s ==> next_comm=%15s next_pid=%d next_prio=%d",
					f->prev_comm, &f->prev_pid, &f->prev_prio, state,
					f->next_comm, &f->next_pid, &f->next_prio), 7);
		assert_true(!strcmp(state, "R") || !strcmp(state, "S"));
		f->prev_state = state[0] == 'S' ? 1 /* TASK_INTERRUPTIBLE */ : 0;
	} else {
		fail_msg("cannot rebuild %s", name);
	}
	trace_event_buffer_commit(&fb);
}

/*
 * " C) proc | duration | <2 spaces a level>text": a leaf "f();" is an entry
 * and its return, "f() {" an entry, "} / * f * /" a return, a comment an
 * event; the context-switch banner is the printer's own.
 */
static void emit_line(const char *line)
{
	char name[64], dur[15];
	const char *rest;
	unsigned long usecs = 0, nsecs = 0;
	int depth = 0;

	if (line[0] == '\0' || line[1] == '-' || strstr(line, " => "))
		return;
	set_task(line);
	memcpy(dur, line + 21, 14);
	dur[14] = '\0';
	if (strstr(dur, "us"))
		assert_int_equal(sscanf(dur + 2, "%lu.%lu", &usecs, &nsecs), 2);
	assert_memory_equal(line + 35, "|  ", 3);
	for (rest = line + 38; *rest == ' '; rest++)
		depth++;
	depth /= 2;
	if (!strncmp(rest, "/*", 2)) {
		emit_event(rest);
	} else if (!strncmp(rest, "} /* ", 5)) {
		assert_int_equal(sscanf(rest, "} /* %63s */", name), 1);
		emit_return(function_address(name), depth, usecs * 1000 + nsecs);
	} else if (strstr(rest, "() {")) {
		assert_int_equal(sscanf(rest, "%63[^(]", name), 1);
		emit_entry(function_address(name), depth);
	} else {
		assert_int_equal(sscanf(rest, "%63[^(]", name), 1);
		emit_entry(function_address(name), depth);
		emit_return(function_address(name), depth, usecs * 1000 + nsecs);
	}
}

/* The whole `trace` text, read as a reader of the file does. */
static const char *read_trace(void)
{
	loff_t pos = 0;
	size_t len;

	trace_iter_init(&iter, &global_trace);
	iter.trace->open(&iter);
	len = trace_read(&iter, text, sizeof(text) - 1, &pos);
	text[len] = '\0';
	iter.trace->close(&iter);
	return text;
}

static void set_option(const char *name)
{
	char buf[32];

	strcpy(buf, name);
	assert_int_equal(trace_set_options(&global_trace, buf), 0);
}

static void test_real_graph_byte_identical(void **state)
{
	char expected[8192];
	size_t len;
	unsigned int i;

	set_option("funcgraph-proc");
	set_option("funcgraph-tail");
	ring_buffer_reset(&global_trace_buffer);
	for (i = 0; i < ARRAY_SIZE(real_graph); i++)
		emit_line(real_graph[i]);

	len = snprintf(expected, sizeof(expected), "%s", real_header);
	for (i = 0; i < ARRAY_SIZE(real_graph); i++)
		len += snprintf(expected + len, sizeof(expected) - len, "%s\n", real_graph[i]);
	assert_string_equal(read_trace(), expected);
}

/* Without funcgraph-tail a return whose entry was printed shows a bare
 * brace; without funcgraph-proc the task column goes. */
static void test_default_columns(void **state)
{
	const char *out;

	set_option("nofuncgraph-proc");
	set_option("nofuncgraph-tail");
	ring_buffer_reset(&global_trace_buffer);
	emit_line(real_graph[1]);  /* sys_clone() { */
	emit_line(real_graph[3]);  /* copy_process(); at depth 2: kernel_clone's entry is lost */
	emit_line(real_graph[9]);  /* } sys_clone */
	out = read_trace();
	assert_non_null(strstr(out, "# CPU  DURATION                  FUNCTION CALLS\n"
				    "# |     |   |                     |   |   |   |\n"));
	assert_non_null(strstr(out, " 0)               |  sys_clone() {\n"
				    " 0) # 2661.248 us |      copy_process();\n"
				    " 0) # 3249.904 us |  }\n"));
}

/* funcgraph-abstime adds the entry time; a return that matches no entry
 * seen names its function even without funcgraph-tail. */
static void test_abstime_and_orphan_return(void **state)
{
	const char *out;

	set_option("funcgraph-abstime");
	ring_buffer_reset(&global_trace_buffer);
	now = 11500715929000ULL - 1000; /* the next record at 11500.715929 */
	emit_line(real_graph[8]); /* } kernel_clone, whose entry is not in the buffer */
	out = read_trace();
	set_option("nofuncgraph-abstime");
	assert_non_null(strstr(out, "#     TIME        CPU  DURATION                  FUNCTION CALLS\n"));
	assert_non_null(strstr(out, "11500.715929 |   0) # 3170.752 us |    } /* kernel_clone */\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_graph_byte_identical),
		cmocka_unit_test(test_default_columns),
		cmocka_unit_test(test_abstime_and_orphan_return),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
