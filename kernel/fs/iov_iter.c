/* Copying between the kernel and the memory a read fills or a write
 * drains, user space or kernel alike (Linux's lib/iov_iter.c, for one
 * range). Each copy advances the iterator by what it moved. */
#include <linux/fs.h>
#include <linux/string.h>
#include <asm/uaccess.h>

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count);

	if (i->type == ITER_UBUF)
		n -= copy_to_user(i->base, addr, n);
	else
		memcpy(i->base, addr, n);
	i->base += n;
	i->count -= n;
	return n;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count);

	if (i->type == ITER_UBUF)
		n -= copy_from_user(addr, i->base, n);
	else
		memcpy(addr, i->base, n);
	i->base += n;
	i->count -= n;
	return n;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t n = min(bytes, i->count);

	if (i->type == ITER_UBUF)
		n -= clear_user(i->base, n);
	else
		memset(i->base, 0, n);
	i->base += n;
	i->count -= n;
	return n;
}
