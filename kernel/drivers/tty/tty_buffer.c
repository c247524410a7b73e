/* The flip buffer: bytes the UART interrupt receives wait here until the
 * flush_to_ldisc work item hands them to the line discipline in process
 * context, in the kworker thread (Linux 4.19's drivers/tty/tty_buffer.c
 * and tty_port.c). Buffers are allocated as input arrives, up to 64 KiB
 * per port; when the line discipline is full the work item stops and the
 * bytes stay here until the reader makes room (n_tty_kick_worker). */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/workqueue.h>

#define MIN_TTYB_SIZE 256
#define TTYB_ALIGN_MASK 255

/* Bytes of buffers a port may hold (Linux 4.19's TTYB_DEFAULT_MEM_LIMIT). */
#define TTYB_DEFAULT_MEM_LIMIT 65536

/* The most one buffer holds: what fits in a page with its header. Linux
 * halves it for the flag bytes, which we do not keep. */
#define TTY_BUFFER_PAGE ((PAGE_SIZE - sizeof(struct tty_buffer)) & ~TTYB_ALIGN_MASK)

static void tty_buffer_reset(struct tty_buffer *p, size_t size)
{
	p->used = 0;
	p->size = size;
	p->next = NULL;
	p->commit = 0;
	p->read = 0;
}

/**
 * tty_buffer_alloc - a new buffer for at least @size bytes
 *
 * Sizes are rounded up to 256. Linux reuses buffers of 256 bytes from a
 * lock-free free list; here every buffer comes from kmalloc.
 * CONTEXT: the producer (IRQ). RETURNS: the buffer, or NULL if the port
 * already holds mem_limit bytes or memory is short.
 */
static struct tty_buffer *tty_buffer_alloc(struct tty_port *port, size_t size)
{
	struct tty_buffer *p;

	size = ALIGN(size, MIN_TTYB_SIZE);
	if (__atomic_load_n(&port->buf.mem_used, __ATOMIC_RELAXED) > port->buf.mem_limit)
		return NULL;
	p = kmalloc(sizeof(struct tty_buffer) + size, GFP_ATOMIC | __GFP_NOWARN);
	if (!p)
		return NULL;
	tty_buffer_reset(p, size);
	__atomic_add_fetch(&port->buf.mem_used, size, __ATOMIC_RELAXED);
	return p;
}

/* CONTEXT: the consumer, buf->lock held. */
static void tty_buffer_free(struct tty_port *port, struct tty_buffer *b)
{
	__atomic_sub_fetch(&port->buf.mem_used, b->size, __ATOMIC_RELAXED);
	if (b->size > 0)
		kfree(b);
}

/*
 * Make room for @size bytes at the tail: the tail buffer's space, or a
 * new buffer chained after it. The old tail is committed before it is
 * linked, so the consumer never reads past what was written.
 * RETURNS: the bytes that fit in buf->tail now (0 if none).
 */
static int __tty_buffer_request_room(struct tty_port *port, size_t size)
{
	struct tty_bufhead *buf = &port->buf;
	struct tty_buffer *b = buf->tail, *n;
	int left = b->size - b->used;

	if (left >= (int)size)
		return size;
	n = tty_buffer_alloc(port, size);
	if (!n)
		return left;
	buf->tail = n;
	/* paired w/ acquire in flush_to_ldisc(): it sees the buffer's data */
	smp_store_release(&b->commit, b->used);
	/* paired w/ acquire in flush_to_ldisc(): the final commit is read
	 * before the head moves on to the next buffer */
	smp_store_release(&b->next, n);
	return size;
}

/**
 * tty_insert_flip_string - queue @size received bytes
 * CONTEXT: the producer (the driver, under its port lock).
 * RETURNS: the bytes queued; fewer than @size only when the port holds
 * mem_limit bytes already or memory ran out (the rest are dropped).
 */
int tty_insert_flip_string(struct tty_port *port, const unsigned char *chars, size_t size)
{
	size_t copied = 0;

	do {
		size_t goal = min(size - copied, (size_t)TTY_BUFFER_PAGE);
		int space = __tty_buffer_request_room(port, goal);
		struct tty_buffer *tb = port->buf.tail;

		if (space <= 0)
			break;
		memcpy(tb->data + tb->used, chars, space);
		tb->used += space;
		copied += space;
		chars += space;
	} while (size > copied);
	return copied;
}

int tty_insert_flip_char(struct tty_port *port, unsigned char ch)
{
	return tty_insert_flip_string(port, &ch, 1);
}

/**
 * tty_flip_buffer_push - publish what was inserted and have the work item
 * pass it to the line discipline
 * CONTEXT: the producer, any context.
 */
