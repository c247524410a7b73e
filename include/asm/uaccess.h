/* Copying to and from user space (Linux's arch/arm/include/asm/uaccess.h).
 *
 * The kernel never dereferences a user pointer outside these functions.
 * They check the range against TASK_SIZE (wrap-around included), which is
 * what keeps them in user space: the block copies then use the kernel's
 * own LDM/STM, as Linux does on ARMv7 (without its software PAN, which
 * also shuts user memory off between copies through the domain register).
 * A page user space may only read is read-only for the kernel too (APX),
 * so a write to it faults like the user's would. A fault that cannot be
 * resolved (unmapped, or protected) is caught through the exception table
 * (search_exception_tables) and becomes -EFAULT; it never oopses. */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>
#include <asm/memory.h>

/* An instruction allowed to fault, and where to continue if it does. */
struct exception_table_entry {
	unsigned long insn, fixup;
};

const struct exception_table_entry *search_exception_tables(unsigned long addr);

static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* RETURNS: the number of bytes NOT copied (0 on success). */
unsigned long arm_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long arm_copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long arm_clear_user(void __user *addr, unsigned long n);
/* RETURNS: the string's length (< n), n if no NUL in the first n bytes,
 * or -EFAULT. */
long arm_strncpy_from_user(char *dst, const char __user *src, long n);
int __get_user_4(u32 *val, const void __user *addr);
int __put_user_4(u32 val, void __user *addr);

static inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long res = n;

	if (likely(access_ok(from, n)))
		res = arm_copy_from_user(to, from, n);
	if (unlikely(res))
		__builtin_memset((char *)to + (n - res), 0, res);
	return res;
}

static inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (likely(access_ok(to, n)))
		return arm_copy_to_user(to, from, n);
	return n;
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (likely(access_ok(to, n)))
		return arm_clear_user(to, n);
	return n;
}

static inline long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long n = count;

	if (!access_ok(src, 1))
		return -EFAULT;
	/* Never read past the top of user space. */
	if ((unsigned long)n > TASK_SIZE - (unsigned long)src)
		n = TASK_SIZE - (unsigned long)src;
	n = arm_strncpy_from_user(dst, src, n);
	if (n == TASK_SIZE - (unsigned long)src && n < count)
		return -EFAULT;
	return n;
}

/* get_user/put_user of a 32-bit (or smaller, zero-extended) value.
 * RETURNS: 0 or -EFAULT. */
#define get_user(x, ptr)                                                         \
	({                                                                       \
		u32 __gu_val = 0;                                                \
		int __gu_err = -EFAULT;                                          \
		if (sizeof(*(ptr)) == 4 && access_ok(ptr, 4))                    \
			__gu_err = __get_user_4(&__gu_val, ptr);                 \
		else if (sizeof(*(ptr)) != 4 && access_ok(ptr, sizeof(*(ptr)))) \
			__gu_err = arm_copy_from_user(&__gu_val, ptr, sizeof(*(ptr))) ? -EFAULT : 0; \
		(x) = (__typeof__(*(ptr)))__gu_val;                              \
		__gu_err;                                                        \
	})

#define put_user(x, ptr)                                                         \
	({                                                                       \
		__typeof__(*(ptr)) __pu_val = (x);                               \
		int __pu_err = -EFAULT;                                          \
		if (sizeof(*(ptr)) == 4 && access_ok(ptr, 4))                    \
			__pu_err = __put_user_4((u32)__pu_val, ptr);             \
		else if (sizeof(*(ptr)) != 4 && access_ok(ptr, sizeof(*(ptr)))) \
			__pu_err = arm_copy_to_user(ptr, &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; \
		__pu_err;                                                        \
	})

#endif
