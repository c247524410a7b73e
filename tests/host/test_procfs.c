/* sources: kernel/fs/proc/array.c kernel/fs/proc/meminfo.c kernel/fs/proc/uptime.c kernel/fs/proc/interrupts.c kernel/fs/seq_file.c kernel/sched/cputime.c */
/* Tests of the /proc text: /proc/<pid>/stat and status of a made-up task,
 * field for field as Linux 4.19 prints them, and meminfo, uptime and
 * interrupts. */
#include "fs_stubs.h"
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/smp.h>
#include <linux/tty.h>
#include "../../kernel/fs/proc/internal.h"

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* What the proc files read from the rest of the kernel. */
unsigned long totalram_pages = 242969;
unsigned long nr_free_pages(void)
{
	return 240000;
}

unsigned long nr_slab_pages(void)
{
	return 300;
}

struct cpumask __cpu_online_mask = { { 0x3 } };
const char *const ipi_types[NR_IPI] = {
	"CPU wakeup interrupts", "Timer broadcast interrupts", "Rescheduling interrupts",
	"Function call interrupts", "CPU stop interrupts", "IRQ work interrupts",
	"completion interrupts",
};

unsigned long ipi_count(int cpu, int ipinr)
{
	return ipinr == 2 ? 10 * (cpu + 1) : 0;
}

unsigned long kstat_irqs_cpu(unsigned int irq, int cpu)
{
	return irq == 17 ? 1000 + cpu : 0;
}

const char *irq_name(unsigned int irq)
{
	return irq == 17 ? "arch_timer" : irq == 89 ? "uart-pl011" : NULL;
}

/* The made-up task's credentials are stable: a copy is all it takes. */
void get_task_cred(struct task_struct *t, struct cred *cred)
{
	*cred = t->cred;
}

void put_cred(struct cred *cred)
{
}

/* The reader may see everything. */
bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	return true;
}

static struct task_struct idle0;

struct task_struct *idle_task(int cpu)
{
	return cpu == 0 ? &idle0 : NULL;
}

dev_t tty_devnum(struct tty_struct *tty)
{
	return MKDEV(SERIAL_AMBA_MAJOR, SERIAL_AMBA_MINOR);
}

/* seq_file.c's read side, which these tests do not use. */
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *ppos, const void *from,
				size_t available)
{
	return -EINVAL;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	return -EINVAL;
}

static struct task_struct parent, task;
static struct thread_info task_ti = { .cpu = 2 };
static struct signal_struct sig;
static struct sighand_struct sighand;
static struct mm_struct mm;
static struct tty_struct tty;
static struct user_struct user = { .sigpending = 3 };
static struct {
	struct group_info info;
	gid_t gid[2];
} groups = { { .usage = 1, .ngroups = 2 }, { 20, 44 } };
static struct fs_struct fs = { .umask = 022 };

/* A process "my prog", pid 42, sleeping, in session 7 on ttyAMA0. */
static int setup(void **state)
{
	parent.tgid = 1;
	memset(&task, 0, sizeof(task));
	task.pid = task.tgid = 42;
	strcpy(task.comm, "my prog");
	task.state = TASK_INTERRUPTIBLE;
	task.real_parent = &parent;
	task.stack = &task_ti;
	task.flags = PF_FORKNOEXEC;
	task.prio = task.static_prio = 120;
	task.utime = 1500000000;
	task.stime = 300000000;
	task.start_time = 12340000000ULL;
	task.exit_signal = 17;
	task.signal = &sig;
	task.sighand = &sighand;
	task.mm = &mm;
	task.fs = &fs;
	task.cred = (struct cred){ .uid = 1000, .euid = 1001, .suid = 1002, .fsuid = 1003,
				   .gid = 100, .egid = 101, .sgid = 102, .fsgid = 103,
				   .user = &user, .group_info = &groups.info };
	task.nvcsw = 5;
	task.nivcsw = 6;
	cpumask_set_cpu(0, &task.cpus_allowed);
	cpumask_set_cpu(2, &task.cpus_allowed);
	cpumask_set_cpu(3, &task.cpus_allowed);
	sigaddset(&task.pending.signal, SIGUSR1);
	sigaddset(&task.blocked, SIGINT);
	sighand.action[SIGPIPE - 1].sa.sa_handler = SIG_IGN;
	sighand.action[SIGTERM - 1].sa.sa_handler = (__sighandler_t)0x10510;
	memset(&sig, 0, sizeof(sig));
	INIT_LIST_HEAD(&sig.thread_head);
	list_add(&task.thread_node, &sig.thread_head);
	sig.nr_threads = 1;
	sig.pgrp = 42;
	sig.session = 7;
	sig.tty = &tty;
	sig.utime = 1000000000;
	sig.cutime = 1000000000;
	sig.rlim[5].rlim_cur = 4294967295UL;
	sig.rlim[RLIMIT_SIGPENDING].rlim_cur = 7579;
	sigaddset(&sig.shared_pending.signal, SIGRTMIN + 2);
	tty.pgrp = 42;
	mm.total_vm = 20;
	mm.start_code = 32768;
	mm.end_code = 40000;
	mm.start_stack = 2147479000;
	mm.start_data = 50000;
	mm.end_data = 60000;
	mm.start_brk = 70000;
	mm.arg_start = 2147480000;
	mm.arg_end = mm.env_start = 2147480010;
	mm.env_end = 2147480020;
	return 0;
}

static int show_stat(struct seq_file *m, void *v)
{
	return proc_pid_stat(m, v);
}

static int show_status(struct seq_file *m, void *v)
{
	return proc_pid_status(m, v);
}

