/* Small syscalls about the process and the system (Linux's kernel/sys.c
 * and kernel/reboot.c): ids, process groups and sessions, priorities, the
 * host name and uname, resource limits, times, prctl and reboot. */
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/fs_struct.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/coredump.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <uapi/linux/reboot.h>
#include <uapi/linux/utsname.h>
#include <asm/uaccess.h>
#include <trace/events/task.h>

long sys_getpid(void)
{
	return task_tgid_nr(current);
}

long sys_gettid(void)
{
	return task_pid_nr(current);
}

/* The parent of the thread group, as the whole group sees it. */
long sys_getppid(void)
{
	return task_tgid_nr(current->real_parent);
}

long sys_getuid(void)
{
	return current->cred.uid;
}

long sys_geteuid(void)
{
	return current->cred.euid;
}

long sys_getgid(void)
{
	return current->cred.gid;
}

long sys_getegid(void)
{
	return current->cred.egid;
}

/*
 * change the user struct in a credentials set to match the new UID
 */
static int set_user(struct cred *new)
{
	struct user_struct *new_user = alloc_uid(new->uid);

	if (!new_user)
		return -EAGAIN;
	/*
	 * We don't fail in case of NPROC limit excess here because too many
	 * poorly written programs don't check set*uid() return code, assuming
	 * it never fails if called by root.  We may still enforce NPROC limit
	 * for programs doing set*uid()+execve() by harmlessly deferring the
	 * failure to the execve() stage.
	 */
	if (READ_ONCE(new_user->processes) >= task_rlimit(current, RLIMIT_NPROC) &&
	    new_user != INIT_USER)
		current->flags |= PF_NPROC_EXCEEDED;
	else
		current->flags &= ~PF_NPROC_EXCEEDED;
	free_uid(new->user);
	new->user = new_user;
	return 0;
}

/* (uid_t)-1 is no user: the "leave it" value of the set*id calls, and
 * invalid where an id is required (Linux's uid_valid/gid_valid). */
#define ID_UNCHANGED ((uid_t)-1)

/*
 * Unprivileged users may change the real gid to the effective gid
 * or vice versa.  (BSD-style)
 *
 * If you set the real gid at all, or set the effective gid to a value not
 * equal to the real gid, then the saved gid is set to the new effective gid.
 *
 * This makes it possible for a setgid program to completely drop its
 * privileges, which is often a useful assertion to make when you are doing
 * a security audit over a program.
 *
 * The general idea is that a program which uses just setregid() will be
 * 100% compatible with BSD.  A program which uses just setgid() will be
 * 100% compatible with POSIX with saved IDs.
 */
long sys_setregid(gid_t rgid, gid_t egid)
{
	const struct cred *old = &current->cred;
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (rgid != ID_UNCHANGED) {
		if (old->gid != rgid && old->egid != rgid && !capable(CAP_SETGID))
			goto error;
		new->gid = rgid;
	}
	if (egid != ID_UNCHANGED) {
		if (old->gid != egid && old->egid != egid && old->sgid != egid &&
		    !capable(CAP_SETGID))
			goto error;
		new->egid = egid;
	}
	if (rgid != ID_UNCHANGED || (egid != ID_UNCHANGED && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
error:
	abort_creds(new);
	return -EPERM;
}

/*
 * setgid() is implemented like SysV w/ SAVED_IDS
 */
long sys_setgid(gid_t gid)
{
	const struct cred *old = &current->cred;
	struct cred *new;

	if (gid == ID_UNCHANGED)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID)) {
		new->gid = new->egid = new->sgid = new->fsgid = gid;
	} else if (gid == old->gid || gid == old->sgid) {
		new->egid = new->fsgid = gid;
	} else {
		abort_creds(new);
		return -EPERM;
	}
	return commit_creds(new);
}

/*
 * Unprivileged users may change the real uid to the effective uid
 * or vice versa.  (BSD-style)
 *
 * If you set the real uid at all, or set the effective uid to a value not
 * equal to the real uid, then the saved uid is set to the new effective uid.
 */
