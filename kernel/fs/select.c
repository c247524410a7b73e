/* poll(), ppoll(), select() and pselect6(): ask each file which events it
 * has; if none, sleep on every wait queue the files named until one of
 * them is woken, a signal arrives or the timeout passes (Linux's
 * fs/select.c do_sys_poll, poll_wqueues, core_sys_select). select() is
 * done here by poll(): its bitmaps become a pollfd array and back. */
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/signal.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timer.h>
#include <asm/uaccess.h>

/* Files register at most this many wait queues each (a tty: read and write). */
#define POLL_QUEUES_PER_FD 2
#define POLL_MAX_FDS 1024

struct poll_wqueues;

struct poll_table_entry {
	struct file *filp;
	struct wait_queue_entry wait; /* private: the poller */
	wait_queue_head_t *wait_address;
	struct poll_wqueues *pwq;
};

/* The poller's wait queue entries (Linux's struct poll_wqueues). */
struct poll_wqueues {
	poll_table pt;
	int triggered; /* a queue was woken since the last scan */
	int nr, max;
	struct poll_table_entry *entries;
};

/* A wake-up on one of the queues: note it and wake the poller. */
static int pollwake(struct wait_queue_entry *wait, unsigned mode, int sync, void *key)
{
	struct poll_table_entry *entry = container_of(wait, struct poll_table_entry, wait);

	WRITE_ONCE(entry->pwq->triggered, 1);
	smp_wmb();
	return default_wake_function(wait, mode, sync, key);
}

/* poll_wait()'s callback: queue the poller on @wait_address. */
static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry;

	if (pwq->nr == pwq->max)
		return; /* no room: the timeout still ends the wait */
	entry = &pwq->entries[pwq->nr++];
	entry->filp = get_file(filp);
	entry->wait_address = wait_address;
	entry->pwq = pwq;
	init_wait_entry(&entry->wait, 0);
	entry->wait.func = pollwake;
	add_wait_queue(wait_address, &entry->wait);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	int i;

	for (i = 0; i < pwq->nr; i++) {
		remove_wait_queue(pwq->entries[i].wait_address, &pwq->entries[i].wait);
		fput(pwq->entries[i].filp);
	}
	kfree(pwq->entries);
}

/* One descriptor's events: POLLNVAL if it is not open. */
static short do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	struct file *file;
	__poll_t mask;

	if (pfd->fd < 0)
		return 0;
	file = fget(pfd->fd);
	if (!file)
		return POLLNVAL;
	mask = file->f_op->poll ? file->f_op->poll(file, pt) : DEFAULT_POLLMASK;
	fput(file);
	return mask & (pfd->events | POLLERR | POLLHUP);
}

/**
 * do_poll - scan until an event, a signal or the timeout
 * @timeout: in jiffies, MAX_SCHEDULE_TIMEOUT for none, 0 to only scan;
 *	left with what remains of it
 * RETURNS: the number of descriptors with events, or -ERESTARTNOHAND
 * (a signal; it becomes EINTR if a handler runs).
 */
static int do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait,
		   long *timeout)
{
	poll_table *pt = &wait->pt;

	for (;;) {
		unsigned int i;
		int count = 0;

		for (i = 0; i < nfds; i++) {
			fds[i].revents = do_pollfd(&fds[i], pt);
			if (fds[i].revents)
				count++;
		}
		pt->_qproc = NULL; /* registered once, on the first scan */
		if (count || !*timeout)
			return count;
		if (signal_pending(current))
			return -ERESTARTNOHAND;
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(wait->triggered))
			*timeout = schedule_timeout(*timeout);
		__set_current_state(TASK_RUNNING);
		WRITE_ONCE(wait->triggered, 0);
		smp_mb();
	}
}

/* Poll @nfds kernel pollfds (do_sys_poll without the copies). @timeout:
 * jiffies, left with what remains. RETURNS: as do_poll, or -ENOMEM. */
static long do_sys_poll(struct pollfd *fds, unsigned int nfds, long *timeout)
{
	struct poll_wqueues table = { .pt._qproc = __pollwait };
	long ret;

	table.max = nfds * POLL_QUEUES_PER_FD;
	table.entries = kmalloc_array(table.max ? table.max : 1, sizeof(*table.entries),
				      GFP_KERNEL);
	if (!table.entries)
		return -ENOMEM;
	ret = do_poll(fds, nfds, &table, timeout);
	poll_freewait(&table);
	return ret;
}

