/* A seeded system call fuzzer: several worker processes, each an ordinary
 * user (uid 1000) in a process group of its own, issue random system calls
 * (every number 0..450 and the ARM private ones 0xf0000..0xf0007) with
 * arguments biased to what breaks kernels: 0, -1, NULL, kernel addresses,
 * unaligned pointers, the last bytes before an unmapped page, of user space
 * and of a PROT_NONE page, huge sizes, real descriptors and paths, buffers
 * seeded with valid pointers.
 *
 * Each worker may run FUZZ_THREADS threads (CLONE_THREAD, sharing memory,
 * descriptors and signal handlers), all making random calls at once: one
 * thread's close(), munmap(), execve() or exit_group() lands while the
 * others are inside calls that use what it takes away.
 *
 * The parent stays root and only watches: a worker that dies (a random
 * call may well unmap its own stack) is replaced by the next generation of
 * its stream; one that makes no progress for a second (blocked in pause(),
 * stopped by SIGSTOP...) is sent SIGKILL, and one that SIGKILL cannot end
 * within 30 s is a kernel hang and fails the case. The same seed gives each
 * thread of each worker generation the same stream of calls (how threads
 * interleave is not reproducible).
 *
 * What a worker may not do, so that it tests the kernel and not the test:
 * signal or re-group any process but itself and its own children (no
 * kill(-1), no pid 1, no parent), reboot, or mount on anything but its
 * scratch directory. Its children (from fork, vfork, clone) exit at once.
 *
 * Environment: FUZZ_COUNT (calls in all, default 20000), FUZZ_SECONDS
 * (default 15), FUZZ_WORKERS (default 4), FUZZ_THREADS (per worker,
 * default 1; make fuzz: 2), FUZZ_TRACING=1 to keep tracing hot while the
 * workers run (heat_up(); make fuzz's default), FUZZ_LOG=1 to print every
 * call before it is made (to find the one a crash follows). The kernel
 * command line sets them (Linux passes unknown NAME=value words to init's
 * environment); `make fuzz SEED=n COUNT=m` runs a long campaign. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread.h>
#include <time.h>
#include <unistd.h>
#include "case.h"

#define MAX_WORKERS 16
#define MAX_THREADS 8
#define LAST_NR 450
#define ARM_PRIVATE_FIRST 0xf0000
#define ARM_PRIVATE_LAST 0xf0007
#define STALL_MS 100
/* A killed worker may take seconds to go when the host starves QEMU's
 * vCPU threads: at host load 15, exits took over 5 s while register dumps
 * showed every CPU busy, spinning on the global dcache_lock (its ticket
 * moving on ~1,000 times a second) or in tlb_flush_mmu's broadcast TLB
 * flushes. A hang is for ever. */
#define UNKILLABLE_MS 30000
#define LOG_FD 200
/* A worker's random calls may write anywhere it can, its shared state
 * too: the parent believes a count only with its check word. */
#define CALLS_CHECK 0x5a5aa5a5ul

/* What each worker shows the parent, in memory they share. */
struct worker_state {
	volatile unsigned long calls[MAX_THREADS];	/* made so far by each thread, this generation */
	volatile unsigned long check[MAX_THREADS];	/* calls[t] ^ CALLS_CHECK */
	volatile unsigned long nr;		/* the call in progress or last made */
	volatile unsigned long args[6];
	volatile int pid;
	volatile int tids[MAX_THREADS];		/* its threads' ids, the first its pid */
};

struct shared {
	struct worker_state w[MAX_WORKERS];
};

static struct shared *shared;
static char scratch[64];
static unsigned int seed;
static int nr_threads;
static bool logging, tracing;

/* ---- the worker ---------------------------------------------------- */

/* The worker's threads; the first is the one fork() made. Each has its
 * own stream of random numbers, found by its stack (no TLS here). */
static struct fuzz_thread {
	struct thread t;
	uint32_t rng;
} threads[MAX_THREADS];

static struct fuzz_thread *this_thread(void)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	int i;

	for (i = 1; i < nr_threads; i++)
		if (sp - (unsigned long)threads[i].t.stack < threads[i].t.stack_size)
			return &threads[i];
	return &threads[0];
}

static uint32_t rnd(void)
{
	uint32_t *rng = &this_thread()->rng;

	*rng ^= *rng << 13;
	*rng ^= *rng >> 17;
	*rng ^= *rng << 5;
	return *rng;
}

static uint32_t rnd_below(uint32_t n)
{
	return rnd() % n;
}

#define PAGE 4096
#define BUF_PAGES 4

