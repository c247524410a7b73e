/* Restartable sequences as glibc 2.35 on uses them: glibc registers an rseq
 * area for every thread as it starts (__rseq_size says so), the kernel keeps
 * the area's cpu_id current, a signal that arrives inside a critical section
 * sends the thread to the section's abort handler, and rseq(2) answers a
 * second registration or a bad one as Linux does. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#define STR(x) #x
#define XSTR(x) STR(x)

/*
 * int rseq_wait(struct rseq *rs, volatile int *flag): point rs->rseq_cs at
 * the section below, then spin inside it until *flag is set.
 * RETURNS: 1 if the kernel sent the thread to abort_ip, 0 if the loop ended
 * by itself (a signal handler ran and returned into the section).
 * ARM code, also in a Thumb program; the descriptor's addresses are
 * relocated by the linker, its own address is found pc-relative.
 */
int rseq_wait(struct rseq *rs, volatile int *flag);
__asm__(
	"	.text\n"
	"	.arm\n"
	"	.align 2\n"
	"	.globl rseq_wait\n"
	"	.type rseq_wait, %function\n"
	"rseq_wait:\n"
	"	ldr r2, 4f\n"
	"5:	add r2, pc, r2\n"
	"	str r2, [r0, #8]\n" /* rs->rseq_cs.ptr.ptr32 */
	"1:	ldr r3, [r1]\n" /* start_ip */
	"	cmp r3, #0\n"
	"	beq 1b\n"
	"2:	mov r0, #0\n" /* start_ip + post_commit_offset */
	"	bx lr\n"
	"	.word " XSTR(RSEQ_SIG) "\n"
	"3:	mov r0, #1\n" /* abort_ip */
	"	bx lr\n"
	"4:	.word rseq_wait_cs - (5b + 8)\n"
	"	.size rseq_wait, . - rseq_wait\n"
	"	.data\n"
	"	.align 5\n"
	"rseq_wait_cs:\n"
	"	.word 0, 0\n" /* version, flags */
	"	.word 1b, 0\n"
	"	.word 2b - 1b, 0\n"
	"	.word 3b, 0\n"
	"	.text\n");

static struct rseq *area(void)
{
	return (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
}

static const char *yes(int ok)
{
	return ok ? "yes" : "no";
}

static const char *rseq_errno(struct rseq *rs, unsigned int len, int flags, unsigned int sig)
{
	errno = 0;
	if (syscall(SYS_rseq, rs, len, flags, sig) == 0)
		return "0";
	return errno == EBUSY ? "EBUSY" : errno == EPERM ? "EPERM" : errno == EINVAL ? "EINVAL" :
		strerror(errno);
}

/* The area's cpu_id is the CPU getcpu() names (read twice around the call,
 * so that a migration in between only costs a retry). */
static int cpu_id_current(void)
{
	unsigned int cpu, before, after;
	int i;

	for (i = 0; i < 1000; i++) {
		before = __atomic_load_n(&area()->cpu_id, __ATOMIC_RELAXED);
		syscall(SYS_getcpu, &cpu, NULL, NULL);
		after = __atomic_load_n(&area()->cpu_id, __ATOMIC_RELAXED);
		if (before == after)
			return cpu == after;
	}
	return 0;
}

static void *thread_main(void *main_area)
{
	printf("a new thread has its own area: %s\n", yes(area() != main_area));
	printf("and its cpu_id is current: %s\n", yes(cpu_id_current()));
	return NULL;
}

static volatile int signalled;

static void on_alarm(int sig)
{
	signalled = 1;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	struct itimerval tick = { .it_value = { 0, 20000 } };
	struct rseq *rs = area();
	pthread_t thread;
	uint64_t cs;
	int aborted;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("glibc registered an rseq area: %s\n", yes(__rseq_size >= 32));
	printf("cpu_id is the CPU getcpu() names: %s\n", yes(cpu_id_current()));

	printf("rseq() again, same area: %s\n", rseq_errno(rs, __rseq_size, 0, RSEQ_SIG));
	printf("rseq() again, another signature: %s\n", rseq_errno(rs, __rseq_size, 0, RSEQ_SIG + 1));
	printf("rseq() again, another length: %s\n", rseq_errno(rs, __rseq_size - 1, 0, RSEQ_SIG));
	printf("rseq() with an unknown flag: %s\n", rseq_errno(rs, __rseq_size, 2, RSEQ_SIG));

	pthread_create(&thread, NULL, thread_main, rs);
	pthread_join(thread, NULL);

	/* SIGALRM comes while the thread spins inside the section (which a
	 * preemption before it also aborts: then spin again) */
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &tick, NULL);
	do
		aborted = rseq_wait(rs, &signalled);
	while (aborted && !signalled);
	printf("a signal inside a critical section: the thread goes on at abort_ip: %s\n",
	       yes(aborted && signalled));
	memcpy(&cs, &rs->rseq_cs, sizeof(cs)); /* a union in older headers */
	printf("and rseq_cs is cleared: %s\n", yes(cs == 0));

	printf("unregistering: %s\n", rseq_errno(rs, __rseq_size, RSEQ_FLAG_UNREGISTER, RSEQ_SIG));
	printf("then cpu_id reads %d (RSEQ_CPU_ID_UNINITIALIZED)\n", (int)rs->cpu_id);
	printf("and unregistering again: %s\n",
	       rseq_errno(rs, __rseq_size, RSEQ_FLAG_UNREGISTER, RSEQ_SIG));
	return 0;
}
