/* sources: kernel/trace/trace_output.c kernel/kallsyms.c tests/host/data/kallsyms_sample.S kernel/trace/trace_events.c kernel/trace/trace_events_filter.c kernel/trace/trace_events_trigger.c kernel/trace/trace_syscalls.c kernel/trace/trace_cmdline.c kernel/trace/trace_sched_switch.c kernel/trace/trace_tracers.c kernel/trace/trace_nop.c kernel/tracepoint.c kernel/lib/string_words.c kernel/lib/glob.c kernel/lib/kstrtox.c kernel/lib/hexdump.c kernel/trace/ring_buffer.c kernel/trace/trace_seq.c */
/* The `trace` text against real Linux 4.19 output (rpi-4.19/): each real
 * line is turned back into the record that produced it, written through
 * trace_event_buffer_reserve/commit, read back and compared byte for byte.
 * Also the header, the merge of the CPUs' rings, read() in pieces,
 * ftrace_dump, enabling events, and corrupt records. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/trace_events.h>
#include "trace_stubs.h"
#include "../../kernel/trace/trace.h"
/* The events themselves, with their records' structs, as
 * kernel/trace/events_*.c make them. */
#define CREATE_TRACE_POINTS
#include <trace/events/ipi.h>
#include <trace/events/irq.h>
#include <trace/events/raw_syscalls.h>
#include <trace/events/sched.h>
#include <trace/events/signal.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

/* The kernel gives each CPU its own area; here they are cut from one block. */
#define RB_SPLIT(mem, size)                                                              \
	((void *const[NR_CPUS]){ (char *)(mem), (char *)(mem) + (size), (char *)(mem) + 2 * (size), \
				 (char *)(mem) + 3 * (size) })

#define SLOTS 64
#define SIZE (SLOTS * RB_SLOT_SIZE)

static u64 mem[NR_CPUS * SIZE / sizeof(u64)];
static struct trace_iterator iter;
static char text[64 * 1024];

static int setup(void **state)
{
	if (trace_create_savedcmd() || trace_init(RB_SPLIT(mem, SIZE), SIZE))
		return -1;
	return trace_set_clr_event(NULL, NULL, 1);
}

/* ---- Turning a `trace` line back into its record ---- */

struct rebuilt {
	int cpu, pid;
	u64 ts;
	unsigned char flags, pc;
	char comm[TASK_COMM_LEN];
	struct trace_event_call *call;
	u8 entry[TRACE_ENTRY_MAX] __aligned(8); /* the record, struct trace_entry first */
};

static struct trace_event_call *find_call(const char *name)
{
	unsigned int i;

	for (i = 0; i < nr_ftrace_events; i++)
		if (!strcmp(ftrace_events[i]->name, name))
			return ftrace_events[i];
	fail_msg("no event %s", name);
	return NULL;
}

/* The 4 latency columns, by Linux's TRACE_FLAG_* meanings. */
static void parse_lat(const char *c, struct rebuilt *r)
{
	r->flags = 0;
	if (c[0] == 'd')
		r->flags |= TRACE_FLAG_IRQS_OFF;
	if (c[0] == 'X')
		r->flags |= TRACE_FLAG_IRQS_NOSUPPORT;
	if (c[1] == 'N' || c[1] == 'n')
		r->flags |= TRACE_FLAG_NEED_RESCHED;
	if (c[1] == 'N' || c[1] == 'p')
		r->flags |= TRACE_FLAG_PREEMPT_RESCHED;
	if (c[2] == 'Z' || c[2] == 'z')
		r->flags |= TRACE_FLAG_NMI;
	if (c[2] == 'Z' || c[2] == 'H' || c[2] == 'h')
		r->flags |= TRACE_FLAG_HARDIRQ;
	if (c[2] == 'H' || c[2] == 's')
		r->flags |= TRACE_FLAG_SOFTIRQ;
	r->pc = c[3] == '.' ? 0 : (c[3] <= '9' ? c[3] - '0' : c[3] - 'a' + 10);
}

/* sched_switch's prev_state text back to 4.19's encoding. */
static s32 parse_prev_state(const char *s)
{
	static const char letters[] = "SDTtXZPI";
	s32 state = 0;

	for (; *s; s++) {
		if (*s == '+')
			state |= TASK_REPORT_MAX;
		else if (*s != 'R' && *s != '|')
			state |= 1 << (strchr(letters, *s) - letters);
	}
	return state;
}

static void parse_fields(const char *name, const char *body, struct rebuilt *r)
{
	char state[16];
	int n = 0;

	if (!strcmp(name, "sched_switch")) {
		struct trace_event_raw_sched_switch *f = (void *)r->entry;

		n = sscanf(body, "prev_comm=%15s prev_pid=%d prev_prio=%d prev_state=%15s ==> "
			   "next_comm=%15s next_pid=%d next_prio=%d", f->prev_comm, &f->prev_pid,
			   &f->prev_prio, state, f->next_comm, &f->next_pid, &f->next_prio) - 7;
		f->prev_state = parse_prev_state(state);
	} else if (!strcmp(name, "sched_wakeup") || !strcmp(name, "sched_wakeup_new")) {
		struct trace_event_raw_sched_wakeup_template *f = (void *)r->entry;

		n = sscanf(body, "comm=%15s pid=%d prio=%d target_cpu=%d", f->comm, &f->pid,
			   &f->prio, &f->target_cpu) - 4;
		f->success = 1;
	} else if (!strcmp(name, "sched_process_fork")) {
		struct trace_event_raw_sched_process_fork *f = (void *)r->entry;

		n = sscanf(body, "comm=%15s pid=%d child_comm=%15s child_pid=%d", f->parent_comm,
			   &f->parent_pid, f->child_comm, &f->child_pid) - 4;
	} else if (!strcmp(name, "sched_process_exec")) {
		struct trace_event_raw_sched_process_exec *f = (void *)r->entry;

		char *filename = (char *)(f + 1);

		n = sscanf(body, "filename=%79s pid=%d old_pid=%d", filename, &f->pid,
			   &f->old_pid) - 3;
		f->__data_loc_filename = (strlen(filename) + 1) << 16 | sizeof(*f);
	} else if (!strcmp(name, "sched_process_exit") || !strcmp(name, "sched_process_free") ||
		   !strcmp(name, "sched_process_wait")) {
		struct trace_event_raw_sched_process_template *f = (void *)r->entry;

		n = sscanf(body, "comm=%15s pid=%d prio=%d", f->comm, &f->pid, &f->prio) - 3;
	} else if (!strcmp(name, "signal_generate")) {
		struct trace_event_raw_signal_generate *f = (void *)r->entry;

		n = sscanf(body, "sig=%d errno=%d code=%d comm=%15s pid=%d grp=%d res=%d", &f->sig,
			   &f->errno, &f->code, f->comm, &f->pid, &f->group, &f->result) - 7;
	} else if (!strcmp(name, "signal_deliver")) {
		struct trace_event_raw_signal_deliver *f = (void *)r->entry;
		unsigned int handler, flags;

		n = sscanf(body, "sig=%d errno=%d code=%d sa_handler=%x sa_flags=%x", &f->sig,
			   &f->errno, &f->code, &handler, &flags) - 5;
		f->sa_handler = handler;
		f->sa_flags = flags;
	} else if (!strcmp(name, "sys_enter")) {
		struct trace_event_raw_sys_enter *f = (void *)r->entry;
		unsigned int a[6];
		int id, i;

		n = sscanf(body, "NR %d (%x, %x, %x, %x, %x, %x)", &id, &a[0], &a[1], &a[2],
			   &a[3], &a[4], &a[5]) - 7;
		f->id = id;
		for (i = 0; i < 6; i++)
			f->args[i] = a[i];
	} else if (!strcmp(name, "sys_exit")) {
		struct trace_event_raw_sys_exit *f = (void *)r->entry;
		int id, ret;

		n = sscanf(body, "NR %d = %d", &id, &ret) - 2;
		f->id = id;
		f->ret = ret;
	} else {
		fail_msg("cannot rebuild %s", name);
	}
	assert_int_equal(n, 0);
}

