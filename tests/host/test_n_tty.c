/* sources: kernel/drivers/tty/n_tty.c kernel/drivers/tty/tty_buffer.c kernel/drivers/tty/tty_ioctl.c kernel/locking/mutex.c kernel/fs/iov_iter.c */
/* Tests of the n_tty line discipline on a fake terminal: canonical lines
 * with echo, erase, word erase, kill and end-of-file, the signal
 * characters, raw mode with VMIN/VTIME, input and output translation, a
 * full buffer, switching modes with input pending, the flip buffer that
 * grows with the input, and throttling the driver while the reader lags. */
#define OWN_QUEUE_WORK /* counts the work it is given */
#include "fs_stubs.h"
#include <linux/tty.h>

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* What the driver was asked to send. */
static char output[8192];
static size_t output_len;

static int fake_write(struct tty_struct *tty, const unsigned char *buf, int count)
{
	if (output_len + count < sizeof(output)) {
		memcpy(output + output_len, buf, count);
		output_len += count;
		output[output_len] = '\0';
	}
	return count;
}

/* How often the driver was throttled and unthrottled. */
static int throttles, unthrottles;

static void fake_throttle(struct tty_struct *tty)
{
	throttles++;
}

static void fake_unthrottle(struct tty_struct *tty)
{
	unthrottles++;
}

static const struct tty_operations fake_ops = {
	.write = fake_write,
	.throttle = fake_throttle,
	.unthrottle = fake_unthrottle,
};

/* The rest of the tty layer, as n_tty sees it. */
int tty_write_chars(struct tty_struct *tty, const unsigned char *buf, int count)
{
	return tty->ops->write(tty, buf, count);
}

static int job_control_result; /* what __tty_check_change says */
static int isig_sig, isig_count;

int __tty_check_change(struct tty_struct *tty, int sig)
{
	return job_control_result;
}

int tty_check_change(struct tty_struct *tty)
{
	return job_control_result;
}

void __isig(int sig, struct tty_struct *tty)
{
	isig_sig = sig;
	isig_count++;
}

static int queued_work;

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	queued_work++;
	return true;
}

struct workqueue_struct *system_unbound_wq;

/* Linux's default termios (tty_std_termios). */
static const struct termios std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
};

static struct tty_struct tty;
static struct tty_port port;
static struct file file;

static int setup(void **state)
{
	stub_task_init();
	memset(&tty, 0, sizeof(tty));
	tty.ops = &fake_ops;
	tty.termios = std_termios;
	tty.ldisc = &n_tty_ops;
	tty.pgrp = 42;
	spin_lock_init(&tty.termios_lock);
	spin_lock_init(&tty.write_lock);
	mutex_init(&tty.throttle_mutex);
	mutex_init(&tty.termios_mutex);
	init_waitqueue_head(&tty.read_wait);
	init_waitqueue_head(&tty.write_wait);
	assert_int_equal(n_tty_ops.open(&tty), 0);
	tty_port_init(&port, &tty);
	tty.port = &port;
	memset(&file, 0, sizeof(file));
	output_len = 0;
	output[0] = '\0';
	job_control_result = 0;
	isig_sig = isig_count = queued_work = 0;
	throttles = unthrottles = 0;
	return 0;
}

/* The buffers the flip buffer still holds go too: the kernel's console
 * port lives for ever and has no use for Linux's tty_buffer_free_all. */
static int teardown(void **state)
{
	struct tty_buffer *b = port.buf.head, *next;

	for (; b; b = next) {
		next = b->next;
		if (b != &port.buf.sentinel)
			kfree(b);
	}
	kfree(tty.disc_data);
	return 0;
}

static void type(const char *s)
{
	n_tty_ops.receive_buf(&tty, (const unsigned char *)s, strlen(s));
}

/* read() into a kernel buffer. RETURNS: its result; @out NUL-terminated. */
static ssize_t tty_read_str(char *out, size_t n)
{
	struct iov_iter iter;
	ssize_t r;

	iov_iter_kvec(&iter, out, n);
	r = n_tty_ops.read(&tty, &file, &iter);
	out[r > 0 ? r : 0] = '\0';
	return r;
}

