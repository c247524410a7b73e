/* /proc/<pid>: one directory per thread group with cmdline, comm,
 * environ, exe, maps, mounts, stack, stat, statm, status and wchan,
 * /proc/self, and listing the processes (Linux's fs/proc/base.c). A
 * directory stands for a pid, not a task: once the task is reaped its
 * dentries fail revalidation and its files -ESRCH. Files that show a
 * process's memory (environ, maps) open only for those who may inspect it
 * (ptrace_may_access). */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <asm/processor.h>
#include "internal.h"

struct pid_entry {
	const char *name;
	umode_t mode; /* permission bits (the exe symlink: 0777) */
	int (*show)(struct seq_file *m, pid_t tgid); /* NULL: the exe symlink */
	unsigned int ptrace_mode; /* PTRACE_MODE_* checked at open, or 0 */
};

static pid_t proc_pid(const struct inode *inode)
{
	return (pid_t)(long)inode->i_private;
}

/*
 * Who owns a /proc/<pid> inode of @mode: the task's effective user, except
 * that the files (not the directory) of a task that is not dumpable, or
 * has no memory, are root's, as are a kernel thread's.
 * CONTEXT: tasklist_lock held.
 */
static void task_dump_owner(struct task_struct *task, umode_t mode, uid_t *ruid, gid_t *rgid)
{
	unsigned long flags;
	uid_t uid = 0;
	gid_t gid = 0;

	if (!(task->flags & PF_KTHREAD)) {
		spin_lock_irqsave(&task->alloc_lock, flags);
		/* Default to the tasks effective ownership */
		uid = task->cred.euid;
		gid = task->cred.egid;
		/* Make non-dumpable tasks owned by some root */
		if (mode != (S_IFDIR | 0555) &&
		    (!task->mm || get_dumpable(task->mm) != SUID_DUMP_USER))
			uid = gid = 0;
		spin_unlock_irqrestore(&task->alloc_lock, flags);
	}
	*ruid = uid;
	*rgid = gid;
}

/* Run @fn on the thread group leader @tgid with tasklist_lock held.
 * RETURNS: @fn's result, or -ESRCH if it is gone. */
static int with_task(struct seq_file *m, pid_t tgid,
		     int (*fn)(struct seq_file *m, struct task_struct *task))
{
	struct task_struct *task;
	int ret = -ESRCH;

	read_lock(&tasklist_lock);
	task = find_task_by_vpid(tgid);
	if (task && task->pid == task->tgid)
		ret = fn(m, task);
	read_unlock(&tasklist_lock);
	return ret;
}

static int stat_show(struct seq_file *m, pid_t tgid)
{
	return with_task(m, tgid, proc_pid_stat);
}

static int status_show(struct seq_file *m, pid_t tgid)
{
	return with_task(m, tgid, proc_pid_status);
}

static int comm_show_task(struct seq_file *m, struct task_struct *task)
{
	seq_printf(m, "%.*s\n", TASK_COMM_LEN, task->comm);
	return 0;
}

static int comm_show(struct seq_file *m, pid_t tgid)
{
	return with_task(m, tgid, comm_show_task);
}

/* @tgid's mm with a reference (mmput it), or NULL for a kernel thread or
 * a zombie. RETURNS: -ESRCH in *err if the process is gone. */
static struct mm_struct *get_proc_mm(pid_t tgid, int *err)
{
	struct task_struct *task;
	struct mm_struct *mm = NULL;
	unsigned long flags;

	*err = -ESRCH;
	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	task = find_task_by_vpid(tgid);
	if (task) {
		*err = 0;
		spin_lock_irqsave(&task->alloc_lock, flags);
		mm = task->mm;
		if (mm)
			mmget(mm);
		spin_unlock_irqrestore(&task->alloc_lock, flags);
	}
	read_unlock(&tasklist_lock);
	return mm;
}

/* Copy [start, end) of @mm into @m, a page at a time; stop early at a
 * missing page. RETURNS: false if it stopped early. */
static bool seq_copy_remote(struct seq_file *m, struct mm_struct *mm, char *page,
			    unsigned long start, unsigned long end)
{
	while (start < end) {
		int want = min(end - start, PAGE_SIZE);
		int got = access_remote_vm(mm, start, page, want);

		seq_write(m, page, got);
		if (got < want)
			return false;
		start += got;
	}
	return true;
}

/*
 * The arguments exec placed on the stack, NUL-separated, as Linux 4.19's
 * get_mm_cmdline shows them: empty for a kernel thread, a zombie, or a
 * process not yet through exec. A program may rewrite its argument strings
 * (setproctitle): if the last byte of the argument area is no longer a
 * NUL, the title goes on into the environment that follows, up to the
 * first NUL there (at most a page beyond the arguments).
 */
