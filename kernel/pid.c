/* Process IDs (Linux's kernel/pid.c, without namespaces or struct pid):
 * a bitmap of pids in use, allocated upwards from the last one and
 * wrapping at PID_MAX as Linux does, and a hash from pid to task.
 * CONTEXT: attach/detach/find run under tasklist_lock. */
#include <linux/errno.h>
#include <linux/sched.h>

#define PIDHASH_SIZE 256

static DEFINE_SPINLOCK(pidmap_lock);
static unsigned long pidmap[PID_MAX / (8 * sizeof(unsigned long))];
static pid_t last_pid;
static struct task_struct *pid_hash[PIDHASH_SIZE];

static bool pidmap_test_and_set(pid_t nr)
{
	unsigned long bit = 1UL << (nr % (8 * sizeof(unsigned long)));
	unsigned long *word = &pidmap[nr / (8 * sizeof(unsigned long))];
	bool was = *word & bit;

	*word |= bit;
	return was;
}

/* RETURNS: a free pid (never 0), or -EAGAIN when all are in use. */
pid_t alloc_pid(void)
{
	unsigned long flags;
	pid_t nr = -EAGAIN;
	int i;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (i = 0; i < PID_MAX; i++) {
		pid_t candidate = last_pid + 1 + i;
		if (candidate >= PID_MAX)
			candidate = candidate - PID_MAX + 300; /* Linux's RESERVED_PIDS */
		if (candidate <= 0 || candidate >= PID_MAX)
			continue;
		if (!pidmap_test_and_set(candidate)) {
			nr = last_pid = candidate;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return nr;
}

void free_pid(pid_t nr)
{
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	pidmap[nr / (8 * sizeof(unsigned long))] &= ~(1UL << (nr % (8 * sizeof(unsigned long))));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

void attach_pid(struct task_struct *p)
{
	struct task_struct **head = &pid_hash[p->pid % PIDHASH_SIZE];

	p->pid_next = *head;
	*head = p;
}

void detach_pid(struct task_struct *p)
{
	struct task_struct **pp;

	for (pp = &pid_hash[p->pid % PIDHASH_SIZE]; *pp; pp = &(*pp)->pid_next) {
		if (*pp == p) {
			*pp = p->pid_next;
			break;
		}
	}
}

struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	if (nr <= 0)
		return NULL;
	for (p = pid_hash[nr % PIDHASH_SIZE]; p; p = p->pid_next)
		if (p->pid == nr)
			return p;
	return NULL;
}
