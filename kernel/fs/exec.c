/* execve: replace the calling process's program (Linux 4.19's fs/exec.c).
 * The seed's path: sys_execve -> do_execve -> __do_execve_file ->
 * search_binary_handler -> load_elf_binary, then sched_process_exec.
 *
 * The new address space is built completely (arguments, segments, stack)
 * while the old one is still the process's, so every error before the
 * "point of no return" (flush_old_exec) is returned to the caller, who
 * carries on as if nothing happened. */
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>
#include <trace/events/sched.h>

void mm_release(struct task_struct *tsk, struct mm_struct *mm);

/* Create the new mm with its stack VMA; the arguments go at its top. */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	long ret;

	if (!mm)
		return -ENOMEM;
	bprm->mm = mm;
	spin_lock(&mm->mmap_lock);
	ret = do_mmap_anon(mm, STACK_TOP - EXEC_STACK_INITIAL, EXEC_STACK_INITIAL,
			   VM_READ | VM_WRITE | VM_GROWSDOWN | VM_MAY_ALL);
	spin_unlock(&mm->mmap_lock);
	if (ret < 0)
		return ret;
	bprm->p = STACK_TOP;
	return 0;
}

/* An argv or envp array: in user memory (execve) or in the kernel's
 * (kernel_execve starting init). Linux's struct user_arg_ptr tells native
 * from compat arrays the same way. */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *native;
		const char *const *kernel;
	} ptr;
};

/* The nr-th pointer of argv. RETURNS: it, or ERR_PTR(-EFAULT). */
static const char __user *get_user_arg_ptr(struct user_arg_ptr argv, int nr)
{
	const char __user *native;

	if (argv.is_kernel)
		return (const char __user *)argv.ptr.kernel[nr];
	if (get_user(native, argv.ptr.native + nr))
		return ERR_PTR(-EFAULT);
	return native;
}

/* Count the pointers of an argv/envp array. RETURNS: the count, or
 * -EFAULT / -E2BIG. */
static int count(struct user_arg_ptr argv, int max)
{
	int i = 0;

	if (!argv.ptr.native)
		return 0;
	for (;;) {
		const char __user *p = get_user_arg_ptr(argv, i);
		if (IS_ERR(p))
			return -EFAULT;
		if (!p)
			return i;
		if (++i >= max)
			return -E2BIG;
	}
}

/* Copy one string to the top of the new stack, below what is there. */
static int copy_string_kernel(const char *s, size_t len, struct linux_binprm *bprm)
{
	if (bprm->p - (STACK_TOP - EXEC_STACK_INITIAL) < len + EXEC_STACK_RESERVE)
		return -E2BIG;
	bprm->p -= len;
	return copy_to_mm(bprm->mm, bprm->p, s, len);
}

/* 'copy_strings()' copies argument/environment strings from the old
 * process's memory to the new process's stack, last one first, so that
 * the first ends up lowest. */
static int copy_strings(int argc, struct user_arg_ptr argv, struct linux_binprm *bprm)
{
	char *kbuf = argv.is_kernel ? NULL : kmalloc(MAX_ARG_STRLEN, GFP_KERNEL);
	int ret = 0;

	if (!argv.is_kernel && !kbuf)
		return -ENOMEM;
	while (argc-- > 0 && !ret) {
		const char __user *str = get_user_arg_ptr(argv, argc);
		long len;

		if (IS_ERR(str)) {
			ret = PTR_ERR(str);
		} else if (argv.is_kernel) {
			ret = copy_string_kernel((const char *)str, strlen((const char *)str) + 1, bprm);
		} else {
			len = strncpy_from_user(kbuf, str, MAX_ARG_STRLEN);
			if (len < 0)
				ret = len;
			else if (len == MAX_ARG_STRLEN)
				ret = -E2BIG;
			else
				ret = copy_string_kernel(kbuf, len + 1, bprm);
		}
	}
	kfree(kbuf);
	return ret;
}