/*
 * "%16s-%-5d [%03d] LLLL %5lu.%06lu: name: fields" back to a record. The
 * timestamp gets @jitter ns in [-500, 499], which Linux's rounding to the
 * microsecond hides. An <idle> line's comm is swapper/N, as in Linux.
 */
static void rebuild(const char *line, int jitter, struct rebuilt *r)
{
	char name[32], lat[5] = "";
	unsigned long secs, usecs;
	int i, skip = 0;

	memset(r, 0, sizeof(*r));
	for (i = 0; line[i] == ' '; i++)
		;
	memcpy(r->comm, line + i, 16 - i);
	assert_int_equal(line[16], '-');
	assert_int_equal(sscanf(line + 17, "%d [%d] %4c %lu.%lu: %31[^:]: %n", &r->pid, &r->cpu,
				lat, &secs, &usecs, name, &skip), 6);
	assert_true(skip > 0);
	if (r->pid == 0)
		snprintf(r->comm, sizeof(r->comm), "swapper/%d", r->cpu);
	parse_lat(lat, r);
	r->ts = (secs * 1000000ULL + usecs) * 1000 + jitter;
	r->call = find_call(name);
	parse_fields(name, line + 17 + skip, r);
}

static void emit_rebuilt(const struct rebuilt *r)
{
	assert_int_equal(stub_emit(r->cpu, r->ts, r->flags, r->pc, r->pid, r->comm, r->call,
				   r->entry, sizeof(r->entry)), 0);
}

/* Read the whole `trace` file into text[]. */
static size_t read_trace(void)
{
	loff_t pos = 0;
	size_t len;

	trace_iter_init(&iter, &global_trace);
	len = trace_read(&iter, text, sizeof(text) - 1, &pos);
	text[len] = '\0';
	assert_int_equal(trace_read(&iter, text + len, sizeof(text) - 1 - len, &pos), 0);
	return len;
}

/* The one record in the buffer, printed. */
static const char *print_only_record(void)
{
	trace_iter_init(&iter, &global_trace);
	assert_non_null(trace_find_next_entry_inc(&iter));
	assert_int_equal(print_trace_line(&iter), TRACE_TYPE_HANDLED);
	assert_null(trace_find_next_entry_inc(&iter));
	return iter.seq.buffer;
}

/* ---- Real lines ---- */

static const char *const real_lines[] = {
	/* fork-clone-full.txt */
	"         lxpanel-731   [000] d...   676.984974: sched_switch: prev_comm=lxpanel prev_pid=731 prev_prio=120 prev_state=S ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            Xorg-502   [000] dn..   676.985022: sched_wakeup: comm=openbox pid=723 prio=120 target_cpu=000",
	"            bash-946   [003] ....   676.985385: sched_process_fork: comm=bash pid=946 child_comm=bash child_pid=1360",
	"          <idle>-0     [001] d...   676.985429: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=bash next_pid=1360 next_prio=120",
	"          <idle>-0     [002] dnh.   676.989652: sched_wakeup: comm=kworker/u8:0 pid=7 prio=120 target_cpu=002",
	"   raspbian_proc-1360  [001] d.h.   676.989734: sched_wakeup: comm=lxterminal pid=847 prio=120 target_cpu=001",
	"    kworker/u8:0-7     [002] d...   676.989890: sched_switch: prev_comm=kworker/u8:0 prev_pid=7 prev_prio=120 prev_state=I ==> next_comm=swapper/2 next_pid=0 next_prio=120",
	"            Xorg-502   [000] dns.   677.013326: sched_wakeup: comm=rcu_sched pid=10 prio=120 target_cpu=000",
	"            Xorg-502   [000] d.h.   677.018469: signal_generate: sig=14 errno=0 code=128 comm=Xorg pid=502 grp=1 res=0",
	"            Xorg-502   [000] d...   677.018511: signal_deliver: sig=14 errno=0 code=128 sa_handler=1b07f8 sa_flags=14000000",
	" TaskSchedulerFo-1349  [002] ....   677.446944: sched_process_exit: comm=TaskSchedulerFo pid=1349 prio=120",
	" TaskSchedulerFo-1349  [002] d...   677.447052: sched_switch: prev_comm=TaskSchedulerFo prev_pid=1349 prev_prio=120 prev_state=X ==> next_comm=swapper/2 next_pid=0 next_prio=120",
	"     ksoftirqd/2-21    [002] d.s.   677.593467: sched_wakeup: comm=kworker/2:0 pid=1280 prio=120 target_cpu=002",
	"          <idle>-0     [000] dnH.   678.262029: sched_wakeup: comm=kworker/0:1 pid=31 prio=120 target_cpu=000",
	"     kworker/2:0-1280  [002] d...   678.633474: sched_switch: prev_comm=kworker/2:0 prev_pid=1280 prev_prio=120 prev_state=R+ ==> next_comm=ksoftirqd/2 next_pid=21 next_prio=120",
	" jbd2/mmcblk0p2--77    [000] d...   679.513457: sched_switch: prev_comm=jbd2/mmcblk0p2- prev_pid=77 prev_prio=120 prev_state=R+ ==> next_comm=kworker/0:1H next_pid=73 next_prio=100",
	"   raspbian_proc-1360  [001] d...   701.306010: signal_generate: sig=17 errno=0 code=2 comm=bash pid=946 grp=1 res=0",
	"   raspbian_proc-1360  [001] d...   701.306029: sched_switch: prev_comm=raspbian_proc prev_pid=1360 prev_prio=120 prev_state=Z ==> next_comm=swapper/1 next_pid=0 next_prio=120",
	/* sched-basic.txt */
	"     kworker/2:1-1106  [002] d...  7831.602384: sched_switch: prev_comm=kworker/2:1 prev_pid=1106 prev_prio=120 prev_state=T ==> next_comm=ksoftirqd/2 next_pid=19 next_prio=120",
	/* exit-exec-whoami-cat.txt; <...> is Linux's comm for a pid it forgot */
	"          whoami-30082 [001] ....  9537.649127: sched_process_exec: filename=/usr/bin/whoami pid=30082 old_pid=30082",
	"          <idle>-0     [001] ..s.  9541.760478: sched_process_free: comm=cat pid=30083 prio=120",
	"           <...>-30084 [000] ....  9546.481361: sched_process_exec: filename=./get_ftrace.sh pid=30084 old_pid=30084",
	/* exit-fork-sigchld.txt */
	"   rpi_proc_exit-30382 [003] .... 11500.716469: sched_process_exit: comm=rpi_proc_exit pid=30382 prio=120",
	"   rpi_proc_exit-30382 [003] d... 11500.716565: signal_generate: sig=17 errno=0 code=1 comm=bash pid=2181 grp=1 res=0",
	"            bash-2181  [003] d... 11500.716840: signal_deliver: sig=17 errno=0 code=1 sa_handler=55a6c sa_flags=14000000",
	/* signal-kill9-events.txt, signal-kill9-stacks.txt */
	"            bash-833   [003] ....  3742.555094: sys_enter: NR 37 (4d8, 9, 0, 5a7cf300, 4d8, f9ef8)",
	"            bash-833   [003] d...  3742.555155: sched_wakeup: comm=bash pid=1240 prio=120 target_cpu=003",
	"            bash-833   [003] d...  3742.555159: signal_generate: sig=9 errno=0 code=0 comm=bash pid=1240 grp=1 res=0",
	"            bash-833   [003] ....  3742.555161: sys_exit: NR 37 = 0",
	"            bash-833   [003] d...  3742.557372: sched_switch: prev_comm=bash prev_pid=833 prev_prio=120 prev_state=D ==> next_comm=bash next_pid=1240 next_prio=120",
	"            bash-1240  [003] ....  3742.557387: sys_exit: NR 335 = -514",
	"            bash-1240  [003] d...  3742.557411: signal_deliver: sig=9 errno=0 code=0 sa_handler=0 sa_flags=0",
	/* signal-sigint-tty-handler.txt */
	"    kworker/u8:0-1119  [001] d...  2772.154384: signal_generate: sig=2 errno=0 code=128 comm=RPi_signal pid=1127 grp=1 res=0",
	"      RPi_signal-1127  [001] d...  2772.154457: signal_deliver: sig=2 errno=0 code=128 sa_handler=10510 sa_flags=4000000",
	"      RPi_signal-1127  [001] ....  2772.154684: sys_enter: NR 119 (d, 0, 1, 0, 10714, 0)",
	/* syscall-raw-1.txt, syscall-exit-group.txt */
	"            bash-887   [000] .... 11824.891592: sys_enter: NR 120 (1200011, 0, 0, 0, 76f88068, 0)",
	"            bash-887   [000] .... 11824.893365: sys_exit: NR 120 = 894",
	"     simple_exit-896   [003] ....   332.986414: sys_enter: NR 248 (0, 0, 0, ffffffff, 1, 0)",
};

