/* kuser: the kuser helpers at the top of the vector page, called at their
 * fixed addresses as Linux's Documentation/arm/kernel_user_helpers.txt
 * declares them: each one's contract, then __kuser_cmpxchg and
 * __kuser_cmpxchg64 under contention from four processes (one per CPU
 * when the scheduler spreads them) on shared memory: every increment must
 * count. Finally the page must be read-only to user space. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

typedef int(kuser_cmpxchg64_t)(const int64_t *oldval, const int64_t *newval,
			       volatile int64_t *ptr);
typedef void(kuser_memory_barrier_t)(void);
typedef int(kuser_cmpxchg_t)(int oldval, int newval, volatile int *ptr);
typedef void *(kuser_get_tls_t)(void);
#define __kuser_cmpxchg64 (*(kuser_cmpxchg64_t *)0xffff0f60)
#define __kuser_memory_barrier (*(kuser_memory_barrier_t *)0xffff0fa0)
#define __kuser_cmpxchg (*(kuser_cmpxchg_t *)0xffff0fc0)
#define __kuser_get_tls (*(kuser_get_tls_t *)0xffff0fe0)
#define __kuser_helper_version (*(volatile int32_t *)0xffff0ffc)

#define NPROC 4
#define PER_PROC 20000
#define START64 0xfffff000LL /* the low word carries into the high one */

struct shared {
	volatile int go;
	volatile int counter;
	volatile int64_t counter64;
};

static void add_one(volatile int *p)
{
	int old;

	do
		old = *p;
	while (__kuser_cmpxchg(old, old + 1, p));
}

static void add_one64(volatile int64_t *p)
{
	int64_t old, new;

	do {
		old = *p;
		new = old + 1;
	} while (__kuser_cmpxchg64(&old, &new, p));
}

static void contend(struct shared *sh)
{
	int i, status, ok = 1;

	for (i = 0; i < NPROC; i++) {
		if (fork() == 0) {
			while (!sh->go)
				__kuser_memory_barrier();
			for (int n = 0; n < PER_PROC; n++) {
				add_one(&sh->counter);
				add_one64(&sh->counter64);
			}
			_exit(0);
		}
	}
	sh->go = 1;
	for (i = 0; i < NPROC; i++)
		if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
			ok = 0;
	printf("%d processes x %d __kuser_cmpxchg increments: %d%s\n", NPROC, PER_PROC,
	       sh->counter, ok ? "" : " (a process failed)");
	printf("%d processes x %d __kuser_cmpxchg64 increments from %#llx: %#llx\n", NPROC,
	       PER_PROC, START64, (long long)sh->counter64);
}

static sigjmp_buf recover;

static void on_segv(int sig)
{
	siglongjmp(recover, 1);
}

int main(void)
{
	struct shared *sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	volatile int word = 5;
	volatile int64_t word64 = 0x100000000LL;
	int64_t old64 = 0x100000000LL, new64 = 0x2000000007LL;
	int r1, r2;

	printf("__kuser_helper_version: %d\n", __kuser_helper_version);
	printf("__kuser_get_tls: %s\n", __kuser_get_tls() == __builtin_thread_pointer()
					       ? "the thread pointer" : "WRONG");

	r1 = __kuser_cmpxchg(4, 6, &word);
	r2 = __kuser_cmpxchg(5, 6, &word);
	printf("__kuser_cmpxchg: with a wrong old value %s, with the right one %s: %d\n",
	       r1 ? "refuses" : "STORES", r2 ? "REFUSES" : "stores", word);
	r1 = __kuser_cmpxchg64(&new64, &old64, &word64);
	r2 = __kuser_cmpxchg64(&old64, &new64, &word64);
	printf("__kuser_cmpxchg64: with a wrong old value %s, with the right one %s: %#llx\n",
	       r1 ? "refuses" : "STORES", r2 ? "REFUSES" : "stores", (long long)word64);
	__kuser_memory_barrier();
	printf("__kuser_memory_barrier: returns\n");

	if (sh == MAP_FAILED) {
		printf("FAIL mmap\n");
		return 1;
	}
	sh->counter64 = START64;
	contend(sh);

	signal(SIGSEGV, on_segv);
	if (sigsetjmp(recover, 1) == 0) {
		*(volatile int *)0xffff0ff0 = 1;
		printf("writing into the helper page: allowed (WRONG)\n");
	} else {
		printf("writing into the helper page: SIGSEGV\n");
	}
	return 0;
}