long sys_setreuid(uid_t ruid, uid_t euid)
{
	const struct cred *old = &current->cred;
	struct cred *new = prepare_creds();
	int retval = -EPERM;

	if (!new)
		return -ENOMEM;
	if (ruid != ID_UNCHANGED) {
		new->uid = ruid;
		if (old->uid != ruid && old->euid != ruid && !capable(CAP_SETUID))
			goto error;
	}
	if (euid != ID_UNCHANGED) {
		new->euid = euid;
		if (old->uid != euid && old->euid != euid && old->suid != euid &&
		    !capable(CAP_SETUID))
			goto error;
	}
	if (new->uid != old->uid) {
		retval = set_user(new);
		if (retval < 0)
			goto error;
	}
	if (ruid != ID_UNCHANGED || (euid != ID_UNCHANGED && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);
error:
	abort_creds(new);
	return retval;
}

/*
 * setuid() is implemented like SysV with SAVED_IDS
 *
 * Note that SAVED_ID's is deficient in that a setuid root program
 * like sendmail, for example, cannot set its uid to be a normal
 * user and then switch back, because if you're root, setuid() sets
 * the saved uid too.  If you don't like this, blame the bright people
 * in the POSIX committee and/or USG.  Note that the BSD-style setreuid()
 * will allow a root program to temporarily drop privileges and be able to
 * regain them by swapping the real and effective uid.
 */
long sys_setuid(uid_t uid)
{
	const struct cred *old = &current->cred;
	struct cred *new;
	int retval = -EPERM;

	if (uid == ID_UNCHANGED)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETUID)) {
		new->suid = new->uid = uid;
		if (uid != old->uid) {
			retval = set_user(new);
			if (retval < 0)
				goto error;
		}
	} else if (uid != old->uid && uid != new->suid) {
		goto error;
	}
	new->fsuid = new->euid = uid;
	return commit_creds(new);
error:
	abort_creds(new);
	return retval;
}

/*
 * This function implements a generic ability to update ruid, euid,
 * and suid.  This allows you to implement the 4.4 compatible seteuid().
 */
long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = &current->cred;
	struct cred *new = prepare_creds();
	int retval = -EPERM;

	if (!new)
		return -ENOMEM;
	if (!capable(CAP_SETUID)) {
		if (ruid != ID_UNCHANGED && ruid != old->uid && ruid != old->euid &&
		    ruid != old->suid)
			goto error;
		if (euid != ID_UNCHANGED && euid != old->uid && euid != old->euid &&
		    euid != old->suid)
			goto error;
		if (suid != ID_UNCHANGED && suid != old->uid && suid != old->euid &&
		    suid != old->suid)
			goto error;
	}
	if (ruid != ID_UNCHANGED) {
		new->uid = ruid;
		if (ruid != old->uid) {
			retval = set_user(new);
			if (retval < 0)
				goto error;
		}
	}
	if (euid != ID_UNCHANGED)
		new->euid = euid;
	if (suid != ID_UNCHANGED)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
error:
	abort_creds(new);
	return retval;
}

long sys_getresuid(uid_t __user *ruidp, uid_t __user *euidp, uid_t __user *suidp)
{
	const struct cred *cred = &current->cred;

	if (put_user(cred->uid, ruidp) || put_user(cred->euid, euidp) ||
	    put_user(cred->suid, suidp))
		return -EFAULT;
	return 0;
}

/*
 * Same as above, but for rgid, egid, sgid.
 */
long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = &current->cred;
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (!capable(CAP_SETGID)) {
		if (rgid != ID_UNCHANGED && rgid != old->gid && rgid != old->egid &&
		    rgid != old->sgid)
			goto error;
		if (egid != ID_UNCHANGED && egid != old->gid && egid != old->egid &&
		    egid != old->sgid)
			goto error;
		if (sgid != ID_UNCHANGED && sgid != old->gid && sgid != old->egid &&
		    sgid != old->sgid)
			goto error;
	}
	if (rgid != ID_UNCHANGED)
		new->gid = rgid;
	if (egid != ID_UNCHANGED)
		new->egid = egid;
	if (sgid != ID_UNCHANGED)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
error:
	abort_creds(new);
	return -EPERM;
}

long sys_getresgid(gid_t __user *rgidp, gid_t __user *egidp, gid_t __user *sgidp)
{
	const struct cred *cred = &current->cred;

	if (put_user(cred->gid, rgidp) || put_user(cred->egid, egidp) ||
	    put_user(cred->sgid, sgidp))
		return -EFAULT;
	return 0;
}

/*
 * "setfsuid()" sets the fsuid - the uid used for filesystem checks. This
 * is used for "access()" and for the NFS daemon (letting nfsd stay at
 * whatever uid it wants to). It normally shadows "euid", except when
 * explicitly set by setfsuid() or for access..
 * RETURNS: the old fsuid, whether it changed or not.
 */