static void test_real_lines_byte_identical(void **state)
{
	char expected[512];
	struct rebuilt r;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(real_lines); i++) {
		ring_buffer_reset(&global_trace_buffer);
		rebuild(real_lines[i], i % 2 ? 499 : -500, &r);
		emit_rebuilt(&r);
		snprintf(expected, sizeof(expected), "%s\n", real_lines[i]);
		assert_string_equal(print_only_record(), expected);
	}
}

/* Lines 19-80 of fork-clone-full.txt: 4 CPUs interleaved. */
static const char *const fork_clone_window[] = {
	"         lxpanel-731   [000] d...   676.984974: sched_switch: prev_comm=lxpanel prev_pid=731 prev_prio=120 prev_state=S ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            Xorg-502   [000] dn..   676.985022: sched_wakeup: comm=openbox pid=723 prio=120 target_cpu=000",
	"            Xorg-502   [000] d...   676.985034: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=R ==> next_comm=openbox next_pid=723 next_prio=120",
	"         openbox-723   [000] d...   676.985184: sched_switch: prev_comm=openbox prev_pid=723 prev_prio=120 prev_state=S ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            Xorg-502   [000] dn..   676.985272: sched_wakeup: comm=openbox pid=723 prio=120 target_cpu=000",
	"            Xorg-502   [000] d...   676.985283: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=R ==> next_comm=openbox next_pid=723 next_prio=120",
	"         openbox-723   [000] d...   676.985372: sched_switch: prev_comm=openbox prev_pid=723 prev_prio=120 prev_state=S ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            bash-946   [003] ....   676.985385: sched_process_fork: comm=bash pid=946 child_comm=bash child_pid=1360",
	"            Xorg-502   [000] dn..   676.985422: sched_wakeup: comm=openbox pid=723 prio=120 target_cpu=000",
	"          <idle>-0     [001] d...   676.985429: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=bash next_pid=1360 next_prio=120",
	"            Xorg-502   [000] d...   676.985434: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=R ==> next_comm=openbox next_pid=723 next_prio=120",
	"         openbox-723   [000] d...   676.985473: sched_switch: prev_comm=openbox prev_pid=723 prev_prio=120 prev_state=S ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            Xorg-502   [000] dn..   676.985504: sched_wakeup: comm=openbox pid=723 prio=120 target_cpu=000",
	"            Xorg-502   [000] d...   676.985520: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=R ==> next_comm=openbox next_pid=723 next_prio=120",
	"         openbox-723   [000] d...   676.985626: sched_switch: prev_comm=openbox prev_pid=723 prev_prio=120 prev_state=S ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            Xorg-502   [000] d...   676.985770: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=S ==> next_comm=swapper/0 next_pid=0 next_prio=120",
	"            bash-946   [003] d...   676.985790: sched_switch: prev_comm=bash prev_pid=946 prev_prio=120 prev_state=S ==> next_comm=swapper/3 next_pid=0 next_prio=120",
	"          <idle>-0     [002] dnh.   676.989652: sched_wakeup: comm=kworker/u8:0 pid=7 prio=120 target_cpu=002",
	"          <idle>-0     [002] d...   676.989691: sched_switch: prev_comm=swapper/2 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=kworker/u8:0 next_pid=7 next_prio=120",
	"   raspbian_proc-1360  [001] d.h.   676.989734: sched_wakeup: comm=lxterminal pid=847 prio=120 target_cpu=001",
	"   raspbian_proc-1360  [001] d...   676.989763: sched_switch: prev_comm=raspbian_proc prev_pid=1360 prev_prio=120 prev_state=S ==> next_comm=lxterminal next_pid=847 next_prio=120",
	"    kworker/u8:0-7     [002] d...   676.989890: sched_switch: prev_comm=kworker/u8:0 prev_pid=7 prev_prio=120 prev_state=I ==> next_comm=swapper/2 next_pid=0 next_prio=120",
	"      lxterminal-847   [001] d...   676.989961: sched_switch: prev_comm=lxterminal prev_pid=847 prev_prio=120 prev_state=S ==> next_comm=swapper/1 next_pid=0 next_prio=120",
	"          <idle>-0     [000] dnh.   676.993439: sched_wakeup: comm=rcu_sched pid=10 prio=120 target_cpu=000",
	"          <idle>-0     [000] d...   676.993458: sched_switch: prev_comm=swapper/0 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=rcu_sched next_pid=10 next_prio=120",
	"       rcu_sched-10    [000] d...   676.993483: sched_switch: prev_comm=rcu_sched prev_pid=10 prev_prio=120 prev_state=I ==> next_comm=swapper/0 next_pid=0 next_prio=120",
	"          <idle>-0     [001] dnh.   676.994994: sched_wakeup: comm=lxterminal pid=847 prio=120 target_cpu=001",
	"          <idle>-0     [001] d...   676.995005: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=lxterminal next_pid=847 next_prio=120",
	"          <idle>-0     [000] dnh.   676.997118: sched_wakeup: comm=Xorg pid=502 prio=120 target_cpu=000",
	"          <idle>-0     [000] d...   676.997134: sched_switch: prev_comm=swapper/0 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=Xorg next_pid=502 next_prio=120",
	"      lxterminal-847   [001] d...   676.997206: sched_switch: prev_comm=lxterminal prev_pid=847 prev_prio=120 prev_state=S ==> next_comm=swapper/1 next_pid=0 next_prio=120",
	"            Xorg-502   [000] d...   676.998183: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=S ==> next_comm=swapper/0 next_pid=0 next_prio=120",
	"          <idle>-0     [001] dnh.   677.011220: sched_wakeup: comm=lxterminal pid=847 prio=120 target_cpu=001",
	"          <idle>-0     [001] d...   677.011233: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=lxterminal next_pid=847 next_prio=120",
	"          <idle>-0     [000] dnh.   677.013254: sched_wakeup: comm=Xorg pid=502 prio=120 target_cpu=000",
	"          <idle>-0     [000] d...   677.013268: sched_switch: prev_comm=swapper/0 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=Xorg next_pid=502 next_prio=120",
	"            Xorg-502   [000] dns.   677.013326: sched_wakeup: comm=rcu_sched pid=10 prio=120 target_cpu=000",
	"            Xorg-502   [000] d...   677.013382: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=R ==> next_comm=rcu_sched next_pid=10 next_prio=120",
	"       rcu_sched-10    [000] d...   677.013420: sched_switch: prev_comm=rcu_sched prev_pid=10 prev_prio=120 prev_state=I ==> next_comm=Xorg next_pid=502 next_prio=120",
	"      lxterminal-847   [001] d...   677.013602: sched_switch: prev_comm=lxterminal prev_pid=847 prev_prio=120 prev_state=S ==> next_comm=swapper/1 next_pid=0 next_prio=120",
	"          <idle>-0     [001] dnh.   677.014738: sched_wakeup: comm=rngd pid=361 prio=120 target_cpu=001",
	"          <idle>-0     [001] d...   677.014762: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=rngd next_pid=361 next_prio=120",
	"            rngd-361   [001] d...   677.014813: sched_switch: prev_comm=rngd prev_pid=361 prev_prio=120 prev_state=S ==> next_comm=swapper/1 next_pid=0 next_prio=120",
	"            Xorg-502   [000] d.h.   677.018469: signal_generate: sig=14 errno=0 code=128 comm=Xorg pid=502 grp=1 res=0",
	"            Xorg-502   [000] d...   677.018511: signal_deliver: sig=14 errno=0 code=128 sa_handler=1b07f8 sa_flags=14000000",
	"            Xorg-502   [000] d.h.   677.023463: signal_generate: sig=14 errno=0 code=128 comm=Xorg pid=502 grp=1 res=0",
	"            Xorg-502   [000] d...   677.023497: signal_deliver: sig=14 errno=0 code=128 sa_handler=1b07f8 sa_flags=14000000",
	"            Xorg-502   [000] d.h.   677.028464: signal_generate: sig=14 errno=0 code=128 comm=Xorg pid=502 grp=1 res=0",
	"            Xorg-502   [000] d...   677.028498: signal_deliver: sig=14 errno=0 code=128 sa_handler=1b07f8 sa_flags=14000000",
	"            Xorg-502   [000] dns.   677.033399: sched_wakeup: comm=rcu_sched pid=10 prio=120 target_cpu=000",
	"            Xorg-502   [000] dns.   677.033424: sched_wakeup: comm=kworker/0:1 pid=31 prio=120 target_cpu=000",
	"            Xorg-502   [000] d...   677.033447: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=R ==> next_comm=rcu_sched next_pid=10 next_prio=120",
	"       rcu_sched-10    [000] d.h.   677.033477: signal_generate: sig=14 errno=0 code=128 comm=Xorg pid=502 grp=1 res=0",
	"       rcu_sched-10    [000] d...   677.033515: sched_switch: prev_comm=rcu_sched prev_pid=10 prev_prio=120 prev_state=I ==> next_comm=kworker/0:1 next_pid=31 next_prio=120",
	"          <idle>-0     [001] dnh.   677.033550: sched_wakeup: comm=kworker/1:3 pid=431 prio=120 target_cpu=001",
	"     kworker/0:1-31    [000] d...   677.033566: sched_switch: prev_comm=kworker/0:1 prev_pid=31 prev_prio=120 prev_state=I ==> next_comm=Xorg next_pid=502 next_prio=120",
	"          <idle>-0     [001] d...   677.033572: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=kworker/1:3 next_pid=431 next_prio=120",
	"            Xorg-502   [000] d...   677.033585: signal_deliver: sig=14 errno=0 code=128 sa_handler=1b07f8 sa_flags=14000000",
	"     kworker/1:3-431   [001] d...   677.033857: sched_switch: prev_comm=kworker/1:3 prev_pid=431 prev_prio=120 prev_state=I ==> next_comm=swapper/1 next_pid=0 next_prio=120",
	"            Xorg-502   [000] d...   677.035374: sched_switch: prev_comm=Xorg prev_pid=502 prev_prio=120 prev_state=S ==> next_comm=swapper/0 next_pid=0 next_prio=120",
	"          <idle>-0     [001] dnh.   677.043496: sched_wakeup: comm=lxterminal pid=847 prio=120 target_cpu=001",
	"          <idle>-0     [001] d...   677.043517: sched_switch: prev_comm=swapper/1 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=lxterminal next_pid=847 next_prio=120",
};

