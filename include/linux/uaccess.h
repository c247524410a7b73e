/* Disabling page faults on user accesses (Linux's include/linux/uaccess.h):
 * between pagefault_disable() and pagefault_enable() a user access that
 * faults is not resolved (which could sleep, or take mmap_lock under the
 * caller's spinlock) but fails at once through its exception-table fixup,
 * so that the caller can drop its locks, fault the page in, and retry. */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/sched.h>
#include <asm/uaccess.h>

static inline void pagefault_disable(void)
{
	current->pagefault_disabled++;
	/* make sure to have issued the store before a pagefault can hit */
	barrier();
}

static inline void pagefault_enable(void)
{
	/* make sure to issue those last loads/stores before enabling the
	 * pagefault handler again. */
	barrier();
	current->pagefault_disabled--;
}

/* Is the pagefault handler disabled? If so, user access methods will not
 * sleep. */
static inline bool pagefault_disabled(void)
{
	return current->pagefault_disabled != 0;
}

/* Linux's also counts in_atomic(); spinlocks do not keep a count here. */
#define faulthandler_disabled() pagefault_disabled()

#endif