/* A user timespec (NULL: no timeout) as jiffies. RETURNS: 0 or -errno. */
static int timespec_to_timeout(const struct timespec __user *tsp, long *timeout)
{
	struct timespec ts;

	*timeout = MAX_SCHEDULE_TIMEOUT;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	/* Beyond what a jiffies count holds is as good as forever. */
	if (ts.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1)
		return 0;
	*timeout = nsecs_to_jiffies((u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec);
	return 0;
}

/* Write back the time left of a timeout that was given (Linux's
 * poll_select_copy_remaining). An -EFAULT here changes no result. */
static void copy_remaining(void __user *tp, long timeout, bool timeval)
{
	u64 ns = (u64)timeout * TICK_NSEC;
	u32 rem;
	u32 sec = div_u64_rem(ns, NSEC_PER_SEC, &rem);

	if (!tp || timeout == MAX_SCHEDULE_TIMEOUT)
		return;
	if (timeval) {
		struct timeval tv = { .tv_sec = sec, .tv_usec = rem / NSEC_PER_USEC };

		if (copy_to_user(tp, &tv, sizeof(tv)))
			return;
	} else {
		struct timespec ts = { .tv_sec = sec, .tv_nsec = rem };

		if (copy_to_user(tp, &ts, sizeof(ts)))
			return;
	}
}

/* Install the sigmask of ppoll()/pselect6() for the call; the old one
 * comes back on return (restore_saved_sigmask), unless a signal arrived
 * and its handler must run under the call's mask first. */
static int set_user_sigmask(const sigset_t __user *usigmask, size_t sigsetsize)
{
	sigset_t kmask;

	if (!usigmask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, usigmask, sizeof(kmask)))
		return -EFAULT;
	sigdelsetmask(&kmask, sigmask(SIGKILL) | sigmask(SIGSTOP));
	current->saved_sigmask = current->blocked;
	set_current_blocked(&kmask);
	return 0;
}

static void restore_user_sigmask(const void __user *usigmask, long ret)
{
	if (!usigmask)
		return;
	/* A signal interrupted us: keep the call's mask until its handler
	 * runs (do_signal restores the saved one). */
	if (ret == -ERESTARTNOHAND && signal_pending(current)) {
		set_restore_sigmask();
		return;
	}
	set_current_blocked(&current->saved_sigmask);
}

/* poll()/ppoll() on a user array. RETURNS: as do_poll, or -errno. */
static long poll_user(struct pollfd __user *ufds, unsigned int nfds, long *timeout)
{
	struct pollfd *fds;
	unsigned int i;
	long ret;

	if (nfds > POLL_MAX_FDS || nfds > task_rlimit(current, RLIMIT_NOFILE))
		return -EINVAL;
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (!copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		ret = do_sys_poll(fds, nfds, timeout);
		for (i = 0; ret >= 0 && i < nfds; i++)
			if (put_user(fds[i].revents, &ufds[i].revents))
				ret = -EFAULT;
	}
	kfree(fds);
	return ret;
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs)
{
	long timeout = timeout_msecs < 0 ? MAX_SCHEDULE_TIMEOUT
					 : (long)nsecs_to_jiffies((u64)timeout_msecs * 1000000);

	return poll_user(ufds, nfds, &timeout);
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct timespec __user *tsp,
	       const sigset_t __user *sigmask, size_t sigsetsize)
{
	long timeout, ret = timespec_to_timeout(tsp, &timeout);

	if (ret)
		return ret;
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = poll_user(ufds, nfds, &timeout);
	restore_user_sigmask(sigmask, ret);
	/* ppoll is not restarted after a handler: EINTR (Linux's
	 * ERESTARTNOHAND). */
	copy_remaining(tsp, timeout, false);
	return ret;
}

#define POLLIN_SET (POLLRDNORM | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET POLLPRI
#define FDS_BYTES(nfds) (DIV_ROUND_UP(nfds, 32) * 4)

