/* Small syscalls about the process and the system (Linux's kernel/sys.c,
 * kernel/uid16.c and kernel/reboot.c): ids, process groups and sessions,
 * uname, resource limits, times, prctl and reboot. */
#include <linux/errno.h>
#include <linux/fs_struct.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <uapi/linux/reboot.h>
#include <uapi/linux/utsname.h>
#include <asm/uaccess.h>

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

long sys_getresuid(uid_t __user *ruidp, uid_t __user *euidp, uid_t __user *suidp)
{
	if (put_user(current->cred.uid, ruidp) || put_user(current->cred.euid, euidp) ||
	    put_user(current->cred.suid, suidp))
		return -EFAULT;
	return 0;
}

long sys_getresgid(gid_t __user *rgidp, gid_t __user *egidp, gid_t __user *sgidp)
{
	if (put_user(current->cred.gid, rgidp) || put_user(current->cred.egid, egidp) ||
	    put_user(current->cred.sgid, sgidp))
		return -EFAULT;
	return 0;
}

/* setuid: root may become anyone; others only their real or saved uid.
 * (The kernel tracks uids so that kill's permission check is real.) */
long sys_setuid(uid_t uid)
{
	struct cred *cred = &current->cred;
	struct user_struct *new_user;

	if (cred->euid != 0 && uid != cred->uid && uid != cred->suid)
		return -EPERM;
	new_user = alloc_uid(uid);
	if (!new_user)
		return -EAGAIN;
	if (cred->euid == 0)
		cred->uid = cred->suid = uid;
	cred->euid = uid;
	free_uid(current->user);
	current->user = new_user;
	return 0;
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
	unsigned long flags;
	int err = -EINVAL;

	if (!pid)
		pid = task_pid_nr(group_leader);
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;

	spin_lock_irqsave(&tasklist_lock, flags);
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
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

static long do_getpgid_or_sid(pid_t pid, bool sid)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid ? find_task_by_vpid(pid) : current;
	if (p)
		ret = sid ? task_session_nr(p) : task_pgrp_nr(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
	unsigned long flags;
	long err = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
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
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* What uname reports: Linux's ABI, with our release and machine. */
long sys_newuname(struct new_utsname __user *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, "raspberrypi", sizeof(u.nodename));
	strlcpy(u.release, "4.19.0-kestrel-" UTS_RELEASE, sizeof(u.release));
	strlcpy(u.version, "#1 SMP", sizeof(u.version));
	strlcpy(u.machine, "armv7l", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit value;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	value = current->signal->rlim[resource];
	return copy_to_user(rlim, &value, sizeof(value)) ? -EFAULT : 0;
}

/* Raising a hard limit needs root, as in Linux. */
static int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim,
		      struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim && new_rlim->rlim_cur > new_rlim->rlim_max)
		return -EINVAL;
	rlim = &tsk->signal->rlim[resource];
	spin_lock_irq(&tsk->sighand->siglock);
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && current->cred.euid != 0) {
		spin_unlock_irq(&tsk->sighand->siglock);
		return -EPERM;
	}
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	spin_unlock_irq(&tsk->sighand->siglock);
	return 0;
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

long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim)
{
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	struct task_struct *tsk = current;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = rlim64_to_rlim(new64.rlim_cur);
		new.rlim_max = rlim64_to_rlim(new64.rlim_max);
	}
	if (pid && pid != task_tgid_nr(current)) {
		unsigned long flags;
		spin_lock_irqsave(&tasklist_lock, flags);
		tsk = find_task_by_vpid(pid);
		if (tsk && current->cred.euid != 0 && tsk->cred.uid != current->cred.uid)
			tsk = ERR_PTR(-EPERM);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!tsk)
			return -ESRCH;
		if (IS_ERR(tsk))
			return PTR_ERR(tsk);
	}
	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim) {
		old64.rlim_cur = rlim_to_rlim64(old.rlim_cur);
		old64.rlim_max = rlim_to_rlim64(old.rlim_max);
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
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
	s.totalram = totalram_pages;
	s.freeram = nr_free_pages();
	s.procs = nr_threads;
	s.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &s, sizeof(s)) ? -EFAULT : 0;
}

#define PR_SET_PDEATHSIG 1
#define PR_SET_NAME 15
#define PR_GET_NAME 16

void set_task_comm(struct task_struct *tsk, const char *buf)
{
	spin_lock_irq(&tsk->alloc_lock);
	strlcpy(tsk->comm, buf, sizeof(tsk->comm));
	spin_unlock_irq(&tsk->alloc_lock);
}

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
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

long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	size_t done = 0;

	if (flags & ~3u) /* GRND_NONBLOCK | GRND_RANDOM */
		return -EINVAL;
	while (done < count) {
		u32 r = get_random_u32();
		size_t n = min(count - done, sizeof(r));
		if (copy_to_user(buf + done, &r, n))
			return -EFAULT;
		done += n;
	}
	return done;
}

/*
 * Reboot system call: for obvious reasons only root may call it,
 * and even root needs to set up some magic numbers in the registers
 * so that some mistake won't make this reboot the whole machine.
 * You can also set the meaning of the ctrl-alt-del-key here.
 */
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if (current->cred.euid != 0)
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