long sys_setfsuid(uid_t uid)
{
	const struct cred *old = &current->cred;
	uid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (uid == ID_UNCHANGED)
		return old_fsuid;
	new = prepare_creds();
	if (!new)
		return old_fsuid;
	if ((uid == old->uid || uid == old->euid || uid == old->suid || uid == old->fsuid ||
	     capable(CAP_SETUID)) && uid != old->fsuid) {
		new->fsuid = uid;
		commit_creds(new);
		return old_fsuid;
	}
	abort_creds(new);
	return old_fsuid;
}

/*
 * Samma på svenska..
 */
long sys_setfsgid(gid_t gid)
{
	const struct cred *old = &current->cred;
	gid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (gid == ID_UNCHANGED)
		return old_fsgid;
	new = prepare_creds();
	if (!new)
		return old_fsgid;
	if ((gid == old->gid || gid == old->egid || gid == old->sgid || gid == old->fsgid ||
	     capable(CAP_SETGID)) && gid != old->fsgid) {
		new->fsgid = gid;
		commit_creds(new);
		return old_fsgid;
	}
	abort_creds(new);
	return old_fsgid;
}

/*
 * This needs some heavy checking ...
 * I just haven't the stomach for it. I also don't fully
 * understand sessions/pgrp etc. Let somebody who does explain it.
 *
 * OK, I think I have the protection semantics right.... this is really
 * only important on a multi-user system anyway, to make sure one user
 * can't send a signal to a process owned by another.  -TYT, 12/12/91
 *
 * !PF_FORKNOEXEC check to conform completely to POSIX.
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p, *group_leader = current->group_leader;
	int err = -EINVAL;

	if (!pid)
		pid = task_pid_nr(group_leader);
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;

	write_lock_irq(&tasklist_lock);
	err = -ESRCH;
	p = find_task_by_vpid(pid);
	if (!p)
		goto out;
	err = -EINVAL;
	if (!thread_group_leader(p))
		goto out;
	if (p->real_parent->tgid == group_leader->tgid) {
		err = -EPERM;
		if (task_session_nr(p) != task_session_nr(group_leader))
			goto out;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out;
	} else {
		err = -ESRCH;
		if (p != group_leader)
			goto out;
	}
	err = -EPERM;
	if (task_session_nr(p) == p->pid) /* a session leader */
		goto out;
	if (pgid != pid) {
		struct task_struct *g;
		bool found = false;
		list_for_each_entry(g, &all_tasks, tasks) {
			if (task_pgrp_nr(g) == pgid && task_session_nr(g) == task_session_nr(group_leader)) {
				found = true;
				break;
			}
		}
		if (!found)
			goto out;
	}
	p->signal->pgrp = pgid;
	err = 0;
out:
	write_unlock_irq(&tasklist_lock);
	return err;
}

static long do_getpgid_or_sid(pid_t pid, bool sid)
{
	struct task_struct *p;
	long ret = -ESRCH;

	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	p = pid ? find_task_by_vpid(pid) : current;
	if (p)
		ret = sid ? task_session_nr(p) : task_pgrp_nr(p);
	read_unlock(&tasklist_lock);
	return ret;
}

long sys_getpgid(pid_t pid)
{
	return do_getpgid_or_sid(pid, false);
}

long sys_getpgrp(void)
{
	return task_pgrp_nr(current);
}

long sys_getsid(pid_t pid)
{
	return do_getpgid_or_sid(pid, true);
}

/* Become the leader of a new session and process group, with no
 * controlling terminal. A process group leader may not. */
long sys_setsid(void)
{
	struct task_struct *group_leader = current->group_leader, *p;
	pid_t sid = task_pid_nr(group_leader);
	long err = -EPERM;

	write_lock_irq(&tasklist_lock);
	/* Fail if a process group id already exists that equals the
	 * proposed session id. */
	list_for_each_entry(p, &all_tasks, tasks)
		if (task_pgrp_nr(p) == sid)
			goto out;
	group_leader->signal->session = sid;
	group_leader->signal->pgrp = sid;
	group_leader->signal->tty = NULL;
	err = sid;
out:
	write_unlock_irq(&tasklist_lock);
	return err;
}

/* The system's names (Linux's init_uts_ns.name): sysname, release, version
 * and machine are fixed, the host and domain names are root's to set. */