static unsigned char *buf;		/* BUF_PAGES writable pages of bait */
static unsigned char *end_page;		/* a page with nothing mapped after it */
static const unsigned char *ro_page;	/* a read-only page */
static const unsigned char *none_page;	/* a PROT_NONE page */
static char *paths;			/* the path strings, read-only */
static unsigned long path_offsets[40];
static int nr_paths, first_scratch_path;
#define MAX_FDS 16
static int fds[MAX_FDS], nr_fds;
static pid_t last_child;
static bool implemented[LAST_NR + 1];	/* has answered something but ENOSYS */

static const uint32_t interesting[] = {
	0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 255, 256, 511, 512,
	1023, 1024, 4095, 4096, 4097, 8191, 65535, 65536, 0x7fff, 0x8000, 0xffff,
	0x100000, 0x7ffff000, 0x7fffffff, 0x80000000, 0x80000001, 0xfffff000,
	0xfffffffe, 0xffffffff, 0xffffff9c /* AT_FDCWD */, 0x40000000, 0xc0000000,
};

static const uint32_t kernel_addresses[] = {
	0x80000000, 0x80000ffc, 0xbf000000, 0xbfffffff, 0xc0000000, 0xc0008000,
	0xc0100000, 0xc8000000, 0xe0000000, 0xf0000000, 0xfe000000, 0xffff0000,
	0xffff0fa0, 0xffff0fe0, 0xffff1000, 0xfffffffc,
};

/* A path for the pool, copied into the path page. */
static void add_path(const char *fmt, const char *arg)
{
	int len = snprintf(paths + path_offsets[nr_paths], PAGE * 4 - path_offsets[nr_paths],
			   fmt, arg);

	if (nr_paths + 1 < (int)(sizeof(path_offsets) / sizeof(path_offsets[0]))) {
		path_offsets[nr_paths + 1] = path_offsets[nr_paths] + len + 1;
		nr_paths++;
	}
}

