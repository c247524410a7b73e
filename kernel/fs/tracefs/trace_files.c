/* What the tracer's main tracefs files do when read and written (Linux's
 * kernel/trace/trace.c file operations): `trace` and per_cpu/cpuN/trace
 * (the buffer as text; `echo > trace` or O_TRUNC clears it), `trace_pipe`
 * and per_cpu/cpuN/trace_pipe (consuming, blocking, poll-able),
 * per_cpu/cpuN/stats, `tracing_on`, `buffer_size_kb`,
 * `buffer_total_size_kb`, `trace_marker`, `trace_clock`, `saved_cmdlines`,
 * `saved_cmdlines_size` and `tracing_cpumask`; and the helpers every
 * control file shares. */
#include "internal.h"
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/irq_work.h>
#include <linux/seq_file.h>

/**
 * trace_get_user_buf - take what a write brings, NUL-terminated
 * @size: the room in @buf; at most @size - 1 bytes are taken
 * RETURNS: the bytes taken, -EINVAL if the write is @size bytes or more
 * (nothing is taken), or -EFAULT.
 */
ssize_t trace_get_user_buf(struct iov_iter *from, char *buf, size_t size)
{
	size_t count = iov_iter_count(from);

	if (count >= size)
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	buf[count] = '\0';
	return count;
}

/**
 * kstrtoul_from_iter - a number written to a control file (Linux's
 * kstrtoul_from_user: base 10 here, what a longer write brings beyond
 * 34 bytes is ignored, one trailing newline is allowed)
 * RETURNS: the bytes the write brought (all are consumed), or -EINVAL,
 * -ERANGE or -EFAULT with nothing changed.
 */
ssize_t kstrtoul_from_iter(struct iov_iter *from, unsigned long *val)
{
	char buf[1 + sizeof(unsigned long) * 8 + 1 + 1];
	size_t count = iov_iter_count(from), n = min(count, sizeof(buf) - 1);
	int ret;

	if (copy_from_iter(buf, n, from) != n)
		return -EFAULT;
	buf[n] = '\0';
	ret = kstrtoul(buf, 10, val);
	if (ret)
		return ret;
	from->count = 0;
	return count;
}

/* The CPU a per_cpu/cpuN file is for, or RING_BUFFER_ALL_CPUS (Linux's
 * tracing_get_cpu): its inode's private data is cpu + 1. */
static int tracing_get_cpu(struct inode *inode)
{
	long cpu = (long)inode->i_private;

	return cpu ? cpu - 1 : RING_BUFFER_ALL_CPUS;
}

/* ---- trace, per_cpu/cpuN/trace ---- */

/* An open trace or trace_pipe: the iterator and the mutex that serialises
 * the readers sharing the open file (Linux: seq_file's and iter's mutex). */
struct trace_reader {
	struct mutex lock;
	struct trace_iterator iter;
};

static struct trace_reader *trace_reader_alloc(struct inode *inode, bool consume)
{
	struct trace_reader *reader = kmalloc(sizeof(*reader), GFP_KERNEL);

	if (!reader)
		return NULL;
	mutex_init(&reader->lock);
	trace_iter_init(&reader->iter, &global_trace);
	reader->iter.cpu_file = tracing_get_cpu(inode);
	reader->iter.consume = consume;
	return reader;
}

static int tracing_open(struct inode *inode, struct file *file)
{
	struct trace_reader *reader;
	int cpu = tracing_get_cpu(inode);

	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC)) {
		if (cpu == RING_BUFFER_ALL_CPUS)
			tracing_reset_online_cpus();
		else
			ring_buffer_reset_cpu(&global_trace_buffer, cpu);
	}
	if (!(file->f_mode & FMODE_READ))
		return 0;
	reader = trace_reader_alloc(inode, false);
	if (!reader)
		return -ENOMEM;
	if (reader->iter.trace->open)
		reader->iter.trace->open(&reader->iter);
	/* As Linux: recording pauses while the trace is open for reading,
	 * so what is read is one finite picture. */
	tracing_stop();
	file->private_data = reader;
	return 0;
}

/*
 * The text from the file position on, a page at a time, stopping for a
 * fatal signal; a read that faults part way leaves the position after
 * what was copied, and trace_read() finds it again.
 */