/* Make the new mm the process's; the old one is released. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;

	mm_release(tsk, old_mm);
	spin_lock_irq(&tsk->alloc_lock);
	active_mm = tsk->active_mm;
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	spin_unlock_irq(&tsk->alloc_lock);
	if (old_mm)
		mmput(old_mm);
}

/*
 * This function makes sure the current process has its own signal table,
 * so that flush_signal_handlers can later reset the handlers without
 * disturbing other processes. (Other processes might share the signal
 * table via the CLONE_SIGHAND option to clone().)
 *
 * It also kills the other threads of the group, as exec does: the thread
 * that calls exec ends up alone, as the group's leader.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct sighand_struct *oldsighand = tsk->sighand;

	if (thread_group_empty(tsk))
		goto no_thread_group;

	/* Kill all other threads in the thread group. */
	spin_lock_irq(&oldsighand->siglock);
	if (signal_group_exit(sig)) {
		/* Another group action in progress, just return so that the
		 * signal is processed. */
		spin_unlock_irq(&oldsighand->siglock);
		return -EAGAIN;
	}
	sig->group_exit_task = tsk;
	zap_other_threads(tsk);
	sig->notify_count = sig->nr_threads - 1;
	if (!thread_group_leader(tsk))
		sig->notify_count--;
	while (sig->notify_count > 0) {
		__set_current_state(TASK_KILLABLE);
		spin_unlock_irq(&oldsighand->siglock);
		schedule();
		if (__fatal_signal_pending(tsk))
			goto killed;
		spin_lock_irq(&oldsighand->siglock);
	}
	spin_unlock_irq(&oldsighand->siglock);

	/* At this point all other threads have exited, all we have to do is
	 * to wait for the thread group leader to become inactive, and to
	 * assume its identity: its pid, its place among its parent's children. */
	if (!thread_group_leader(tsk)) {
		struct task_struct *leader = tsk->group_leader;

		for (;;) {
			write_lock_irq(&tasklist_lock);
			/* Do this under tasklist_lock to ensure that exit_notify()
			 * can't miss ->group_exit_task. */
			sig->notify_count = -1;
			if (leader->exit_state)
				break;
			__set_current_state(TASK_KILLABLE);
			write_unlock_irq(&tasklist_lock);
			schedule();
			if (__fatal_signal_pending(tsk))
				goto killed;
		}
		/*
		 * An exec() starts a new thread group with the TGID of the
		 * previous thread group. Rehash the two threads with a switched
		 * PID, and release the former thread group leader: the group's
		 * pid, which ITIMER_REAL signals, now finds this thread.
		 */
		tsk->pid = leader->pid;
		change_pid(tsk, PIDTYPE_PID, task_pid(leader));
		transfer_pid(leader, tsk, PIDTYPE_TGID);
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		tsk->exit_signal = SIGCHLD;
		leader->exit_signal = -1;
		tsk->real_parent = leader->real_parent;
		tsk->parent = leader->parent;
		list_replace_init(&leader->sibling, &tsk->sibling);
		list_replace_init(&leader->tasks, &tsk->tasks);
		list_splice_init(&leader->children, &tsk->children);
		leader->exit_state = EXIT_DEAD;
		write_unlock_irq(&tasklist_lock);
		release_task(leader);
	}
	sig->group_exit_task = NULL;
	sig->notify_count = 0;

no_thread_group:
	/* we have changed execution domain */
	tsk->exit_signal = SIGCHLD;

	if (READ_ONCE(oldsighand->count) != 1) {
		struct sighand_struct *newsighand = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);

		/* This ->sighand is shared with the CLONE_SIGHAND but not
		 * CLONE_THREAD task, switch to the new one. */
		if (!newsighand)
			return -ENOMEM;
		newsighand->count = 1;
		spin_lock_init(&newsighand->siglock);
		write_lock_irq(&tasklist_lock);
		spin_lock(&oldsighand->siglock);
		memcpy(newsighand->action, oldsighand->action, sizeof(newsighand->action));
		tsk->sighand = newsighand;
		spin_unlock(&oldsighand->siglock);
		write_unlock_irq(&tasklist_lock);
		__cleanup_sighand(oldsighand);
	}
	return 0;

killed:
	/* protects against exit_notify() and __exit_signal() */
	read_lock(&tasklist_lock);
	sig->group_exit_task = NULL;
	sig->notify_count = 0;
	read_unlock(&tasklist_lock);
	return -EAGAIN;
}

/*
 * Calling this is the point of no return. None of the failures will be
 * seen by userspace since either the process is already taking a fatal
 * signal (via de_thread() or coredump), or will have SEGV raised
 * (after exec_mmap()) by search_binary_handler (see below).
 */
int flush_old_exec(struct linux_binprm *bprm)
{
	int retval = de_thread(current);

	if (retval)
		return retval;
	exec_mmap(bprm->mm);
	bprm->mm = NULL;
	current->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	flush_thread();
	return 0;
}

/* The process's new name is the file's base name, as Linux's
 * __set_task_comm(me, kbasename(bprm->filename)). */
void setup_new_exec(struct linux_binprm *bprm)
{
	const char *base = strrchr(bprm->filename, '/');

	current->sas_ss_sp = current->sas_ss_size = 0;
	/*
	 * Figure out dumpability. Note that this checking only of current
	 * is wrong, but userspace depends on it. (Linux also makes a program
	 * the caller may not read undumpable; here exec needs read access.)
	 */
	if (current->cred.euid == current->cred.uid && current->cred.egid == current->cred.gid)
		set_dumpable(current->mm, SUID_DUMP_USER);
	else
		set_dumpable(current->mm, SUID_DUMP_DISABLE);
	set_task_comm(current, base ? base + 1 : bprm->filename);
	flush_signal_handlers(current, 0);
	do_close_on_exec(current->files);
}