static void get_mm_cmdline(struct seq_file *m, struct mm_struct *mm, char *page)
{
	unsigned long arg_start, arg_end, env_start, env_end;
	char last;

	/* Check if process spawned far enough to have cmdline. */
	if (!mm->env_end)
		return;
	arg_start = mm->arg_start;
	arg_end = mm->arg_end;
	env_start = mm->env_start;
	env_end = mm->env_end;
	if (arg_start >= arg_end)
		return;
	/*
	 * We have traditionally allowed the user to re-write the argument
	 * strings and overflow the end result into the environment section.
	 * But only do that if the environment area is contiguous to the
	 * arguments, and limit it to a maximum of one page of slop.
	 */
	if (env_start != arg_end || env_start >= env_end)
		env_start = env_end = arg_end;
	if (env_end >= arg_end + PAGE_SIZE)
		env_end = arg_end + PAGE_SIZE - 1;
	if (!seq_copy_remote(m, mm, page, arg_start, arg_end - 1) ||
	    access_remote_vm(mm, arg_end - 1, &last, 1) != 1)
		return;
	if (!last) {
		seq_putc(m, '\0');
		return;
	}
	/* Don't walk past a NUL character once you hit arg_end */
	seq_putc(m, last);
	if (env_end > arg_end) {
		int got = access_remote_vm(mm, arg_end, page, env_end - arg_end);
		int len = strnlen(page, got);

		seq_write(m, page, len < got ? len + 1 : len);
	}
}

/* Run @fn on @tgid's mm with a page to read it through; nothing for a
 * kernel thread or a zombie. RETURNS: 0, -ESRCH or -ENOMEM. */
static int proc_mm_show(struct seq_file *m, pid_t tgid,
			void (*fn)(struct seq_file *m, struct mm_struct *mm, char *page))
{
	char *page;
	int err;
	struct mm_struct *mm = get_proc_mm(tgid, &err);

	if (!mm)
		return err;
	page = (char *)__get_free_page(GFP_KERNEL);
	if (page)
		fn(m, mm, page);
	free_page((unsigned long)page);
	mmput(mm);
	return page ? 0 : -ENOMEM;
}

static int cmdline_show(struct seq_file *m, pid_t tgid)
{
	return proc_mm_show(m, tgid, get_mm_cmdline);
}

/* The environment strings exec placed on the stack, NUL-separated (Linux's
 * environ_read); nothing before exec got that far. */
static void get_mm_environ(struct seq_file *m, struct mm_struct *mm, char *page)
{
	/* Ensure the process spawned far enough to have an environment. */
	if (mm->env_end)
		seq_copy_remote(m, mm, page, mm->env_start, mm->env_end);
}

static int environ_show(struct seq_file *m, pid_t tgid)
{
	return proc_mm_show(m, tgid, get_mm_environ);
}

static int mounts_show(struct seq_file *m, pid_t tgid)
{
	return proc_mounts_show(m, NULL);
}

#define MAX_STACK_TRACE_DEPTH 64

/*
 * /proc/<pid>/stack: the kernel call chain of the process (its thread group
 * leader), one "[<0>] name+0x1c/0x60" line a return address, the
 * scheduler's own functions left out, as Linux 4.19 prints it (the address
 * hidden, an end mark 0xffffffff last). A task running on another CPU shows
 * only the end mark (see save_stack_trace_tsk).
 * Root only: Linux checks the opener's CAP_SYS_ADMIN, we the reader's (a
 * file keeps no credentials here); and for a process we may not ptrace,
 * -EPERM (Linux also holds off its exec meanwhile).
 */
static int proc_pid_stack(struct seq_file *m, pid_t tgid)
{
	struct stack_trace trace;
	struct task_struct *task;
	unsigned long *entries;
	unsigned int i;
	int err = -ESRCH;

	if (!capable(CAP_SYS_ADMIN))
		return -EACCES;

	entries = kmalloc_array(MAX_STACK_TRACE_DEPTH, sizeof(*entries), GFP_KERNEL);
	if (!entries)
		return -ENOMEM;

	trace.nr_entries = 0;
	trace.max_entries = MAX_STACK_TRACE_DEPTH;
	trace.entries = entries;
	trace.skip = 0;

	read_lock(&tasklist_lock);
	task = find_task_by_vpid(tgid);
	if (task && task->pid == task->tgid) {
		err = ptrace_may_access(task, PTRACE_MODE_ATTACH_FSCREDS) ? 0 : -EPERM;
		if (!err)
			save_stack_trace_tsk(task, &trace);
	}
	read_unlock(&tasklist_lock);

	for (i = 0; i < trace.nr_entries; i++)
		seq_printf(m, "[<0>] %pB\n", (void *)entries[i]);
	kfree(entries);
	return err;
}