static ssize_t tracing_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_reader *reader = iocb->ki_filp->private_data;
	char *buf;
	ssize_t ret = 0;

	if (iocb->ki_pos < 0)
		return -EINVAL;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	mutex_lock(&reader->lock);
	while (iov_iter_count(to)) {
		size_t n, copied;

		if (fatal_signal_pending(current)) {
			if (!ret)
				ret = -EINTR;
			break;
		}
		mutex_lock(&trace_buffers_lock);
		n = trace_read(&reader->iter, buf, min(iov_iter_count(to), (size_t)PAGE_SIZE),
			       &iocb->ki_pos);
		mutex_unlock(&trace_buffers_lock);
		copied = copy_to_iter(buf, n, to);
		ret += copied;
		if (copied < n) {
			iocb->ki_pos -= n - copied;
			if (!ret)
				ret = -EFAULT;
			break;
		}
		if (!n)
			break;
	}
	mutex_unlock(&reader->lock);
	kfree(buf);
	return ret;
}

/* Writing to `trace` does nothing but clear it if it was opened with
 * O_TRUNC, which `echo > trace` does (Linux's tracing_write_stub). */
static ssize_t tracing_write_stub(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	from->count = 0;
	return count;
}

static int tracing_release(struct inode *inode, struct file *file)
{
	struct trace_reader *reader = file->private_data;

	if (reader) {
		tracing_start();
		if (reader->iter.trace->close)
			reader->iter.trace->close(&reader->iter);
		kfree(reader);
	}
	return 0;
}

const struct file_operations tracing_fops = {
	.open = tracing_open,
	.read_iter = tracing_read,
	.write_iter = tracing_write_stub,
	.llseek = generic_file_llseek,
	.release = tracing_release,
};

/* ---- trace_pipe, per_cpu/cpuN/trace_pipe ---- */

/*
 * Readers blocked in trace_pipe (or poll) sleep here. Linux's writers wake
 * them with irq_work; ours may hold the scheduler's locks. While someone
 * waits, an irq_work polls at each tick and wakes them once records were
 * written or tracing_on changed (not a kernel timer, which the timer
 * events would record, feeding the reader its own wake-ups).
 */
static DECLARE_WAIT_QUEUE_HEAD(trace_wait);
static DEFINE_SPINLOCK(trace_wait_lock);
static unsigned long trace_wait_seen;

/* What changes when a reader may have something new: records written, tracing_on. */
static unsigned long trace_wait_state(void)
{
	unsigned long state = tracing_is_on();
	int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		state += READ_ONCE(global_trace_buffer.buffers[cpu].head) << 1;
	return state;
}

static void trace_wait_work_fn(struct irq_work *work)
{
	unsigned long state = trace_wait_state(), flags;

	if (state != trace_wait_seen) {
		trace_wait_seen = state;
		wake_up_interruptible_all(&trace_wait);
	}
	spin_lock_irqsave(&trace_wait_lock, flags);
	if (!list_empty(&trace_wait.head))
		irq_work_queue(work);
	spin_unlock_irqrestore(&trace_wait_lock, flags);
}

static DEFINE_IRQ_WORK(trace_wait_work, trace_wait_work_fn);

/* Make sure the poll runs: called after joining trace_wait. */
static void trace_wait_work_arm(void)
{
	unsigned long flags;

	spin_lock_irqsave(&trace_wait_lock, flags);
	if (irq_work_queue(&trace_wait_work))
		trace_wait_seen = trace_wait_state();
	spin_unlock_irqrestore(&trace_wait_lock, flags);
}

/* Sleep until the poll says something changed, or a signal (Linux's
 * wait_on_pipe). RETURNS: 0, or -EINTR. */
static int wait_on_pipe(struct trace_iterator *iter)
{
	struct wait_queue_entry wait;
	int ret = 0;

	init_wait_entry(&wait, 0);
	if (prepare_to_wait_event(&trace_wait, &wait, TASK_INTERRUPTIBLE))
		ret = -EINTR;
	else if (trace_empty(iter) && (tracing_is_on() || !iter->pos)) {
		trace_wait_work_arm();
		schedule();
		if (signal_pending(current))
			ret = -EINTR;
	}
	finish_wait(&trace_wait, &wait);
	return ret;
}

