/* The first task, swapper/0: CPU 0's idle task, which start_kernel()
 * runs as, on the statically allocated init_thread_union stack (Linux's
 * init/init_task.c). Everything else is forked from it. */
/* rlim: a default for all, then the exceptions. */
#pragma GCC diagnostic ignored "-Woverride-init"
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>

static struct signal_struct init_signals = {
	.sigcnt = 1,
	.curr_target = &init_task,
	.live = 1,
	.nr_threads = 1,
	.thread_head = { &init_task.thread_node, &init_task.thread_node },
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	.shared_pending = {
		.list = LIST_HEAD_INIT(init_signals.shared_pending.list),
	},
	.pids = {
		[PIDTYPE_TGID] = &init_struct_pid,
	},
	.real_timer = {
		.entry = LIST_HEAD_INIT(init_signals.real_timer.entry),
		.function = it_real_fn,
	},
	/* Linux 4.19's INIT_RLIMITS (include/asm-generic/resource.h) */
	.rlim = {
		[0 ... RLIM_NLIMITS - 1] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK] = { 8 * 1024 * 1024, RLIM_INFINITY },
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },
		[RLIMIT_NOFILE] = { 1024, 4096 },
		[RLIMIT_MEMLOCK] = { 64 * 1024, 64 * 1024 },
		[RLIMIT_NPROC] = { 0, 0 }, /* NPROC and SIGPENDING: fork_init() */
		[RLIMIT_SIGPENDING] = { 0, 0 },
		[RLIMIT_MSGQUEUE] = { 819200, 819200 },
		[RLIMIT_NICE] = { 0, 0 },
		[RLIMIT_RTPRIO] = { 0, 0 },
	},
};

static struct sighand_struct init_sighand = {
	.count = 1,
	.siglock = __SPIN_LOCK_UNLOCKED(init_sighand.siglock),
};

struct task_struct init_task = {
	.stack = &init_thread_union.thread_info,
	.state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.prio = DEFAULT_PRIO,
	.static_prio = DEFAULT_PRIO,
	.se = {
		.load = { 1024 }, /* nice 0 */
		.run_node = LIST_HEAD_INIT(init_task.se.run_node),
	},
	.nr_cpus_allowed = NR_CPUS,
	.cpus_allowed = CPU_MASK_ALL,
	.active_mm = &init_mm,
	.real_parent = &init_task,
	.parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.group_leader = &init_task,
	.thread_node = { &init_signals.thread_head, &init_signals.thread_head },
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.comm = "swapper",
	.fs = &init_fs,
	.files = &init_files,
	.thread_pid = &init_struct_pid,
	.signal = &init_signals,
	.sighand = &init_sighand,
	.pending = {
		.list = LIST_HEAD_INIT(init_task.pending.list),
	},
	.restart_block = {
		.fn = do_no_restart_syscall,
	},
	.sas_ss_flags = SS_DISABLE,
	.cred = {
		.user = INIT_USER,
		.group_info = &init_groups,
	},
	.alloc_lock = __SPIN_LOCK_UNLOCKED(init_task.alloc_lock),
	.pi_lock = __SPIN_LOCK_UNLOCKED(init_task.pi_lock),
	.usage = 2,
};

union thread_union init_thread_union __section(".data..init_task") __aligned(THREAD_SIZE) = {
	.thread_info = {
		.task = &init_task,
	},
};
