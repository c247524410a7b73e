/* sources: kernel/trace/trace_output.c kernel/kallsyms.c tests/host/data/kallsyms_sample.S kernel/trace/trace_events.c kernel/trace/trace_events_filter.c kernel/trace/trace_events_trigger.c kernel/trace/trace_syscalls.c kernel/trace/trace_cmdline.c kernel/trace/trace_sched_switch.c kernel/trace/trace_tracers.c kernel/trace/trace_nop.c kernel/tracepoint.c kernel/lib/string_words.c kernel/lib/glob.c kernel/lib/kstrtox.c kernel/lib/hexdump.c kernel/trace/ring_buffer.c kernel/trace/trace_seq.c kernel/trace/events_irq.c kernel/trace/events_ipi.c kernel/trace/events_raw_syscalls.c */
/* Event filters and triggers as Linux 4.19 parses them: what each
 * expression keeps, its errors (text and caret) on garbage, the filter
 * file's rules ("0" removes, a bad filter is kept disabled with its error),
 * and the triggers: their syntax, counts, filters, duplicates, removal,
 * what they do when the event fires, and garbage refused with no change. */
#include "trace_stubs.h"
#include <linux/errno.h>
#include <linux/glob.h>
#define CREATE_TRACE_POINTS
#include <trace/events/sched.h>
#include <trace/events/signal.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#define SLOTS 64
#define SIZE (SLOTS * RB_SLOT_SIZE)
static u64 mem[NR_CPUS * SIZE / sizeof(u64)];

/* Allocations before each test: it must free all it makes. */
static long allocs;

static int setup(void **state)
{
	allocs = stub_nr_allocs;
	return 0;
}

static int group_setup(void **state)
{
	void *const areas[NR_CPUS] = { (char *)mem, (char *)mem + SIZE, (char *)mem + 2 * SIZE,
				       (char *)mem + 3 * SIZE };

	return trace_create_savedcmd() ?: trace_init(areas, SIZE);
}

/* A signal_generate record (sig, errno, code, comm, pid, grp, res). */
static struct trace_event_raw_signal_generate sig_rec(int sig, const char *comm, int pid)
{
	struct trace_event_raw_signal_generate r = { .sig = sig, .code = 0, .pid = pid,
						     .group = 1, .result = 0 };

	strncpy(r.comm, comm, sizeof(r.comm));
	return r;
}

/* Parse @expr for signal_generate. RETURNS: the filter (asserting it parsed). */
static struct event_filter *parse_ok(const char *expr)
{
	struct event_filter *filter;

	if (create_event_filter(&event_signal_generate, expr, &filter))
		fail_msg("filter did not parse: %s", expr);
	return filter;
}

static bool keeps(const char *expr, struct trace_event_raw_signal_generate rec)
{
	struct event_filter *filter = parse_ok(expr);
	bool ret = filter_match_preds(filter, &rec);

	free_event_filter(filter);
	return ret;
}

static void test_numeric_and_logic(void **state)
{
	struct trace_event_raw_signal_generate r = sig_rec(17, "bash", 2181);

	assert_true(keeps("sig == 17", r));
	assert_false(keeps("sig != 17", r));
	assert_true(keeps("sig==17", r));
	assert_true(keeps("  sig   ==   17  ", r));
	assert_true(keeps("sig < 18 && sig > 16", r));
	assert_true(keeps("sig <= 17 && sig >= 17", r));
	assert_false(keeps("sig < 17", r));
	assert_true(keeps("sig == 0x11", r));
	assert_true(keeps("sig == 021", r)); /* octal, as kstrtoll base 0 */
	assert_true(keeps("sig & 1", r));
	assert_false(keeps("sig & 2", r));
	assert_true(keeps("pid > -1", r)); /* signed */
	assert_true(keeps("sig == 2 || sig == 17", r));
	assert_false(keeps("sig == 2 || sig == 9", r));
	/* && binds tighter than || */
	assert_true(keeps("sig == 17 || sig == 2 && pid == 0", r));
	assert_false(keeps("(sig == 17 || sig == 2) && pid == 0", r));
	assert_true(keeps("!(sig == 2)", r));
	assert_false(keeps("!sig == 17", r));
	assert_true(keeps("!(sig == 2 || sig == 9) && (pid == 2181)", r));
	assert_true(keeps("((((sig == 17))))", r));
	/* the common fields and the CPU */
	stub_cpu = 2;
	assert_true(keeps("cpu == 2 && CPU >= 2", r));
	assert_false(keeps("cpu != 2", r));
	r.ent.pid = 42;
	assert_true(keeps("common_pid == 42", r));
}