static int tracing_open_pipe(struct inode *inode, struct file *file)
{
	struct trace_reader *reader;

	if (!(file->f_mode & FMODE_READ))
		return 0;
	reader = trace_reader_alloc(inode, true);
	if (!reader)
		return -ENOMEM;
	/* the tracer cannot be switched while its pipe is read (Linux's ref) */
	mutex_lock(&trace_types_lock);
	reader->iter.trace = global_trace.current_trace;
	reader->iter.trace->ref++;
	/* Linux's pipe_open: the same as open for the tracers here */
	if (reader->iter.trace->open)
		reader->iter.trace->open(&reader->iter);
	mutex_unlock(&trace_types_lock);
	file->private_data = reader;
	return 0;
}

static int tracing_release_pipe(struct inode *inode, struct file *file)
{
	struct trace_reader *reader = file->private_data;

	if (reader) {
		mutex_lock(&trace_types_lock);
		if (reader->iter.trace->close)
			reader->iter.trace->close(&reader->iter);
		reader->iter.trace->ref--;
		mutex_unlock(&trace_types_lock);
		kfree(reader);
	}
	return 0;
}

/*
 * Wait for a record (Linux's tracing_wait_pipe): until one comes, or, once
 * something was read, until tracing is turned off (then end of file).
 * CONTEXT: reader->lock held, dropped while asleep.
 * RETURNS: 1 to read, 0 for end of file, -EAGAIN or -EINTR.
 */
static int tracing_wait_pipe(struct file *file, struct trace_reader *reader)
{
	struct trace_iterator *iter = &reader->iter;

	for (;;) {
		int ret;

		mutex_lock(&trace_buffers_lock);
		if (iter->generation != READ_ONCE(trace_buffers_generation))
			trace_iter_reset(iter);
		ret = trace_empty(iter);
		mutex_unlock(&trace_buffers_lock);
		if (!ret)
			return 1;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		/* iter->pos: something was read already */
		if (!tracing_is_on() && iter->pos)
			return 0;
		mutex_unlock(&reader->lock);
		ret = wait_on_pipe(iter);
		mutex_lock(&reader->lock);
		if (ret)
			return ret;
	}
}

/* Lines into iter->seq, each record consumed once its line fits (Linux's
 * tracing_read_pipe), until about @cnt bytes. CONTEXT: both locks held. */
static void tracing_fill_pipe(struct trace_iterator *iter, size_t cnt)
{
	trace_seq_init(&iter->seq);
	while (trace_find_next_entry_inc(iter)) {
		unsigned int save_len = iter->seq.len;
		enum print_line_t ret = print_trace_line(iter);

		if (ret == TRACE_TYPE_PARTIAL_LINE && save_len) {
			/* not this one: put it back for the next read */
			iter->seq.len = save_len;
			iter->seq.buffer[save_len] = '\0';
			iter->seq.full = 0;
			iter->cpu_next[iter->cpu]--;
			break;
		}
		if (ret != TRACE_TYPE_NO_CONSUME)
			ring_buffer_consume(iter->buffer, iter->cpu, iter->cpu_next[iter->cpu]);
		if (iter->seq.len >= cnt || ret == TRACE_TYPE_PARTIAL_LINE)
			break;
	}
}

static ssize_t tracing_read_pipe(struct kiocb *iocb, struct iov_iter *to)
{
	struct trace_reader *reader = iocb->ki_filp->private_data;
	struct trace_iterator *iter = &reader->iter;
	size_t cnt = iov_iter_count(to), n;
	ssize_t ret;

	mutex_lock(&reader->lock);
	/* what the last read left */
	if (iter->seq.readpos < iter->seq.len)
		goto copy;
	ret = tracing_wait_pipe(iocb->ki_filp, reader);
	if (ret <= 0)
		goto out;
	mutex_lock(&trace_buffers_lock);
	tracing_fill_pipe(iter, min(cnt, (size_t)PAGE_SIZE - 1));
	mutex_unlock(&trace_buffers_lock);
copy:
	n = min(cnt, (size_t)(iter->seq.len - iter->seq.readpos));
	ret = copy_to_iter(iter->seq.buffer + iter->seq.readpos, n, to);
	if (!ret && n)
		ret = -EFAULT;
	else
		iter->seq.readpos += ret;
	iter->pos += ret > 0 ? ret : 0;
out:
	mutex_unlock(&reader->lock);
	return ret;
}