/*
 * select() for @n descriptors: the three user bitmaps (NULL for none) in
 * and out. A descriptor named in a set must be open (-EBADF). RETURNS:
 * the number of bits left set, or -errno (Linux's core_sys_select).
 */
static long core_sys_select(int n, u32 __user *inp, u32 __user *outp, u32 __user *exp,
			    long *timeout)
{
	u32 __user *uset[3] = { inp, outp, exp };
	u32 *bits, *res;
	struct pollfd *fds;
	unsigned int nr = 0, i, k;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > POLL_MAX_FDS)
		n = POLL_MAX_FDS;
	bits = kzalloc(6 * FDS_BYTES(n) + 4, GFP_KERNEL);
	fds = kmalloc_array(n ? n : 1, sizeof(*fds), GFP_KERNEL);
	ret = -ENOMEM;
	if (!bits || !fds)
		goto out;
	res = bits + 3 * (FDS_BYTES(n) / 4);
	ret = -EFAULT;
	for (k = 0; k < 3; k++)
		if (uset[k] && copy_from_user(bits + k * (FDS_BYTES(n) / 4), uset[k], FDS_BYTES(n)))
			goto out;
	for (i = 0; i < (unsigned int)n; i++) {
		short events = 0;

		for (k = 0; k < 3; k++)
			if (bits[k * (FDS_BYTES(n) / 4) + i / 32] & (1u << (i % 32)))
				events |= k == 0 ? POLLIN_SET : k == 1 ? POLLOUT_SET : POLLEX_SET;
		if (!events)
			continue;
		fds[nr].fd = i;
		fds[nr].events = events;
		nr++;
	}
	ret = do_sys_poll(fds, nr, timeout);
	if (ret < 0)
		goto out;
	ret = 0;
	for (i = 0; i < nr; i++) {
		unsigned int fd = fds[i].fd;
		short got = fds[i].revents;

		if (got & POLLNVAL) {
			ret = -EBADF;
			goto out;
		}
		for (k = 0; k < 3; k++) {
			short want = k == 0 ? POLLIN_SET : k == 1 ? POLLOUT_SET : POLLEX_SET;

			if ((bits[k * (FDS_BYTES(n) / 4) + fd / 32] & (1u << (fd % 32))) &&
			    (got & want)) {
				res[k * (FDS_BYTES(n) / 4) + fd / 32] |= 1u << (fd % 32);
				ret++;
			}
		}
	}
	for (k = 0; k < 3; k++)
		if (uset[k] && copy_to_user(uset[k], res + k * (FDS_BYTES(n) / 4), FDS_BYTES(n))) {
			ret = -EFAULT;
			break;
		}
out:
	kfree(fds);
	kfree(bits);
	return ret;
}

/* _newselect (NR 142): the timeout is a timeval, updated with what is left. */
long sys_select(int n, u32 __user *inp, u32 __user *outp, u32 __user *exp,
		struct timeval __user *tvp)
{
	long timeout = MAX_SCHEDULE_TIMEOUT, ret;
	struct timeval tv;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		/* Linux rounds up a tv_usec of a second or more into seconds. */
		tv.tv_sec += tv.tv_usec / USEC_PER_SEC;
		tv.tv_usec %= USEC_PER_SEC;
		if (tv.tv_sec < MAX_SCHEDULE_TIMEOUT / HZ - 1)
			timeout = nsecs_to_jiffies((u64)tv.tv_sec * NSEC_PER_SEC +
						   (u64)tv.tv_usec * NSEC_PER_USEC);
	}
	ret = core_sys_select(n, inp, outp, exp, &timeout);
	copy_remaining(tvp, timeout, true);
	return ret;
}

/* pselect6's sixth argument: the sigmask and its size, in user memory. */
struct sigset_argpack {
	sigset_t __user *p;
	size_t size;
};

long sys_pselect6(int n, u32 __user *inp, u32 __user *outp, u32 __user *exp,
		  struct timespec __user *tsp, void __user *sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	long timeout, ret = timespec_to_timeout(tsp, &timeout);

	if (ret)
		return ret;
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, &timeout);
	restore_user_sigmask(pack.p, ret);
	copy_remaining(tsp, timeout, false);
	return ret;
}