static struct new_utsname utsname = {
	.sysname = "Linux",
	.nodename = "raspberrypi",
	.release = "4.19.0-kestrel-" UTS_RELEASE,
	.version = "#1 SMP",
	.machine = "armv7l",
	.domainname = "(none)",
};
static DEFINE_SPINLOCK(uts_lock); /* Linux's uts_sem */

long sys_newuname(struct new_utsname __user *name)
{
	struct new_utsname u;

	spin_lock(&uts_lock);
	u = utsname;
	spin_unlock(&uts_lock);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* Set @field (nodename or domainname) to the @len bytes at @name. */
static long set_uts_name(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	spin_lock(&uts_lock);
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	spin_unlock(&uts_lock);
	return 0;
}

long sys_sethostname(char __user *name, int len)
{
	return set_uts_name(utsname.nodename, name, len);
}

long sys_setdomainname(char __user *name, int len)
{
	return set_uts_name(utsname.domainname, name, len);
}

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

/* Convert nice value [19,-20] to rlimit style value [1,40]. */
static long nice_to_rlimit(long nice)
{
	return MAX_NICE - nice + 1;
}

/* May current change p's nice value at all? Its owner may, or root. */
static bool set_one_prio_perm(struct task_struct *p)
{
	const struct cred *cred = &current->cred;
	struct cred pcred;
	bool ok;

	get_task_cred(p, &pcred);
	ok = pcred.uid == cred->euid || pcred.euid == cred->euid;
	put_cred(&pcred);
	return ok || capable(CAP_SYS_NICE);
}

/*
 * set the priority of a task
 * - the caller must hold tasklist_lock
 */
static int set_one_prio(struct task_struct *p, int niceval, int error)
{
	if (!set_one_prio_perm(p))
		return -EPERM;
	/* Lowering the nice value (more CPU) needs RLIMIT_NICE room or root. */
	if (niceval < task_nice(p) && !can_nice(p, niceval))
		return -EACCES;
	if (error == -ESRCH)
		error = 0;
	set_user_nice(p, niceval);
	return error;
}

/* Does @p belong to the set @which/@who names? @who is already resolved
 * (0 replaced by the caller's pid, process group or uid). */
static bool prio_match(struct task_struct *p, int which, int who)
{
	switch (which) {
	case PRIO_PROCESS:
		return p->pid == who;
	case PRIO_PGRP:
		return task_pgrp_nr(p) == who;
	default:
		return p->cred.uid == (uid_t)who && p->pid;
	}
}

/* Resolve @who 0 to the caller's own. RETURNS: false for a bad @which. */
static bool prio_who(int which, int *who)
{
	if (which > PRIO_USER || which < PRIO_PROCESS)
		return false;
	if (!*who)
		*who = which == PRIO_PROCESS ? task_pid_nr(current) :
		       which == PRIO_PGRP ? task_pgrp_nr(current) : (int)current->cred.uid;
	return true;
}

/* Every task (thread) of the process, process group or user @which and
 * @who name gets nice value @niceval. RETURNS: 0, -ESRCH if there is none,
 * or the last -EPERM/-EACCES. */
long sys_setpriority(int which, int who, int niceval)
{
	struct task_struct *g, *p;
	int error = -ESRCH;

	if (!prio_who(which, &who))
		return -EINVAL;
	/* normalize: avoid signed division (rounding problems) */
	if (niceval < MIN_NICE)
		niceval = MIN_NICE;
	if (niceval > MAX_NICE)
		niceval = MAX_NICE;
	read_lock(&tasklist_lock);
	list_for_each_entry(g, &all_tasks, tasks)
		for_each_thread(g, p)
			if (prio_match(p, which, who))
				error = set_one_prio(p, niceval, error);
	read_unlock(&tasklist_lock);
	return error;
}

/*
 * Ugh. To avoid negative return values, "getpriority()" will
 * not return the normal nice-value, but a negated value that
 * has been offset by 20 (ie it returns 40..1 instead of -20..19)
 * to stay compatible.
 */
long sys_getpriority(int which, int who)
{
	struct task_struct *g, *p;
	long retval = -ESRCH;

	if (!prio_who(which, &who))
		return -EINVAL;
	read_lock(&tasklist_lock);
	list_for_each_entry(g, &all_tasks, tasks) {
		for_each_thread(g, p) {
			if (prio_match(p, which, who)) {
				long niceval = nice_to_rlimit(task_nice(p));

				if (niceval > retval)
					retval = niceval;
			}
		}
	}
	read_unlock(&tasklist_lock);
	return retval;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit value;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	value = current->signal->rlim[resource];
	return copy_to_user(rlim, &value, sizeof(value)) ? -EFAULT : 0;
}

/* Only root may raise a hard limit (CAP_SYS_RESOURCE), and nobody past
 * the most files a process may ever have open (Linux's sysctl_nr_open). */
#define NR_OPEN_MAX (1024 * 1024)

/*
 * make sure you are allowed to change @tsk limits before calling this
 * CONTEXT: @tsk pinned (current, or a reference). RETURNS: 0, -EINVAL,
 * -EPERM, or -ESRCH if @tsk has been released meanwhile.
 */
static int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim,
		      struct rlimit *old_rlim)
{
	struct rlimit *rlim;
	unsigned long flags;
	int retval = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}

	/* protect tsk->signal and tsk->sighand from disappearing */
	read_lock(&tasklist_lock);
	if (!tsk->sighand) {
		retval = -ESRCH;
		goto out;
	}
	rlim = tsk->signal->rlim + resource;
	spin_lock_irqsave(&tsk->group_leader->alloc_lock, flags);
	if (new_rlim) {
		if (new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
			retval = -EPERM;
		/*
		 * The caller is asking for an immediate RLIMIT_CPU expiry.
		 * But we use the zero value to mean "it was never set". So
		 * let's cheat and make it one second instead.
		 */
		if (resource == RLIMIT_CPU && new_rlim->rlim_cur == 0)
			new_rlim->rlim_cur = 1;
	}
	if (!retval) {
		if (old_rlim)
			*old_rlim = *rlim;
		if (new_rlim)
			*rlim = *new_rlim;
	}
	spin_unlock_irqrestore(&tsk->group_leader->alloc_lock, flags);
out:
	read_unlock(&tasklist_lock);
	return retval;
}