int search_binary_handler(struct linux_binprm *bprm)
{
	/* ELF is the only format: a "#!" script or anything else is -ENOEXEC. */
	return load_elf_binary(bprm);
}

static int exec_binprm(struct linux_binprm *bprm)
{
	pid_t old_pid = current->pid;
	int ret = search_binary_handler(bprm);

	if (ret >= 0)
		trace_sched_process_exec(current, old_pid, bprm->filename);
	return ret;
}

/**
 * open_exec - open a program (or an interpreter) to run it
 * It must be a regular file with an execute bit that the caller may use.
 * Linux opens it with only MAY_EXEC checked; here it must be readable too.
 * RETURNS: the file, or ERR_PTR(-ENOENT, -ENOTDIR, -ELOOP..., -EACCES).
 */
struct file *open_exec(const char *name)
{
	struct file *file = filp_open(name, O_RDONLY, 0);
	struct inode *inode;

	if (IS_ERR(file))
		return file;
	inode = file_inode(file);
	if (!S_ISREG(inode->i_mode) || generic_permission(inode, MAY_EXEC)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	return file;
}

/*
 * sys_execve() executes a new program.
 */
static int __do_execve_file(const char *filename, struct user_arg_ptr argv,
			    struct user_arg_ptr envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	loff_t pos = 0;
	int retval;

	if (!bprm)
		return -ENOMEM;
	/*
	 * We move the actual failure in case of RLIMIT_NPROC excess from
	 * set*uid() to execve() because too many poorly written programs
	 * don't check setuid() return code.  Here we additionally recheck
	 * whether NPROC limit is still exceeded.
	 */
	if ((current->flags & PF_NPROC_EXCEEDED) &&
	    READ_ONCE(current->cred.user->processes) > task_rlimit(current, RLIMIT_NPROC)) {
		retval = -EAGAIN;
		goto out_free;
	}
	/* We're below the limit (still or again), so we don't want to make
	 * further execve() calls fail. */
	current->flags &= ~PF_NPROC_EXCEEDED;
	bprm->filename = filename;
	bprm->file = open_exec(filename);
	retval = PTR_ERR(bprm->file);
	if (IS_ERR(bprm->file))
		goto out_free;
	/* prepare_binprm: the first bytes tell the format. */
	retval = kernel_read(bprm->file, bprm->buf, BINPRM_BUF_SIZE, &pos);
	if (retval < 0)
		goto out;
	retval = bprm_mm_init(bprm);
	if (retval)
		goto out;
	bprm->argc = count(argv, MAX_ARG_STRINGS);
	if ((retval = bprm->argc) < 0)
		goto out;
	bprm->envc = count(envp, MAX_ARG_STRINGS);
	if ((retval = bprm->envc) < 0)
		goto out;
	/* The file name first, at the very top (AT_EXECFN points at it). */
	retval = copy_string_kernel(filename, strlen(filename) + 1, bprm);
	if (retval)
		goto out;
	bprm->exec = bprm->p;
	retval = copy_strings(bprm->envc, envp, bprm);
	if (retval)
		goto out;
	retval = copy_strings(bprm->argc, argv, bprm);
	if (retval)
		goto out;

	retval = exec_binprm(bprm);
	if (retval < 0)
		goto out;
	/* execve succeeded */
	rseq_execve(current);
	retval = 0;
out:
	if (bprm->mm)
		mmput(bprm->mm);
	fput(bprm->file);
out_free:
	kfree(bprm);
	return retval;
}

int do_execve(const char *filename, const char __user *const __user *__argv,
	      const char __user *const __user *__envp)
{
	struct user_arg_ptr argv = { .ptr.native = __argv };
	struct user_arg_ptr envp = { .ptr.native = __envp };

	return __do_execve_file(filename, argv, envp);
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len, ret;

	if (!name)
		return -ENOMEM;
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		ret = len;
	else if (len == PATH_MAX)
		ret = -ENAMETOOLONG;
	else if (len == 0)
		ret = -ENOENT;
	else
		ret = do_execve(name, argv, envp);
	kfree(name);
	return ret;
}

/* Start the first user program from kernel_init, with kernel arrays. */
int kernel_execve(const char *filename, const char *const argv[], const char *const envp[])
{
	struct user_arg_ptr uargv = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr uenvp = { .is_kernel = true, .ptr.kernel = envp };

	return __do_execve_file(filename, uargv, uenvp);
}