/* Readable when a record is there, or always with options/block (Linux's trace_poll). */
static __poll_t tracing_poll_pipe(struct file *file, poll_table *pt)
{
	struct trace_reader *reader = file->private_data;
	__poll_t mask = 0;

	if (READ_ONCE(global_trace.trace_flags) & TRACE_ITER_BLOCK)
		return POLLIN | POLLRDNORM;
	poll_wait(file, &trace_wait, pt);
	mutex_lock(&reader->lock);
	mutex_lock(&trace_buffers_lock);
	if (reader->iter.seq.readpos < reader->iter.seq.len || !trace_empty(&reader->iter))
		mask = POLLIN | POLLRDNORM;
	mutex_unlock(&trace_buffers_lock);
	mutex_unlock(&reader->lock);
	if (!mask && pt)
		trace_wait_work_arm();
	return mask;
}

const struct file_operations tracing_pipe_fops = {
	.open = tracing_open_pipe,
	.read_iter = tracing_read_pipe,
	.poll = tracing_poll_pipe,
	.release = tracing_release_pipe,
};

/* ---- per_cpu/cpuN/stats ---- */

static int tracing_stats_show(struct seq_file *m, void *v)
{
	int cpu = (long)m->private;
	struct ring_buffer *buffer = &global_trace_buffer;
	bool in_ns = trace_clocks[READ_ONCE(global_trace.clock_id)].in_ns;
	u64 ts[2] = { 0, buffer->clock() };
	unsigned int i;

	seq_printf(m, "entries: %lu\n", ring_buffer_entries_cpu(buffer, cpu));
	seq_printf(m, "overrun: %lu\n", ring_buffer_overrun_cpu(buffer, cpu));
	seq_puts(m, "commit overrun: 0\n");
	seq_printf(m, "bytes: %lu\n", ring_buffer_entries_cpu(buffer, cpu) * RB_SLOT_SIZE);
	ring_buffer_oldest_event_ts(buffer, cpu, &ts[0]);
	for (i = 0; i < 2; i++) {
		seq_puts(m, i ? "now ts: " : "oldest event ts: ");
		if (in_ns) {
			u32 usec;
			u64 secs = div_u64_rem(div_u64(ts[i] + 500, 1000), USEC_PER_SEC, &usec);

			seq_printf(m, "%5llu.%06u\n", (unsigned long long)secs, usec);
		} else {
			seq_printf(m, "%llu\n", (unsigned long long)ts[i]);
		}
	}
	seq_printf(m, "dropped events: %lu\n", ring_buffer_dropped_events_cpu(buffer, cpu));
	seq_printf(m, "read events: %lu\n", ring_buffer_read_events_cpu(buffer, cpu));
	return 0;
}

static int tracing_stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, tracing_stats_show, (void *)(long)tracing_get_cpu(inode));
}

const struct file_operations tracing_stats_fops = {
	.open = tracing_stats_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* ---- tracing_on ---- */

static ssize_t rb_simple_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[4];
	int len = snprintf(buf, sizeof(buf), "%d\n", tracing_is_on());

	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

/* 0 or non-zero: stop or start recording, and tell the current tracer. */
static ssize_t rb_simple_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct trace_array *tr = &global_trace;
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);

	if (ret < 0)
		return ret;
	mutex_lock(&trace_types_lock);
	if (!!val != !!tracing_is_on()) {
		if (val) {
			tracing_on();
			if (tr->current_trace->start)
				tr->current_trace->start(tr);
		} else {
			tracing_off();
			if (tr->current_trace->stop)
				tr->current_trace->stop(tr);
		}
	}
	mutex_unlock(&trace_types_lock);
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations rb_simple_fops = {
	.read_iter = rb_simple_read,
	.write_iter = rb_simple_write,
	.llseek = generic_file_llseek,
};

/* ---- buffer_size_kb, buffer_total_size_kb ---- */

/* Each CPU's ring in KiB ("X" if they differ; here they never do). */
static ssize_t tracing_entries_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[32];
	int len;

	mutex_lock(&trace_buffers_lock);
	len = snprintf(buf, sizeof(buf), "%lu\n",
		       (unsigned long)ring_buffer_size(&global_trace_buffer, 0) >> 10);
	mutex_unlock(&trace_buffers_lock);
	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