long sys_setrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit new_rlim;

	if (copy_from_user(&new_rlim, rlim, sizeof(*rlim)))
		return -EFAULT;
	return do_prlimit(current, resource, &new_rlim, NULL);
}

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

static unsigned long rlim64_to_rlim(u64 v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static u64 rlim_to_rlim64(unsigned long v)
{
	return v == RLIM_INFINITY ? ~0ULL : v;
}

/* Another task's limits are read or set only by a task of exactly its
 * user and group, or by root (CAP_SYS_RESOURCE). CONTEXT: tasklist_lock
 * held. RETURNS: 0 or -EPERM. */
static int check_prlimit_permission(struct task_struct *task)
{
	const struct cred *cred = &current->cred;
	struct cred tcred;
	bool id_match;

	if (current == task)
		return 0;
	get_task_cred(task, &tcred);
	id_match = cred->uid == tcred.euid && cred->uid == tcred.suid && cred->uid == tcred.uid &&
		   cred->gid == tcred.egid && cred->gid == tcred.sgid && cred->gid == tcred.gid;
	put_cred(&tcred);
	if (!id_match && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	return 0;
}

long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim)
{
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	struct task_struct *tsk;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = rlim64_to_rlim(new64.rlim_cur);
		new.rlim_max = rlim64_to_rlim(new64.rlim_max);
	}
	read_lock(&tasklist_lock); /* Linux: rcu_read_lock() */
	tsk = pid ? find_task_by_vpid(pid) : current;
	if (!tsk) {
		read_unlock(&tasklist_lock);
		return -ESRCH;
	}
	ret = check_prlimit_permission(tsk);
	if (ret) {
		read_unlock(&tasklist_lock);
		return ret;
	}
	get_task_struct(tsk);
	read_unlock(&tasklist_lock);

	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim) {
		old64.rlim_cur = rlim_to_rlim64(old.rlim_cur);
		old64.rlim_max = rlim_to_rlim64(old.rlim_max);
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	put_task_struct(tsk);
	return ret;
}

static long ns_to_clock_t(u64 ns)
{
	return div_u64(ns, NSEC_PER_SEC / 100); /* USER_HZ = 100 */
}

