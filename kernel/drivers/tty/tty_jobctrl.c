/* Terminals and process groups: the controlling terminal of a session,
 * its foreground group, SIGTTIN/SIGTTOU for background access, and the
 * signals the ^C, ^\ and ^Z characters send (Linux's
 * drivers/tty/tty_jobctrl.c, with __isig from n_tty.c).
 * A session leader here is a group leader whose session id is its pid. */
#include <linux/capability.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <asm/uaccess.h>

static bool is_session_leader(struct task_struct *p)
{
	return task_session_nr(p) == p->tgid;
}

/* The signal would be ignored, so sending it makes no sense. */
static bool is_ignored(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
}

/**
 * __tty_check_change - may the current process use @tty as if foreground?
 * @sig: SIGTTOU (changes, TOSTOP writes) or SIGTTIN (reads)
 *
 * Not our controlling terminal, or we are its foreground: yes. Otherwise
 * our process group is sent @sig and the call is restarted after it, or,
 * if @sig is ignored, a read fails with -EIO and a change goes ahead.
 * RETURNS: 0, -EIO or -ERESTARTSYS.
 */
int __tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp = task_pgrp_nr(current), tty_pgrp;

	if (current->signal->tty != tty)
		return 0;
	tty_pgrp = READ_ONCE(tty->pgrp);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	kill_pgrp(pgrp, sig, 1);
	set_thread_flag(TIF_SIGPENDING);
	return -ERESTARTSYS;
}

int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

/* ^C, ^\ or ^Z: @sig to the foreground process group, from the kernel
 * (si_code SI_KERNEL), as Linux's n_tty does. */
void __isig(int sig, struct tty_struct *tty)
{
	pid_t pgrp = READ_ONCE(tty->pgrp);

	if (pgrp)
		kill_pgrp(pgrp, sig, 1);
}

struct tty_struct *get_current_tty(void)
{
	return READ_ONCE(current->signal->tty);
}

/* Make @tty the current session's controlling terminal, the caller's
 * group its foreground (Linux's __proc_set_tty). */
static void __proc_set_tty(struct tty_struct *tty)
{
	spin_lock_irq(&tty->ctrl_lock);
	tty->session = task_session_nr(current);
	tty->pgrp = task_pgrp_nr(current);
	spin_unlock_irq(&tty->ctrl_lock);
	spin_lock_irq(&current->sighand->siglock);
	current->signal->tty = tty;
	spin_unlock_irq(&current->sighand->siglock);
}

/* open() of a terminal by a session leader without one acquires it. */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty)
{
	if (is_session_leader(current) && !current->signal->tty && !READ_ONCE(tty->session) &&
	    (filp->f_mode & FMODE_READ))
		__proc_set_tty(tty);
}

void proc_clear_tty(struct task_struct *p)
{
	spin_lock_irq(&p->sighand->siglock);
	p->signal->tty = NULL;
	spin_unlock_irq(&p->sighand->siglock);
}

/* Every process of session @sid loses its controlling terminal.
 * CONTEXT: tasklist_lock held. */
static void session_clear_tty(pid_t sid)
{
	struct task_struct *p;

	list_for_each_entry(p, &all_tasks, tasks)
		if (task_session_nr(p) == sid)
			proc_clear_tty(p);
}

void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty = get_current_tty();
	pid_t pgrp;

	if (!is_session_leader(current) || !tty)
		return;
	pgrp = READ_ONCE(tty->pgrp);
	if (pgrp) {
		kill_pgrp(pgrp, SIGHUP, on_exit);
		kill_pgrp(pgrp, SIGCONT, on_exit);
	}
	spin_lock_irq(&tty->ctrl_lock);
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irq(&tty->ctrl_lock);
	read_lock(&tasklist_lock);
	session_clear_tty(task_session_nr(current));
	read_unlock(&tasklist_lock);
}

/* The session @pgrp's members are in, or -1 if the group is empty. */
static pid_t session_of_pgrp(pid_t pgrp)
{
	struct task_struct *p;
	pid_t sid = -1;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	list_for_each_entry(p, &all_tasks, tasks)
		if (!p->exit_state && task_pgrp_nr(p) == pgrp) {
			sid = task_session_nr(p);
			break;
		}
	read_unlock(&tasklist_lock);
	return sid;
}

/* TIOCSCTTY: a session leader takes @tty; @arg 1 lets root steal it. */
static int tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	pid_t session = READ_ONCE(tty->session);

	if (is_session_leader(current) && task_session_nr(current) == session)
		return 0;
	if (!is_session_leader(current) || current->signal->tty)
		return -EPERM;
	if (session) {
		if (arg != 1 || !capable(CAP_SYS_ADMIN))
			return -EPERM;
		session_clear_tty(session);
	}
	if (!(file->f_mode & FMODE_READ) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	__proc_set_tty(tty);
	return 0;
}

/* TIOCSPGRP: make @p's group the foreground one; it must be in our session. */
static int tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	pid_t pgrp, sid;
	int ret = tty_check_change(tty);

	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (current->signal->tty != tty || READ_ONCE(tty->session) != task_session_nr(current))
		return -ENOTTY;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	sid = session_of_pgrp(pgrp);
	if (sid < 0)
		return -ESRCH;
	if (sid != task_session_nr(current))
		return -EPERM;
	spin_lock_irq(&tty->ctrl_lock);
	tty->pgrp = pgrp;
	spin_unlock_irq(&tty->ctrl_lock);
	return 0;
}

/**
 * tty_jobctrl_ioctl - TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID
 * RETURNS: the ioctl's result, or -ENOIOCTLCMD for other commands.
 */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;

	switch (cmd) {
	case TIOCNOTTY:
		if (current->signal->tty != tty)
			return -ENOTTY;
		if (is_session_leader(current))
			disassociate_ctty(0);
		else
			proc_clear_tty(current);
		return 0;
	case TIOCSCTTY:
		return tiocsctty(tty, file, arg);
	case TIOCGPGRP:
		if (current->signal->tty != tty)
			return -ENOTTY;
		return put_user(READ_ONCE(tty->pgrp), p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (current->signal->tty != tty || !READ_ONCE(tty->session))
			return -ENOTTY;
		return put_user(READ_ONCE(tty->session), p);
	default:
		return -ENOIOCTLCMD;
	}
}