/* Each CPU's events are written CPU after CPU; the `trace` file must
 * interleave them again exactly as Linux did. */
static void test_merge_across_cpus_in_timestamp_order(void **state)
{
	char expected[sizeof(text)];
	struct rebuilt r;
	size_t len;
	unsigned int i;
	int cpu;

	for (cpu = NR_CPUS - 1; cpu >= 0; cpu--) {
		for (i = 0; i < ARRAY_SIZE(fork_clone_window); i++) {
			rebuild(fork_clone_window[i], (int)(i * 37 % 1000) - 500, &r);
			if (r.cpu == cpu)
				emit_rebuilt(&r);
		}
	}
	len = read_trace();
	expected[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(fork_clone_window); i++) {
		strcat(expected, fork_clone_window[i]);
		strcat(expected, "\n");
	}
	assert_true(len > strlen(expected));
	assert_string_equal(text + len - strlen(expected), expected);
}

/* Equal timestamps: the lower CPU first, as Linux's __find_next_entry. */
static void test_merge_tie_goes_to_lower_cpu(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 1, .ret = 0 };
	int cpu;

	for (cpu = NR_CPUS - 1; cpu >= 0; cpu--)
		assert_int_equal(stub_emit(cpu, 5000, 0, 0, 10 + cpu, "t", &event_sys_exit, &f,
					   sizeof(f)), 0);
	trace_iter_init(&iter, &global_trace);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		assert_non_null(trace_find_next_entry_inc(&iter));
		assert_int_equal(iter.cpu, cpu);
	}
	assert_null(trace_find_next_entry_inc(&iter));
}

/* The header of exit-exec-whoami-cat.txt (42/42 entries), whose first line
 * is "# tracer: function"; the nop tracer's is from signal-kill9-events.txt. */
static const char real_header_42[] =
	"# tracer: nop\n"
	"#\n"
	"# entries-in-buffer/entries-written: 42/42   #P:4\n"
	"#\n"
	"#                              _-----=> irqs-off\n"
	"#                             / _----=> need-resched\n"
	"#                            | / _---=> hardirq/softirq\n"
	"#                            || / _--=> preempt-depth\n"
	"#                            ||| /     delay\n"
	"#           TASK-PID   CPU#  ||||    TIMESTAMP  FUNCTION\n"
	"#              | |       |   ||||       |         |\n";

static void test_header_matches_real_file(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 4, .ret = 1 };
	int i;

	for (i = 0; i < 42; i++)
		assert_int_equal(stub_emit(i % NR_CPUS, 1000 * i, 0, 0, 100, "sh", &event_sys_exit,
					   &f, sizeof(f)), 0);
	trace_iter_init(&iter, &global_trace);
	trace_default_header(&iter); /* what follows "# tracer: nop\n#\n" */
	assert_string_equal(iter.seq.buffer, real_header_42 + 16);
}

/* syscall-vfs-read.txt's "180047/206790": rings that overflowed. */
static void test_header_counts_overwritten_entries(void **state)
{
	static const unsigned long written[NR_CPUS] = { 92279, 65536, 48975, 0 };
	static u64 big[NR_CPUS * 65536 * RB_SLOT_SIZE / sizeof(u64)];
	unsigned long i;
	int cpu;

	assert_int_equal(trace_init(RB_SPLIT(big, 65536 * RB_SLOT_SIZE), 65536 * RB_SLOT_SIZE), 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		for (i = 0; i < written[cpu]; i++) {
			assert_non_null(ring_buffer_lock_reserve(&global_trace_buffer, cpu));
			ring_buffer_unlock_commit(&global_trace_buffer, cpu);
		}
	}
	trace_iter_init(&iter, &global_trace);
	trace_default_header(&iter);
	assert_non_null(strstr(iter.seq.buffer,
			       "# entries-in-buffer/entries-written: 180047/206790   #P:4\n"));
}