static void test_strings_and_globs(void **state)
{
	struct trace_event_raw_signal_generate r = sig_rec(9, "RPi_signal", 1127);

	assert_true(keeps("comm == \"RPi_signal\"", r));
	assert_true(keeps("comm == 'RPi_signal'", r));
	assert_false(keeps("comm == \"RPi\"", r));
	assert_true(keeps("comm != \"bash\"", r));
	assert_true(keeps("comm ~ \"RPi*\"", r));
	assert_true(keeps("comm ~ \"*signal\"", r));
	assert_true(keeps("comm ~ \"*_sig*\"", r));
	assert_true(keeps("comm ~ \"R?i_[rs]ignal\"", r));
	assert_false(keeps("comm ~ \"!RPi*\"", r));
	assert_false(keeps("comm ~ \"bash\"", r));
	/* == takes no wildcards */
	assert_false(keeps("comm == \"RPi*\"", r));
	/* an event without a comm field: COMM is the current task's */
	stub_task.pid = 5;
	strcpy(stub_task.comm, "sleep");
	{
		struct event_filter *filter;
		struct trace_event_raw_signal_deliver d = { .sig = 2 };

		assert_int_equal(create_event_filter(&event_signal_deliver, "comm == \"sleep\" && sig == 2",
						     &filter), 0);
		assert_true(filter_match_preds(filter, &d));
		strcpy(stub_task.comm, "sh");
		assert_false(filter_match_preds(filter, &d));
		free_event_filter(filter);
	}
	assert_true(glob_match("a*b?c[x-z]\\*", "aXXbQcy*"));
	assert_false(glob_match("a*b", "ab c"));
	assert_true(glob_match("*", ""));
	assert_false(glob_match("[!a]", "a"));
}

/* A __data_loc string: sched_process_exec's filename. */
static void test_dynamic_string(void **state)
{
	struct {
		struct trace_event_raw_sched_process_exec e;
		char name[32];
	} rec = { .e = { .pid = 7, .old_pid = 7 } };
	struct event_filter *filter;

	rec.e.__data_loc_filename = 9 << 16 | sizeof(rec.e);
	strcpy(rec.name, "/bin/cat");
	assert_int_equal(create_event_filter(&event_sched_process_exec,
					     "filename ~ \"*/cat\" && pid == 7", &filter), 0);
	assert_true(filter_match_preds(filter, &rec));
	free_event_filter(filter);
	assert_int_equal(create_event_filter(&event_sched_process_exec, "filename == \"/bin/ls\"",
					     &filter), 0);
	assert_false(filter_match_preds(filter, &rec));
	/* a corrupt __data_loc never makes the filter read outside the record */
	rec.e.__data_loc_filename = 0x7fff << 16 | 0xffff;
	assert_false(filter_match_preds(filter, &rec));
	free_event_filter(filter);
}