void tty_flip_buffer_push(struct tty_port *port)
{
	struct tty_bufhead *buf = &port->buf;

	/* paired w/ acquire in flush_to_ldisc(): it sees the bytes */
	smp_store_release(&buf->tail->commit, buf->tail->used);
	queue_work(system_unbound_wq, &buf->work);
}

void tty_buffer_restart_work(struct tty_port *port)
{
	queue_work(system_unbound_wq, &port->buf.work);
}

/* Linux's tty_ldisc_receive_buf: a line discipline with receive_buf2
 * takes what it has room for; one without takes all. This and the next
 * are out of line, as in Linux, so that stack traces show the steps. */
static noinline __noclone int tty_ldisc_receive_buf(struct tty_struct *tty, const unsigned char *p, int count)
{
	if (tty->ldisc->receive_buf2)
		return tty->ldisc->receive_buf2(tty, p, count);
	if (tty->ldisc->receive_buf)
		tty->ldisc->receive_buf(tty, p, count);
	return count;
}

/* Linux's tty_port_default_receive_buf. RETURNS: bytes taken. */
static noinline __noclone int tty_port_default_receive_buf(struct tty_port *port,
							   const unsigned char *p, int count)
{
	struct tty_struct *tty = READ_ONCE(port->tty);

	if (!tty || !tty->ldisc)
		return 0;
	return tty_ldisc_receive_buf(tty, p, count);
}

static int receive_buf(struct tty_port *port, struct tty_buffer *head, int count)
{
	return tty_port_default_receive_buf(port, head->data + head->read, count);
}

/**
 * flush_to_ldisc - the work item: pass the flip buffer's bytes to the line
 * discipline, buffer by buffer, freeing those emptied (this is where ^C
 * becomes SIGINT). Stops when the line discipline takes nothing: it has no
 * room, and will restart the work when its reader has made some.
 * CONTEXT: the kworker thread; takes buf->lock.
 */
void flush_to_ldisc(struct work_struct *work)
{
	struct tty_port *port = container_of(work, struct tty_port, buf.work);
	struct tty_bufhead *buf = &port->buf;

	mutex_lock(&buf->lock);
	for (;;) {
		struct tty_buffer *head = buf->head;
		struct tty_buffer *next;
		int count;

		/* tty_buffer_flush() is waiting for the lock */
		if (__atomic_load_n(&buf->priority, __ATOMIC_RELAXED))
			break;
		/* paired w/ release in __tty_buffer_request_room(): the commit
		 * read below is final if the head has a next buffer */
		next = smp_load_acquire(&head->next);
		/* paired w/ release in __tty_buffer_request_room() and
		 * tty_flip_buffer_push(): the committed bytes are visible */
		count = smp_load_acquire(&head->commit) - head->read;
		if (!count) {
			if (!next)
				break;
			buf->head = next;
			tty_buffer_free(port, head);
			continue;
		}
		count = receive_buf(port, head, count);
		if (!count)
			break;
		head->read += count;
	}
	mutex_unlock(&buf->lock);
}

/**
 * tty_buffer_flush - discard the received input: the flip buffer's bytes
 * and the line discipline's (TCFLSH TCIFLUSH, TCSETSF)
 * CONTEXT: process; takes buf->lock, the work item yielding to it.
 */
void tty_buffer_flush(struct tty_struct *tty)
{
	struct tty_port *port = tty->port;
	struct tty_bufhead *buf = &port->buf;
	struct tty_buffer *next;

	__atomic_add_fetch(&buf->priority, 1, __ATOMIC_RELAXED);
	mutex_lock(&buf->lock);
	/* paired w/ release in __tty_buffer_request_room(): no write to a
	 * buffer freed here is still on its way */
	while ((next = smp_load_acquire(&buf->head->next)) != NULL) {
		tty_buffer_free(port, buf->head);
		buf->head = next;
	}
	buf->head->read = smp_load_acquire(&buf->head->commit);
	if (tty->ldisc && tty->ldisc->flush_buffer)
		tty->ldisc->flush_buffer(tty);
	__atomic_sub_fetch(&buf->priority, 1, __ATOMIC_RELAXED);
	mutex_unlock(&buf->lock);
}

void tty_buffer_init(struct tty_port *port)
{
	struct tty_bufhead *buf = &port->buf;

	mutex_init(&buf->lock);
	tty_buffer_reset(&buf->sentinel, 0);
	buf->head = &buf->sentinel;
	buf->tail = &buf->sentinel;
	buf->mem_used = 0;
	buf->priority = 0;
	INIT_WORK(&buf->work, flush_to_ldisc);
	buf->mem_limit = TTYB_DEFAULT_MEM_LIMIT;
}

void tty_port_init(struct tty_port *port, struct tty_struct *tty)
{
	tty_buffer_init(port);
	port->tty = tty;
}