static void test_empty_trace_is_just_the_header(void **state)
{
	static const char counts[] = "# entries-in-buffer/entries-written: 0/0   #P:4\n";
	const char *rest = strstr(real_header_42, "#P:4\n") + 5;

	assert_int_equal(read_trace(), strlen(real_header_42) - 2);
	assert_memory_equal(text, "# tracer: nop\n#\n", 16);
	assert_memory_equal(text + 16, counts, strlen(counts));
	assert_string_equal(text + 16 + strlen(counts), rest);
}

/* ---- Columns and fields from Linux's definitions ---- */

/* Linux's flag bits and the letters trace_print_lat_fmt gives them. */
static void test_latency_columns(void **state)
{
	static const struct {
		unsigned char flags, pc;
		const char *cols;
	} cases[] = {
		{ 0, 0, "...." },
		{ TRACE_FLAG_IRQS_OFF, 0, "d..." },
		{ TRACE_FLAG_IRQS_NOSUPPORT, 0, "X..." },
		{ TRACE_FLAG_NEED_RESCHED, 0, ".n.." },
		{ TRACE_FLAG_PREEMPT_RESCHED, 0, ".p.." },
		{ TRACE_FLAG_NEED_RESCHED | TRACE_FLAG_PREEMPT_RESCHED, 0, ".N.." },
		{ TRACE_FLAG_HARDIRQ, 0, "..h." },
		{ TRACE_FLAG_SOFTIRQ, 0, "..s." },
		{ TRACE_FLAG_HARDIRQ | TRACE_FLAG_SOFTIRQ, 0, "..H." },
		{ TRACE_FLAG_NMI, 0, "..z." },
		{ TRACE_FLAG_NMI | TRACE_FLAG_HARDIRQ, 0, "..Z." },
		{ 0, 1, "...1" },
		{ 0, 0xb, "...b" },
		{ 0x7f, 2, "dNZ2" },
	};
	struct trace_event_raw_sys_exit f = { .id = 0, .ret = 0 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *line;

		ring_buffer_reset(&global_trace_buffer);
		assert_int_equal(stub_emit(0, 0, cases[i].flags, cases[i].pc, 1, "init",
					   &event_sys_exit, &f, sizeof(f)), 0);
		line = print_only_record();
		assert_memory_equal(line + 29, cases[i].cols, 4);
	}
	/* Linux prints the whole preempt count in hex, widening the column. */
	ring_buffer_reset(&global_trace_buffer);
	assert_int_equal(stub_emit(2, 1500, 0, 0x12, 1, "init", &event_sys_exit, &f, sizeof(f)), 0);
	assert_string_equal(print_only_record(),
			    "            init-1     [002] ...12     0.000002: sys_exit: NR 0 = 0\n");
}

/* 4.19's prev_state: flags joined by "|", "R" when none, "+" if preempted. */
static void test_sched_switch_prev_state(void **state)
{
	static const struct {
		s32 state;
		const char *text;
	} cases[] = {
		{ 0, "R" },       { TASK_REPORT_MAX, "R+" }, { 0x01, "S" }, { 0x02, "D" },
		{ 0x04, "T" },    { 0x08, "t" },             { 0x10, "X" }, { 0x20, "Z" },
		{ 0x40, "P" },    { 0x80, "I" },             { 0x03, "S|D" },
		{ 0x81, "S|I" },  { 0x101, "S+" },           { 0x200, "R" },
	};
	struct trace_event_raw_sched_switch f = { .prev_comm = "a", .prev_pid = 1, .prev_prio = 120,
						  .next_comm = "b", .next_pid = 2, .next_prio = 120 };
	struct task_struct t = { .state = TASK_RUNNING };
	char expected[160];
	unsigned int i;

	assert_int_equal(__trace_sched_switch_state(true, &t), TASK_REPORT_MAX);
	assert_int_equal(__trace_sched_switch_state(false, &t), 0);
	t.state = TASK_INTERRUPTIBLE;
	assert_int_equal(__trace_sched_switch_state(false, &t), 0x01);
	t.state = TASK_IDLE;
	assert_int_equal(__trace_sched_switch_state(false, &t), 0x80);
	t.state = TASK_DEAD;
	t.exit_state = EXIT_ZOMBIE;
	assert_int_equal(__trace_sched_switch_state(false, &t), 0x20);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		ring_buffer_reset(&global_trace_buffer);
		f.prev_state = cases[i].state;
		assert_int_equal(stub_emit(1, 0, 1, 0, 1, "a", &event_sched_switch, &f, sizeof(f)), 0);
		snprintf(expected, sizeof(expected),
			 "               a-1     [001] d...     0.000000: sched_switch: prev_comm=a "
			 "prev_pid=1 prev_prio=120 prev_state=%s ==> next_comm=b next_pid=2 "
			 "next_prio=120\n", cases[i].text);
		assert_string_equal(print_only_record(), expected);
	}
}

/* Events with no 4.19 capture: their text is their TP_printk's. */
static void test_events_without_real_capture(void **state)
{
	struct {
		struct trace_event_raw_irq_handler_entry e;
		char name[16];
	} irq_entry = { .e.irq = 17, .e.__data_loc_name = 11 << 16 | sizeof(irq_entry.e),
			.name = "uart-pl011" };
	struct trace_event_raw_irq_handler_exit irq_handled = { .irq = 17, .ret = 1 },
						 irq_unhandled = { .irq = 3, .ret = 0 };
	struct trace_event_raw_ipi_raise ipi_raise = { .target_cpus = 0x6,
						       .reason = "Rescheduling interrupts" };
	struct trace_event_raw_ipi_handler ipi = { .reason = "Function call interrupts" };
	struct trace_event_raw_sched_wakeup_template wakeup_new = {
		.comm = "sh", .pid = 42, .prio = 120, .success = 1, .target_cpu = 2 };
	struct trace_event_raw_sched_process_wait wait = { .comm = "sh", .pid = -1, .prio = 120 };
	const u64 ts = 12345678901ULL;

#define CHECK(call, fields, text)                                                         \
	do {                                                                              \
		ring_buffer_reset(&global_trace_buffer);                                  \
		assert_int_equal(stub_emit(0, ts, TRACE_FLAG_IRQS_OFF | TRACE_FLAG_HARDIRQ, \
					   0, 7, "sh", &call, &fields, sizeof(fields)), 0);  \
		assert_string_equal(print_only_record(),                                  \
				    "              sh-7     [000] d.h.    12.345679: " text "\n"); \
	} while (0)

	CHECK(event_irq_handler_entry, irq_entry, "irq_handler_entry: irq=17 name=uart-pl011");
	CHECK(event_irq_handler_exit, irq_handled, "irq_handler_exit: irq=17 ret=handled");
	CHECK(event_irq_handler_exit, irq_unhandled, "irq_handler_exit: irq=3 ret=unhandled");
	CHECK(event_ipi_raise, ipi_raise, "ipi_raise: target_mask=00000006 (Rescheduling interrupts)");
	CHECK(event_ipi_entry, ipi, "ipi_entry: (Function call interrupts)");
	CHECK(event_ipi_exit, ipi, "ipi_exit: (Function call interrupts)");
	CHECK(event_sched_wakeup_new, wakeup_new, "sched_wakeup_new: comm=sh pid=42 prio=120 target_cpu=002");
	CHECK(event_sched_process_wait, wait, "sched_process_wait: comm=sh pid=-1 prio=120");
#undef CHECK
}