static void make_paths(void)
{
	static const char *const fixed[] = {
		"", "/", ".", "..", "/tmp", "/proc", "/proc/self", "/proc/self/stat",
		"/proc/self/status", "/proc/self/cmdline", "/proc/self/fd", "/proc/self/fd/0",
		"/proc/meminfo", "/proc/slabinfo", "/proc/interrupts", "/dev/null", "/dev/zero",
		"/sys", "/nonexistent", "/tmp/./../tmp//", "/bin", "/bin/true", "/lib/abuse",
		"/proc/self/exe", "//", "/dev",
	};
	char long_name[5200];
	unsigned int i;

	paths = mmap(NULL, PAGE * 4, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		add_path("%s", fixed[i]);
	first_scratch_path = nr_paths;
	add_path("%s/f0", scratch);
	add_path("%s/f1", scratch);
	add_path("%s/d0", scratch);
	add_path("%s/d0/x", scratch);
	add_path("%s/link", scratch);
	add_path("%s/f0/", scratch);
	add_path("%s", "f1");
	add_path("%s", "d0/../f0");
	memset(long_name, 'a', 300);
	long_name[300] = '\0';
	add_path("%s", long_name);		/* a component past NAME_MAX */
	for (i = 0; i + 2 < 4200; i += 2)
		memcpy(long_name + i, "a/", 2);
	long_name[4200] = '\0';
	add_path("%s", long_name);		/* past PATH_MAX */
	mprotect(paths, PAGE * 4, PROT_READ);
}

static unsigned long random_path(void)
{
	return (unsigned long)(paths + path_offsets[rnd_below(nr_paths)]);
}

static unsigned long random_fd(void)
{
	switch (rnd_below(8)) {
	case 0:
		return rnd_below(1100);
	case 1:
		return (unsigned long)-1;
	case 2:
		return interesting[rnd_below(sizeof(interesting) / sizeof(interesting[0]))];
	default:
		return nr_fds ? fds[rnd_below(nr_fds)] : 0;
	}
}

static unsigned long random_pointer(void)
{
	switch (rnd_below(12)) {
	case 0:
		return 0;
	case 1:
		return kernel_addresses[rnd_below(sizeof(kernel_addresses) / sizeof(kernel_addresses[0]))] +
		       (rnd_below(4) ? 0 : rnd_below(4096));
	case 2:
		return (unsigned long)end_page + PAGE - 1 - rnd_below(16);
	case 3:
		return (unsigned long)ro_page + rnd_below(PAGE);
	case 4:
		return rnd_below(0x10000);	/* below mmap_min_addr */
	case 5:
		return (unsigned long)buf + rnd_below(BUF_PAGES * PAGE) ;	/* unaligned */
	case 6:
		return (unsigned long)none_page + rnd_below(PAGE);
	case 7:
		/* the last bytes of user space (the stack's top here): a length
		 * runs on into the kernel half */
		return 0x80000000 - 1 - rnd_below(64);
	default:
		return (unsigned long)buf + (rnd_below(BUF_PAGES * PAGE) & ~7u);
	}
}

static unsigned long random_arg(void)
{
	switch (rnd_below(16)) {
	case 0:
	case 1:
		return 0;
	case 2:
		return (unsigned long)-1;
	case 3:
		return rnd_below(16);
	case 4:
	case 5:
		return interesting[rnd_below(sizeof(interesting) / sizeof(interesting[0]))];
	case 6:
	case 7:
	case 8:
		return random_pointer();
	case 9:
	case 10:
		return random_fd();
	case 11:
		return random_path();
	case 12:
		return 1u << rnd_below(32);
	case 13:
		return (1u << rnd_below(32)) - 1;
	default:
		return rnd();
	}
}

/* Refill some of the bait with values a kernel might follow: pointers to
 * the bait and the paths, descriptors, sizes. */
static void stir_buffer(void)
{
	int i;

	for (i = 0; i < 32; i++) {
		uint32_t *word = (uint32_t *)(buf + (rnd_below(BUF_PAGES * PAGE) & ~3u));

		*word = random_arg();
	}
}

/* A pid the worker may signal or re-group: itself, its group, its last
 * child, or none that exists. Never -1, 1 or the parent. */
static unsigned long random_pid(void)
{
	switch (rnd_below(6)) {
	case 0:
		return 0;
	case 1:
		return -getpid();
	case 2:
		return last_child > 0 ? last_child : getpid();
	case 3:
		return 0x80000000;	/* INT_MIN: -pid overflows */
	case 4:
		return 30000 + rnd_below(1000);	/* none */
	default:
		return getpid();
	}
}

static unsigned long random_scratch_path(void)
{
	/* f0, f1, d0, d0/x, link */
	return (unsigned long)(paths + path_offsets[first_scratch_path + rnd_below(5)]);
}

/* Keep the call from hurting the test instead of the kernel. RETURNS:
 * false if the number must not be called at all. */
static bool tame(unsigned long nr, unsigned long *a)
{
	switch (nr) {
	case __NR_reboot:
		return false;
	case __NR_sigreturn:
	case __NR_rt_sigreturn:
		/* a random frame sends the worker to a random pc: mostly a
		 * fault, sometimes a loop the parent must kill; rarely worth it */
		return rnd_below(8) == 0;
	case __NR_kill:
	case __NR_rt_sigqueueinfo:
	case __NR_setpgid:
		a[0] = random_pid();
		if (nr == __NR_setpgid)
			a[1] = rnd_below(2) ? 0 : getpid();
		if (nr == __NR_kill && rnd_below(4) == 0)
			a[1] = SIGSTOP;		/* storms of stops the parent ends */
		return true;
	case __NR_tkill:
		a[0] = rnd_below(2) ? (unsigned long)gettid() : random_pid();
		return (long)a[0] > 0 || rnd_below(2);
	case __NR_tgkill:
	case __NR_rt_tgsigqueueinfo:
		a[0] = random_pid();
		a[1] = rnd_below(2) ? (unsigned long)gettid() : random_pid();
		return true;
	case 26:	/* ptrace */
	case 96:	/* getpriority */
	case 97:	/* setpriority */
	case 154:	/* sched_setparam */
	case 156:	/* sched_setscheduler */
	case 241:	/* sched_setaffinity */
	case 369:	/* prlimit64 */
	case 376:	/* process_vm_readv */
	case 377:	/* process_vm_writev */
	case 378:	/* kcmp */
		a[nr == 26 || nr == 96 || nr == 97 ? 1 : 0] = random_pid();
		return true;
	case __NR_mount:
		a[1] = random_scratch_path();
		return true;
	case __NR_umount2:
		a[0] = random_scratch_path();
		return true;
	}
	return true;
}

static bool fork_like(unsigned long nr)
{
	return nr == __NR_fork || nr == __NR_vfork || nr == __NR_clone;
}

/*
 * Make one system call. A child of fork, vfork or clone (r0 == 0 after the
 * call) exits at once without touching memory: it may share the worker's
 * memory and even its stack, or run on a random stack pointer.
 */
static long raw_syscall(unsigned long nr, const unsigned long *a)
{
	register unsigned long r0 __asm__("r0") = a[0];
	register unsigned long r1 __asm__("r1") = a[1];
	register unsigned long r2 __asm__("r2") = a[2];
	register unsigned long r3 __asm__("r3") = a[3];
	register unsigned long r4 __asm__("r4") = a[4];
	register unsigned long r5 __asm__("r5") = a[5];
	register unsigned long r7 __asm__("r7") = nr;
	register unsigned long r8 __asm__("r8") = fork_like(nr);

	__asm__ __volatile__("svc #0\n\t"
			     "cmp r8, #0\n\t"
			     "beq 1f\n\t"
			     "cmp r0, #0\n\t"
			     "bne 1f\n\t"
			     "mov r7, #1\n\t"	/* __NR_exit */
			     "svc #0\n"
			     "1:"
			     : "+r"(r0)
			     : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7), "r"(r8)
			     : "memory", "cc");
	return r0;
}