static void test_canonical_line_and_echo(void **state)
{
	char buf[64];

	type("ab");
	assert_string_equal(output, "ab");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), -ERESTARTSYS); /* no line yet */
	type("c\r");
	assert_string_equal(output, "abc\r\n");
	assert_int_equal(n_tty_ops.chars_in_buffer(&tty), 4);
	assert_int_equal(tty_read_str(buf, 2), 2); /* a short read leaves the rest */
	assert_string_equal(buf, "ab");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "c\n");
	type("one\rtwo\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 4); /* one line per read */
	assert_string_equal(buf, "one\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 4);
	assert_string_equal(buf, "two\n");
	file.f_flags = O_NONBLOCK;
	assert_int_equal(tty_read_str(buf, sizeof(buf)), -EAGAIN);
}

static void test_erase_werase_kill(void **state)
{
	char buf[64];

	type("abX\177c\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 4);
	assert_string_equal(buf, "abc\n");
	assert_string_equal(output, "abX\b \bc\r\n");
	output_len = 0;
	type("\177\177x\r"); /* nothing to erase at the start of a line */
	assert_string_equal(output, "x\r\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	output_len = 0;
	type("one two  \027three\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 10);
	assert_string_equal(buf, "one three\n");
	output_len = 0;
	type("abc\025de\r");
	assert_string_equal(output, "abc\b \b\b \b\b \bde\r\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 3);
	assert_string_equal(buf, "de\n");
	/* a control character echoes as ^X and erases as two columns */
	output_len = 0;
	type("\001\177\r");
	assert_string_equal(output, "^A\b \b\b \b\r\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 1);
	/* without ECHOE an erase echoes the erase character itself */
	tty.termios.c_lflag &= ~(ECHOE | ECHOCTL);
	output_len = 0;
	type("ab\177\r");
	assert_string_equal(output, "ab\177\r\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "a\n");
}

static void test_end_of_file(void **state)
{
	char buf[64];

	type("\004");
	assert_string_equal(output, ""); /* ^D is not echoed */
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 0);
	type("ab\004");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2); /* the line without newline */
	assert_string_equal(buf, "ab");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), -ERESTARTSYS);
}

static void test_signal_characters(void **state)
{
	char buf[64];

	type("partial\003");
	assert_int_equal(isig_sig, SIGINT);
	assert_string_equal(output, "partial^C");
	type("\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 1); /* the input went with ^C */
	assert_string_equal(buf, "\n");
	type("\034");
	assert_int_equal(isig_sig, SIGQUIT);
	type("\032");
	assert_int_equal(isig_sig, SIGTSTP);
	assert_int_equal(isig_count, 3);
	tty.termios.c_lflag |= NOFLSH;
	type("keep\003\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 5);
	assert_string_equal(buf, "keep\n");
	/* without ISIG, ^C is just a character */
	tty.termios.c_lflag &= ~ISIG;
	type("\003\r");
	assert_int_equal(isig_count, 4);
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "\003\n");
	/* a disabled character (c_cc = 0) never matches NUL input */
	tty.termios.c_lflag |= ISIG;
	tty.termios.c_cc[VINTR] = 0;
	n_tty_ops.receive_buf(&tty, (const unsigned char *)"\0\r", 2);
	assert_int_equal(isig_count, 4);
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	/* a background reader is stopped by job control */
	job_control_result = -ERESTARTSYS;
	type("x\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), -ERESTARTSYS);
	job_control_result = 0;
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
}

static void set_raw(int vmin, int vtime)
{
	struct termios old = tty.termios;

	tty.termios.c_lflag &= ~(ICANON | ECHO);
	tty.termios.c_cc[VMIN] = vmin;
	tty.termios.c_cc[VTIME] = vtime;
	n_tty_ops.set_termios(&tty, &old);
}

static void test_raw_mode(void **state)
{
	char buf[64];

	set_raw(1, 0);
	type("ab\177");
	assert_string_equal(output, ""); /* no echo */
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 3); /* no editing */
	assert_string_equal(buf, "ab\177");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), -ERESTARTSYS);
	type("\r");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 1);
	assert_string_equal(buf, "\n"); /* ICRNL still applies */
	set_raw(0, 0);
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 0); /* a poll */
	set_raw(4, 0);
	type("xy");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2); /* VMIN not reached: what came */
	set_raw(0, 5);
	stub_wait_ret = 0; /* the sleep times out */
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 0); /* VTIME ran out */
	stub_wait_ret = -ERESTARTSYS;
	/* back to canonical: pending input becomes a line */
	type("pending");
	tty.termios = std_termios;
	n_tty_ops.set_termios(&tty, &(struct termios){ .c_lflag = 0 });
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 7);
	assert_string_equal(buf, "pending");
}

static void test_input_translation(void **state)
{
	char buf[64];

	tty.termios.c_iflag &= ~ICRNL;
	type("a\rb\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 4);
	assert_string_equal(buf, "a\rb\n");
	tty.termios.c_iflag |= IGNCR;
	type("c\rd\n");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 3);
	assert_string_equal(buf, "cd\n");
	tty.termios.c_iflag = INLCR | ISTRIP;
	set_raw(1, 0);
	type("\n\xc1");
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "\rA");
}

