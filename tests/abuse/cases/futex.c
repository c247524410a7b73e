/* futex(2) abused, as an ordinary user: words at NULL, in the kernel,
 * unmapped, unaligned, read-only or at the last bytes of a mapping; unknown
 * operations and flags; a zero bitset; bad, unreadable and huge timeouts.
 * The answers and their order are Linux's (sys_futex reads the timeout,
 * do_futex checks the operation, then futex_wait/futex_wake the bitset and
 * get_futex_key the address), and a huge timeout waits until a signal
 * instead of wrapping round to an early ETIMEDOUT. */
#include <linux/futex.h>
#include <limits.h>
#include <sys/mman.h>
#include <unistd.h>
#include "case.h"

#define PAGE 4096

/* The ARM EABI kernel's struct timespec: a 32-bit tv_sec (newlib's own
 * struct timespec has a 64-bit time_t). */
struct old_timespec32 {
	long tv_sec, tv_nsec;
};
#define KERNEL_WORD ((unsigned int *)0xc0000000)

static long futex(const volatile void *uaddr, int op, unsigned int val, const void *timeout,
		  unsigned int val3)
{
	return syscall(__NR_futex, uaddr, op, val, timeout, NULL, val3);
}

static void test_addresses(unsigned int *word, unsigned int *gone, const unsigned int *ro)
{
	struct old_timespec32 short_wait = { 0, 10 * 1000 * 1000 };
	unsigned int *last = (unsigned int *)((char *)word + PAGE - 4);

	CHECK_ERR(futex(NULL, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EFAULT, "WAIT on NULL: EFAULT");
	CHECK_ERR(futex(KERNEL_WORD, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EFAULT,
		  "WAIT on a kernel address: EFAULT");
	CHECK_ERR(futex((void *)0xfffffffc, FUTEX_WAIT, 0, NULL, 0), EFAULT,
		  "WAIT on the last word of the address space: EFAULT");
	CHECK_ERR(futex(gone, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EFAULT, "WAIT on an unmapped word: EFAULT");
	CHECK_ERR(futex((char *)word + 1, FUTEX_WAIT_PRIVATE, 0, NULL, 0), EINVAL,
		  "WAIT on an unaligned word: EINVAL");
	CHECK_ERR(futex(last, FUTEX_WAIT, 1, NULL, 0), EAGAIN,
		  "WAIT on the last word before an unmapped page, another value: EAGAIN");
	CHECK_ERR(futex(ro, FUTEX_WAIT_PRIVATE, 0, &short_wait, 0), ETIMEDOUT,
		  "WAIT on a read-only word: waits, ETIMEDOUT");
	CHECK_ERR(futex(KERNEL_WORD, FUTEX_WAKE_PRIVATE, 1, NULL, 0), EFAULT,
		  "WAKE on a kernel address: EFAULT");
	CHECK_ERR(futex((char *)word + 2, FUTEX_WAKE_PRIVATE, 1, NULL, 0), EINVAL,
		  "WAKE on an unaligned word: EINVAL");
	CHECK_ERR(futex(gone, FUTEX_WAKE, 1, NULL, 0), EFAULT,
		  "WAKE of a shared futex on an unmapped word: EFAULT (no page to key it by)");
	CHECK_EQ(futex(gone, FUTEX_WAKE_PRIVATE, 1, NULL, 0), 0,
		 "WAKE of a private one there: nobody to wake, 0");
	CHECK_EQ(futex(ro, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, 0), 0,
		 "WAKE of INT_MAX on a read-only word: nobody to wake, 0");
	CHECK_ERR(futex(ro, FUTEX_WAKE, 1, NULL, 0), EFAULT,
		  "WAKE of a shared futex on read-only anonymous memory: EFAULT");
}

static void test_operations(unsigned int *word)
{
	static const int unknown[] = { 2 /* FUTEX_FD, gone */, 14, 127, FUTEX_PRIVATE_FLAG | 99, -1 };
	unsigned int i;

	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		CHECK_ERR(futex(word, unknown[i], 0, NULL, 0), ENOSYS, "an unknown operation: ENOSYS");
	CHECK_ERR(futex((char *)word + 1, 127, 0, NULL, 0), ENOSYS,
		  "an unknown operation on an unaligned word: ENOSYS, the operation first");
	CHECK_ERR(futex(word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, 0), ENOSYS,
		  "WAKE with FUTEX_CLOCK_REALTIME: ENOSYS");
	CHECK_ERR(futex(word, FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, NULL, 0), ENOSYS,
		  "WAIT with FUTEX_CLOCK_REALTIME: ENOSYS");
	CHECK_ERR(futex(word, FUTEX_WAIT_BITSET, 0, NULL, 0), EINVAL, "WAIT_BITSET with bitset 0: EINVAL");
	CHECK_ERR(futex(word, FUTEX_WAKE_BITSET, 1, NULL, 0), EINVAL, "WAKE_BITSET with bitset 0: EINVAL");
	CHECK_ERR(futex(NULL, FUTEX_WAKE_BITSET, 1, NULL, 0), EINVAL,
		  "WAKE_BITSET with bitset 0 on NULL: EINVAL, the bitset first");
}

static void test_timeouts(unsigned int *word, const unsigned int *end)
{
	struct old_timespec32 bad[] = { { -1, 0 }, { 0, -1 }, { 0, 1000000000 }, { 0, INT_MAX } };
	struct old_timespec32 huge = { INT_MAX, 999999999 }, past = { 0, 0 };
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_ERR(futex(word, FUTEX_WAIT_PRIVATE, 0, &bad[i], 0), EINVAL,
			  "WAIT with a negative or >= 1 s tv_nsec or a negative tv_sec: EINVAL");
	CHECK_ERR(futex(word, FUTEX_WAIT_PRIVATE, 0, (void *)KERNEL_WORD, 0), EFAULT,
		  "WAIT with a timeout in the kernel: EFAULT");
	CHECK_ERR(futex(word, FUTEX_WAIT_PRIVATE, 0, end - 1, 0), EFAULT,
		  "WAIT with a timeout across the end of a mapping: EFAULT");
	CHECK_ERR(futex((char *)word + 1, FUTEX_WAIT_PRIVATE, 0, (void *)KERNEL_WORD, 0), EFAULT,
		  "WAIT with an unreadable timeout on an unaligned word: EFAULT, the timeout first");
	CHECK_EQ(futex(word, FUTEX_WAKE_PRIVATE, 1, (void *)KERNEL_WORD, 0), 0,
		 "WAKE does not read the timeout argument");
	CHECK_ERR(futex(word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0, &past, FUTEX_BITSET_MATCH_ANY), ETIMEDOUT,
		  "WAIT_BITSET until a time long past: ETIMEDOUT");

	alarm_soon(30000);
	CHECK_ERR(futex(word, FUTEX_WAIT_PRIVATE, 0, &huge, 0), EINTR,
		  "WAIT for 68 years: waits until a signal, EINTR");
	alarm_soon(30000);
	CHECK_ERR(futex(word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &huge, FUTEX_BITSET_MATCH_ANY),
		  EINTR, "WAIT_BITSET on CLOCK_REALTIME until 2038: waits until a signal, EINTR");
}

int main(int argc, char **argv)
{
	char *pages = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned int *word = (unsigned int *)pages, *gone = (unsigned int *)(pages + PAGE);
	const unsigned int *ro = (const unsigned int *)(pages + 2 * PAGE);

	case_init(argc, argv);
	as_user();
	munmap(gone, PAGE);
	mprotect((void *)ro, PAGE, PROT_READ);
	test_addresses(word, gone, ro);
	test_operations(word);
	test_timeouts(word, gone);
	return check_done("futex");
}