static unsigned long random_nr(void)
{
	unsigned long nr;

	if (rnd_below(40) == 0)
		return ARM_PRIVATE_FIRST + rnd_below(ARM_PRIVATE_LAST - ARM_PRIVATE_FIRST + 1);
	if (rnd_below(4) == 0)
		return rnd_below(LAST_NR + 1);
	/* mostly the numbers that have shown they do something */
	do
		nr = rnd_below(LAST_NR + 1);
	while (!implemented[nr] && rnd_below(8));
	return nr;
}

/* Add a descriptor to the pool, unless it is full; threads add at once. */
static void add_fd(int fd)
{
	int n;

	do {
		n = nr_fds;
		if (n >= MAX_FDS)
			return;
	} while (!__sync_bool_compare_and_swap(&nr_fds, n, n + 1));
	fds[n] = fd;
}

/* The worker's descriptors to start with, all of them kinds the calls can
 * use: a pipe, /dev/zero, a scratch file and directory, proc files. */
static void open_fds(void)
{
	char path[96];
	int p[2];

	nr_fds = 0;
	add_fd(0);
	add_fd(1);
	if (pipe2(p, O_NONBLOCK) == 0) {
		add_fd(p[0]);
		add_fd(p[1]);
	}
	add_fd(open("/dev/zero", O_RDWR));
	snprintf(path, sizeof(path), "%s/f0", scratch);
	add_fd(open(path, O_RDWR | O_CREAT, 0666));
	add_fd(open(scratch, O_RDONLY));
	add_fd(open("/proc/self/stat", O_RDONLY));
	add_fd(open("/proc/meminfo", O_RDONLY));
	add_fd(open("/proc", O_RDONLY));
}

static void on_signal(int sig)
{
}

/* Catch every signal: a random kill() of itself, an alarm or a stray
 * SIGPIPE then exercises delivery and sigreturn instead of ending the
 * worker. Half the handlers restart interrupted calls. */
static void catch_signals(void)
{
	struct sigaction sa;
	int sig;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	for (sig = 1; sig < NSIG; sig++) {
		sa.sa_flags = sig & 1 ? SA_RESTART : 0;
		sigaction(sig, &sa, NULL);
	}
}

/* A SIGALRM every 50 ms ends any wait a call started (the handler does
 * not restart calls): pause(), sleeps, reads of an empty pipe... */
static void arm_alarm(void)
{
	struct itimerval every = { { 0, 50000 }, { 0, 50000 } };

	setitimer(ITIMER_REAL, &every, NULL);
}

/* Map the bait again where a call unmapped or protected it. */
static void fill_bait(void)
{
	unsigned int i;

	for (i = 0; i < BUF_PAGES * PAGE / 4; i++)
		((uint32_t *)buf)[i] = random_arg();
	memset(end_page, 0x5a, PAGE);
}

