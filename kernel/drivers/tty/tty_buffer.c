/* The flip buffer: characters the UART interrupt receives wait here until
 * the flush_to_ldisc work item hands them to the line discipline in
 * process context, in the kworker thread (Linux's drivers/tty/tty_buffer.c
 * and tty_port.c, with one ring instead of a list of buffers). */
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/workqueue.h>

/**
 * tty_insert_flip_char - queue one received character
 * CONTEXT: any, usually the UART interrupt. RETURNS: 1, or 0 if the
 * buffer is full and the character is dropped.
 */
int tty_insert_flip_char(struct tty_port *port, unsigned char ch)
{
	struct tty_bufhead *buf = &port->buf;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&buf->lock, flags);
	if (buf->head - buf->tail < TTY_BUFFER_SIZE) {
		buf->data[buf->head++ % TTY_BUFFER_SIZE] = ch;
		ret = 1;
	}
	spin_unlock_irqrestore(&buf->lock, flags);
	return ret;
}

/* Have the worker pass what was queued to the line discipline. */
void tty_flip_buffer_push(struct tty_port *port)
{
	queue_work(system_unbound_wq, &port->buf.work);
}

/* Linux's tty_port_default_receive_buf and tty_ldisc_receive_buf. */
static void tty_port_default_receive_buf(struct tty_port *port, const unsigned char *p,
					 int count)
{
	struct tty_struct *tty = port->tty;

	if (tty && tty->ldisc && tty->ldisc->receive_buf)
		tty->ldisc->receive_buf(tty, p, count);
}

/**
 * flush_to_ldisc - the work item: empty the flip buffer into the line
 * discipline, a chunk at a time (this is where ^C becomes SIGINT)
 * CONTEXT: the kworker thread.
 */
void flush_to_ldisc(struct work_struct *work)
{
	struct tty_port *port = container_of(work, struct tty_port, buf.work);
	struct tty_bufhead *buf = &port->buf;

	for (;;) {
		unsigned char chunk[64];
		unsigned long flags;
		int n = 0;

		spin_lock_irqsave(&buf->lock, flags);
		while (buf->tail != buf->head && n < (int)sizeof(chunk))
			chunk[n++] = buf->data[buf->tail++ % TTY_BUFFER_SIZE];
		spin_unlock_irqrestore(&buf->lock, flags);
		if (!n)
			return;
		tty_port_default_receive_buf(port, chunk, n);
	}
}

void tty_port_init(struct tty_port *port, struct tty_struct *tty)
{
	spin_lock_init(&port->buf.lock);
	port->buf.head = port->buf.tail = 0;
	INIT_WORK(&port->buf.work, flush_to_ldisc);
	port->tty = tty;
}