long sys_times(struct tms __user *tbuf)
{
	if (tbuf) {
		struct signal_struct *sig = current->signal;
		long tms[4] = {
			ns_to_clock_t(current->utime + sig->utime),
			ns_to_clock_t(current->stime + sig->stime),
			ns_to_clock_t(sig->cutime),
			ns_to_clock_t(sig->cstime),
		};
		if (copy_to_user(tbuf, tms, sizeof(tms)))
			return -EFAULT;
	}
	return ns_to_clock_t(local_clock());
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	long r[18] = { 0 };
	u64 utime, stime;

	if (who == 0) { /* RUSAGE_SELF */
		utime = current->utime + current->signal->utime;
		stime = current->stime + current->signal->stime;
	} else if (who == -1) { /* RUSAGE_CHILDREN */
		utime = current->signal->cutime;
		stime = current->signal->cstime;
	} else {
		return -EINVAL;
	}
	r[0] = utime / NSEC_PER_SEC;
	r[1] = (utime % NSEC_PER_SEC) / 1000;
	r[2] = stime / NSEC_PER_SEC;
	r[3] = (stime % NSEC_PER_SEC) / 1000;
	return copy_to_user(ru, r, sizeof(r)) ? -EFAULT : 0;
}

long sys_sysinfo(struct sysinfo __user *info)
{
	/* Linux's struct sysinfo on 32-bit ARM: 64 bytes. */
	struct {
		long uptime;
		unsigned long loads[3];
		unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
		unsigned short procs, pad;
		unsigned long totalhigh, freehigh;
		unsigned int mem_unit;
		char _f[8];
	} s;

	memset(&s, 0, sizeof(s));
	s.uptime = local_clock() / NSEC_PER_SEC;
	get_avenrun(s.loads, 0, SI_LOAD_SHIFT - FSHIFT);
	s.totalram = totalram_pages;
	s.freeram = nr_free_pages();
	s.procs = nr_threads;
	s.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &s, sizeof(s)) ? -EFAULT : 0;
}

#define PR_SET_PDEATHSIG 1
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_NAME 15
#define PR_GET_NAME 16

void set_task_comm(struct task_struct *tsk, const char *buf)
{
	spin_lock_irq(&tsk->alloc_lock);
	trace_task_rename(tsk, buf);
	strlcpy(tsk->comm, buf, sizeof(tsk->comm));
	spin_unlock_irq(&tsk->alloc_lock);
}

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_GET_DUMPABLE:
		return get_dumpable(current->mm);
	case PR_SET_DUMPABLE:
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		set_dumpable(current->mm, arg2);
		return 0;
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		memcpy(comm, current->comm, sizeof(comm));
		return copy_to_user((char __user *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}

/* Random bytes: a xorshift generator seeded from the counter. Not
 * cryptographic (Linux's is): enough for AT_RANDOM and for tests. */
static u64 random_state;

u32 get_random_u32(void)
{
	u64 x = random_state ? random_state : local_clock() | 1;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	random_state = x;
	return (u32)(x >> 16);
}

/* Linux's extract_crng_user(): a block at a time; a large request stops at
 * a pending signal when it is time to reschedule. RETURNS: the bytes copied,
 * -EFAULT if any block could not be (even after others were, as Linux), or
 * -ERESTARTSYS when a signal came first. */
#define CHACHA20_BLOCK_SIZE 64
static ssize_t extract_crng_user(void __user *buf, size_t nbytes)
{
	ssize_t ret = 0, i;
	u32 tmp[CHACHA20_BLOCK_SIZE / 4];
	int large_request = (nbytes > 256);

	while (nbytes) {
		if (large_request && need_resched()) {
			if (signal_pending(current)) {
				if (ret == 0)
					ret = -ERESTARTSYS;
				break;
			}
			schedule();
		}
		for (i = 0; i < CHACHA20_BLOCK_SIZE / 4; i++)
			tmp[i] = get_random_u32();
		i = min_t(size_t, nbytes, CHACHA20_BLOCK_SIZE);
		if (copy_to_user(buf, tmp, i)) {
			ret = -EFAULT;
			break;
		}
		nbytes -= i;
		buf += i;
		ret += i;
	}
	return ret;
}

long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	if (flags & ~3u) /* GRND_NONBLOCK | GRND_RANDOM */
		return -EINVAL;
	if (count > INT_MAX)
		count = INT_MAX;
	return extract_crng_user(buf, count);
}

/*
 * Reboot system call: for obvious reasons only root may call it,
 * and even root needs to set up some magic numbers in the registers
 * so that some mistake won't make this reboot the whole machine.
 * You can also set the meaning of the ctrl-alt-del-key here.
 */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	/* We only trust the superuser with rebooting the system. */
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	/* For safety, we require "magic" arguments. */
	if (magic1 != (int)LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;

	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