/* Garbage: -EINVAL, with Linux's message under the expression. */
static void test_errors(void **state)
{
	static const struct {
		const char *expr, *error;
	} cases[] = {
		/* Linux's carets: one past the character for a term's errors */
		{ "sig == abc", "sig == abc\n        ^\nparse_error: Invalid value (did you forget quotes)?\n\n" },
		{ "nosuch == 1", "nosuch == 1\n       ^\nparse_error: Field not found\n\n" },
		{ "sig = 1", "sig = 1\n     ^\nparse_error: Invalid operator\n\n" },
		{ "comm == 1", "comm == 1\n         ^\nparse_error: Expecting string field\n\n" },
		{ "sig == \"x\"", "sig == \"x\"\n        ^\nparse_error: Expecting numeric field\n\n" },
		{ "comm < \"x\"", "comm < \"x\"\n        ^\nparse_error: Illegal operation for field type\n\n" },
		{ "sig ~ 1", "sig ~ 1\n       ^\nparse_error: Illegal operation for field type\n\n" },
		{ "sig == 1x", "sig == 1x\n        ^\nparse_error: Illegal integer value\n\n" },
		/* and the character itself for quotes and parentheses */
		{ "comm == \"abc", "comm == \"abc\n        ^\nparse_error: Missing matching quote\n\n" },
		{ "(sig == 1", "(sig == 1\n^\nparse_error: Too many '('\n\n" },
		{ "sig == 1)", "sig == 1)\n        ^\nparse_error: Too few '('\n\n" },
		{ "sig == 1 sig == 2", "sig == 1 sig == 2\n         ^\nparse_error: Too many terms in predicate expression\n\n" },
		{ "", "\nError: (0)\n\n" },
		{ "  ", "  \nError: (0)\n\n" },
	};
	static const char *const garbage[] = {
		"&&", "||", "&& sig == 1", "()", "(", ")", "!", "!!!", "sig", "sig ==",
		"== 1", "sig == 99999999999999999999", "pid == -", "\"\"", "(sig == 1 sig == 2)",
		"sig == '1", "comm ~ ", "((((((((((((((((((((((((((((((((((sig == 1))))))))))))))))))))))))))))))))))",
		"\x01\x02\x03", "sig == 1 & 2", "sig !~ 1", "sig == --1", "COMM == sh",
	};

	struct event_filter *filter;
	unsigned int i;
	char buf[300];

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct trace_seq s;

		assert_int_equal(create_event_filter(&event_signal_generate, cases[i].expr, &filter),
				 -EINVAL);
		event_signal_generate.filter = filter;
		trace_seq_init(&s);
		print_event_filter(&event_signal_generate, &s);
		assert_string_equal(s.buffer, cases[i].error);
		event_signal_generate.filter = NULL;
		free_event_filter(filter);
	}
	for (i = 0; i < ARRAY_SIZE(garbage); i++) {
		int err = create_event_filter(&event_signal_generate, garbage[i], &filter);

		if (err != -EINVAL && err != -EPERM)
			fail_msg("%s: %d", garbage[i], err);
		free_event_filter(filter);
	}
	/* Linux's quirks: a term without a field name is -EPERM, a dangling
	 * operator is ignored */
	assert_int_equal(create_event_filter(&event_signal_generate, "sig == 1 || || sig == 2",
					     &filter), -EPERM);
	free_event_filter(filter);
	assert_int_equal(create_event_filter(&event_signal_generate, "(sig == 1 &&)", &filter), 0);
	free_event_filter(filter);
	/* an operand of 256 bytes is too long */
	memset(buf, 'a', sizeof(buf));
	memcpy(buf, "comm == \"", 9);
	buf[sizeof(buf) - 2] = '"';
	buf[sizeof(buf) - 1] = '\0';
	assert_int_equal(create_event_filter(&event_signal_generate, buf, &filter), -EINVAL);
	free_event_filter(filter);
	assert_int_equal(stub_nr_allocs, allocs);
}

/* The filter file: a good filter sets FILTERED, "0" removes it, a bad one
 * is kept with its error and the event unfiltered (Linux's apply_event_filter). */
static void test_apply_event_filter(void **state)
{
	struct trace_seq s;
	char buf[64];

	strcpy(buf, "sig == 9\n");
	assert_int_equal(apply_event_filter(&event_signal_generate, buf), 0);
	assert_true(event_signal_generate.flags & EVENT_FILE_FL_FILTERED);
	trace_seq_init(&s);
	print_event_filter(&event_signal_generate, &s);
	assert_string_equal(s.buffer, "sig == 9\n");
	strcpy(buf, "sig === 9");
	assert_int_equal(apply_event_filter(&event_signal_generate, buf), -EINVAL);
	assert_false(event_signal_generate.flags & EVENT_FILE_FL_FILTERED);
	trace_seq_init(&s);
	print_event_filter(&event_signal_generate, &s);
	assert_string_equal(s.buffer,
			    "sig === 9\n       ^\nparse_error: Invalid value (did you forget quotes)?\n\n");
	strcpy(buf, "0\n");
	assert_int_equal(apply_event_filter(&event_signal_generate, buf), 0);
	trace_seq_init(&s);
	print_event_filter(&event_signal_generate, &s);
	assert_string_equal(s.buffer, "none\n");
	assert_int_equal(stub_nr_allocs, allocs);
}

/* Recorded only when the filter passes: fire the tracepoint itself. */
static void test_filter_on_the_event(void **state)
{
	struct task_struct target = { .pid = 9, .comm = "victim" }, other = { .pid = 1, .comm = "init" };
	char buf[64];

	ring_buffer_reset(&global_trace_buffer);
	assert_int_equal(trace_set_clr_event("signal", "signal_generate", 1), 0);
	strcpy(buf, "sig == 9 && comm == \"victim\"");
	assert_int_equal(apply_event_filter(&event_signal_generate, buf), 0);
	trace_signal_generate(2, SEND_SIG_NOINFO, &target, 1, 0);
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	trace_signal_generate(9, SEND_SIG_NOINFO, &other, 1, 0);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 1);
	strcpy(buf, "0");
	assert_int_equal(apply_event_filter(&event_signal_generate, buf), 0);
	trace_signal_generate(2, SEND_SIG_NOINFO, &target, 1, 0);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 2);
	assert_int_equal(trace_set_clr_event(NULL, NULL, 0), 0);
}