static void repair_bait(void)
{
	mmap(buf, BUF_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	mmap(end_page, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	munmap(end_page + PAGE, PAGE);
	fill_bait();
}

static bool changes_mappings(unsigned long nr)
{
	return nr == __NR_munmap || nr == __NR_mprotect || nr == __NR_mremap || nr == __NR_mmap2 ||
	       nr == __NR_brk || nr == __NR_madvise;
}

static void log_call(int index, unsigned long n, unsigned long nr, const unsigned long *a)
{
	char line[160];
	int len = snprintf(line, sizeof(line), "fuzz: w%d.%d #%lu: %lu(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n",
			   index, (int)(this_thread() - threads), n, nr, a[0], a[1], a[2], a[3], a[4], a[5]);

	write(LOG_FD, line, len);
}

static int worker_index;

/* One thread's stream of calls, for ever: the worker's threads share its
 * shared-memory state, each with a count of its own there. */
static int __attribute__((noreturn)) fuzz_calls(void *unused)
{
	struct worker_state *me = &shared->w[worker_index];
	int t = this_thread() - threads;
	unsigned long n, a[6];

	for (n = 0;; n++) {
		unsigned long nr = random_nr();
		long ret;
		int i;

		for (i = 0; i < 6; i++)
			a[i] = random_arg();
		if (!tame(nr, a))
			continue;
		if (me->nr == __NR_setitimer || me->nr == 27 /* alarm */)
			arm_alarm();
		if (changes_mappings(me->nr))
			repair_bait();
		else if ((n & 15) == 0)
			stir_buffer();
		me->nr = nr;
		for (i = 0; i < 6; i++)
			me->args[i] = a[i];
		if (logging)
			log_call(worker_index, n, nr, a);
		ret = raw_syscall(nr, a);
		if (nr <= LAST_NR && ret != -ENOSYS)
			implemented[nr] = true;
		if (fork_like(nr) && ret > 0)
			last_child = ret;
		if (ret >= 0 && ret < 16 && (nr == __NR_open || nr == __NR_openat || nr == __NR_dup ||
					     nr == __NR_creat))
			add_fd(ret);
		me->calls[t] = n + 1;
		me->check[t] = (n + 1) ^ CALLS_CHECK;
	}
}

static void __attribute__((noreturn)) worker(int index, unsigned int gen)
{
	int fd, null, i;

	worker_index = index;
	for (i = 0; i < MAX_THREADS; i++) {
		threads[i].rng = seed ^ (index * 0x9e3779b9u) ^ (gen * 0x85ebca6bu) ^ (i * 0xc2b2ae35u);
		if (!threads[i].rng)
			threads[i].rng = 1;
	}
	setpgid(0, 0);
	null = open("/dev/null", O_RDWR);
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	for (fd = 3; fd < 32; fd++)	/* what the parent may have open */
		close(fd);
	if (chdir(scratch) < 0)
		_exit(3);
	as_user();
	buf = mmap(NULL, BUF_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	end_page = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(end_page + PAGE, PAGE);
	ro_page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	none_page = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	make_paths();
	fill_bait();
	open_fds();
	catch_signals();
	arm_alarm();
	shared->w[index].pid = shared->w[index].tids[0] = getpid();
	/* this_thread() looks at threads[1..nr_threads-1] only once started */
	for (i = 1; i < nr_threads; i++) {
		shared->w[index].tids[i] = thread_start(&threads[i].t, fuzz_calls, NULL);
		if (shared->w[index].tids[i] < 0)
			threads[i].t.stack_size = 0;
	}
	fuzz_calls(NULL);
}

/* ---- the parent ---------------------------------------------------- */

static unsigned long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000UL + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static unsigned long env_number(const char *name, unsigned long def)
{
	const char *v = getenv(name);

	return v && *v ? strtoul(v, NULL, 0) : def;
}

/* What the parent knows of each worker slot. */
static struct {
	pid_t pid;
	unsigned int gen;
	unsigned long seen_calls, seen_at, killed_at;
	bool nudged;
} slot[MAX_WORKERS];

static unsigned long total_calls, restarts, stalls, continues, nudges, by_signal[65];
static unsigned short stalls_by_nr[LAST_NR + 1];

/* RETURNS: the state letter of pid (/proc/PID/stat), or '?'. */
static char state_of(pid_t pid)
{
	char path[32], text[256], *paren;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	paren = strrchr(text, ')');
	return paren && paren[1] == ' ' ? paren[2] : '?';
}

static bool is_stopped(pid_t pid)
{
	return state_of(pid) == 'T';
}

/* RETURNS: the real uid of pid (/proc/PID/status), or -1. */
static int uid_of(pid_t pid)
{
	char path[32], text[1024], *uid;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	uid = strstr(text, "\nUid:");
	return uid ? atoi(uid + 5) : -1;
}

/*
 * Kill what the workers left: children stopped in a process group that
 * POSIX does not count as orphaned (a worker that called setsid() and died
 * leaves its stopped children so, on Linux too). Every process of the
 * cases' user is ours while this case runs.
 * RETURNS: how many there were.
 */
static int kill_strays(void)
{
	DIR *dir = opendir("/proc");
	struct dirent *d;
	int n = 0;

	while (dir && (d = readdir(dir))) {
		pid_t pid = atoi(d->d_name);

		if (pid > 1 && uid_of(pid) == ABUSE_UID && kill(pid, SIGKILL) == 0)
			n++;
	}
	if (dir)
		closedir(dir);
	return n;
}

static void spawn_worker(int i)
{
	pid_t pid;

	memset((void *)&shared->w[i], 0, sizeof(shared->w[i]));
	pid = fork();
	if (pid == 0)
		worker(i, slot[i].gen);
	setpgid(pid, pid);
	slot[i].pid = pid;
	slot[i].seen_calls = 0;
	slot[i].seen_at = now_ms();
	slot[i].killed_at = 0;
	slot[i].nudged = false;
}

/* RETURNS: the calls worker i made, as far as its state can be believed. */
static unsigned long calls_of(int i)
{
	unsigned long calls, sum = 0;
	int t;

	for (t = 0; t < nr_threads; t++) {
		calls = shared->w[i].calls[t];
		if ((calls ^ CALLS_CHECK) != shared->w[i].check[t])
			return slot[i].seen_calls;
		sum += calls;
	}
	return sum;
}

static int slot_of(pid_t pid, int workers)
{
	int i;

	for (i = 0; i < workers; i++)
		if (slot[i].pid == pid)
			return i;
	return -1;
}

static void print_call(const char *what, int i)
{
	volatile struct worker_state *w = &shared->w[i];
	char path[48], text[1024];
	int t;

	printf("%s: worker %d (pid %d, state %c, generation %u) after %lu calls, in %lu(%#lx, %#lx, "
	       "%#lx, %#lx, %#lx, %#lx)\n", what, i, slot[i].pid, state_of(slot[i].pid), slot[i].gen,
	       calls_of(i), w->nr, w->args[0], w->args[1], w->args[2], w->args[3], w->args[4], w->args[5]);
	/* where each of its threads is (/proc/TID looks threads up too) */
	for (t = 0; t < nr_threads; t++) {
		snprintf(path, sizeof(path), "/proc/%d/stack", w->tids[t]);
		if (read_text(path, text, sizeof(text)) < 0)
			strcpy(text, "(gone)\n");
		printf("fuzz: thread %d, state %c, kernel stack:\n%s", w->tids[t], state_of(w->tids[t]),
		       text);
	}
}

/* Account for a worker that ended. RETURNS: its slot, or -1. */
static int worker_ended(pid_t pid, int status, int workers)
{
	int i = slot_of(pid, workers);

	if (i < 0)
		return -1;	/* a child a worker's clone(CLONE_PARENT) made ours */
	total_calls += calls_of(i);
	if (WIFSIGNALED(status))
		by_signal[WTERMSIG(status) & 63]++;
	slot[i].pid = 0;
	slot[i].gen++;
	return i;
}

/* Remove the scratch tree; nothing in it is a mount any more. */
static void remove_tree(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *d;
	char sub[512];

	if (lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	dir = opendir(path);
	while (dir && (d = readdir(dir))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, d->d_name);
		remove_tree(sub);
	}
	if (dir)
		closedir(dir);
	rmdir(path);
}

/*
 * Remove what the workers made in @dir itself, every entry of the cases'
 * user: a worker may open /tmp (a path of the pool) and create there
 * through that descriptor and a relative name (openat, mkdirat, renameat).
 * RETURNS: how many entries there were.
 */
static int remove_made_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;
	char path[512];
	int n = 0;

	while (d && (e = readdir(d))) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && lstat(path, &st) == 0 &&
		    st.st_uid == ABUSE_UID) {
			remove_tree(path);
			n++;
		}
	}
	if (d)
		closedir(d);
	return n;
}