/* KiB per CPU, at least 1 (Linux's tracing_entries_write). */
static ssize_t tracing_entries_write(struct kiocb *iocb, struct iov_iter *from)
{
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);
	int err;

	if (ret < 0)
		return ret;
	if (!val || val > ULONG_MAX >> 10)
		return -EINVAL;
	mutex_lock(&trace_types_lock);
	err = tracing_resize_ring_buffer(val << 10);
	mutex_unlock(&trace_types_lock);
	if (err)
		return err;
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations tracing_entries_fops = {
	.read_iter = tracing_entries_read,
	.write_iter = tracing_entries_write,
	.llseek = generic_file_llseek,
};

static ssize_t tracing_total_entries_read(struct kiocb *iocb, struct iov_iter *to)
{
	unsigned long size = 0;
	char buf[32];
	int cpu, len;

	mutex_lock(&trace_buffers_lock);
	for (cpu = 0; cpu < num_online_cpus(); cpu++)
		size += ring_buffer_size(&global_trace_buffer, cpu) >> 10;
	mutex_unlock(&trace_buffers_lock);
	len = snprintf(buf, sizeof(buf), "%lu\n", size);
	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

const struct file_operations tracing_total_entries_fops = {
	.read_iter = tracing_total_entries_read,
	.llseek = generic_file_llseek,
};

/* ---- trace_marker ---- */

/* The label's address, an ip inside tracing_mark_write (Linux's _THIS_IP_). */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

/*
 * A line of text into the trace as a TRACE_PRINT record, shown as
 * "tracing_mark_write: text" (Linux's tracing_mark_write). A record holds
 * TRACE_MARKER_MAX bytes of it (Linux: 1024): a longer write is cut there
 * and reports what it took, so that the writer sends the rest as another line.
 * RETURNS: the bytes taken, -EINVAL with options/markers off, -EBADF while
 * tracing is off (as Linux), or -EFAULT (a "<faulted>" line is recorded).
 */
static ssize_t tracing_mark_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct ring_buffer *buffer = &global_trace_buffer;
	struct ring_buffer_event *event;
	struct print_entry *entry;
	size_t cnt = iov_iter_count(from);
	unsigned long irq_flags;
	ssize_t written;

	if (!(READ_ONCE(global_trace.trace_flags) & TRACE_ITER_MARKERS))
		return -EINVAL;
	if (cnt > TRACE_MARKER_MAX)
		cnt = TRACE_MARKER_MAX;
	if (!cnt)
		return 0;
	/* copy before reserving: a fault may sleep, IRQs are off after */
	entry = kmalloc(TRACE_ENTRY_MAX, GFP_KERNEL);
	if (!entry)
		return -ENOMEM;
	if (copy_from_iter(entry->buf, cnt, from) != cnt) {
		strcpy(entry->buf, "<faulted>");
		cnt = strlen(entry->buf);
		written = -EFAULT;
	} else {
		written = cnt;
	}
	if (entry->buf[cnt - 1] == '\n')
		entry->buf[cnt] = '\0';
	else {
		entry->buf[cnt] = '\n';
		entry->buf[cnt + 1] = '\0';
	}
	local_irq_save(irq_flags);
	event = trace_buffer_lock_reserve(buffer, TRACE_PRINT, TRACE_ENTRY_MAX, irq_flags);
	if (event) {
		struct print_entry *rec = ring_buffer_event_data(event);

		rec->ip = _THIS_IP_;
		memcpy(rec->buf, entry->buf, TRACE_ENTRY_MAX - offsetof(struct print_entry, buf));
		__buffer_unlock_commit(buffer, event);
	}
	local_irq_restore(irq_flags);
	kfree(entry);
	if (!event)
		return -EBADF;
	if (written > 0)
		iocb->ki_pos += written;
	return written;
}

const struct file_operations tracing_mark_fops = {
	.write_iter = tracing_mark_write,
	.llseek = generic_file_llseek,
};

/* ---- trace_clock ---- */

static int tracing_clock_show(struct seq_file *m, void *v)
{
	unsigned int i, id = READ_ONCE(global_trace.clock_id);

	for (i = 0; i < nr_trace_clocks; i++)
		seq_printf(m, "%s%s%s%s", i ? " " : "", i == id ? "[" : "", trace_clocks[i].name,
			   i == id ? "]" : "");
	seq_putc(m, '\n');
	return 0;
}