/* /proc/<pid>/wchan: the function the process sleeps in, or "0" if it runs
 * (or may not be looked at), without a newline (Linux's). */
static int proc_pid_wchan(struct seq_file *m, struct task_struct *task)
{
	char symname[KSYM_NAME_LEN];
	unsigned long wchan = get_wchan(task);

	if (wchan && ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS) &&
	    kallsyms_lookup(wchan, NULL, NULL, symname))
		seq_printf(m, "%s", symname);
	else
		seq_putc(m, '0');
	return 0;
}

static int wchan_show(struct seq_file *m, pid_t tgid)
{
	return with_task(m, tgid, proc_pid_wchan);
}

static const struct pid_entry tgid_base_stuff[] = {
	{ "cmdline", 0444, cmdline_show, 0 },
	{ "comm", 0444, comm_show, 0 },
	{ "environ", 0400, environ_show, PTRACE_MODE_READ },
	{ "exe", 0777, NULL, 0 },
	{ "maps", 0444, proc_pid_maps, PTRACE_MODE_READ },
	{ "mounts", 0444, mounts_show, 0 },
	{ "stack", 0400, proc_pid_stack, 0 },
	{ "stat", 0444, stat_show, 0 },
	{ "statm", 0444, proc_pid_statm, 0 },
	{ "status", 0444, status_show, 0 },
	{ "wchan", 0444, wchan_show, 0 },
};

/* /proc/<pid>/exe: the name of the file the process runs (Linux's
 * proc_exe_link; Linux jumps to the file's path, here its name is walked).
 * The name is kept in i_link until the next call replaces it. Only those
 * who may inspect the process may follow it (Linux's
 * proc_fd_access_allowed).
 * CONTEXT: dcache_lock held. RETURNS: it, -EACCES, or -ENOENT for a
 * kernel thread. */
static const char *proc_exe_get_link(struct dentry *dentry, char *buf, size_t size)
{
	const struct path root = { .mnt = root_mnt, .dentry = root_mnt->mnt_root };
	struct inode *inode = dentry->d_inode;
	pid_t tgid = proc_pid(inode);
	struct task_struct *task;
	struct file *exe = NULL;
	unsigned long flags;
	char *name = NULL, *page;
	int pos;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	task = find_task_by_vpid(tgid);
	/* Are we allowed to snoop on the tasks file descriptors? */
	if (!task || !ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS)) {
		read_unlock(&tasklist_lock);
		return ERR_PTR(-EACCES);
	}
	spin_lock_irqsave(&task->alloc_lock, flags);
	if (task->mm && task->mm->exe_file)
		exe = get_file(task->mm->exe_file);
	spin_unlock_irqrestore(&task->alloc_lock, flags);
	read_unlock(&tasklist_lock);
	if (!exe)
		return ERR_PTR(-ENOENT);
	page = kmalloc(PATH_MAX, GFP_KERNEL);
	pos = page ? d_path(&exe->f_path, &root, page, PATH_MAX) : -ENOMEM;
	fput_delayed(exe); /* dcache_lock is held */
	if (pos >= 0 && (name = kmalloc(PATH_MAX - pos, GFP_KERNEL)))
		memcpy(name, page + pos, PATH_MAX - pos);
	kfree(page);
	if (!name)
		return ERR_PTR(pos < 0 ? pos : -ENOMEM);
	kfree(inode->i_link);
	inode->i_link = name;
	return name;
}

static const struct inode_operations proc_exe_inode_operations = {
	.get_link = proc_exe_get_link,
};

static int proc_single_show(struct seq_file *m, void *v)
{
	struct dentry *dentry = m->private;
	const struct pid_entry *p = dentry->d_fsdata;

	return p->show(m, proc_pid(dentry->d_inode));
}

/*
 * May the opener see @tgid's memory (Linux's proc_mem_open -> mm_access)?
 * Its own process, yes; a kernel thread has none to hide; otherwise
 * ptrace_may_access() with the opener's fs ids decides.
 * RETURNS: 0, -EACCES or -ESRCH.
 */
static int proc_mem_open(pid_t tgid, unsigned int mode)
{
	struct task_struct *task;
	int err = -ESRCH;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	task = find_task_by_vpid(tgid);
	if (task) {
		struct mm_struct *mm = READ_ONCE(task->mm);

		err = 0;
		if (mm && mm != current->mm && !ptrace_may_access(task, mode | PTRACE_MODE_FSCREDS))
			err = -EACCES;
	}
	read_unlock(&tasklist_lock);
	return err;
}

static int proc_single_open(struct inode *inode, struct file *filp)
{
	const struct pid_entry *p = filp->f_path.dentry->d_fsdata;

	if (p->ptrace_mode) {
		int err = proc_mem_open(proc_pid(inode), p->ptrace_mode);

		if (err)
			return err;
	}
	return single_open(filp, proc_single_show, filp->f_path.dentry);
}