static void unmount_scratch(void)
{
	static const char *const names[] = { "d0/x", "d0", "f0", "f1", "link", "" };
	char path[96];
	unsigned int i, round;

	for (round = 0; round < 4; round++)
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			snprintf(path, sizeof(path), "%s/%s", scratch, names[i]);
			umount2(path, MNT_DETACH);
		}
}

/* ---- tracing, hot (FUZZ_TRACING=1) --------------------------------- */

#define TRACEFS "/sys/kernel/tracing/"
#define SAVED 4096

/* What the switcher changes, put back as it was at the end (the runner
 * then finds the boot's memory and slab objects again). */
static const char *const traced[] = {
	"current_tracer", "tracing_on", "buffer_size_kb", "trace_clock", "tracing_cpumask",
	"saved_cmdlines_size", "set_event_pid", "set_ftrace_pid", "set_ftrace_filter",
	"events/sched/sched_switch/filter",
};
#define NR_TRACED (sizeof(traced) / sizeof(traced[0]))
static char traced_was[NR_TRACED][SAVED];
static pid_t heaters[2];

/* Write @what to the tracefs file @name, as `echo what > name` does. */
static void put(const char *name, const char *what)
{
	char path[96];
	int fd;

	snprintf(path, sizeof(path), TRACEFS "%s", name);
	fd = open(path, O_WRONLY | O_TRUNC | O_NONBLOCK);
	if (fd >= 0) {
		write(fd, what, strlen(what));
		close(fd);
	}
}