static int tracing_clock_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_READ)
		return single_open(file, tracing_clock_show, NULL);
	return 0;
}

static int tracefs_seq_release(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_release(inode, file) : 0;
}

/* A clock's name; the buffer is cleared (Linux's tracing_clock_write). */
static ssize_t tracing_clock_write(struct kiocb *iocb, struct iov_iter *from)
{
	char buf[64];
	ssize_t cnt = trace_get_user_buf(from, buf, sizeof(buf));
	int ret;

	if (cnt < 0)
		return cnt;
	ret = tracing_set_clock(&global_trace, strstrip(buf));
	if (ret)
		return ret;
	iocb->ki_pos += cnt;
	return cnt;
}

const struct file_operations trace_clock_fops = {
	.open = tracing_clock_open,
	.read_iter = seq_read_iter,
	.write_iter = tracing_clock_write,
	.llseek = seq_lseek,
	.release = tracefs_seq_release,
};

/* ---- saved_cmdlines, saved_cmdlines_size ---- */

static void saved_cmdline_show(void *m, int pid, const char *comm)
{
	seq_printf(m, "%d %s\n", pid, comm);
}

static int saved_cmdlines_show(struct seq_file *m, void *v)
{
	trace_print_saved_cmdlines(saved_cmdline_show, m);
	return 0;
}

static int tracing_saved_cmdlines_open(struct inode *inode, struct file *file)
{
	return single_open(file, saved_cmdlines_show, NULL);
}

const struct file_operations tracing_saved_cmdlines_fops = {
	.open = tracing_saved_cmdlines_open,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

static ssize_t tracing_saved_cmdlines_size_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%u\n", trace_saved_cmdlines_size());

	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

/* 1 to 32768 comms; the table starts empty (Linux's). */
static ssize_t tracing_saved_cmdlines_size_write(struct kiocb *iocb, struct iov_iter *from)
{
	unsigned long val;
	ssize_t ret = kstrtoul_from_iter(from, &val);
	int err;

	if (ret < 0)
		return ret;
	if (!val || val > SAVED_CMDLINES_MAX)
		return -EINVAL;
	err = tracing_resize_saved_cmdlines(val);
	if (err)
		return err;
	iocb->ki_pos += ret;
	return ret;
}

const struct file_operations tracing_saved_cmdlines_size_fops = {
	.read_iter = tracing_saved_cmdlines_size_read,
	.write_iter = tracing_saved_cmdlines_size_write,
	.llseek = generic_file_llseek,
};

/* ---- tracing_cpumask ---- */

static ssize_t tracing_cpumask_read(struct kiocb *iocb, struct iov_iter *to)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%lx\n", READ_ONCE(global_trace.tracing_cpumask));

	return simple_read_from_buffer(to, &iocb->ki_pos, buf, len);
}

/*
 * Hex CPU bits, as Linux's cpumask_parse_user (bitmap_parse) takes them:
 * digits, a comma between 32-bit words, one trailing newline.
 * RETURNS: the bytes taken, -EINVAL for other characters, -EOVERFLOW for a
 * CPU this machine cannot have.
 */
static ssize_t tracing_cpumask_write(struct kiocb *iocb, struct iov_iter *from)
{
	char buf[64], *p;
	ssize_t cnt = trace_get_user_buf(from, buf, sizeof(buf));
	unsigned long long mask = 0;

	if (cnt < 0)
		return cnt;
	if (cnt && buf[cnt - 1] == '\n')
		buf[cnt - 1] = '\0';
	for (p = buf; *p; p++) {
		int v = hex_to_bin(*p);

		if (*p == ',')
			continue;
		if (v < 0)
			return -EINVAL;
		mask = mask << 4 | v;
		if (mask >> NR_CPUS)
			return -EOVERFLOW;
	}
	mutex_lock(&trace_types_lock);
	tracing_set_cpumask(&global_trace, mask);
	mutex_unlock(&trace_types_lock);
	iocb->ki_pos += cnt;
	return cnt;
}

const struct file_operations tracing_cpumask_fops = {
	.read_iter = tracing_cpumask_read,
	.write_iter = tracing_cpumask_write,
	.llseek = generic_file_llseek,
};
