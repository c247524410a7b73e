/* Host stand-ins for what the file system code takes from the rest of the
 * kernel: kmalloc and pages (counted, so tests can check for leaks), a
 * current task with its fs_struct, files and credentials, a "user space"
 * arena at a fixed address below TASK_SIZE for the uaccess functions,
 * wait queues that never sleep, and signal/printk recorders.
 * Include it in one test file per program, before the C library's headers. */
#ifndef _TESTS_HOST_FS_STUBS_H
#define _TESTS_HOST_FS_STUBS_H

#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/workqueue.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <asm/uaccess.h>

#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>

/* Not <stdlib.h>: it brings the host's sigset_t and dev_t, which the
 * kernel headers define their own way. */
void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *aligned_alloc(size_t alignment, size_t size);
void free(void *ptr);
void abort(void) __attribute__((noreturn));
char *strcpy(char *dst, const char *src);
char *strcat(char *dst, const char *src);

#include "kmalloc_stubs.h"

unsigned long get_zeroed_page(gfp_t gfp)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_SIZE);

	memset(p, 0, PAGE_SIZE);
	stub_nr_allocs++;
	return (unsigned long)p;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_SIZE << order);

	if (gfp & __GFP_ZERO)
		memset(p, 0, PAGE_SIZE << order);
	stub_nr_allocs++;
	return (unsigned long)p;
}

void free_pages(unsigned long addr, unsigned int order)
{
	stub_nr_allocs--;
	free((void *)addr);
}

/* The current task, with a signal_struct that has the usual rlimits; a
 * test that opens files points its fs and files at init_fs/init_files. */
static struct signal_struct stub_signal;
static struct sighand_struct stub_sighand;
static struct task_struct stub_task;
static struct group_info stub_groups = { .usage = 1 };
static struct user_struct stub_user = { .count = 1 };
static struct thread_info stub_thread_info = { .task = &stub_task };
DEFINE_RWLOCK(tasklist_lock);
LIST_HEAD(all_tasks);

struct thread_info *current_thread_info(void)
{
	return &stub_thread_info;
}

static __maybe_unused void stub_task_init(void)
{
	stub_signal.rlim[RLIMIT_NOFILE].rlim_cur = 1024;
	stub_signal.rlim[RLIMIT_SIGPENDING].rlim_cur = 100;
	stub_signal.nr_threads = 1;
	INIT_LIST_HEAD(&stub_signal.thread_head);
	stub_task.signal = &stub_signal;
	stub_task.sighand = &stub_sighand;
	stub_task.pid = stub_task.tgid = 1;
	stub_task.stack = &stub_thread_info;
	stub_task.cred.group_info = &stub_groups;
	stub_task.cred.user = &stub_user;
}

/* "User space": a mapping at a fixed address below TASK_SIZE. Copies
 * touching anything else fault, as an unmapped user address would. */
#define USER_BASE 0x40000000UL
#define USER_SIZE (1UL << 20)
static char *user_mem;

static __maybe_unused void user_mem_init(void)
{
	if (!user_mem) {
		user_mem = mmap((void *)USER_BASE, USER_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (user_mem != (char *)USER_BASE)
			abort();
	}
	memset(user_mem, 0, USER_SIZE);
}

static bool user_ok(const void *p, unsigned long n)
{
	unsigned long a = (unsigned long)p;

	return a >= USER_BASE && a <= USER_BASE + USER_SIZE && n <= USER_BASE + USER_SIZE - a;
}

unsigned long arm_copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!user_ok(from, n))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long arm_copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!user_ok(to, n))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long arm_clear_user(void __user *addr, unsigned long n)
{
	if (!user_ok(addr, n))
		return n;
	memset(addr, 0, n);
	return 0;
}

long arm_strncpy_from_user(char *dst, const char __user *src, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		if (!user_ok(src + i, 1))
			return -EFAULT;
		dst[i] = src[i];
		if (!dst[i])
			return i;
	}
	return n;
}

int __get_user_4(u32 *val, const void __user *addr)
{
	return arm_copy_from_user(val, addr, 4) ? -EFAULT : 0;
}

int __put_user_4(u32 val, void __user *addr)
{
	return arm_copy_to_user(addr, &val, 4) ? -EFAULT : 0;
}

/* A string placed in user space. */
static __maybe_unused char *ustr(const char *s)
{
	static size_t next;
	char *p;

	if (next + strlen(s) + 1 > USER_SIZE / 2)
		next = 0;
	p = user_mem + USER_SIZE / 2 + next;
	strcpy(p, s);
	next += strlen(s) + 1;
	return p;
}

/* Wait queues that never sleep. */
int stub_wakeups;

void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* What a would-be sleeper sees: a signal, unless a test wants a timeout. */
long stub_wait_ret = -ERESTARTSYS;

long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
			   int state)
{
	return stub_wait_ret;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	list_add(&wq_entry->entry, &wq_head->head);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	list_del(&wq_entry->entry);
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	stub_wakeups++;
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	return 1;
}

void schedule(void)
{
}

/* ppoll/pselect6's temporary signal mask. */
void set_current_blocked(sigset_t *newset)
{
	current->blocked = *newset;
}

/* No struct page for the stub pages: nothing here maps a file. */
struct page *mem_map;
unsigned long min_low_pfn, host_va_pa_offset;

#ifndef OWN_QUEUE_WORK
/* The workqueue runs a work item at once (fput_delayed's final release). */
struct workqueue_struct *system_wq;

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	work->func(work);
	return true;
}
#endif

int _cond_resched(void)
{
	return 0;
}

long schedule_timeout(long timeout)
{
	return 0;
}

unsigned long nsecs_to_jiffies(u64 ns)
{
	return ns / 10000000;
}

u64 local_clock(void)
{
	return 5 * 1000000000ULL;
}

/* The wall clock file times are stamped with: 5.25 s, with nanoseconds,
 * so that a file system keeping whole seconds shows the cut. */
void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	ts->tv_sec = 5;
	ts->tv_nsec = 250000000;
}

/* Signals sent, for the tests to check. */
int stub_last_sig, stub_last_pgrp, stub_nr_sigs;

int send_sig(int sig, struct task_struct *p, int priv)
{
	stub_last_sig = sig;
	stub_nr_sigs++;
	return 0;
}

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	stub_last_sig = sig;
	stub_last_pgrp = pgrp;
	stub_nr_sigs++;
	return 0;
}

/* printk: the last message, for the tests to inspect. */
char stub_printk_buf[512];

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(stub_printk_buf, sizeof(stub_printk_buf), fmt, ap);
	va_end(ap);
	return n;
}

void __noreturn panic(const char *fmt, ...)
{
	abort();
}

#endif