/* Switch the tracing set-up round and round, as fast as it goes. */
static void __attribute__((noreturn)) switcher(void)
{
	static const char *const steps[][2] = {
		{ "buffer_size_kb", "4\n" }, { "current_tracer", "function\n" },
		{ "buffer_size_kb", "1\n" }, { "tracing_on", "0\n" }, { "trace", "\n" },
		{ "tracing_on", "1\n" }, { "buffer_size_kb", "300\n" },
		{ "current_tracer", "function_graph\n" }, { "events/enable", "0\n" },
		{ "trace_clock", "global\n" }, { "events/enable", "1\n" }, { "tracing_cpumask", "3\n" },
		{ "set_ftrace_filter", "sys_getpid\n" }, { "current_tracer", "nop\n" },
		{ "trace_clock", "local\n" }, { "set_ftrace_filter", "\n" }, { "tracing_cpumask", "f\n" },
		{ "saved_cmdlines_size", "2\n" }, { "set_event_pid", "1 2 3\n" },
		{ "saved_cmdlines_size", "128\n" }, { "set_event_pid", "\n" }, { "set_ftrace_pid", "1\n" },
		{ "events/sched/sched_switch/filter", "prev_pid > 3\n" }, { "set_ftrace_pid", "\n" },
		{ "events/sched/sched_switch/trigger", "stacktrace\n" },
		{ "events/sched/sched_switch/filter", "0\n" },
		{ "events/sched/sched_switch/trigger", "!stacktrace\n" },
	};
	unsigned int i;

	for (i = 0;; i = (i + 1) % (sizeof(steps) / sizeof(steps[0])))
		put(steps[i][0], steps[i][1]);
}

/* Drain trace_pipe and read the trace file, for ever. */
static void __attribute__((noreturn)) trace_reader(void)
{
	static char text[8192];
	int pipe_fd = open(TRACEFS "trace_pipe", O_RDONLY | O_NONBLOCK), trace;

	for (;;) {
		while (read(pipe_fd, text, sizeof(text)) > 0)
			;
		trace = open(TRACEFS "trace", O_RDONLY);
		read(trace, text, sizeof(text));
		close(trace);
	}
}

/* Every event on, and the switcher and the reader started (as root). */
static void heat_up(void)
{
	unsigned int i;

	for (i = 0; i < NR_TRACED; i++) {
		char path[96];

		snprintf(path, sizeof(path), TRACEFS "%s", traced[i]);
		read_text(path, traced_was[i], SAVED);
	}
	put("events/enable", "1\n");
	if ((heaters[0] = fork()) == 0)
		switcher();
	if ((heaters[1] = fork()) == 0)
		trace_reader();
}

/* Stop them and put the set-up back: no events, no trigger, what was. */
static void cool_down(void)
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		kill(heaters[i], SIGKILL);
		waitpid(heaters[i], NULL, 0);
	}
	put("events/enable", "0\n");
	put("events/sched/sched_switch/trigger", "!stacktrace\n");
	for (i = 0; i < NR_TRACED; i++) {
		char *was = traced_was[i], *end;

		if (!strcmp(was, "none\n"))
			was = "0\n";	/* no filter */
		else if (was[0] == '#')
			was = "";	/* "#### all functions enabled ####" */
		else if ((was = strchr(traced_was[i], '[')) && (end = strchr(was, ']')))
			*end = '\0', was++;	/* "[local] global ...": the clock in use */
		else
			was = traced_was[i];
		put(traced[i], was);
	}
}

