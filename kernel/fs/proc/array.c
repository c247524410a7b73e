/* The text of /proc/<pid>/stat and /proc/<pid>/status, field for field
 * in Linux's order and format (Linux's fs/proc/array.c, do_task_stat and
 * proc_pid_status). Fields this kernel does not keep (page fault counts,
 * resident set, capabilities) read 0 or are left out. */
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/tty.h>
#include "internal.h"

#define USER_HZ 100
#define NICE_TO_PRIO_BASE 120

static const char *const task_state_array[] = {
	"R (running)",	    /* 0x00 */
	"S (sleeping)",	    /* 0x01 */
	"D (disk sleep)",   /* 0x02 */
	"T (stopped)",	    /* 0x04 */
	"t (tracing stop)", /* 0x08 */
	"X (dead)",	    /* 0x10 */
	"Z (zombie)",	    /* 0x20 */
	"P (parked)",	    /* 0x40 */
	"I (idle)",	    /* 0x80: TASK_IDLE, beyond TASK_REPORT */
};

static const char *get_task_state(struct task_struct *tsk)
{
	return task_state_array[task_state_index(tsk)];
}

static unsigned long long nsec_to_clock_t(u64 ns)
{
	return div_u64(ns, NSEC_PER_SEC / USER_HZ);
}

static void collect_sigign_sigcatch(struct task_struct *p, sigset_t *ign, sigset_t *catch)
{
	int i;

	sigemptyset(ign);
	sigemptyset(catch);
	for (i = 1; i <= _NSIG; i++) {
		__sighandler_t h = p->sighand->action[i - 1].sa.sa_handler;

		if (h == SIG_IGN)
			sigaddset(ign, i);
		else if (h != SIG_DFL)
			sigaddset(catch, i);
	}
}

/**
 * proc_pid_stat - /proc/<pid>/stat: "pid (comm) state ppid pgrp session
 * tty_nr tpgid flags ..." on one line, 52 fields
 * CONTEXT: tasklist_lock held. RETURNS: 0.
 */
int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	struct signal_struct *sig = task->signal;
	struct mm_struct *mm = task->mm;
	int tty_pgrp = -1, tty_nr = 0;
	sigset_t sigign, sigcatch;
	u64 utime, stime;
	/* Addresses in the process are for those who may inspect it. */
	bool permitted = ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS | PTRACE_MODE_NOAUDIT);

	if (sig->tty) {
		tty_pgrp = sig->tty->pgrp;
		tty_nr = new_encode_dev(tty_devnum(sig->tty));
	}
	collect_sigign_sigcatch(task, &sigign, &sigcatch);
	thread_group_cputime(task, &utime, &stime);

	seq_put_decimal_ull(m, "", task->tgid);
	seq_printf(m, " (%.*s) ", TASK_COMM_LEN, task->comm);
	seq_putc(m, *get_task_state(task));
	seq_put_decimal_ll(m, " ", task->real_parent ? task->real_parent->tgid : 0);
	seq_put_decimal_ll(m, " ", sig->pgrp);
	seq_put_decimal_ll(m, " ", sig->session);
	seq_put_decimal_ll(m, " ", tty_nr);
	seq_put_decimal_ll(m, " ", tty_pgrp);
	seq_put_decimal_ull(m, " ", task->flags);
	seq_puts(m, " 0 0 0 0"); /* minflt cminflt majflt cmajflt */
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(utime));
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(stime));
	seq_put_decimal_ll(m, " ", nsec_to_clock_t(sig->cutime));
	seq_put_decimal_ll(m, " ", nsec_to_clock_t(sig->cstime));
	seq_put_decimal_ll(m, " ", task->prio - MAX_RT_PRIO);
	seq_put_decimal_ll(m, " ", task->static_prio - NICE_TO_PRIO_BASE);
	seq_put_decimal_ll(m, " ", sig->nr_threads);
	seq_put_decimal_ull(m, " ", 0); /* itrealvalue */
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(task->start_time));
	seq_put_decimal_ull(m, " ", mm ? mm->total_vm * PAGE_SIZE : 0);
	seq_put_decimal_ull(m, " ", 0); /* rss: not counted */
	seq_put_decimal_ull(m, " ", sig->rlim[RLIMIT_RSS].rlim_cur);
	seq_put_decimal_ull(m, " ", mm ? (permitted ? mm->start_code : 1) : 0);
	seq_put_decimal_ull(m, " ", mm ? (permitted ? mm->end_code : 1) : 0);
	seq_put_decimal_ull(m, " ", (permitted && mm) ? mm->start_stack : 0);
	seq_puts(m, " 0 0"); /* esp eip */
	seq_put_decimal_ull(m, " ", task->pending.signal.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", task->blocked.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", sigign.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", sigcatch.sig[0] & 0x7fffffffUL);
	seq_puts(m, task->state != TASK_RUNNING ? " 1" : " 0"); /* wchan known */
	seq_puts(m, " 0 0"); /* nswap cnswap */
	seq_put_decimal_ll(m, " ", task->exit_signal);
	seq_put_decimal_ll(m, " ", task_cpu(task));
	/* rt_priority policy: only the stop tasks are real-time here, SCHED_FIFO
	 * 99 as Linux's sched_set_stop_task makes them; then blkio gtime cgtime */
	seq_puts(m, rt_prio(task->prio) ? " 99 1 0 0 0" : " 0 0 0 0 0");
	if (mm && permitted) {
		seq_put_decimal_ull(m, " ", mm->start_data);
		seq_put_decimal_ull(m, " ", mm->end_data);
		seq_put_decimal_ull(m, " ", mm->start_brk);
		seq_put_decimal_ull(m, " ", mm->arg_start);
		seq_put_decimal_ull(m, " ", mm->arg_end);
		seq_put_decimal_ull(m, " ", mm->env_start);
		seq_put_decimal_ull(m, " ", mm->env_end);
	} else {
		seq_puts(m, " 0 0 0 0 0 0 0");
	}
	if (permitted)
		seq_put_decimal_ll(m, " ", task->exit_code);
	else
		seq_puts(m, " 0");
	seq_putc(m, '\n');
	return 0;
}