/* A record no event wrote, and strings without their NUL: printed, bounded, no crash. */
static void test_corrupt_records(void **state)
{
	struct ring_buffer_event *event;
	struct trace_entry *ent;
	char expected[256];

	event = ring_buffer_lock_reserve(&global_trace_buffer, 0);
	assert_non_null(event);
	memset(event, 'A', sizeof(*event));
	event->ts = 1000000000;
	ent = ring_buffer_event_data(event);
	ent->type = 999;
	ent->pid = 5;
	ent->flags = 0;
	ent->preempt_count = 0;
	ring_buffer_unlock_commit(&global_trace_buffer, 0);
	assert_string_equal(print_only_record(),
			    "           <...>-5     [000] ....     1.000000: Unknown type 999\n");

	ring_buffer_reset(&global_trace_buffer);
	event = ring_buffer_lock_reserve(&global_trace_buffer, 3);
	memset(event, 'C', sizeof(*event));
	event->ts = 0;
	ent = ring_buffer_event_data(event);
	ent->type = event_sched_process_exec.event.type;
	ent->pid = 0;
	ent->flags = 0;
	ent->preempt_count = 0;
	ring_buffer_unlock_commit(&global_trace_buffer, 3);
	/* the filename's __data_loc points far outside the record: empty */
	snprintf(expected, sizeof(expected),
		 "          <idle>-0     [003] ....     0.000000: sched_process_exec: "
		 "filename= pid=%d old_pid=%d\n", 0x43434343, 0x43434343);
	assert_string_equal(print_only_record(), expected);
	/* inside it but without a NUL: cut at the record's end */
	ring_buffer_reset(&global_trace_buffer);
	event = ring_buffer_lock_reserve(&global_trace_buffer, 3);
	memset(event, 'C', sizeof(*event));
	event->ts = 0;
	ent = ring_buffer_event_data(event);
	ent->type = event_sched_process_exec.event.type;
	ent->pid = 0;
	ent->flags = 0;
	ent->preempt_count = 0;
	*(u32 *)(ent + 1) = 200 << 16 | 100;
	ring_buffer_unlock_commit(&global_trace_buffer, 3);
	assert_non_null(strstr(print_only_record(), "filename= pid="));
	*(u32 *)(ent + 1) = 4 << 16 | 100;
	assert_non_null(strstr(print_only_record(), "filename=CCCCCCCCCCC pid="));
}

/* ---- Writing: enable flags, tracing_on, bad arguments ---- */

static void test_enable_by_system_and_name(void **state)
{
	static const struct {
		const char *line;
		int ret;
		unsigned int enabled; /* how many events end up on */
	} cases[] = {
		{ "sched:sched_switch", 0, 1 }, { "signal:*", 0, 2 },     { "irq", 0, 2 },
		{ "sys_enter", 0, 1 },          { ":ipi_exit", 0, 1 },    { "sched:", 0, 10 },
		{ "*:*", 0, -1 /* all */ },     { "nosuch", -EINVAL, 0 }, { "irq:sched_switch", -EINVAL, 0 },
		{ "sched:nosuch", -EINVAL, 0 }, { "", -EINVAL, 0 },
		{ "syscalls:sys_enter_getpid", 0, 1 }, { "syscalls", 0, -2 /* the syscalls' */ },
	};
	struct trace_event_raw_sys_exit f = { .id = 0, .ret = 0 };
	unsigned int i, j, on, nr_syscall_events = 0;
	char buf[32];

	for (j = 0; j < nr_ftrace_events; j++)
		nr_syscall_events += !strcmp(ftrace_events[j]->class->system, "syscalls");
	assert_true(nr_syscall_events > 200);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(trace_set_clr_event(NULL, NULL, 0), 0);
		strcpy(buf, cases[i].line);
		assert_int_equal(ftrace_set_clr_event(buf, 1), cases[i].ret);
		for (j = on = 0; j < nr_ftrace_events; j++)
			on += !!(ftrace_events[j]->flags & EVENT_FILE_FL_ENABLED);
		assert_int_equal(on, cases[i].enabled == -1u ? nr_ftrace_events :
				     cases[i].enabled == -2u ? nr_syscall_events : cases[i].enabled);
	}
	assert_int_equal(trace_set_clr_event(NULL, NULL, 0), 0);
	assert_int_equal(trace_set_clr_event("raw_syscalls", "sys_exit", 1), 0);
	assert_true((event_sys_exit.flags & EVENT_FILE_FL_ENABLED));
	assert_false((event_sys_enter.flags & EVENT_FILE_FL_ENABLED));
	assert_int_equal(trace_set_clr_event("ipi", NULL, 1), 0);
	assert_true((event_ipi_raise.flags & EVENT_FILE_FL_ENABLED) && (event_ipi_entry.flags & EVENT_FILE_FL_ENABLED) && (event_ipi_exit.flags & EVENT_FILE_FL_ENABLED));
	assert_int_equal(trace_set_clr_event("sched", "sys_exit", 1), -EINVAL);

	/* A disabled event writes nothing. */
	assert_int_equal(stub_emit(0, 0, 0, 0, 1, "a", &event_sys_enter, &f, sizeof(f)), -1);
	assert_int_equal(stub_emit(0, 0, 0, 0, 1, "a", &event_sys_exit, &f, sizeof(f)), 0);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 1);
}

static void test_tracing_off_and_bad_reserve(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 0, .ret = 0 };
	struct trace_event_buffer fbuffer;
	unsigned int i;

	tracing_off();
	assert_false(tracing_is_on());
	assert_int_equal(stub_emit(0, 0, 0, 0, 1, "a", &event_sys_exit, &f, sizeof(f)), -1);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 0);
	tracing_on();
	assert_true(tracing_is_on());
	assert_null(trace_event_buffer_reserve(&fbuffer, &event_sys_exit, TRACE_ENTRY_MAX + 1));
	assert_null(trace_buffer_lock_reserve(&global_trace_buffer, TRACE_STACK, TRACE_ENTRY_MAX + 1,
					      0));
	assert_int_equal(stub_emit(1, 0, 0, 0, 1, "a", &event_sys_exit, &f, sizeof(f)), 0);
	assert_int_equal(ring_buffer_entries(&global_trace_buffer), 1);

	for (i = 0; i < nr_ftrace_events; i++)
		assert_ptr_equal(ftrace_find_event(ftrace_events[i]->event.type),
				 &ftrace_events[i]->event);
	assert_null(ftrace_find_event(0));
	assert_null(ftrace_find_event(-1));
	assert_null(ftrace_find_event(TRACE_STACK - 1)); /* a tracer type nobody registered */
	assert_null(ftrace_find_event(__TRACE_LAST_TYPE + nr_ftrace_events + 1));
	assert_int_equal(ftrace_events[0]->event.type, __TRACE_LAST_TYPE + 1); /* Linux's first id */
	assert_int_equal(trace_init(NULL, SIZE), -EINVAL);
}

/* ---- Reading: read() in pieces, seeks, ftrace_dump ---- */

static void emit_ten(void)
{
	struct trace_event_raw_sys_enter f = { .id = 4, .args = { 1, 2, 3, 4, 5, 6 } };
	int i;

	for (i = 0; i < 10; i++)
		assert_int_equal(stub_emit(i % NR_CPUS, 1000000ULL * i, 0, 0, 100 + i, "writer",
					   &event_sys_enter, &f, sizeof(f)), 0);
}

static void test_read_in_pieces_and_seek(void **state)
{
	static char piece[sizeof(text)];
	size_t len, got = 0, n;
	loff_t pos = 0;

	emit_ten();
	len = read_trace();
	assert_true(len > 900);

	trace_iter_init(&iter, &global_trace);
	while ((n = trace_read(&iter, piece + got, 7, &pos)) > 0) {
		got += n;
		assert_int_equal(pos, got);
	}
	assert_int_equal(got, len);
	assert_memory_equal(piece, text, len);

	/* A read at an earlier position starts over, one at a later one skips. */
	pos = 100;
	assert_int_equal(trace_read(&iter, piece, 50, &pos), 50);
	assert_int_equal(pos, 150);
	assert_memory_equal(piece, text + 100, 50);
	pos = len - 5;
	assert_int_equal(trace_read(&iter, piece, 50, &pos), 5);
	assert_memory_equal(piece, text + len - 5, 5);
	pos = len + 10;
	assert_int_equal(trace_read(&iter, piece, 50, &pos), 0);
	assert_int_equal(pos, len + 10);
}