static const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* A /proc/<pid> inode (the directory or one below it) is valid while the
 * thread group lives; its owner follows the task's credentials and
 * dumpability. CONTEXT: dcache_lock held. RETURNS: 1 if valid. */
static int pid_revalidate_inode(struct inode *inode)
{
	struct task_struct *task;
	int alive;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	task = find_task_by_vpid(proc_pid(inode));
	alive = task && task->pid == task->tgid;
	if (alive)
		task_dump_owner(task, inode->i_mode, &inode->i_uid, &inode->i_gid);
	read_unlock(&tasklist_lock);
	return alive;
}

static int pid_revalidate(struct dentry *dentry, unsigned int flags)
{
	return dentry->d_inode && pid_revalidate_inode(dentry->d_inode);
}

static const struct dentry_operations pid_dentry_operations = {
	.d_revalidate = pid_revalidate,
};

static struct dentry *proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry,
					    unsigned int flags)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++) {
		const struct pid_entry *p = &tgid_base_stuff[i];
		struct inode *inode;

		if (strlen(p->name) != dentry->d_name.len ||
		    memcmp(p->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		inode = proc_make_inode(dir->i_sb, (p->show ? S_IFREG : S_IFLNK) | p->mode);
		if (!inode)
			return ERR_PTR(-ENOMEM);
		inode->i_private = dir->i_private;
		if (p->show)
			inode->i_fop = &proc_single_file_operations;
		else
			inode->i_op = &proc_exe_inode_operations;
		dentry->d_fsdata = (void *)p;
		dentry->d_op = &pid_dentry_operations;
		if (!pid_revalidate_inode(inode)) {
			iput(inode);
			break;
		}
		d_add(dentry, inode);
		return NULL;
	}
	d_add(dentry, NULL);
	return NULL;
}

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	if (!dir_emit_dots(file, ctx))
		return 0;
	while (ctx->pos - 2 < (loff_t)ARRAY_SIZE(tgid_base_stuff)) {
		const struct pid_entry *p = &tgid_base_stuff[ctx->pos - 2];

		if (!dir_emit(ctx, p->name, strlen(p->name), ctx->pos, p->show ? DT_REG : DT_LNK))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.llseek = generic_file_llseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_tgid_base_readdir,
};

/**
 * proc_pid_lookup - /proc/<tgid>, if that thread group exists
 * CONTEXT: dcache_lock held. RETURNS: NULL (@dentry filled, positive or
 * negative), or ERR_PTR(-ENOMEM).
 */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry, pid_t tgid)
{
	struct task_struct *task;
	struct inode *inode;
	uid_t uid = 0;
	gid_t gid = 0;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	task = find_task_by_vpid(tgid);
	if (task && task->pid == task->tgid) {
		task_dump_owner(task, S_IFDIR | 0555, &uid, &gid);
	} else {
		task = NULL;
	}
	read_unlock(&tasklist_lock);
	if (!task) {
		d_add(dentry, NULL);
		return NULL;
	}
	inode = proc_make_inode(dir->i_sb, S_IFDIR | 0555);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_nlink = 2;
	inode->i_private = (void *)(long)tgid;
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	dentry->d_op = &pid_dentry_operations;
	d_add(dentry, inode);
	return NULL;
}

/* The smallest thread group id >= @from, or 0 if none. */
static pid_t next_tgid(pid_t from)
{
	struct task_struct *p;
	pid_t best = 0;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	list_for_each_entry(p, &all_tasks, tasks)
		if (p->pid == p->tgid && p->tgid >= from && (!best || p->tgid < best))
			best = p->tgid;
	read_unlock(&tasklist_lock);
	return best;
}

/**
 * proc_pid_readdir - list the processes, by increasing pid
 * @first: the readdir position of pid 0; position first + n is pid n, so
 *	a listing resumed later goes on from the right place
 * The task list lock is not held while emitting: the copy to user space
 * may fault.
 */
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first)
{
	pid_t tgid = ctx->pos - first;
	char name[12];

	if (tgid < 1)
		tgid = 1;
	while ((tgid = next_tgid(tgid)) != 0) {
		int len = snprintf(name, sizeof(name), "%d", tgid);

		ctx->pos = first + tgid;
		if (!dir_emit(ctx, name, len, ctx->pos, DT_DIR))
			return 0;
		tgid++;
	}
	ctx->pos = first + PID_MAX;
	return 0;
}

/* /proc/self: a symlink to the reader's own directory. */
static const char *proc_self_get_link(struct dentry *dentry, char *buf, size_t size)
{
	snprintf(buf, size, "%d", current->tgid);
	return buf;
}

const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};