/* ---- Triggers ---- */

static const char *triggers(struct trace_event_call *call)
{
	static struct trace_seq s;

	trace_seq_init(&s);
	trigger_show(call, &s);
	return s.buffer;
}

static int trigger(struct trace_event_call *call, const char *text)
{
	char buf[256];

	strcpy(buf, text);
	return trigger_process_regex(call, buf);
}

static void test_trigger_syntax(void **state)
{
	static const char *const garbage[] = {
		"", "nosuch", "traceon:x", "traceon:", "traceon if", "traceon iff sig == 1",
		"traceon if sig ==", "traceon if nosuch == 1", "stacktrace:-1", "enable_event",
		"enable_event:sched", "enable_event:sched:nosuch", "enable_event:nosys:sched_switch",
		"disable_event:sched:sched_switch:x", "traceoff:1 if", ":", "!", "traceon  junk",
	};
	unsigned int i;

	assert_string_equal(triggers(&event_signal_generate),
			    "# Available triggers:\n"
			    "# traceon traceoff stacktrace enable_event disable_event\n");
	for (i = 0; i < ARRAY_SIZE(garbage); i++) {
		if (trigger(&event_signal_generate, garbage[i]) != -EINVAL)
			fail_msg("trigger %s was taken", garbage[i]);
		assert_null(event_signal_generate.triggers);
		assert_int_equal(event_signal_generate.flags, 0);
	}
	assert_int_equal(trigger(&event_signal_generate, "traceoff"), 0);
	assert_int_equal(trigger(&event_signal_generate, "stacktrace:3 if sig == 9"), 0);
	assert_int_equal(trigger(&event_signal_generate, "enable_event:sched:sched_switch:2"), 0);
	assert_string_equal(triggers(&event_signal_generate),
			    "enable_event:sched:sched_switch:count=2\n"
			    "stacktrace:count=3 if sig == 9\n"
			    "traceoff:unlimited\n");
	/* one of each kind; traceon and traceoff are one kind, as in Linux */
	assert_int_equal(trigger(&event_signal_generate, "stacktrace"), -EEXIST);
	assert_int_equal(trigger(&event_signal_generate, "traceon"), -EEXIST);
	assert_int_equal(trigger(&event_signal_generate, "disable_event:sched:sched_switch"),
			 -EEXIST);
	/* the target is armed (soft mode), its enable file shows 0* */
	assert_true(event_sched_switch.flags & EVENT_FILE_FL_SOFT_MODE);
	assert_true(event_sched_switch.flags & EVENT_FILE_FL_SOFT_DISABLED);
	assert_true(event_signal_generate.flags & EVENT_FILE_FL_TRIGGER_MODE);
	assert_true(event_signal_generate.flags & EVENT_FILE_FL_TRIGGER_COND);
	/* "!" removes; removing what is not there changes nothing */
	assert_int_equal(trigger(&event_signal_generate, "!stacktrace"), 0);
	assert_int_equal(trigger(&event_signal_generate, "!stacktrace"), 0);
	assert_false(event_signal_generate.flags & EVENT_FILE_FL_TRIGGER_COND);
	assert_int_equal(trigger(&event_signal_generate, "!enable_event:sched:sched_switch"), 0);
	assert_int_equal(event_sched_switch.flags, 0);
	assert_int_equal(trigger(&event_signal_generate, "!traceon"), 0);
	assert_string_equal(triggers(&event_signal_generate),
			    "# Available triggers:\n"
			    "# traceon traceoff stacktrace enable_event disable_event\n");
	assert_int_equal(event_signal_generate.flags, 0);
	assert_int_equal(stub_nr_allocs, allocs);
}