static char dumped[4096];

static void dump_line(const char *line)
{
	assert_true(strlen(dumped) + strlen(line) < sizeof(dumped));
	strcat(dumped, line);
}

static void test_ftrace_dump_print(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 1, .ret = 0 };

	dumped[0] = '\0';
	ftrace_dump_print(dump_line, RING_BUFFER_ALL_CPUS);
	assert_string_equal(dumped, "Dumping ftrace buffer:\n   (ftrace buffer empty)\n");
	assert_false(tracing_is_on());

	tracing_on();
	assert_int_equal(stub_emit(1, 2000, 0, 0, 9, "b", &event_sys_exit, &f, sizeof(f)), 0);
	assert_int_equal(stub_emit(0, 1000, 1, 0, 8, "a", &event_sys_exit, &f, sizeof(f)), 0);
	dumped[0] = '\0';
	ftrace_dump_print(dump_line, RING_BUFFER_ALL_CPUS);
	assert_string_equal(dumped,
			    "Dumping ftrace buffer:\n"
			    "---------------------------------\n"
			    "       a-8       0d...    1us : sys_exit: NR 1 = 0\n"
			    "       b-9       1....    2us : sys_exit: NR 1 = 0\n"
			    "---------------------------------\n");
	assert_false(tracing_is_on());
	assert_int_equal(stub_emit(0, 3000, 0, 0, 8, "a", &event_sys_exit, &f, sizeof(f)), -1);

	/* DUMP_ORIG: only the oopsing CPU's records. */
	dumped[0] = '\0';
	ftrace_dump_print(dump_line, 1);
	assert_string_equal(dumped,
			    "Dumping ftrace buffer:\n"
			    "---------------------------------\n"
			    "       b-9       1....    2us : sys_exit: NR 1 = 0\n"
			    "---------------------------------\n");
}

/* A real 4.x dump line (rcutorture debugging on LKML, after the printk
 * time): comm cut to 8, CPU without brackets, microseconds since reset. */
static void test_ftrace_dump_real_line(void **state)
{
	struct trace_event_raw_sched_switch f = {
		.prev_comm = "rcu_torture_rea", .prev_pid = 129, .prev_prio = 139,
		.prev_state = TASK_REPORT_MAX, .next_comm = "migration/1", .next_pid = 14,
		.next_prio = 0 };

	stub_clock_ns = 5000000000ULL;
	tracing_reset_online_cpus();
	assert_int_equal(stub_emit(1, 5000000000ULL + 2578022821000ULL + 499, TRACE_FLAG_IRQS_OFF,
				   0, 129, "rcu_torture_rea", &event_sched_switch, &f, sizeof(f)), 0);
	dumped[0] = '\0';
	ftrace_dump_print(dump_line, RING_BUFFER_ALL_CPUS);
	assert_non_null(strstr(dumped, "\n"
		"rcu_tort-129     1d... 2578022821us : sched_switch: prev_comm=rcu_torture_rea prev_pid=129 prev_prio=139 prev_state=R+ ==> next_comm=migration/1 next_pid=14 next_prio=0\n"));
}

/* Rings that lost records: the dump says how many before each CPU's first
 * line; the `trace` file instead notes where each CPU's records start. */
static void test_lost_records_are_announced(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 2, .ret = 0 };
	const char *p;
	int i;

	for (i = 0; i < SLOTS + 3; i++)
		assert_int_equal(stub_emit(2, 1000000000ULL + i * 1000, 0, 0, 5, "w", &event_sys_exit, &f,
					   sizeof(f)), 0);
	assert_int_equal(stub_emit(0, 1, 0, 0, 4, "v", &event_sys_exit, &f, sizeof(f)), 0);

	read_trace();
	assert_non_null(strstr(text, "entries-written: 65/68   #P:4\n"));
	p = strstr(text, "               v-4     [000] ....     0.000000: sys_exit: NR 2 = 0\n"
			 "##### CPU 2 buffer started ####\n"
			 "               w-5     [002] ....     1.000003: sys_exit: NR 2 = 0\n");
	assert_non_null(p);
	assert_null(strstr(strstr(text, "#####") + 1, "#####"));

	dumped[0] = '\0';
	ftrace_dump_print(dump_line, RING_BUFFER_ALL_CPUS);
	assert_non_null(strstr(dumped, "---------------------------------\n"
				       "       v-4       0....    0us : sys_exit: NR 2 = 0\n"
				       "CPU:2 [LOST 3 EVENTS]\n"
				       "       w-5       2.... 1000003us : sys_exit: NR 2 = 0\n"
				       "       w-5       2.... 1000004us : sys_exit: NR 2 = 0\n"));
	assert_null(strstr(strstr(dumped, "LOST") + 1, "LOST"));
}

static void test_trace_seq_drops_what_does_not_fit(void **state)
{
	static struct trace_seq s;
	char big[TRACE_SEQ_BUFFER_SIZE + 1];

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	trace_seq_init(&s);
	trace_seq_puts(&s, "ab");
	trace_seq_printf(&s, "%s", big);
	assert_true(trace_seq_has_overflowed(&s));
	assert_string_equal(s.buffer, "ab");
	trace_seq_putc(&s, 'c');
	trace_seq_puts(&s, "d");
	assert_string_equal(s.buffer, "ab");

	trace_seq_init(&s);
	big[TRACE_SEQ_BUFFER_SIZE - 1] = '\0'; /* exactly the room there is */
	trace_seq_puts(&s, big);
	assert_false(trace_seq_has_overflowed(&s));
	assert_int_equal(trace_seq_used(&s), TRACE_SEQ_BUFFER_SIZE - 1);
	trace_seq_putc(&s, 'y');
	assert_true(trace_seq_has_overflowed(&s));
	assert_int_equal(trace_seq_used(&s), TRACE_SEQ_BUFFER_SIZE - 1);

	trace_seq_init(&s);
	trace_seq_puts(&s, big + 1);
	trace_seq_putc(&s, 'y');
	assert_false(trace_seq_has_overflowed(&s));
	trace_seq_puts(&s, "z");
	assert_true(trace_seq_has_overflowed(&s));
}

/* ---- The trace options that change the text ---- */

/* Two sys_exit records 2 ms apart by "sh", pid 100, on CPU 1, printed
 * with @flags; RETURNS the whole `trace` text. */
static const char *trace_with_flags(unsigned int flags)
{
	struct trace_event_raw_sys_exit f = { .id = 4, .ret = 1 };

	assert_int_equal(stub_emit(1, 1000000, 0, 0, 100, "sh", &event_sys_exit, &f, sizeof(f)), 0);
	assert_int_equal(stub_emit(1, 3000000, TRACE_FLAG_IRQS_OFF, 0, 100, "sh", &event_sys_exit,
				   &f, sizeof(f)), 0);
	global_trace.trace_flags = flags;
	read_trace();
	global_trace.trace_flags = TRACE_DEFAULT_FLAGS;
	return text;
}