/* 64 signals as 16 hex digits, highest first (Linux's render_sigset_t). */
static void render_sigset_t(struct seq_file *m, const char *header, const sigset_t *set)
{
	int i = _NSIG;

	seq_puts(m, header);
	do {
		int x = 0;

		i -= 4;
		x |= sigismember(set, i + 1) ? 1 : 0;
		x |= sigismember(set, i + 2) ? 2 : 0;
		x |= sigismember(set, i + 3) ? 4 : 0;
		x |= sigismember(set, i + 4) ? 8 : 0;
		seq_putc(m, "0123456789abcdef"[x]);
	} while (i >= 4);
	seq_putc(m, '\n');
}

/* The mask as Linux's "%*pb" prints it (hex, nr_cpu_ids bits, which fit
 * in one word here), and as "%*pbl" (ranges: 0-3, 1, 0,2-3). */
static void task_cpus_allowed(struct seq_file *m, struct task_struct *task)
{
	const struct cpumask *mask = &task->cpus_allowed;
	int cpu, first = -1;
	const char *sep = "";

	seq_printf(m, "Cpus_allowed:\t%0*lx\n", (int)DIV_ROUND_UP(nr_cpu_ids, 4),
		   READ_ONCE(cpumask_bits(mask)[0]));
	seq_puts(m, "Cpus_allowed_list:\t");
	for (cpu = 0; cpu <= (int)nr_cpu_ids; cpu++) {
		bool in = cpu < (int)nr_cpu_ids && cpumask_test_cpu(cpu, mask);

		if (in && first < 0) {
			first = cpu;
		} else if (!in && first >= 0) {
			seq_printf(m, "%s%d", sep, first);
			if (cpu - 1 > first)
				seq_printf(m, "-%d", cpu - 1);
			sep = ",";
			first = -1;
		}
	}
	seq_putc(m, '\n');
}

/**
 * proc_pid_status - /proc/<pid>/status: "Name:\t...", one field a line
 * CONTEXT: tasklist_lock held. RETURNS: 0.
 */
int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	struct signal_struct *sig = task->signal;
	struct cred tcred, *cred = &tcred;
	sigset_t ignored, caught;
	int g;

	get_task_cred(task, &tcred);
	seq_printf(m, "Name:\t%.*s\n", TASK_COMM_LEN, task->comm);
	if (task->fs)
		seq_printf(m, "Umask:\t0%03o\n", task->fs->umask);
	seq_printf(m, "State:\t%s", get_task_state(task));
	seq_put_decimal_ull(m, "\nTgid:\t", task->tgid);
	seq_put_decimal_ull(m, "\nNgid:\t", 0);
	seq_put_decimal_ull(m, "\nPid:\t", task->pid);
	seq_put_decimal_ull(m, "\nPPid:\t", task->real_parent ? task->real_parent->tgid : 0);
	seq_put_decimal_ull(m, "\nTracerPid:\t", 0);
	seq_printf(m, "\nUid:\t%u\t%u\t%u\t%u", cred->uid, cred->euid, cred->suid, cred->fsuid);
	seq_printf(m, "\nGid:\t%u\t%u\t%u\t%u", cred->gid, cred->egid, cred->sgid, cred->fsgid);
	seq_put_decimal_ull(m, "\nFDSize:\t", task->files ? NR_OPEN_DEFAULT : 0);
	seq_puts(m, "\nGroups:\t");
	for (g = 0; g < cred->group_info->ngroups; g++)
		seq_put_decimal_ull(m, g ? " " : "", cred->group_info->gid[g]);
	seq_puts(m, " ");
	seq_put_decimal_ull(m, "\nNStgid:\t", task->tgid);
	seq_put_decimal_ull(m, "\nNSpid:\t", task->pid);
	seq_put_decimal_ull(m, "\nNSpgid:\t", sig->pgrp);
	seq_put_decimal_ull(m, "\nNSsid:\t", sig->session);
	seq_putc(m, '\n');
	if (task->mm)
		seq_printf(m, "VmSize:\t%8lu kB\n", task->mm->total_vm << (PAGE_SHIFT - 10));
	seq_put_decimal_ull(m, "Threads:\t", sig->nr_threads);
	seq_put_decimal_ull(m, "\nSigQ:\t", READ_ONCE(cred->user->sigpending));
	seq_put_decimal_ull(m, "/", task_rlimit(task, RLIMIT_SIGPENDING));
	collect_sigign_sigcatch(task, &ignored, &caught);
	render_sigset_t(m, "\nSigPnd:\t", &task->pending.signal);
	render_sigset_t(m, "ShdPnd:\t", &sig->shared_pending.signal);
	render_sigset_t(m, "SigBlk:\t", &task->blocked);
	render_sigset_t(m, "SigIgn:\t", &ignored);
	render_sigset_t(m, "SigCgt:\t", &caught);
	task_cpus_allowed(m, task);
	seq_put_decimal_ull(m, "voluntary_ctxt_switches:\t", task->nvcsw);
	seq_put_decimal_ull(m, "\nnonvoluntary_ctxt_switches:\t", task->nivcsw);
	seq_putc(m, '\n');
	put_cred(&tcred);
	return 0;
}