static void test_triggers_fire(void **state)
{
	struct task_struct target = { .pid = 9, .comm = "victim" };

	/* traceoff:1 turns tracing off once; the event itself is not enabled */
	tracing_on();
	assert_int_equal(trigger(&event_signal_generate, "traceoff:1"), 0);
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	assert_false(tracing_is_on());
	assert_string_equal(triggers(&event_signal_generate), "traceoff:count=0\n");
	tracing_on();
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	assert_true(tracing_is_on());
	assert_int_equal(trigger(&event_signal_generate, "!traceoff"), 0);

	/* stacktrace after the record, only when the trigger's filter passes */
	ring_buffer_reset(&global_trace_buffer);
	stub_stack_traces = 0;
	assert_int_equal(trace_set_clr_event("signal", "signal_generate", 1), 0);
	assert_int_equal(trigger(&event_signal_generate, "stacktrace if sig == 9"), 0);
	trace_signal_generate(2, SEND_SIG_NOINFO, &target, 1, 0);
	assert_int_equal(stub_stack_traces, 0);
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	assert_int_equal(stub_stack_traces, 1);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 2);
	assert_int_equal(trigger(&event_signal_generate, "!stacktrace"), 0);

	/* enable_event arms sched_process_exit; it records only once flipped on */
	assert_int_equal(trigger(&event_signal_generate, "enable_event:sched:sched_process_exit"),
			 0);
	ring_buffer_reset(&global_trace_buffer);
	trace_sched_process_exit(&target);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 0);
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	assert_false(event_sched_process_exit.flags & EVENT_FILE_FL_SOFT_DISABLED);
	trace_sched_process_exit(&target);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 2);
	/* as in Linux, an event the trigger turned on stays on without it */
	assert_int_equal(trigger(&event_signal_generate, "!enable_event:sched:sched_process_exit"),
			 0);
	assert_true(event_sched_process_exit.flags & EVENT_FILE_FL_ENABLED);
	assert_int_equal(trace_set_clr_event(NULL, NULL, 0), 0);
	assert_int_equal(event_sched_process_exit.flags, 0);
	assert_int_equal(event_signal_generate.flags, 0);
	assert_int_equal(stub_nr_allocs, allocs);
}

/* A conditional traceoff: the record that matched is in the trace, the
 * ones after it are not; tracing off, a conditional traceon still tests
 * each record, and the one that turns tracing on is not kept (Linux's
 * temp_buffer), the next one is. */
static void test_conditional_traceon_traceoff(void **state)
{
	struct task_struct target = { .pid = 9, .comm = "victim" };

	tracing_on();
	ring_buffer_reset(&global_trace_buffer);
	assert_int_equal(trace_set_clr_event("signal", "signal_generate", 1), 0);
	assert_int_equal(trigger(&event_signal_generate, "traceoff if sig == 12"), 0);
	trace_signal_generate(10, SEND_SIG_NOINFO, &target, 1, 0);
	trace_signal_generate(12, SEND_SIG_NOINFO, &target, 1, 0);
	assert_false(tracing_is_on());
	trace_signal_generate(10, SEND_SIG_NOINFO, &target, 1, 0);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 2);
	assert_int_equal(trigger(&event_signal_generate, "!traceoff"), 0);

	assert_int_equal(trigger(&event_signal_generate, "traceon if sig == 1"), 0);
	trace_signal_generate(10, SEND_SIG_NOINFO, &target, 1, 0);
	assert_false(tracing_is_on());
	trace_signal_generate(1, SEND_SIG_NOINFO, &target, 1, 0);
	assert_true(tracing_is_on());
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 2);
	trace_signal_generate(10, SEND_SIG_NOINFO, &target, 1, 0);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 3);
	assert_int_equal(trigger(&event_signal_generate, "!traceon"), 0);
	assert_int_equal(trace_set_clr_event(NULL, NULL, 0), 0);
	assert_int_equal(event_signal_generate.flags, 0);
	assert_int_equal(stub_nr_allocs, allocs);
}

/* tp_printk: each event kept in the trace is also printed as its line
 * after the context columns, as Linux's output_printk does. */
static void test_tp_printk(void **state)
{
	struct task_struct target = { .pid = 9, .comm = "victim" };

	tracing_on();
	assert_int_equal(trace_set_clr_event("signal", "signal_generate", 1), 0);
	stub_printk_buf[0] = '\0';
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	assert_string_equal(stub_printk_buf, "");
	tracepoint_printk = 1;
	trace_signal_generate(9, SEND_SIG_NOINFO, &target, 1, 0);
	tracepoint_printk = 0;
	assert_string_equal(stub_printk_buf, "signal_generate: sig=9 errno=0 code=0 "
			    "comm=victim pid=9 grp=1 res=0\n");
	assert_int_equal(trace_set_clr_event(NULL, NULL, 0), 0);
	assert_int_equal(stub_nr_allocs, allocs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_numeric_and_logic, setup),
		cmocka_unit_test_setup(test_strings_and_globs, setup),
		cmocka_unit_test_setup(test_dynamic_string, setup),
		cmocka_unit_test_setup(test_errors, setup),
		cmocka_unit_test_setup(test_apply_event_filter, setup),
		cmocka_unit_test_setup(test_filter_on_the_event, setup),
		cmocka_unit_test_setup(test_trigger_syntax, setup),
		cmocka_unit_test_setup(test_triggers_fire, setup),
		cmocka_unit_test_setup(test_conditional_traceon_traceoff, setup),
		cmocka_unit_test_setup(test_tp_printk, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