/* The text @show makes, NUL-terminated. */
static char *text_of(int (*show)(struct seq_file *, void *), void *data)
{
	static char out[16384];
	struct file file = { .f_count = 1 };
	struct seq_file *m;

	assert_int_equal(single_open(&file, show, data), 0);
	m = file.private_data;
	assert_true(m->count < sizeof(out));
	memcpy(out, m->buf, m->count);
	out[m->count] = '\0';
	single_release(NULL, &file);
	return out;
}

static void test_stat(void **state)
{
	assert_string_equal(text_of(show_stat, &task),
			    "42 (my prog) S 1 42 7 52288 42 64 0 0 0 0 250 30 100 0 20 0 1 0 1234 "
			    "81920 0 4294967295 32768 40000 2147479000 0 0 512 2 4096 16384 1 0 0 "
			    "17 2 0 0 0 0 0 50000 60000 70000 2147480000 2147480010 2147480010 "
			    "2147480020 0\n");
}

static void test_stat_states_and_kernel_threads(void **state)
{
	task.mm = NULL;
	task.state = TASK_RUNNING;
	sig.tty = NULL;
	assert_string_equal(text_of(show_stat, &task),
			    "42 (my prog) R 1 42 7 0 -1 64 0 0 0 0 250 30 100 0 20 0 1 0 1234 0 0 "
			    "4294967295 0 0 0 0 0 512 2 4096 16384 0 0 0 17 2 0 0 0 0 0 0 0 0 0 0 "
			    "0 0 0\n");
	task.state = TASK_UNINTERRUPTIBLE;
	assert_non_null(strstr(text_of(show_stat, &task), ") D "));
	task.state = TASK_STOPPED;
	assert_non_null(strstr(text_of(show_stat, &task), ") T "));
	task.state = TASK_IDLE;
	assert_non_null(strstr(text_of(show_stat, &task), ") I "));
	task.state = TASK_DEAD;
	task.exit_state = EXIT_ZOMBIE;
	assert_non_null(strstr(text_of(show_stat, &task), ") Z "));
}

static void test_status(void **state)
{
	assert_string_equal(text_of(show_status, &task),
			    "Name:\tmy prog\n"
			    "Umask:\t0022\n"
			    "State:\tS (sleeping)\n"
			    "Tgid:\t42\n"
			    "Ngid:\t0\n"
			    "Pid:\t42\n"
			    "PPid:\t1\n"
			    "TracerPid:\t0\n"
			    "Uid:\t1000\t1001\t1002\t1003\n"
			    "Gid:\t100\t101\t102\t103\n"
			    "FDSize:\t0\n"
			    "Groups:\t20 44 \n"
			    "NStgid:\t42\n"
			    "NSpid:\t42\n"
			    "NSpgid:\t42\n"
			    "NSsid:\t7\n"
			    "VmSize:\t      80 kB\n"
			    "Threads:\t1\n"
			    "SigQ:\t3/7579\n"
			    "SigPnd:\t0000000000000200\n"
			    "ShdPnd:\t0000000200000000\n"
			    "SigBlk:\t0000000000000002\n"
			    "SigIgn:\t0000000000001000\n"
			    "SigCgt:\t0000000000004000\n"
			    "Cpus_allowed:\td\n"
			    "Cpus_allowed_list:\t0,2-3\n"
			    "voluntary_ctxt_switches:\t5\n"
			    "nonvoluntary_ctxt_switches:\t6\n");
}

static void test_meminfo(void **state)
{
	assert_string_equal(text_of(meminfo_proc_show, NULL),
			    "MemTotal:         971876 kB\n"
			    "MemFree:          960000 kB\n"
			    "MemAvailable:     960000 kB\n"
			    "Buffers:               0 kB\n"
			    "Cached:                0 kB\n"
			    "Slab:               1200 kB\n"
			    "SReclaimable:          0 kB\n"
			    "SUnreclaim:         1200 kB\n");
}

static void test_uptime(void **state)
{
	idle0.utime = 1234567890;
	idle0.stime = 10000000;
	assert_string_equal(text_of(uptime_proc_show, NULL), "5.00 1.24\n");
}

static void test_interrupts(void **state)
{
	assert_string_equal(text_of(show_interrupts, NULL),
			    "           CPU0       CPU1       \n"
			    " 17:       1000       1001   arch_timer\n"
			    " 89:          0          0   uart-pl011\n"
			    "IPI0:          0          0  CPU wakeup interrupts\n"
			    "IPI1:          0          0  Timer broadcast interrupts\n"
			    "IPI2:         10         20  Rescheduling interrupts\n"
			    "IPI3:          0          0  Function call interrupts\n"
			    "IPI4:          0          0  CPU stop interrupts\n"
			    "IPI5:          0          0  IRQ work interrupts\n"
			    "IPI6:          0          0  completion interrupts\n"
			    "Err:          0\n");
}

/* A text longer than the first buffer: show() runs again with a larger one. */
static int show_long(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < 1000; i++)
		seq_printf(m, "line %04d\n", i);
	return 0;
}

static void test_seq_file_grows(void **state)
{
	char *text = text_of(show_long, NULL);

	assert_int_equal(strlen(text), 10000);
	assert_memory_equal(text + 9990, "line 0999\n", 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_stat, setup),
		cmocka_unit_test_setup(test_stat_states_and_kernel_threads, setup),
		cmocka_unit_test_setup(test_status, setup),
		cmocka_unit_test(test_meminfo),
		cmocka_unit_test(test_uptime),
		cmocka_unit_test(test_interrupts),
		cmocka_unit_test(test_seq_file_grows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