static void test_output_processing(void **state)
{
	struct iov_iter iter;

	iov_iter_kvec(&iter, "a\nb\r", 4);
	assert_int_equal(n_tty_ops.write(&tty, &file, &iter), 4);
	assert_string_equal(output, "a\r\nb\r");
	output_len = 0;
	tty.termios.c_oflag |= OCRNL;
	iov_iter_kvec(&iter, "\r", 1);
	n_tty_ops.write(&tty, &file, &iter);
	assert_string_equal(output, "\n");
	output_len = 0;
	tty.termios.c_oflag = 0;
	iov_iter_kvec(&iter, "a\nb", 3);
	n_tty_ops.write(&tty, &file, &iter);
	assert_string_equal(output, "a\nb");
	/* TOSTOP: a background writer is stopped */
	tty.termios.c_lflag |= TOSTOP;
	job_control_result = -ERESTARTSYS;
	iov_iter_kvec(&iter, "x", 1);
	assert_int_equal(n_tty_ops.write(&tty, &file, &iter), -ERESTARTSYS);
}

static void test_full_buffer(void **state)
{
	static char line[5000], buf[5000];

	memset(line, 'z', sizeof(line) - 1);
	tty.termios.c_lflag &= ~ECHO;
	type(line);
	assert_int_equal(throttles, 0); /* a line with no end yet: never throttled */
	type("\r"); /* the last characters replaced each other; the end got in */
	assert_int_equal(throttles, 1); /* now a whole line fills the buffer */
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 4096);
	assert_int_equal(buf[4094], 'z');
	assert_int_equal(buf[4095], '\n');
	assert_int_equal(unthrottles, 1);
}

/* Insert @n bytes of @c into the flip buffer and push them. RETURNS: bytes stored. */
static int flip_fill(char c, int n)
{
	static unsigned char chars[70000];

	memset(chars, c, n);
	n = tty_insert_flip_string(&port, chars, n);
	tty_flip_buffer_push(&port);
	return n;
}

static void test_flip_buffer(void **state)
{
	static char buf[8192];

	assert_int_equal(tty_insert_flip_char(&port, 'h'), 1);
	assert_int_equal(tty_insert_flip_char(&port, 'i'), 1);
	assert_int_equal(tty_insert_flip_char(&port, '\r'), 1);
	tty_flip_buffer_push(&port);
	assert_int_equal(queued_work, 1);
	flush_to_ldisc(&port.buf.work);
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 3);
	assert_string_equal(buf, "hi\n");
	/* More than a page of input takes several buffers; none is lost. */
	set_raw(1, 0);
	assert_int_equal(flip_fill('q', 6000), 6000);
	assert_non_null(port.buf.head->next);
	flush_to_ldisc(&port.buf.work);
	/* The line discipline took what it had room for (one byte stays
	 * free), told the driver to stop, and the rest waits here. */
	assert_int_equal(n_tty_ops.chars_in_buffer(&tty), 4095);
	assert_int_equal(throttles, 1);
	assert_int_equal(tty_read_str(buf, 3900), 3900);
	assert_int_equal(unthrottles, 0); /* 195 bytes left: more than the threshold */
	queued_work = 0;
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 195);
	assert_int_equal(unthrottles, 1); /* empty: the driver may send again... */
	assert_int_equal(queued_work, 1); /* ...and the work item takes the rest */
	flush_to_ldisc(&port.buf.work);
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 6000 - 4095);
	assert_int_equal(buf[0], 'q');
	/* Emptied buffers are freed as the work item passes them. */
	assert_null(port.buf.head->next);
	assert_true(port.buf.mem_used <= 4096);
}

static void test_flip_buffer_limit(void **state)
{
	/* Nobody reads: the port keeps 64 KiB, then drops. */
	int stored = flip_fill('x', 70000);

	assert_true(stored >= 65536 && stored < 70000);
	assert_int_equal(flip_fill('y', 1), 0);
}

static void test_flush_discards_flip_and_ldisc(void **state)
{
	char buf[64];

	set_raw(1, 0);
	type("old");
	flip_fill('f', 5000);
	tty_buffer_flush(&tty); /* TCIFLUSH */
	flush_to_ldisc(&port.buf.work);
	file.f_flags = O_NONBLOCK;
	assert_int_equal(tty_read_str(buf, sizeof(buf)), -EAGAIN);
	flip_fill('n', 2);
	flush_to_ldisc(&port.buf.work);
	assert_int_equal(tty_read_str(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "nn");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_canonical_line_and_echo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_werase_kill, setup, teardown),
		cmocka_unit_test_setup_teardown(test_end_of_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signal_characters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_raw_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_input_translation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_output_processing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_full_buffer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flip_buffer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flip_buffer_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flush_discards_flip_and_ldisc, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
