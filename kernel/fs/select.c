/* poll(): ask each file which events it has; if none, sleep on every wait
 * queue the files named until one of them is woken, a signal arrives or
 * the timeout passes (Linux's fs/select.c do_sys_poll, poll_wqueues). */
#include <linux/file.h>
#include <linux/fs.h>
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
 * @timeout: in jiffies, MAX_SCHEDULE_TIMEOUT for none, 0 to only scan
 * RETURNS: the number of descriptors with events, or -ERESTARTNOHAND
 * (a signal; it becomes EINTR if a handler runs).
 */
static int do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait, long timeout)
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
		if (count || !timeout)
			return count;
		if (signal_pending(current))
			return -ERESTARTNOHAND;
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(wait->triggered))
			timeout = schedule_timeout(timeout);
		__set_current_state(TASK_RUNNING);
		WRITE_ONCE(wait->triggered, 0);
		smp_mb();
	}
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs)
{
	struct poll_wqueues table = { .pt._qproc = __pollwait };
	struct pollfd *fds;
	long timeout, ret;
	unsigned int i;

	if (nfds > POLL_MAX_FDS || nfds > task_rlimit(current, RLIMIT_NOFILE))
		return -EINVAL;
	timeout = timeout_msecs < 0 ? MAX_SCHEDULE_TIMEOUT
				    : (long)nsecs_to_jiffies((u64)timeout_msecs * 1000000);
	fds = kmalloc_array(nfds ? nfds : 1, sizeof(*fds), GFP_KERNEL);
	table.max = nfds * POLL_QUEUES_PER_FD;
	table.entries = kmalloc_array(table.max ? table.max : 1, sizeof(*table.entries),
				      GFP_KERNEL);
	if (!fds || !table.entries) {
		kfree(fds);
		kfree(table.entries);
		return -ENOMEM;
	}
	ret = -EFAULT;
	if (!copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		ret = do_poll(fds, nfds, &table, timeout);
		for (i = 0; ret >= 0 && i < nfds; i++)
			if (put_user(fds[i].revents, &ufds[i].revents))
				ret = -EFAULT;
	}
	poll_freewait(&table);
	kfree(fds);
	return ret;
}