int main(int argc, char **argv)
{
	unsigned long count, seconds, start, deadline;
	int workers, i, status, failed = 0, alive, strays, made_in_tmp;
	pid_t pid;

	seed = case_init(argc, argv);
	count = env_number("FUZZ_COUNT", 20000);
	seconds = env_number("FUZZ_SECONDS", 15);
	workers = env_number("FUZZ_WORKERS", 4);
	nr_threads = env_number("FUZZ_THREADS", 1);
	logging = env_number("FUZZ_LOG", 0);
	tracing = env_number("FUZZ_TRACING", 0);
	if (workers < 1 || workers > MAX_WORKERS)
		workers = 4;
	if (nr_threads < 1 || nr_threads > MAX_THREADS)
		nr_threads = 1;
	printf("fuzz: %d workers of %d threads, up to %lu calls or %lu s (FUZZ_WORKERS, FUZZ_THREADS, "
	       "FUZZ_COUNT, FUZZ_SECONDS)\n", workers, nr_threads, count, seconds);
	shared = mmap(NULL, sizeof(*shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED) {
		printf("FAIL fuzz: no shared memory: %s\n", strerror(errno));
		return 1;
	}
	snprintf(scratch, sizeof(scratch), "/tmp/fuzz.%d", getpid());
	umask(0);
	if (mkdir(scratch, 0777) < 0) {
		printf("FAIL fuzz: mkdir %s: %s\n", scratch, strerror(errno));
		return 1;
	}
	if (logging)
		dup2(1, LOG_FD);
	signal(SIGCHLD, SIG_DFL);

	start = now_ms();
	deadline = start + seconds * 1000;
	for (i = 0; i < workers; i++)
		spawn_worker(i);
	if (tracing)
		heat_up();
	for (;;) {
		unsigned long running = 0, t;

		sleep_ms(20);
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			i = worker_ended(pid, status, workers);
			if (i >= 0 && now_ms() < deadline && total_calls < count) {
				restarts++;
				spawn_worker(i);
			}
		}
		t = now_ms();
		for (i = 0; i < workers; i++) {
			if (!slot[i].pid)
				continue;
			running += calls_of(i);
			if (slot[i].killed_at && t - slot[i].killed_at > UNKILLABLE_MS) {
				print_call("FAIL fuzz: SIGKILL did not end", i);
				failed = 1;
				slot[i].killed_at = t;	/* report it once per period */
			} else if (!slot[i].killed_at && calls_of(i) == slot[i].seen_calls &&
				   t - slot[i].seen_at > STALL_MS && is_stopped(slot[i].pid)) {
				kill(slot[i].pid, SIGCONT);	/* the other half of the storm */
				continues++;
				slot[i].seen_at = t;
			} else if (!slot[i].killed_at && calls_of(i) == slot[i].seen_calls &&
				   t - slot[i].seen_at > STALL_MS && !slot[i].nudged) {
				kill(slot[i].pid, SIGALRM);	/* ends pause(), sleeps, waits */
				slot[i].nudged = true;
				nudges++;
			} else if (!slot[i].killed_at && calls_of(i) == slot[i].seen_calls &&
				   t - slot[i].seen_at > 3 * STALL_MS) {
				kill(-slot[i].pid, SIGKILL);
				kill(slot[i].pid, SIGKILL);
				slot[i].killed_at = t;
				stalls++;
				if (shared->w[i].nr <= LAST_NR)
					stalls_by_nr[shared->w[i].nr]++;
			} else if (calls_of(i) != slot[i].seen_calls) {
				slot[i].seen_calls = calls_of(i);
				slot[i].seen_at = t;
				slot[i].nudged = false;
			}
		}
		if (total_calls + running >= count || t >= deadline || failed)
			break;
	}

	if (tracing)
		cool_down();
	/* The end: every worker, stopped or blocked, must go when killed. */
	for (i = 0; i < workers; i++)
		if (slot[i].pid) {
			kill(-slot[i].pid, SIGKILL);
			kill(slot[i].pid, SIGKILL);
			slot[i].killed_at = now_ms();
		}
	for (alive = 1; alive;) {
		alive = 0;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			worker_ended(pid, status, workers);
		for (i = 0; i < workers; i++) {
			if (!slot[i].pid)
				continue;
			if (now_ms() - slot[i].killed_at > UNKILLABLE_MS) {
				print_call("FAIL fuzz: SIGKILL did not end", i);
				failed = 1;
				slot[i].pid = 0;
				continue;
			}
			alive = 1;
		}
		if (alive)
			sleep_ms(20);
	}
	strays = kill_strays();	/* init reaps them */
	unmount_scratch();
	remove_tree(scratch);
	made_in_tmp = remove_made_in("/tmp");

	for (i = 1; i < 65; i++)
		if (by_signal[i])
			printf("fuzz: %lu workers ended by signal %d\n", by_signal[i], i);
	if (made_in_tmp)
		printf("fuzz: removed %d entries the workers made in /tmp\n", made_in_tmp);
	printf("fuzz: stalled in:");
	for (i = 0; i <= LAST_NR; i++)
		if (stalls_by_nr[i])
			printf(" %d (%u)", i, stalls_by_nr[i]);
	printf("\n");
	printf("fuzz: %s %lu calls in %lu.%lu s from %d workers, %lu restarts, %lu stalls killed, "
	       "%lu stops continued, %lu waits interrupted, %d strays killed, seed %u\n",
	       failed ? "FAIL" : "ok", total_calls, (now_ms() - start) / 1000,
	       (now_ms() - start) / 100 % 10, workers, restarts, stalls, continues, nudges, strays, seed);
	return failed;
}