static void test_option_irq_info_and_context_info(void **state)
{
	assert_string_equal(trace_with_flags(TRACE_DEFAULT_FLAGS & ~TRACE_ITER_IRQ_INFO),
			    "# tracer: nop\n"
			    "#\n"
			    "# entries-in-buffer/entries-written: 2/2   #P:4\n"
			    "#\n"
			    /* Linux 4.19's columns, misaligned as they are there */
			    "#           TASK-PID     CPU#   TIMESTAMP  FUNCTION\n"
			    "#              | |         |       |         |\n"
			    "              sh-100   [001]      0.001000: sys_exit: NR 4 = 1\n"
			    "              sh-100   [001]      0.003000: sys_exit: NR 4 = 1\n");
	ring_buffer_reset(&global_trace_buffer);
	assert_string_equal(trace_with_flags(TRACE_DEFAULT_FLAGS & ~TRACE_ITER_CONTEXT_INFO),
			    "# tracer: nop\n"
			    "#\n"
			    "sys_exit: NR 4 = 1\n"
			    "sys_exit: NR 4 = 1\n");
	ring_buffer_reset(&global_trace_buffer);
	assert_non_null(strstr(trace_with_flags(TRACE_DEFAULT_FLAGS | TRACE_ITER_RECORD_TGID),
			       "#           TASK-PID    TGID   CPU#  ||||    TIMESTAMP  FUNCTION\n"));
}

static void test_option_latency_format(void **state)
{
	char expected[2048];

	global_trace_time_start = 500000;
	snprintf(expected, sizeof(expected),
		 "# tracer: nop\n"
		 "#\n"
		 "# nop latency trace v1.1.5 on 4.19.0-kestrel-host\n"
		 "# --------------------------------------------------------------------\n"
		 "# latency: 0 us, #2/2, CPU#0 | (M:server VP:0, KP:0, SP:0 HP:0 #P:4)\n"
		 "#    -----------------\n"
		 "#    | task: -0 (uid:0 nice:0 policy:0 rt_prio:0)\n"
		 "#    -----------------\n"
		 "#\n"
		 "#                  _------=> CPU#            \n"
		 "#                 / _-----=> irqs-off        \n"
		 "#                | / _----=> need-resched    \n"
		 "#                || / _---=> hardirq/softirq \n"
		 "#                ||| / _--=> preempt-depth   \n"
		 "#                |||| /     delay            \n"
		 "#  cmd     pid   ||||| time  |   caller      \n"
		 "#     \\   /      |||||  \\    |   /         \n"
		 /* the gap to the next record, 2 ms, is marked '#' (over 1 ms) */
		 "      sh-100     1....  500us#: sys_exit: NR 4 = 1\n"
		 "      sh-100     1d... 2500us : sys_exit: NR 4 = 1\n");
	assert_string_equal(trace_with_flags(TRACE_DEFAULT_FLAGS | TRACE_ITER_LATENCY_FMT), expected);
	ring_buffer_reset(&global_trace_buffer);
	assert_non_null(strstr(trace_with_flags(TRACE_DEFAULT_FLAGS | TRACE_ITER_LATENCY_FMT |
						TRACE_ITER_VERBOSE),
			       "              sh   100   1 0 00000000 00000001 [000003e8] 0.500ms "
			       "(+2.000ms): sys_exit: NR 4 = 1\n"));
	global_trace_time_start = 0;
}

static void test_option_raw_hex_bin(void **state)
{
	char expected[256];
	const char *t;
	int type = event_sys_exit.event.type;

	snprintf(expected, sizeof(expected), "\n100 1 1000000 type: %d\n100 1 3000000 type: %d\n",
		 type, type);
	t = trace_with_flags(TRACE_DEFAULT_FLAGS | TRACE_ITER_RAW);
	assert_non_null(strstr(t, expected));
	ring_buffer_reset(&global_trace_buffer);
	snprintf(expected, sizeof(expected),
		 "00000064 00000001 00000000000f4240 type: %d\n\n"
		 "00000064 00000001 00000000002dc6c0 type: %d\n\n", type, type);
	assert_non_null(strstr(trace_with_flags(TRACE_DEFAULT_FLAGS | TRACE_ITER_HEX), expected));
	ring_buffer_reset(&global_trace_buffer);
	t = trace_with_flags(TRACE_DEFAULT_FLAGS | TRACE_ITER_BIN);
	t = strstr(t, "|         |\n") + 12;
	assert_memory_equal(t, "\x64\0\0\0\x01\0\0\0\x40\x42\x0f\0\0\0\0\0type: ", 22);
}

/* Without annotate, no "##### CPU n buffer started ####" after overruns. */
static void test_option_annotate(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 4, .ret = 1 };
	int i;

	for (i = 0; i < SLOTS + 1; i++)
		assert_int_equal(stub_emit(i ? 2 : 0, i, 0, 0, 100, "sh", &event_sys_exit, &f,
					   sizeof(f)), 0);
	assert_int_equal(stub_emit(2, SLOTS + 1, 0, 0, 100, "sh", &event_sys_exit, &f, sizeof(f)), 0);
	read_trace();
	assert_non_null(strstr(text, "##### CPU 2 buffer started ####\n"));
	global_trace.trace_flags = TRACE_DEFAULT_FLAGS & ~TRACE_ITER_ANNOTATE;
	read_trace();
	global_trace.trace_flags = TRACE_DEFAULT_FLAGS;
	assert_null(strstr(text, "#####"));
}

/* With overwrite off, a full ring keeps its records and drops new ones. */
static void test_option_overwrite_off(void **state)
{
	struct trace_event_raw_sys_exit f = { .id = 4, .ret = 1 };
	int i;

	ring_buffer_change_overwrite(&global_trace_buffer, 0);
	for (i = 0; i < SLOTS + 5; i++)
		stub_emit(3, i, 0, 0, 100, "sh", &event_sys_exit, &f, sizeof(f));
	ring_buffer_change_overwrite(&global_trace_buffer, 1);
	assert_int_equal(ring_buffer_entries_cpu(&global_trace_buffer, 3), SLOTS);
	assert_int_equal(ring_buffer_overrun_cpu(&global_trace_buffer, 3), 0);
	assert_int_equal(ring_buffer_dropped_events_cpu(&global_trace_buffer, 3), 5);
	trace_iter_init(&iter, &global_trace);
	assert_non_null(trace_find_next_entry_inc(&iter));
	assert_int_equal(iter.ts, 0); /* the first record survived */
	ring_buffer_reset(&global_trace_buffer);
	assert_int_equal(ring_buffer_dropped_events_cpu(&global_trace_buffer, 3), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_real_lines_byte_identical, setup),
		cmocka_unit_test_setup(test_merge_across_cpus_in_timestamp_order, setup),
		cmocka_unit_test_setup(test_merge_tie_goes_to_lower_cpu, setup),
		cmocka_unit_test_setup(test_header_matches_real_file, setup),
		cmocka_unit_test_setup(test_header_counts_overwritten_entries, setup),
		cmocka_unit_test_setup(test_empty_trace_is_just_the_header, setup),
		cmocka_unit_test_setup(test_latency_columns, setup),
		cmocka_unit_test_setup(test_sched_switch_prev_state, setup),
		cmocka_unit_test_setup(test_events_without_real_capture, setup),
		cmocka_unit_test_setup(test_corrupt_records, setup),
		cmocka_unit_test_setup(test_enable_by_system_and_name, setup),
		cmocka_unit_test_setup(test_tracing_off_and_bad_reserve, setup),
		cmocka_unit_test_setup(test_read_in_pieces_and_seek, setup),
		cmocka_unit_test_setup(test_ftrace_dump_print, setup),
		cmocka_unit_test_setup(test_ftrace_dump_real_line, setup),
		cmocka_unit_test_setup(test_lost_records_are_announced, setup),
		cmocka_unit_test_setup(test_trace_seq_drops_what_does_not_fit, setup),
		cmocka_unit_test_setup(test_option_irq_info_and_context_info, setup),
		cmocka_unit_test_setup(test_option_latency_format, setup),
		cmocka_unit_test_setup(test_option_raw_hex_bin, setup),
		cmocka_unit_test_setup(test_option_annotate, setup),
		cmocka_unit_test_setup(test_option_overwrite_off, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
