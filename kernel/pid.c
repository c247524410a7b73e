/* Process IDs (Linux's kernel/pid.c, without namespaces; see
 * include/linux/pid.h): a bitmap of the numbers in use, allocated upwards
 * from the last one and wrapping at PID_MAX as Linux does, and a hash from
 * number to struct pid. */
#include <linux/errno.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>

#define PIDHASH_SIZE 256

static DEFINE_SPINLOCK(pidmap_lock); /* the bitmap, last_pid and the hash */
static unsigned long pidmap[PID_MAX / (8 * sizeof(unsigned long))];
static pid_t last_pid;
static struct pid *pid_hash[PIDHASH_SIZE];
static struct kmem_cache *pid_cachep;

struct pid init_struct_pid = { .count = 1, .nr = 0 };

static bool pidmap_test_and_set(pid_t nr)
{
	unsigned long bit = 1UL << (nr % (8 * sizeof(unsigned long)));
	unsigned long *word = &pidmap[nr / (8 * sizeof(unsigned long))];
	bool was = *word & bit;

	*word |= bit;
	return was;
}

void put_pid(struct pid *pid)
{
	if (pid && __atomic_sub_fetch(&pid->count, 1, __ATOMIC_SEQ_CST) == 0)
		kmem_cache_free(pid_cachep, pid);
}

struct pid *alloc_pid(void)
{
	struct pid *pid = kmem_cache_zalloc(pid_cachep, GFP_KERNEL);
	unsigned long flags;
	int i;

	if (!pid)
		return ERR_PTR(-ENOMEM);
	pid->count = 1;
	spin_lock_irqsave(&pidmap_lock, flags);
	for (i = 0; i < PID_MAX; i++) {
		pid_t candidate = last_pid + 1 + i;
		if (candidate >= PID_MAX)
			candidate = candidate - PID_MAX + 300; /* Linux's RESERVED_PIDS */
		if (candidate <= 0 || candidate >= PID_MAX)
			continue;
		if (!pidmap_test_and_set(candidate)) {
			pid->nr = last_pid = candidate;
			pid->hash_next = pid_hash[candidate % PIDHASH_SIZE];
			pid_hash[candidate % PIDHASH_SIZE] = pid;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	if (!pid->nr) {
		kmem_cache_free(pid_cachep, pid);
		return ERR_PTR(-EAGAIN);
	}
	return pid;
}

/* CONTEXT: tasklist_lock write-locked, so that no find_vpid() user still
 * holds it. */
void free_pid(struct pid *pid)
{
	struct pid **pp;
	unsigned long flags;
	pid_t nr = pid->nr;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (pp = &pid_hash[nr % PIDHASH_SIZE]; *pp; pp = &(*pp)->hash_next) {
		if (*pp == pid) {
			*pp = pid->hash_next;
			break;
		}
	}
	pidmap[nr / (8 * sizeof(unsigned long))] &= ~(1UL << (nr % (8 * sizeof(unsigned long))));
	spin_unlock_irqrestore(&pidmap_lock, flags);
	put_pid(pid);
}

static struct pid **task_pid_ptr(struct task_struct *task, enum pid_type type)
{
	return type == PIDTYPE_PID ? &task->thread_pid : &task->signal->pids[type];
}

void attach_pid(struct task_struct *task, enum pid_type type)
{
	struct pid *pid = *task_pid_ptr(task, type);

	pid->tasks[type] = task;
}

static void __change_pid(struct task_struct *task, enum pid_type type, struct pid *new)
{
	struct pid **pid_ptr = task_pid_ptr(task, type);
	struct pid *pid = *pid_ptr;
	int tmp;

	/* de_thread hands the slot over before the old leader detaches */
	if (pid->tasks[type] == task)
		pid->tasks[type] = NULL;
	*pid_ptr = new;
	for (tmp = PIDTYPE_MAX; --tmp >= 0;)
		if (pid->tasks[tmp])
			return;
	free_pid(pid);
}

void detach_pid(struct task_struct *task, enum pid_type type)
{
	__change_pid(task, type, NULL);
}

void change_pid(struct task_struct *task, enum pid_type type, struct pid *pid)
{
	__change_pid(task, type, pid);
	attach_pid(task, type);
}

void transfer_pid(struct task_struct *old, struct task_struct *new, enum pid_type type)
{
	(*task_pid_ptr(new, type))->tasks[type] = new;
}

struct task_struct *pid_task(struct pid *pid, enum pid_type type)
{
	return pid ? pid->tasks[type] : NULL;
}

/* The hashed pid numbered @nr, or NULL. No pid is numbered 0 or below
 * (Linux's idr_find finds none there), and a negative @nr must not index
 * the hash. CONTEXT: pidmap_lock held. */
static struct pid *pid_hash_find(pid_t nr)
{
	struct pid *pid;

	if (nr <= 0)
		return NULL;
	for (pid = pid_hash[nr % PIDHASH_SIZE]; pid; pid = pid->hash_next)
		if (pid->nr == nr)
			break;
	return pid;
}

struct pid *find_vpid(pid_t nr)
{
	struct pid *pid;
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	pid = pid_hash_find(nr);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

/* A pid the hash still holds has the hash's reference (dropped by
 * free_pid() after it unhashes the pid under pidmap_lock), so one more
 * taken under that lock is safe without tasklist_lock. */
struct pid *find_get_pid(pid_t nr)
{
	struct pid *pid;
	unsigned long flags;

	spin_lock_irqsave(&pidmap_lock, flags);
	pid = get_pid(pid_hash_find(nr));
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

struct task_struct *find_task_by_vpid(pid_t nr)
{
	return pid_task(find_vpid(nr), PIDTYPE_PID);
}

void pid_idr_init(void)
{
	pid_cachep = kmem_cache_create("pid", sizeof(struct pid), 0, 0);
}

/* The pid handed out last (/proc/loadavg's last field). */
pid_t last_pid_nr(void)
{
	return READ_ONCE(last_pid);
}
